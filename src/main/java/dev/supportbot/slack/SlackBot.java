package dev.supportbot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.socket_mode.SocketModeClient;
import dev.supportbot.ops.Metrics;
import dev.supportbot.ops.OpsHttpServer;
import dev.supportbot.ops.Readiness;
import dev.supportbot.tickets.DeliveryLog;
import dev.supportbot.tickets.SlaMonitor;
import dev.supportbot.tickets.TicketStore;
import dev.supportbot.triage.Decision;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack app, wired once for both {@code Main} and the tests: Bolt with our event intake, commands and
 * buttons; the outgoing queue; cards, SLA alerts and refresher; then one transport, HTTP ({@link #serveHttp}) or
 * Socket Mode ({@link #connectSocketMode}). Closing stops everything in reverse order.
 */
public final class SlackBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackBot.class);

    private final SlackSettings settings;
    private final App app;
    private final Clock clock;
    private final Operations operations;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    /** Timings that tests shorten; production uses {@link #DEFAULT}. */
    record Timings(Duration cardRefresh, Duration slaCheck, RetryPolicy retry) {
        static final Timings DEFAULT = new Timings(Duration.ofMinutes(1), Duration.ofSeconds(30), RetryPolicy.SLACK);
    }

    /** What the bot reports to and asks of the operations side: metrics, readiness checks, a reindex. */
    record Operations(Metrics metrics, Readiness readiness, Supplier<String> reindex) {
        Operations {
            if (metrics == null || readiness == null || reindex == null) {
                throw new IllegalArgumentException("operations need metrics, readiness and reindex");
            }
        }

        /** Fresh metrics and readiness, and no reindex: for tests and tools that run the bot alone. */
        static Operations standalone() {
            return new Operations(new Metrics(), new Readiness(), () -> "Reindexing is not available here.");
        }
    }

    private SlackBot(SlackSettings settings, App app, Clock clock, Operations operations) {
        this.settings = settings;
        this.app = app;
        this.clock = clock;
        this.operations = operations;
    }

    /** The bot with metrics and readiness of its own and no reindex; kept for callers written before them. */
    static SlackBot start(SlackSettings settings, WorkspaceConfig workspace, Function<String, Decision> triage,
                          TicketStore store, DeliveryLog deliveries, Clock clock, OkHttpClient http,
                          ObjectMapper json, Timings timings) {
        return start(settings, workspace, triage, store, deliveries, clock, http, json, timings,
                Operations.standalone());
    }

    static SlackBot start(SlackSettings settings, WorkspaceConfig workspace, Function<String, Decision> plainTriage,
                          TicketStore store, DeliveryLog deliveries, Clock clock, OkHttpClient http,
                          ObjectMapper json, Timings timings, Operations operations) {
        Metrics metrics = operations.metrics();
        Function<String, Decision> triage = metrics.counting(plainTriage);
        Slack slack = settings.slack(http);
        MethodsClient client = settings.methods(slack);
        AuthTestResponse auth = authTest(client);
        App app = new App(AppConfig.builder().slack(slack).singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret()).requestVerificationEnabled(false) // RequestVerifier runs first
                .authTestCacheEnabled(true).authTestCacheExpirationMillis(-1).build()); // no auth.test on the ack path
        SlackBot bot = new SlackBot(settings, app, clock, operations);
        // Closed last: events are marked done as their calls go through, up to the outgoing queue's last call.
        DeliveryBatcher batcher = bot.own(new DeliveryBatcher(deliveries));
        OutgoingCalls calls = bot.own(new OutgoingCalls(client, timings.retry(), metrics));
        WorkQueue work = bot.own(new WorkQueue(1, 10_000));
        Roster roster = new Roster(workspace, auth.getTeamId(), calls);
        roster.refreshStaffGroup();
        Replies replies = new Replies(calls, auth.getUserId());
        Cards cards = new Cards(calls, store.queries(), store.deadlines(), clock, auth.getUserId());
        TicketList list = new TicketList(store.queries(), clock);
        TicketActions actions = new TicketActions(store, list, cards, clock, operations.reindex());
        Intake intake = new Intake(triage, store, roster, cards, replies, auth.getUserId());
        EventIntake events = new EventIntake(json, batcher, deliveries, work, intake,
                new HomeTab(roster, list, calls), metrics);
        app.use(events);
        BoltRoutes.register(app, roster, actions, new CardButtons(roster, store, actions, cards, replies, calls, clock,
                metrics), work, triage);
        app.start();
        resumePending(events);
        SlaMonitor monitor = bot.own(new SlaMonitor(store, clock,
                metrics.counting(new SlaAlerts(roster, replies, cards, clock))));
        monitor.start(timings.slaCheck());
        bot.own(new CardRefresher(store, cards, work)).start(timings.cardRefresh());
        operations.readiness().add("slack auth.test", () -> true); // start fails unless auth.test said ok
        LOG.info("Slack app started for team {} as {}", auth.getTeamId(), auth.getUserId());
        return bot;
    }

    /** Serves {@code POST /slack/events} on the process's HTTP server. */
    void serveHttp(OpsHttpServer server) {
        server.route(SlackHttpServer.EVENTS_PATH, new SlackHttpServer(
                new RequestVerifier(settings.signingSecret(), clock), new BoltDispatch(app), operations.metrics()));
        LOG.info("HTTP mode: taking Slack requests on port {}", server.port());
    }

    /** Starts an HTTP server of the bot's own with events, health, readiness and metrics; returns its port. */
    int serveHttp(InetSocketAddress address) throws IOException {
        OpsHttpServer server = own(new OpsHttpServer(address, operations.readiness(), operations.metrics()));
        serveHttp(server);
        return server.port();
    }

    /** Opens a Socket Mode connection with the app-level token (Java-WebSocket backend). */
    void connectSocketMode() throws Exception {
        SocketModeApp socketMode = new SocketModeApp(settings.appToken().orElseThrow(
                () -> new IllegalStateException("Socket Mode needs SLACK_APP_TOKEN")), app,
                SocketModeClient.Backend.JavaWebSocket);
        own(socketMode::close);
        socketMode.startAsync();
        operations.readiness().add("socket mode connected", () -> socketMode.getClient() != null
                && socketMode.getClient().verifyConnection());
        LOG.info("Socket Mode: connected");
    }

    private static void resumePending(EventIntake events) {
        try {
            events.resumePending();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the events left pending by the last run: "
                    + e.getMessage(), e);
        }
    }

    private static AuthTestResponse authTest(MethodsClient client) {
        try {
            AuthTestResponse auth = client.authTest(request -> request);
            if (!auth.isOk()) {
                throw new IllegalStateException("Slack rejected SLACK_BOT_TOKEN: auth.test said " + auth.getError());
            }
            return auth;
        } catch (IOException | SlackApiException e) {
            throw new IllegalStateException("cannot reach Slack's Web API for auth.test: " + e.getMessage(), e);
        }
    }

    private <T extends AutoCloseable> T own(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public void close() throws Exception {
        // Intake stops first (the transport was owned last), then queued work and outgoing calls finish.
        while (!resources.isEmpty()) {
            resources.pop().close();
        }
        app.stop();
    }
}
