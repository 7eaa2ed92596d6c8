package dev.supportbot.slack;

import java.util.List;
import java.util.Optional;

/**
 * A customer organisation as the workspace config knows it: its Slack team (Slack Connect authors are told
 * apart by team id), its shared channels, and the people who look after it (CSM, TAM, MLE), as Slack user ids.
 */
record CustomerOrg(String organisation, String teamId, List<String> channels, Optional<String> csm,
                   Optional<String> tam, Optional<String> mle) {
    CustomerOrg {
        if (organisation == null || organisation.isBlank()) {
            throw new IllegalArgumentException("a customer needs an organisation name");
        }
        if (teamId == null || !teamId.matches("[TE][A-Z0-9]+")) {
            throw new IllegalArgumentException("customer " + organisation
                    + " needs team_id, a Slack team id like T0123ABCD; got '" + teamId + "'");
        }
        channels = List.copyOf(channels == null ? List.of() : channels);
        for (String channel : channels) {
            if (!channel.matches("[CG][A-Z0-9]+")) {
                throw new IllegalArgumentException("customer " + organisation
                        + " lists '" + channel + "', which is not a channel id like C0123ABCD");
            }
        }
        csm = csm == null ? Optional.empty() : csm;
        tam = tam == null ? Optional.empty() : tam;
        mle = mle == null ? Optional.empty() : mle;
    }
}
