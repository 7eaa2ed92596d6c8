package dev.supportbot.tickets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file that holds tickets and Slack deliveries, in WAL mode with {@code synchronous=FULL} (a
 * committed write survives power loss) and foreign keys on. One writer connection: writes are serialised by a
 * lock here and by {@code BEGIN IMMEDIATE} against other processes. One reader connection for listings, which in
 * WAL mode never waits for the writer. Thread-safe.
 */
public final class Database implements AutoCloseable {
    public static final String FILE_NAME = "supportbot.db";
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();

    private Database(Path file, Connection writer, Connection reader) {
        this.file = file;
        this.writer = writer;
        this.reader = reader;
    }

    /** Opens (creating if needed) the database in {@code dataDir} and brings its schema up to date. */
    public static Database open(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        Connection writer = connect(file);
        Database database;
        try {
            Migrations.apply(writer, file);
            database = new Database(file, writer, connect(file));
        } catch (RuntimeException e) {
            closeAfterFailure(writer, e);
            throw e;
        }
        return database;
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction: all of it is committed or none of it. */
    <T> T write(SqlWork<T> work) {
        writeLock.lock();
        try {
            return inTransaction(writer, "BEGIN IMMEDIATE", work);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on the reader connection, in one read transaction so it sees one snapshot. */
    <T> T read(SqlWork<T> work) {
        readLock.lock();
        try {
            return inTransaction(reader, "BEGIN DEFERRED", work);
        } finally {
            readLock.unlock();
        }
    }

    static <T> T inTransaction(Connection connection, String begin, SqlWork<T> work) {
        try {
            execute(connection, begin);
        } catch (SQLException e) {
            throw new StoreException("ticket store: cannot begin a transaction: " + e.getMessage(), e);
        }
        try {
            T result = work.run(connection);
            execute(connection, "COMMIT");
            return result;
        } catch (SQLException e) {
            StoreException failure = new StoreException("ticket store: " + e.getMessage(), e);
            rollback(connection, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            rollback(connection, e);
            throw e;
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        readLock.lock();
        try (writer; reader) {
            // try-with-resources closes both connections, the reader first
        } catch (SQLException e) {
            throw new StoreException("cannot close " + file + ": " + e.getMessage(), e);
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }

    private static Connection connect(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        try {
            return config.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            execute(connection, "ROLLBACK");
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void closeAfterFailure(Connection connection, Throwable failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Work against one connection inside a transaction. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
