package dev.supportbot.tickets;

import java.time.Instant;
import java.util.Objects;

/** The first customer-visible reply by a human staff member: it stops the first-response clock. */
public record FirstResponse(Instant at, String responder) {
    public FirstResponse {
        Objects.requireNonNull(at, "at");
        responder = UserText.name("responder", responder);
    }
}
