package dev.supportbot.slack;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    static WorkspaceConfig load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try {
            return yaml.readValue(file.toFile(), FileForm.class).toConfig();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read the Slack workspace config " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private record FileForm(StaffForm staff, @JsonProperty("triage_channel") String triageChannel,
                            List<CustomerForm> customers) {
        WorkspaceConfig toConfig() {
            List<CustomerOrg> orgs = customers == null ? List.of()
                    : customers.stream().map(CustomerForm::toCustomer).toList();
            return new WorkspaceConfig(Optional.ofNullable(staff).map(StaffForm::userGroup), triageChannel, orgs);
        }
    }

    private record StaffForm(@JsonProperty("user_group") String userGroup) {
    }

    private record CustomerForm(String organisation, @JsonProperty("team_id") String teamId, List<String> channels,
                                String csm, String tam, String mle) {
        CustomerOrg toCustomer() {
            return new CustomerOrg(organisation, teamId, channels, Optional.ofNullable(csm),
                    Optional.ofNullable(tam), Optional.ofNullable(mle));
        }
    }
}
