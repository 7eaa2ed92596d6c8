package dev.supportbot.tickets;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Slack event ids already received, stored durably before an event is acknowledged: when Slack retries a
 * delivery, the retry is recognised and dropped. Thread-safe.
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
        return database.write(connection -> {
            Map<String, Delivery> result = new LinkedHashMap<>();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO slack_deliveries (event_id, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                long now = clock.millis();
                for (String id : ids) {
                    insert.setString(1, id);
                    insert.setLong(2, now);
                    result.merge(id, insert.executeUpdate() == 1 ? Delivery.FIRST : Delivery.SEEN,
                            (first, again) -> first);
                }
            }
            return result;
        });
    }

    /** Forgets ids received before {@code cutoff} (Slack stops retrying after minutes); returns how many. */
    public int forgetBefore(Instant cutoff) {
        return database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM slack_deliveries WHERE received_at < ?")) {
                delete.setLong(1, cutoff.toEpochMilli());
                return delete.executeUpdate();
            }
        });
    }
}
