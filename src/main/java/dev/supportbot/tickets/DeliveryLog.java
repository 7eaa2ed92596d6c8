package dev.supportbot.tickets;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Slack event ids already received, stored durably before an event is acknowledged: when Slack retries a
 * delivery, the retry is recognised and dropped. An event that still has work to do is stored with its body
 * until {@link #done}: after a crash, {@link #pending} gives back what was acknowledged but never processed.
 * Thread-safe.
 */
public final class DeliveryLog {
    private final Database database;
    private final Clock clock;

    public DeliveryLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Whether an event id is new or has been seen before. */
    public enum Delivery {
        FIRST,
        SEEN
    }

    /** An event as received: its id and raw body. */
    public record Arrival(String eventId, String body) {
        public Arrival {
            eventId = UserText.name("event id", eventId);
            if (body == null || body.isEmpty()) {
                throw new IllegalArgumentException("event " + eventId + " needs a body, got '" + body + "'");
            }
        }
    }

    /** Records {@code eventId}; says {@link Delivery#SEEN} when it was recorded before. */
    public Delivery record(String eventId) {
        String id = UserText.name("event id", eventId);
        int inserted = database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO slack_deliveries (event_id, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, id);
                insert.setLong(2, clock.millis());
                return insert.executeUpdate();
            }
        });
        return inserted == 1 ? Delivery.FIRST : Delivery.SEEN;
    }

    /**
     * Records several event ids in one transaction (one sync to disk for all of them: group commit) and says, per
     * id, whether it is new. An id given twice in one call is {@link Delivery#FIRST} once and then SEEN.
     */
    public Map<String, Delivery> recordAll(Collection<String> eventIds) {
        List<String> ids = eventIds.stream().map(eventId -> UserText.name("event id", eventId)).toList();
        return insert(ids, ids.stream().map(id -> (String) null).toList());
    }

    /**
     * As {@link #recordAll}, keeping each new event's body as pending work until {@link #done}. A repeat keeps
     * the body of its first delivery.
     */
    public Map<String, Delivery> recordArrivals(List<Arrival> arrivals) {
        return insert(arrivals.stream().map(Arrival::eventId).toList(), arrivals.stream().map(Arrival::body).toList());
    }

    private Map<String, Delivery> insert(List<String> ids, List<String> bodies) {
        return database.write(connection -> {
            Map<String, Delivery> result = new LinkedHashMap<>();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO slack_deliveries"
                    + " (event_id, received_at, pending_body) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                long now = clock.millis();
                for (int i = 0; i < ids.size(); i++) {
                    String id = ids.get(i);
                    insert.setString(1, id);
                    insert.setLong(2, now);
                    insert.setString(3, bodies.get(i));
                    result.merge(id, insert.executeUpdate() == 1 ? Delivery.FIRST : Delivery.SEEN,
                            (first, again) -> first);
                }
            }
            return result;
        });
    }

    /** The event's work is finished: it is no longer {@link #pending}. */
    public void done(String eventId) {
        doneAll(List.of(eventId));
    }

    /** As {@link #done}, for several events in one transaction. */
    public void doneAll(Collection<String> eventIds) {
        List<String> ids = eventIds.stream().map(eventId -> UserText.name("event id", eventId)).toList();
        database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE slack_deliveries SET pending_body = NULL WHERE event_id = ?")) {
                for (String id : ids) {
                    update.setString(1, id);
                    update.addBatch();
                }
                return update.executeBatch().length;
            }
        });
    }

    /** Events acknowledged whose work never finished (the process died first), oldest first. */
    public List<Arrival> pending() {
        return database.read(connection -> {
            List<Arrival> pending = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT event_id, pending_body"
                    + " FROM slack_deliveries WHERE pending_body IS NOT NULL ORDER BY received_at, event_id")) {
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        pending.add(new Arrival(rows.getString(1), rows.getString(2)));
                    }
                }
            }
            return pending;
        });
    }

    /**
     * Forgets ids received before {@code cutoff} (Slack stops retrying after minutes), except pending ones;
     * returns how many.
     */
    public int forgetBefore(Instant cutoff) {
        return database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM slack_deliveries WHERE received_at < ? AND pending_body IS NULL")) {
                delete.setLong(1, cutoff.toEpochMilli());
                return delete.executeUpdate();
            }
        });
    }
}
