package dev.supportbot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportbot.knowledge.KnowledgeBase;
import dev.supportbot.knowledge.KnowledgeOptions;
import dev.supportbot.sla.Deadlines;
import dev.supportbot.sla.SlaSettings;
import dev.supportbot.tickets.Database;
import dev.supportbot.tickets.DeliveryLog;
import dev.supportbot.tickets.StoreOptions;
import dev.supportbot.tickets.TicketStore;
import dev.supportbot.triage.Triage;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code serve}: runs the Slack app until the process is stopped. Socket Mode when {@code SLACK_APP_TOKEN} is
 * set, otherwise HTTP on {@code --port} ({@code POST /slack/events}, {@code GET /healthz}). Tokens come from the
 * environment; who is staff and which channels belong to which customer from {@code --config}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Slack app (Socket Mode with SLACK_APP_TOKEN, else HTTP on --port).")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    private KnowledgeOptions options;

    @Option(names = "--port", defaultValue = "3000", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", defaultValue = "0.0.0.0", description = "HTTP address (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Mixin
    private StoreOptions store;

    @Option(names = "--config", defaultValue = "slack.yaml",
            description = "Slack workspace config: staff, triage channel, customers (default: ${DEFAULT-VALUE}).")
    private Path config;

    @Override
    public Integer call() throws Exception {
        SlackSettings settings = SlackSettings.fromEnvironment(System.getenv());
        WorkspaceConfig workspace = WorkspaceConfig.load(config);
        Clock clock = Clock.systemUTC();
        CountDownLatch stopping = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.countDown();
            awaitQuietly(stopped);
        }, "serve-shutdown"));
        try (KnowledgeBase knowledge = options.open(); Database database = store.open()) {
            Triage triage = Triage.load(options.knowledgeDir(), knowledge);
            TicketStore tickets = new TicketStore(database,
                    new Deadlines(triage.policy(), SlaSettings.load(options.knowledgeDir())), clock);
            try (SlackBot bot = SlackBot.start(settings, workspace, triage::decide, tickets,
                    new DeliveryLog(database, clock), clock, new OkHttpClient(), new ObjectMapper(),
                    SlackBot.Timings.DEFAULT)) {
                if (settings.socketMode()) {
                    bot.connectSocketMode();
                } else {
                    bot.serveHttp(new InetSocketAddress(bind, port));
                }
                stopping.await();
            }
        } finally {
            stopped.countDown();
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
