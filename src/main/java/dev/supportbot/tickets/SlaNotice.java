package dev.supportbot.tickets;

import dev.supportbot.sla.SlaSignal;
import java.util.Objects;

/** A warning or breach the monitor recorded, with the ticket as it is after recording it. */
public record SlaNotice(Ticket ticket, SlaSignal signal) {
    public SlaNotice {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(signal, "signal");
    }
}
