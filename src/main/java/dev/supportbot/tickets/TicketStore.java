package dev.supportbot.tickets;

import dev.supportbot.policy.Severity;
import dev.supportbot.sla.Deadlines;
import dev.supportbot.sla.SlaClock;
import dev.supportbot.sla.SlaSignal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Opening and changing tickets. Each change appends entries to the ticket's log and rewrites its row as the
 * replay of that log, in one transaction on the single writer connection. Times are kept to the millisecond.
 * Thread-safe.
 */
public final class TicketStore {
    static final String SLA_ACTOR = "sla-monitor";

    private final Database database;
    private final Deadlines deadlines;
    private final Clock clock;
    private final EventRows events;
    private final TicketQueries queries;

    public TicketStore(Database database, Deadlines deadlines, Clock clock) {
        this.database = database;
        this.deadlines = deadlines;
        this.clock = clock;
        this.events = new EventRows(new EventCodec());
        this.queries = new TicketQueries(database, events);
    }

    public TicketQueries queries() {
        return queries;
    }

    public Deadlines deadlines() {
        return deadlines;
    }

    /** Opens a ticket, or returns the one already opened with the same idempotency key. */
    public Creation create(NewTicket request) {
        return database.write(connection -> {
            Optional<Ticket> existing = TicketRows.findByKey(connection, request.idempotencyKey());
            if (existing.isPresent()) {
                return new Creation(existing.get(), false);
            }
            TicketId id = TicketRows.nextId(connection);
            Instant messageAt = millis(request.messageAt());
            TicketChange.Created created = new TicketChange.Created(request.customer(), request.channel(),
                    request.threadTs(), request.reporter(), request.summary(), request.severity(), messageAt,
                    deadlines.firstResponseDue(request.customer(), request.severity(), messageAt));
            Ticket ticket = TicketHistory.opened(id, created);
            TicketRows.insert(connection, ticket, request.idempotencyKey());
            events.append(connection, new TicketEvent(id, 1, now(), request.reporter(), created));
            return new Creation(ticket, true);
        });
    }

    /** Re-prioritises; the deadline becomes the customer's message time + the new severity's target. */
    public Ticket changeSeverity(TicketId id, Severity severity, Viewer.Staff by, String reason) {
        String why = reason == null || reason.isBlank() ? "" : UserText.text("reason", reason);
        return change(id, by.name(), ticket -> {
            if (ticket.severity() == severity) {
                throw new TicketException(id + " is already " + severity.label());
            }
            return List.of(new TicketChange.SeverityChanged(ticket.severity(), severity, why,
                    deadlines.firstResponseDue(ticket.customer(), severity, ticket.createdAt())));
        });
    }

    public Ticket assign(TicketId id, String assignee, Viewer.Staff by) {
        String name = UserText.name("assignee", assignee);
        return change(id, by.name(), ticket -> {
            if (ticket.assignee().equals(Optional.of(name))) {
                throw new TicketException(id + " is already assigned to " + name);
            }
            return List.of(new TicketChange.Assigned(name));
        });
    }

    /** Moves to another status: acknowledge, wait on the customer, resolve, close, or reopen ({@code OPEN}). */
    public Ticket moveTo(TicketId id, TicketStatus next, Viewer.Staff by) {
        return change(id, by.name(), ticket -> {
            TicketStatus from = ticket.status();
            if (from == next) {
                throw new TicketException(id + " is already " + next.wireName());
            }
            if (!from.canMoveTo(next)) {
                throw new TicketException(id + " is " + from.wireName() + "; it cannot become " + next.wireName());
            }
            TicketChange change = next == TicketStatus.RESOLVED ? new TicketChange.Resolved(from)
                    : next == TicketStatus.OPEN ? new TicketChange.Reopened(from)
                    : new TicketChange.StatusChanged(from, next);
            return List.of(change);
        });
    }

    /**
     * Logs a message in the ticket's thread. The first customer-visible reply by a human staff member is the
     * first response and stops the clock; bot messages and internal notes never do. A customer may write only
     * public replies as a customer, on its own organisation's tickets.
     */
    public Ticket reply(TicketId id, Viewer viewer, Reply reply) {
        if (viewer instanceof Viewer.Customer && (reply.role() != AuthorRole.CUSTOMER
                || reply.visibility() != Visibility.PUBLIC)) {
            throw new TicketException("a customer can only post public replies as a customer");
        }
        return change(id, reply.author(), ticket -> {
            if (!ticket.visibleTo(viewer)) {
                throw new TicketNotFoundException(id);
            }
            List<TicketChange> changes = new ArrayList<>();
            changes.add(new TicketChange.Commented(reply.author(), reply.role(), reply.visibility(), reply.text()));
            if (reply.isHumanResponse() && ticket.firstResponse().isEmpty()) {
                changes.add(new TicketChange.Responded(reply.author(), millis(reply.postedAt())));
            }
            return changes;
        });
    }

    /**
     * Records the warnings or the breach the ticket's clock says are due now and were not recorded before,
     * deciding on the ticket as stored at this moment so that each is recorded once.
     */
    public SlaUpdate recordDueSla(TicketId id) {
        List<SlaSignal> recorded = new ArrayList<>();
        Ticket ticket = change(id, SLA_ACTOR, current -> {
            SlaClock clock = current.slaClock(deadlines.calendarFor(current.customer()));
            recorded.addAll(current.status().isActive() ? clock.due(deadlines.warnings(), now()) : List.of());
            return recorded.stream().map(TicketStore::toChange).toList();
        });
        return new SlaUpdate(ticket, recorded);
    }

    private static TicketChange toChange(SlaSignal signal) {
        return switch (signal) {
            case SlaSignal.Warning warning -> new TicketChange.SlaWarned(warning.level(), warning.reachedAt());
            case SlaSignal.Breach breach -> new TicketChange.SlaBreached(breach.deadline());
        };
    }

    private Ticket change(TicketId id, String actor, Function<Ticket, List<TicketChange>> decide) {
        return database.write(connection -> {
            Ticket current = TicketRows.find(connection, id).orElseThrow(() -> new TicketNotFoundException(id));
            return append(connection, current, actor, decide.apply(current));
        });
    }

    private Ticket append(Connection connection, Ticket current, String actor, List<TicketChange> changes)
            throws SQLException {
        if (changes.isEmpty()) {
            return current;
        }
        int sequence = events.nextSequence(connection, current.id());
        Instant recordedAt = now();
        Ticket ticket = current;
        for (TicketChange change : changes) {
            TicketEvent event = new TicketEvent(current.id(), sequence++, recordedAt, actor, change);
            events.append(connection, event);
            ticket = TicketHistory.apply(ticket, event);
        }
        TicketRows.update(connection, ticket);
        return ticket;
    }

    private Instant now() {
        return millis(clock.instant());
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
