package dev.supportbot.tickets;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a ticket's append-only log: the ticket, its position in the log (from 1), when it was recorded,
 * who did it, and what happened.
 */
public record TicketEvent(TicketId ticket, int sequence, Instant recordedAt, String actor, TicketChange change) {
    public TicketEvent {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(change, "change");
        if (sequence < 1) {
            throw new IllegalArgumentException(ticket + ": event sequence must start at 1, got " + sequence);
        }
    }

    public EventType type() {
        return change.type();
    }

    /** Whether a customer may see this entry: everything but internal notes. */
    public boolean visibleToCustomer() {
        return !(change instanceof TicketChange.Commented comment) || comment.visibility() == Visibility.PUBLIC;
    }
}
