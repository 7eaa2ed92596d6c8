package dev.supportbot.slack;

import dev.supportbot.config.ConfigFile;
import dev.supportbot.config.SupportbotConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is who in Slack, read once from a YAML file: staff (the users of the workspace that installed the app,
 * or, when {@code staff.user_group} is set, the members of that user group), the internal triage channel, and the
 * customer organisations with their channels and people. Immutable.
 */
record WorkspaceConfig(Optional<String> staffUserGroup, String triageChannel, List<CustomerOrg> customers) {
    WorkspaceConfig {
        staffUserGroup = staffUserGroup == null ? Optional.empty() : staffUserGroup;
        if (triageChannel == null || !triageChannel.matches("[CG][A-Z0-9]+")) {
            throw new IllegalArgumentException("triage_channel must be a channel id like C0123ABCD, got '"
                    + triageChannel + "'");
        }
        customers = List.copyOf(customers == null ? List.of() : customers);
        List<String> seen = new ArrayList<>();
        for (CustomerOrg customer : customers) {
            for (String channel : customer.channels()) {
                if (seen.contains(channel)) {
                    throw new IllegalArgumentException("channel " + channel + " is listed for two customers");
                }
                seen.add(channel);
            }
        }
    }

    /** The organisation a customer channel belongs to. */
    Optional<CustomerOrg> customerByChannel(String channelId) {
        return customers.stream().filter(customer -> customer.channels().contains(channelId)).findFirst();
    }

    /** The organisation a Slack team (an external author's workspace) belongs to. */
    Optional<CustomerOrg> customerByTeam(String teamId) {
        return customers.stream().filter(customer -> customer.teamId().equals(teamId)).findFirst();
    }

    boolean isCustomerChannel(String channelId) {
        return customerByChannel(channelId).isPresent();
    }

    /** The workspace part of a whole config; wrong values fail with the key they came from. */
    static WorkspaceConfig from(SupportbotConfig.Workspace workspace) {
        List<CustomerOrg> orgs = workspace.customers().stream().map(customer -> new CustomerOrg(
                customer.organisation(), customer.teamId(), customer.channels(), customer.csm(), customer.tam(),
                customer.mle())).toList();
        return new WorkspaceConfig(workspace.staffUserGroup(), workspace.triageChannel(), orgs);
    }

    /** Reads only the workspace keys of a config file (an old {@code slack.yaml} is such a file). */
    static WorkspaceConfig load(Path file) {
        SupportbotConfig config = ConfigFile.load(file, Map.of());
        return ConfigFile.check(file, () -> from(config.workspace()));
    }
}
