package dev.supportbot.tickets;

import dev.supportbot.policy.Severity;
import java.util.Objects;

/** How many tickets have one severity and status; for metrics. */
public record TicketCount(Severity severity, TicketStatus status, long count) {
    public TicketCount {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        if (count < 0) {
            throw new IllegalArgumentException("a count cannot be negative, got " + count);
        }
    }
}
