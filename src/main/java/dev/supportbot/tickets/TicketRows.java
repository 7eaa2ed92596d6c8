package dev.supportbot.tickets;

import dev.supportbot.policy.Severity;
import dev.supportbot.sla.WarningLevel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The SQL of the {@code tickets} table: rows in and out, lookups and listings. Stateless. */
final class TicketRows {
    private static final String COLUMNS = "number, customer, channel, thread_ts, reporter, summary, severity,"
            + " status, assignee, created_at, first_response_due_at, first_response_at, first_responder,"
            + " sla_warnings, sla_breached_at";
    private static final String RUNNING = "first_response_at IS NULL AND sla_breached_at IS NULL"
            + " AND status IN ('open', 'acknowledged', 'waiting_on_customer')";

    private TicketRows() {
    }

    static TicketId nextId(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COALESCE(MAX(number), 1000) + 1 FROM tickets");
             ResultSet result = select.executeQuery()) {
            result.next();
            return new TicketId(result.getLong(1));
        }
    }

    static void insert(Connection connection, Ticket ticket, String idempotencyKey) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tickets (" + COLUMNS
                + ", idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, ticket.id().number());
            insert.setString(2, ticket.customer());
            insert.setString(3, ticket.channel());
            insert.setString(4, ticket.threadTs());
            insert.setString(5, ticket.reporter());
            insert.setString(6, ticket.summary());
            bindState(insert, 7, ticket);
            insert.setString(16, idempotencyKey);
            insert.executeUpdate();
        }
    }

    static void update(Connection connection, Ticket ticket) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE tickets SET severity = ?, status = ?,"
                + " assignee = ?, created_at = ?, first_response_due_at = ?, first_response_at = ?,"
                + " first_responder = ?, sla_warnings = ?, sla_breached_at = ? WHERE number = ?")) {
            bindState(update, 1, ticket);
            update.setLong(10, ticket.id().number());
            update.executeUpdate();
        }
    }

    /** Binds the nine columns from severity to sla_breached_at, starting at {@code first}. */
    private static void bindState(PreparedStatement statement, int first, Ticket ticket) throws SQLException {
        statement.setString(first, ticket.severity().name());
        statement.setString(first + 1, ticket.status().wireName());
        statement.setString(first + 2, ticket.assignee().orElse(null));
        statement.setLong(first + 3, ticket.createdAt().toEpochMilli());
        statement.setLong(first + 4, ticket.firstResponseDueAt().toEpochMilli());
        bindInstant(statement, first + 5, ticket.firstResponse().map(FirstResponse::at));
        statement.setString(first + 6, ticket.firstResponse().map(FirstResponse::responder).orElse(null));
        statement.setString(first + 7, ticket.slaWarnings().stream().sorted()
                .map(level -> Integer.toString(level.percent())).collect(Collectors.joining(",")));
        bindInstant(statement, first + 8, ticket.slaBreachedAt());
    }

    static Optional<Ticket> find(Connection connection, TicketId id) throws SQLException {
        return first(select(connection, "number = ?", List.of(id.number())));
    }

    static Optional<Ticket> findByKey(Connection connection, String idempotencyKey) throws SQLException {
        return first(select(connection, "idempotency_key = ?", List.of(idempotencyKey)));
    }

    static Optional<Ticket> findByThread(Connection connection, String channel, String threadTs)
            throws SQLException {
        List<Ticket> found = select(connection, "channel = ? AND thread_ts = ?", List.of(channel, threadTs));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getLast());
    }

    static List<Ticket> running(Connection connection) throws SQLException {
        return select(connection, RUNNING, List.of());
    }

    static List<TicketCount> countByState(Connection connection) throws SQLException {
        List<TicketCount> counts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT severity, status, COUNT(*) AS tickets FROM tickets GROUP BY severity, status");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.add(new TicketCount(Severity.valueOf(rows.getString("severity")),
                        TicketStatus.parse(rows.getString("status")), rows.getLong("tickets")));
            }
        }
        return counts;
    }

    /** Tickets matching the query, within {@code organisation} when one is given. */
    static List<Ticket> list(Connection connection, TicketQuery query, Optional<String> organisation)
            throws SQLException {
        List<String> conditions = new ArrayList<>(List.of("1 = 1"));
        List<Object> parameters = new ArrayList<>();
        for (String customer : List.of(organisation, query.customer()).stream().flatMap(Optional::stream).toList()) {
            conditions.add("customer = ?");
            parameters.add(customer);
        }
        query.status().ifPresent(status -> {
            conditions.add("status = ?");
            parameters.add(status.wireName());
        });
        query.createdSince().ifPresent(since -> {
            conditions.add("created_at >= ?");
            parameters.add(since.toEpochMilli());
        });
        return select(connection, String.join(" AND ", conditions), parameters);
    }

    private static List<Ticket> select(Connection connection, String where, List<Object> parameters)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM tickets WHERE " + where + " ORDER BY number")) {
            for (int index = 0; index < parameters.size(); index++) {
                select.setObject(index + 1, parameters.get(index));
            }
            List<Ticket> tickets = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    tickets.add(read(result));
                }
            }
            return tickets;
        }
    }

    private static Ticket read(ResultSet row) throws SQLException {
        String responder = row.getString("first_responder");
        Optional<FirstResponse> firstResponse = instant(row, "first_response_at")
                .map(at -> new FirstResponse(at, responder));
        return new Ticket(new TicketId(row.getLong("number")), row.getString("customer"), row.getString("channel"),
                row.getString("thread_ts"), row.getString("reporter"), row.getString("summary"),
                Severity.valueOf(row.getString("severity")), TicketStatus.parse(row.getString("status")),
                Optional.ofNullable(row.getString("assignee")), Instant.ofEpochMilli(row.getLong("created_at")),
                Instant.ofEpochMilli(row.getLong("first_response_due_at")), firstResponse,
                warnings(row.getString("sla_warnings")), instant(row, "sla_breached_at"));
    }

    private static Set<WarningLevel> warnings(String stored) {
        return stored.isEmpty() ? Set.of() : Arrays.stream(stored.split(","))
                .map(percent -> new WarningLevel(Integer.parseInt(percent)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    private static void bindInstant(PreparedStatement statement, int index, Optional<Instant> value)
            throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, value.get().toEpochMilli());
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }

    private static Optional<Ticket> first(List<Ticket> tickets) {
        return tickets.isEmpty() ? Optional.empty() : Optional.of(tickets.getFirst());
    }
}
