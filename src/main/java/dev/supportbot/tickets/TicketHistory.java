package dev.supportbot.tickets;

import dev.supportbot.policy.Severity;
import dev.supportbot.sla.WarningLevel;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Derives a ticket's state from its event log. The store computes every row it writes with {@link #apply}, so
 * replaying the log always gives the stored row. Stateless.
 */
public final class TicketHistory {
    private TicketHistory() {
    }

    /** The state after all of {@code events}, which must start with the ticket's creation. */
    public static Ticket replay(List<TicketEvent> events) {
        if (events.isEmpty() || !(events.getFirst().change() instanceof TicketChange.Created created)) {
            throw new IllegalArgumentException("a ticket's log must start with a created event");
        }
        Ticket ticket = opened(events.getFirst().ticket(), created);
        for (TicketEvent event : events.subList(1, events.size())) {
            ticket = apply(ticket, event);
        }
        return ticket;
    }

    static Ticket opened(TicketId id, TicketChange.Created created) {
        return new Ticket(id, created.customer(), created.channel(), created.threadTs(), created.reporter(),
                created.summary(), created.severity(), TicketStatus.OPEN, Optional.empty(), created.messageAt(),
                created.firstResponseDueAt(), Optional.empty(), Set.of(), Optional.empty());
    }

    /** The state after one more event. */
    static Ticket apply(Ticket ticket, TicketEvent event) {
        if (!event.ticket().equals(ticket.id())) {
            throw new IllegalArgumentException("event of " + event.ticket() + " applied to " + ticket.id());
        }
        Draft draft = new Draft(ticket);
        switch (event.change()) {
            case TicketChange.Created created ->
                    throw new IllegalArgumentException(ticket.id() + " is created a second time");
            case TicketChange.SeverityChanged changed -> {
                draft.severity = changed.to();
                draft.firstResponseDueAt = changed.firstResponseDueAt();
            }
            case TicketChange.Assigned assigned -> draft.assignee = Optional.of(assigned.assignee());
            case TicketChange.StatusChanged changed -> draft.status = changed.to();
            case TicketChange.Responded responded ->
                    draft.firstResponse = Optional.of(new FirstResponse(responded.respondedAt(), responded.responder()));
            case TicketChange.SlaWarned warned -> draft.slaWarnings.add(warned.level());
            case TicketChange.SlaBreached breached -> draft.slaBreachedAt = Optional.of(breached.breachedAt());
            case TicketChange.Commented commented -> {
                // a comment is history only; it changes no field
            }
            case TicketChange.Resolved resolved -> draft.status = TicketStatus.RESOLVED;
            case TicketChange.Reopened reopened -> draft.status = TicketStatus.OPEN;
        }
        return draft.toTicket();
    }

    /** The changing fields of a ticket while one event is applied. */
    private static final class Draft {
        private final Ticket base;
        private Severity severity;
        private TicketStatus status;
        private Optional<String> assignee;
        private Instant firstResponseDueAt;
        private Optional<FirstResponse> firstResponse;
        private final Set<WarningLevel> slaWarnings;
        private Optional<Instant> slaBreachedAt;

        Draft(Ticket base) {
            this.base = base;
            this.severity = base.severity();
            this.status = base.status();
            this.assignee = base.assignee();
            this.firstResponseDueAt = base.firstResponseDueAt();
            this.firstResponse = base.firstResponse();
            this.slaWarnings = new HashSet<>(base.slaWarnings());
            this.slaBreachedAt = base.slaBreachedAt();
        }

        Ticket toTicket() {
            return new Ticket(base.id(), base.customer(), base.channel(), base.threadTs(), base.reporter(),
                    base.summary(), severity, status, assignee, base.createdAt(), firstResponseDueAt,
                    firstResponse, slaWarnings, slaBreachedAt);
        }
    }
}
