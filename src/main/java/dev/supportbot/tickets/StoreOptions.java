package dev.supportbot.tickets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --data-dir} option of every command that uses the ticket store. */
public final class StoreOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Folder of the ticket database, " + Database.FILE_NAME + " (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    public Path dataDir() {
        return dataDir;
    }

    /** Opens the database, creating it when there is none yet. */
    public Database open() {
        return Database.open(dataDir);
    }

    /** Opens a database that must exist already: a report on a mistyped folder should fail, not be empty. */
    public Database openExisting() {
        Path file = dataDir.resolve(Database.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new StoreException("no ticket database at " + file + " (use --data-dir to name its folder)");
        }
        return Database.open(dataDir);
    }

    /** Lists tickets of an existing database for the operator at the terminal, who sees every organisation. */
    List<Ticket> list(TicketQuery query) {
        try (Database database = openExisting()) {
            return new TicketQueries(database).list(new Viewer.Staff("operator"), query);
        }
    }
}
