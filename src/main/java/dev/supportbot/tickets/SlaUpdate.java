package dev.supportbot.tickets;

import dev.supportbot.sla.SlaSignal;
import java.util.List;
import java.util.Objects;

/** A ticket after an SLA check, and the signals that check recorded (empty when nothing was due). */
public record SlaUpdate(Ticket ticket, List<SlaSignal> recorded) {
    public SlaUpdate {
        Objects.requireNonNull(ticket, "ticket");
        recorded = List.copyOf(recorded);
    }
}
