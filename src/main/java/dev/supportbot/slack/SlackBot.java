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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
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
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    /** Timings that tests shorten; production uses {@link #DEFAULT}. */
    record Timings(Duration cardRefresh, Duration slaCheck, RetryPolicy retry) {
        static final Timings DEFAULT = new Timings(Duration.ofMinutes(1), Duration.ofSeconds(30), RetryPolicy.SLACK);
    }

    private SlackBot(SlackSettings settings, App app, Clock clock) {
        this.settings = settings;
        this.app = app;
        this.clock = clock;
    }

    static SlackBot start(SlackSettings settings, WorkspaceConfig workspace, Function<String, Decision> triage,
                          TicketStore store, DeliveryLog deliveries, Clock clock, OkHttpClient http,
                          ObjectMapper json, Timings timings) {
        Slack slack = settings.slack(http);
        MethodsClient client = slack.methods(settings.botToken());
        AuthTestResponse auth = authTest(client);
        App app = new App(AppConfig.builder().slack(slack).singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret()).requestVerificationEnabled(false) // RequestVerifier runs first
                .authTestCacheEnabled(true).authTestCacheExpirationMillis(-1).build()); // no auth.test on the ack path
        SlackBot bot = new SlackBot(settings, app, clock);
        OutgoingCalls calls = bot.own(new OutgoingCalls(client, timings.retry()));
        WorkQueue work = bot.own(new WorkQueue(1, 10_000));
        Roster roster = new Roster(workspace, auth.getTeamId(), calls);
        roster.refreshStaffGroup();
        Replies replies = new Replies(calls);
        Cards cards = new Cards(calls, store.deadlines(), clock, auth.getUserId());
        TicketList list = new TicketList(store.queries(), clock);
        TicketActions actions = new TicketActions(store, list, cards, clock);
        Intake intake = new Intake(triage, store, roster, cards, replies, auth.getUserId());
        app.use(new EventIntake(json, bot.own(new DeliveryBatcher(deliveries)), work, intake, new HomeTab(roster, list, calls)));
        BoltRoutes.register(app, roster, actions, new CardButtons(roster, store, actions, cards, replies, calls, clock),
                work, triage);
        app.start();
        SlaMonitor monitor = bot.own(new SlaMonitor(store, clock, new SlaAlerts(roster, replies, cards, clock)));
        monitor.start(timings.slaCheck());
        bot.own(new CardRefresher(store, cards, work)).start(timings.cardRefresh());
        LOG.info("Slack app started for team {} as {}", auth.getTeamId(), auth.getUserId());
        return bot;
    }

    /** Serves {@code POST /slack/events} and {@code GET /healthz}; returns the port (0 picks a free one). */
    int serveHttp(InetSocketAddress address) throws IOException {
        ExecutorService requestThreads = Executors.newFixedThreadPool(32,
                Thread.ofPlatform().name("slack-http-", 1).daemon().factory());
        own(requestThreads::shutdownNow);
        SlackHttpServer server = own(new SlackHttpServer(address,
                new RequestVerifier(settings.signingSecret(), clock), new BoltDispatch(app), requestThreads));
        server.markReady();
        LOG.info("HTTP mode: listening on port {}", server.port());
        return server.port();
    }

    /** Opens a Socket Mode connection with the app-level token (Java-WebSocket backend). */
    void connectSocketMode() throws Exception {
        SocketModeApp socketMode = new SocketModeApp(settings.appToken().orElseThrow(
                () -> new IllegalStateException("Socket Mode needs SLACK_APP_TOKEN")), app,
                SocketModeClient.Backend.JavaWebSocket);
        own(socketMode::close);
        socketMode.startAsync();
        LOG.info("Socket Mode: connected");
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
        app.stop();
        while (!resources.isEmpty()) {
            resources.pop().close();
        }
    }
}
