package dev.supportbot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportbot.config.SupportbotConfig;
import dev.supportbot.ops.KnowledgeWatcher;
import dev.supportbot.ops.LiveKnowledge;
import dev.supportbot.ops.Metrics;
import dev.supportbot.ops.OpsHttpServer;
import dev.supportbot.ops.Readiness;
import dev.supportbot.ops.StopSignal;
import dev.supportbot.sla.Deadlines;
import dev.supportbot.sla.SlaSettings;
import dev.supportbot.tickets.Database;
import dev.supportbot.tickets.DeliveryLog;
import dev.supportbot.tickets.StoreException;
import dev.supportbot.tickets.TicketStore;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service, wired once from a config: the HTTP server (health, readiness, metrics; Slack events in
 * HTTP mode), the live knowledge index and its watcher, the ticket store, and the Slack app. On the stop signal:
 * intake stops, queued work and outgoing Slack calls finish (bounded), then the store and the index close.
 */
final class Serving {
    private static final Logger LOG = LoggerFactory.getLogger(Serving.class);
    private static final Duration WATCH_QUIET = Duration.ofSeconds(2);

    private Serving() {
    }

    static void run(SupportbotConfig config, WorkspaceConfig workspace, SlackSettings settings, StopSignal stop,
                    Clock clock) throws Exception {
        Metrics metrics = new Metrics();
        Readiness readiness = new Readiness();
        // Not ready until Slack's requests are routed to the app: before that, /slack/events answers 404.
        AtomicBoolean takingRequests = new AtomicBoolean();
        readiness.add("slack app taking requests", takingRequests::get);
        Path knowledgeDir = config.knowledge().dir();
        InetSocketAddress address = new InetSocketAddress(config.server().bind(), config.opsPort());
        try (OpsHttpServer server = new OpsHttpServer(address, readiness, metrics);
             LiveKnowledge knowledge = LiveKnowledge.open(knowledgeDir, config.knowledge().sources(), metrics);
             Database database = Database.open(config.dataDir())) {
            TicketStore tickets = new TicketStore(database,
                    new Deadlines(knowledge.policy(), SlaSettings.load(knowledgeDir)), clock);
            readiness.add("knowledge index loaded", knowledge::loaded);
            readiness.add("database open", () -> answers(tickets));
            metrics.watchTickets(tickets.queries());
            SlackBot.Operations operations = new SlackBot.Operations(metrics, readiness, knowledge::reloadLater);
            try (SlackBot bot = SlackBot.start(settings, workspace, knowledge::decide, tickets,
                    new DeliveryLog(database, clock), clock, http(config.slack()), new ObjectMapper(),
                    SlackBot.Timings.DEFAULT, operations);
                 AutoCloseable watcher = config.knowledge().watch()
                         ? new KnowledgeWatcher(knowledgeDir, WATCH_QUIET, knowledge::reload) : () -> { }) {
                if (settings.socketMode()) {
                    bot.connectSocketMode();
                } else {
                    bot.serveHttp(server);
                }
                takingRequests.set(true);
                LOG.info("serving: {} mode, health and metrics on port {}, data in {}",
                        settings.socketMode() ? "Socket" : "HTTP", server.port(), config.dataDir());
                stop.await();
                LOG.info("stopping: no new requests; finishing queued work and Slack calls");
                if (!settings.socketMode()) {
                    server.close(); // HTTP intake ends here; Socket Mode's ends when the bot closes its connection
                }
            }
        }
        LOG.info("stopped");
    }

    /** The one HTTP client to Slack: a call that has not answered within the timeout fails and is retried. */
    private static OkHttpClient http(SupportbotConfig.Slack slack) {
        return new OkHttpClient.Builder().callTimeout(slack.timeout()).build();
    }

    private static boolean answers(TicketStore tickets) {
        try {
            tickets.queries().countByState();
            return true;
        } catch (StoreException e) {
            return false;
        }
    }
}
