package dev.supportbot.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportbot.TestClock;
import dev.supportbot.policy.Severity;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dataDir;

    private static String pragma(Database database, String name) {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("PRAGMA " + name)) {
                result.next();
                return result.getString(1);
            }
        });
    }

    @Test
    void theFileIsInWalModeWithFullSynchronousForeignKeysAndABusyTimeout() {
        try (Database database = Database.open(dataDir)) {
            assertEquals("wal", pragma(database, "journal_mode"));
            assertEquals("2", pragma(database, "synchronous"));
            assertEquals("1", pragma(database, "foreign_keys"));
            assertEquals("10000", pragma(database, "busy_timeout"));
            assertEquals("ok", pragma(database, "integrity_check"));
            assertEquals(dataDir.resolve(Database.FILE_NAME), database.file());
        }
    }

    @Test
    void migrationsRunOnceAndRecordTheSchemaVersion() {
        Database.open(dataDir).close();
        try (Database database = Database.open(dataDir)) {
            int version = database.read(Migrations::currentVersion);
            long rows = database.read(connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM schema_version")) {
                    result.next();
                    return result.getLong(1);
                }
            });
            assertEquals(Migrations.SCRIPTS.size(), version);
            assertEquals(Migrations.SCRIPTS.size(), rows);
        }
    }

    @Test
    void aDatabaseFromANewerBuildIsRefusedWithItsVersion() {
        try (Database database = Database.open(dataDir)) {
            database.write(connection -> execute(connection,
                    "INSERT INTO schema_version (version, script) VALUES (99, 'V99__future.sql')"));
        }

        StoreException refused = assertThrows(StoreException.class, () -> Database.open(dataDir));

        assertTrue(refused.getMessage().endsWith("has schema version 99, newer than this build's "
                + Migrations.SCRIPTS.size() + "; run a newer supportbot"), refused.getMessage());
    }

    @Test
    void theEventLogIsAppendOnlyEvenForSql() {
        try (StoreFixture fixture = new StoreFixture(dataDir, TestClock.at("2025-03-03T10:00:00Z"))) {
            fixture.open("acme", Severity.SEV1, "down");

            StoreException update = assertThrows(StoreException.class, () -> fixture.database().write(
                    connection -> execute(connection, "UPDATE ticket_events SET actor = 'someone else'")));
            StoreException delete = assertThrows(StoreException.class, () -> fixture.database().write(
                    connection -> execute(connection, "DELETE FROM ticket_events")));

            assertTrue(update.getMessage().contains("ticket_events is append-only"), update.getMessage());
            assertTrue(delete.getMessage().contains("ticket_events is append-only"), delete.getMessage());
            assertEquals(1, fixture.queries().history(new TicketId(1001), StoreFixture.STAFF).size());
        }
    }

    @Test
    void aFailedWriteRollsBackEverythingItDid() {
        try (Database database = Database.open(dataDir)) {
            assertThrows(IllegalStateException.class, () -> database.write(connection -> {
                execute(connection, "INSERT INTO slack_deliveries (event_id, received_at) VALUES ('Ev1', 1)");
                throw new IllegalStateException("failure half way");
            }));

            assertEquals(DeliveryLog.Delivery.FIRST, new DeliveryLog(database, TestClock.at("2025-03-03T10:00:00Z"))
                    .record("Ev1"));
        }
    }

    private static Void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
        return null;
    }
}
