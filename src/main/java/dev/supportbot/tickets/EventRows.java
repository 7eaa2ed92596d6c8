package dev.supportbot.tickets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The SQL of {@code ticket_events}: append an entry, read a ticket's log. Stateless apart from the codec. */
final class EventRows {
    private final EventCodec codec;

    EventRows(EventCodec codec) {
        this.codec = codec;
    }

    void append(Connection connection, TicketEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ticket_events"
                + " (ticket_number, sequence, type, recorded_at, actor, payload) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, event.ticket().number());
            insert.setInt(2, event.sequence());
            insert.setString(3, event.type().wireName());
            insert.setLong(4, event.recordedAt().toEpochMilli());
            insert.setString(5, event.actor());
            insert.setString(6, codec.encode(event.change()));
            insert.executeUpdate();
        }
    }

    int nextSequence(Connection connection, TicketId ticket) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COALESCE(MAX(sequence), 0) + 1 FROM ticket_events WHERE ticket_number = ?")) {
            select.setLong(1, ticket.number());
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    List<TicketEvent> history(Connection connection, TicketId ticket) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT sequence, type, recorded_at, actor,"
                + " payload FROM ticket_events WHERE ticket_number = ? ORDER BY sequence")) {
            select.setLong(1, ticket.number());
            List<TicketEvent> events = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    EventType type = EventType.fromWire(result.getString("type"));
                    events.add(new TicketEvent(ticket, result.getInt("sequence"),
                            Instant.ofEpochMilli(result.getLong("recorded_at")), result.getString("actor"),
                            codec.decode(type, result.getString("payload"))));
                }
            }
            return events;
        }
    }
}
