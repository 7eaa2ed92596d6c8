package dev.supportbot.tickets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versioned schema migrations: the scripts {@code db/migration/V<n>__<name>.sql} on the classpath, applied in
 * order, each once, in one transaction; {@code schema_version} records which have run. A database from a newer
 * build is refused rather than guessed at.
 */
final class Migrations {
    /** Every migration, oldest first. A new one is added at the end and never edited once released. */
    static final List<String> SCRIPTS = List.of("V1__tickets.sql", "V2__slack_deliveries.sql",
            "V3__pending_events.sql");
    private static final Pattern NAME = Pattern.compile("V(\\d+)__\\w+\\.sql");

    private Migrations() {
    }

    static void apply(Connection connection, Path file) {
        Database.inTransaction(connection, "BEGIN IMMEDIATE", writer -> {
            try (Statement statement = writer.createStatement()) {
                statement.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version ("
                        + "version INTEGER PRIMARY KEY, script TEXT NOT NULL,"
                        + " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))");
            }
            int current = currentVersion(writer);
            if (current > SCRIPTS.size()) {
                throw new StoreException(file + " has schema version " + current + ", newer than this build's "
                        + SCRIPTS.size() + "; run a newer supportbot");
            }
            for (int index = current; index < SCRIPTS.size(); index++) {
                run(writer, SCRIPTS.get(index), index + 1);
            }
            return null;
        });
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    private static void run(Connection connection, String script, int expectedVersion) throws SQLException {
        Matcher name = NAME.matcher(script);
        if (!name.matches() || Integer.parseInt(name.group(1)) != expectedVersion) {
            throw new IllegalStateException("migration " + script + " should be V" + expectedVersion + "__<name>.sql");
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(read(script));
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO schema_version (version, script) VALUES (?, ?)")) {
            insert.setInt(1, expectedVersion);
            insert.setString(2, script);
            insert.executeUpdate();
        }
    }

    private static String read(String script) {
        String resource = "/db/migration/" + script;
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration " + resource + ": " + e.getMessage(), e);
        }
    }
}
