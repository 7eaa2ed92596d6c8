package dev.supportbot.tickets;

import dev.supportbot.TestClock;
import dev.supportbot.policy.Policy;
import dev.supportbot.policy.Severity;
import dev.supportbot.sla.Deadlines;
import dev.supportbot.sla.SlaSettings;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A real ticket store on a SQLite file in a test's temporary directory, with the project's real policy and a
 * test clock; {@link #reopen()} closes the file and opens it again, as a restart would.
 */
final class StoreFixture implements AutoCloseable {
    static final Path KNOWLEDGE = Path.of("knowledge");
    static final Viewer.Staff STAFF = new Viewer.Staff("dana");

    final Path dataDir;
    final TestClock clock;
    final Deadlines deadlines;
    private Database database;
    private TicketStore store;
    private int opened;

    StoreFixture(Path dataDir, TestClock clock, SlaSettings settings) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.deadlines = new Deadlines(Policy.load(KNOWLEDGE), settings);
        open();
    }

    StoreFixture(Path dataDir, TestClock clock) {
        this(dataDir, clock, SlaSettings.defaults());
    }

    TicketStore store() {
        return store;
    }

    TicketQueries queries() {
        return store.queries();
    }

    Database database() {
        return database;
    }

    void reopen() {
        database.close();
        open();
    }

    /** Opens a ticket for {@code customer} from a message posted now. */
    Ticket open(String customer, Severity severity, String summary) {
        String ts = clock.instant().getEpochSecond() + "." + String.format("%06d", clock.instant().getNano() / 1000);
        opened++;
        return store.create(new NewTicket("Ev" + opened, customer, "C-" + customer, ts,
                "U-reporter", summary, severity, clock.instant())).ticket();
    }

    Reply replyBy(String author, AuthorRole role, Visibility visibility) {
        return new Reply(author, role, visibility, "looking into it", clock.instant());
    }

    Instant now() {
        return clock.instant();
    }

    private void open() {
        database = Database.open(dataDir);
        store = new TicketStore(database, deadlines, clock);
    }

    @Override
    public void close() {
        database.close();
    }
}
