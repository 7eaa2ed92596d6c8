package dev.supportbot.slack;

import dev.supportbot.tickets.TicketId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What became of an event: for the log, a few words (never the message's text) and the ticket concerned; and its
 * Slack calls, complete when they have gone through.
 */
record Handled(String summary, Optional<TicketId> ticket, CompletableFuture<?> delivered) {
    Handled {
        if (summary == null || summary.isBlank() || ticket == null || delivered == null) {
            throw new IllegalArgumentException("handled needs a summary, its ticket if any and its calls, got '"
                    + summary + "'");
        }
    }

    /** Nothing to post. */
    static Handled withoutCalls(String summary) {
        return new Handled(summary, Optional.empty(), CompletableFuture.completedFuture(null));
    }

    /** Nothing to post about this ticket. */
    static Handled withoutCalls(TicketId ticket, String summary) {
        return new Handled(summary, Optional.of(ticket), CompletableFuture.completedFuture(null));
    }
}
