package dev.supportbot.tickets;

import java.util.Objects;

/** The ticket for an idempotency key, and whether this call created it ({@code false}: it existed already). */
public record Creation(Ticket ticket, boolean created) {
    public Creation {
        Objects.requireNonNull(ticket, "ticket");
    }
}
