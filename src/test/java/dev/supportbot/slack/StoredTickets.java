package dev.supportbot.slack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads a served data folder's SQLite file directly, as an auditor would (while the server runs, or after it is
 * gone): ticket counts, each ticket's first-response deadline by idempotency key, events still pending in the
 * delivery log, and {@code PRAGMA integrity_check}. Not thread-safe.
 */
final class StoredTickets {
    private final Path dataDir;

    StoredTickets(Path dataDir) {
        this.dataDir = dataDir;
    }

    long count() throws SQLException {
        return count("SELECT count(*) FROM tickets");
    }

    /** The single number a {@code SELECT count(*)} query gives. */
    long count(String query) throws SQLException {
        try (Connection connection = open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            return rows.getLong(1);
        }
    }

    /** Events acknowledged whose work (their posts included) is not finished yet. */
    long pending() throws SQLException {
        return count("SELECT count(*) FROM slack_deliveries WHERE pending_body IS NOT NULL");
    }

    /** Waits until no event is pending, or the timeout; returns how many are pending then. */
    long awaitNothingPending(Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long pending = pending();
            if (pending == 0 || System.nanoTime() > deadline) {
                return pending;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    /** Idempotency key (channel/ts of the customer's message) to first-response deadline in epoch millis. */
    Map<String, Long> deadlinesByKey() throws SQLException {
        Map<String, Long> deadlines = new HashMap<>();
        try (Connection connection = open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT idempotency_key, first_response_due_at FROM tickets")) {
            while (rows.next()) {
                deadlines.put(rows.getString(1), rows.getLong(2));
            }
        }
        return deadlines;
    }

    /** What {@code PRAGMA integrity_check} says: "ok" for a sound file. */
    String integrityCheck() throws SQLException {
        try (Connection connection = open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            StringBuilder verdict = new StringBuilder();
            while (rows.next()) {
                verdict.append(verdict.isEmpty() ? "" : "; ").append(rows.getString(1));
            }
            return verdict.toString();
        }
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("supportbot.db"));
    }
}
