package dev.supportbot.console;

import dev.supportbot.Desk;
import dev.supportbot.knowledge.KnowledgeOptions;
import dev.supportbot.tickets.StoreOptions;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the console desk, no Slack needed. Reads customer messages and staff commands from standard input
 * (a terminal or a piped script) and keeps real tickets in the data folder.
 */
@Command(name = "demo", description = "Console support desk: type customer messages and staff commands"
        + " (/help); tickets are stored in the data folder.")
public final class DemoCommand implements Callable<Integer> {
    private static final Duration SLA_CHECK_PERIOD = Duration.ofSeconds(30);

    @Mixin
    private KnowledgeOptions knowledge;

    @Mixin
    private StoreOptions store;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        boolean interactive = interactive();
        try (Desk desk = Desk.open(store.dataDir(), knowledge.knowledgeDir(), knowledge.extraSources(), clock,
                new ConsoleAlerts(out, clock));
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            if (interactive) {
                desk.monitor().start(SLA_CHECK_PERIOD);
            }
            new ConsoleSession(desk, clock, out).run(in, interactive);
        } catch (IOException e) {
            throw new UncheckedIOException("reading standard input failed", e);
        }
        return 0;
    }

    /** Whether a person is typing. From JDK 22 a Console exists even for piped input, so ask it when we can. */
    private static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
