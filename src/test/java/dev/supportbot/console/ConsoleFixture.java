package dev.supportbot.console;

import dev.supportbot.Desk;
import dev.supportbot.TestClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * A console session on a real desk (the project's knowledge folder, a SQLite file in a temporary folder) with a
 * test clock. {@link #type} handles one line as the session would and returns what it printed.
 */
final class ConsoleFixture implements AutoCloseable {
    static final Path KNOWLEDGE = Path.of("knowledge");

    final TestClock clock = TestClock.at("2025-03-03T10:00:00Z");
    private final StringWriter printed = new StringWriter();
    private final PrintWriter out = new PrintWriter(printed, true);
    private final Desk desk;
    private final ConsoleSession session;
    private int seen;

    ConsoleFixture(Path dataDir) {
        desk = Desk.open(dataDir, KNOWLEDGE, clock, new ConsoleAlerts(out, clock));
        session = new ConsoleSession(desk, clock, out);
    }

    /** Handles one line, then runs the SLA check as the session does; returns the output of both. */
    String type(String line) {
        session.handle(line);
        desk.monitor().checkNow();
        out.flush();
        String all = printed.toString();
        String output = all.substring(seen);
        seen = all.length();
        return output;
    }

    Desk desk() {
        return desk;
    }

    @Override
    public void close() {
        desk.close();
    }
}
