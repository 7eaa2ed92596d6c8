package dev.supportbot.tickets;

import java.util.List;
import java.util.Optional;

/**
 * Reading tickets, always on behalf of a {@link Viewer}: a customer sees only its own organisation's tickets and
 * no internal notes; another organisation's ticket is "not found". Thread-safe.
 */
public final class TicketQueries {
    private final Database database;
    private final EventRows events;

    public TicketQueries(Database database) {
        this(database, new EventRows(new EventCodec()));
    }

    TicketQueries(Database database, EventRows events) {
        this.database = database;
        this.events = events;
    }

    public Ticket get(TicketId id, Viewer viewer) {
        return database.read(connection -> TicketRows.find(connection, id))
                .filter(ticket -> ticket.visibleTo(viewer))
                .orElseThrow(() -> new TicketNotFoundException(id));
    }

    public List<Ticket> list(Viewer viewer, TicketQuery query) {
        return database.read(connection -> TicketRows.list(connection, query, organisationOf(viewer)));
    }

    /** The ticket opened from a thread's root message, if any and if the viewer may see it. */
    public Optional<Ticket> findByThread(String channel, String threadTs, Viewer viewer) {
        return database.read(connection -> TicketRows.findByThread(connection, channel, threadTs))
                .filter(ticket -> ticket.visibleTo(viewer));
    }

    /** The ticket's log, oldest first; customers do not see internal notes. */
    public List<TicketEvent> history(TicketId id, Viewer viewer) {
        Ticket ticket = get(id, viewer);
        List<TicketEvent> log = database.read(connection -> events.history(connection, ticket.id()));
        return switch (viewer) {
            case Viewer.Staff staff -> log;
            case Viewer.Customer customer -> log.stream().filter(TicketEvent::visibleToCustomer).toList();
        };
    }

    /** How many tickets there are of each severity and status; one query, for metrics and readiness. */
    public List<TicketCount> countByState() {
        return database.read(TicketRows::countByState);
    }

    /** Tickets whose first-response clock still runs, for the SLA monitor. */
    List<Ticket> running() {
        return database.read(TicketRows::running);
    }

    private static Optional<String> organisationOf(Viewer viewer) {
        return switch (viewer) {
            case Viewer.Staff staff -> Optional.empty();
            case Viewer.Customer customer -> Optional.of(customer.organisation());
        };
    }
}
