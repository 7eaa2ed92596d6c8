package dev.supportbot.slack;

import dev.supportbot.triage.Decision;

/** The text of a private {@code /support} answer: like a thread reply, without buttons (an ephemeral has no thread). */
final class PrivateAnswer {
    private PrivateAnswer() {
    }

    static String render(Decision decision) {
        return switch (decision) {
            case Decision.Answer answer -> Mrkdwn.escape(answer.reply()) + "\n"
                    + BlockParts.citations("Sources:", answer.citations());
            case Decision.OutOfScope outOfScope -> Mrkdwn.escape(outOfScope.reply()) + "\n"
                    + BlockParts.citations("Support scope:", outOfScope.citations());
            case Decision.OpenTicket open -> "This sounds like a " + open.severity().label() + " problem. Post it in "
                    + "your support channel (or mention me there) and I'll open a ticket with its response clock.";
            case Decision.NoAction nothing -> "How can I help? Ask me a question about 1-Click Clusters.";
        };
    }
}
