package dev.supportbot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportbot.knowledge.KnowledgeBase;
import dev.supportbot.policy.Policy;
import dev.supportbot.sla.Deadlines;
import dev.supportbot.sla.SlaSettings;
import dev.supportbot.tickets.Database;
import dev.supportbot.tickets.DeliveryLog;
import dev.supportbot.tickets.Ticket;
import dev.supportbot.tickets.TicketQuery;
import dev.supportbot.tickets.TicketStore;
import dev.supportbot.triage.Triage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;

/**
 * The whole Slack app as {@code serve} runs it (real SQLite store in a temp dir, the project's knowledge and
 * triage, Bolt), talking to a {@link FakeSlackApi} on loopback; HTTP mode on 127.0.0.1:0 or Socket Mode. Builds
 * the requests and events Slack would send, signed as Slack signs them.
 */
final class RunningSlackBot implements AutoCloseable {
    static final String SECRET = "e2e-signing-secret";
    static final String CUSTOMER_CHANNEL = "C0ACME";
    static final String CUSTOMER_TEAM = "T0ACME";
    static final String CUSTOMER = "U0CUSTOMER";
    static final String STAFF = "U0STAFF";
    static final String TRIAGE_CHANNEL = "C0TRIAGE";
    static final String TAM = "U0TAM";
    static final Path KNOWLEDGE = Path.of("knowledge");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory JSON_NODES = JSON.getNodeFactory();
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final AtomicLong LAST_TS_MICROS = new AtomicLong();

    final FakeSlackApi slack;
    final SlackSigner signer = new SlackSigner(SECRET);
    final TicketStore store;
    private final Database database;
    private final KnowledgeBase knowledge;
    private final SlackBot bot;
    private final SlackBot.Operations operations;
    private final URI events;

    static final SlackBot.Timings QUICK = new SlackBot.Timings(Duration.ofMinutes(10), Duration.ofMinutes(10),
            new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(200), 4, Duration.ofSeconds(1), 5));

    private RunningSlackBot(Path dataDir, Optional<String> appToken, FakeSlackApi slack, SlackBot.Timings timings)
            throws Exception {
        this.slack = slack;
        Clock clock = Clock.systemUTC();
        this.database = Database.open(dataDir);
        this.store = new TicketStore(database, new Deadlines(Policy.load(KNOWLEDGE), SlaSettings.defaults()), clock);
        this.knowledge = KnowledgeBase.open(KNOWLEDGE);
        Triage triage = Triage.load(KNOWLEDGE, knowledge);
        WorkspaceConfig workspace = new WorkspaceConfig(Optional.empty(), TRIAGE_CHANNEL, List.of(new CustomerOrg(
                "Acme Robotics", CUSTOMER_TEAM, List.of(CUSTOMER_CHANNEL), Optional.empty(), Optional.of(TAM),
                Optional.empty())));
        SlackSettings settings = new SlackSettings("xoxb-e2e", SECRET, appToken, slack.apiUrl());
        this.operations = SlackBot.Operations.standalone();
        operations.metrics().watchTickets(store.queries());
        this.bot = SlackBot.start(settings, workspace, triage::decide, store, new DeliveryLog(database, clock), clock,
                new OkHttpClient(), JSON, timings, operations);
        if (appToken.isPresent()) {
            bot.connectSocketMode();
            this.events = null;
        } else {
            int port = bot.serveHttp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            this.events = URI.create("http://127.0.0.1:" + port + SlackHttpServer.EVENTS_PATH);
        }
    }

    static RunningSlackBot http(Path dataDir) throws Exception {
        return new RunningSlackBot(dataDir, Optional.empty(), new FakeSlackApi(), QUICK);
    }

    /** HTTP mode with a Slack whose first answers to {@code method} are 500s, and a fast card refresh. */
    static RunningSlackBot httpWithFailures(Path dataDir, String method, int failures, Duration cardRefresh)
            throws Exception {
        FakeSlackApi slack = new FakeSlackApi();
        for (int i = 0; i < failures; i++) {
            slack.failNext(method, 500, Map.of(), "{\"ok\":false,\"error\":\"internal_error\"}");
        }
        return new RunningSlackBot(dataDir, Optional.empty(), slack,
                new SlackBot.Timings(cardRefresh, Duration.ofMinutes(10), QUICK.retry()));
    }

    static RunningSlackBot socketMode(Path dataDir, FakeSlackApi slack) throws Exception {
        return new RunningSlackBot(dataDir, Optional.of("xapp-e2e"), slack, QUICK);
    }

    /** Socket Mode through a started fake Socket Mode server; returns once the bot has connected. */
    static RunningSlackBot socketMode(Path dataDir, FakeSocketModeServer socket, Duration timeout) throws Exception {
        socket.awaitStarted();
        FakeSlackApi slack = new FakeSlackApi();
        slack.socketModeUrl(socket.url());
        RunningSlackBot bot = socketMode(dataDir, slack);
        socket.awaitConnection(timeout);
        return bot;
    }

    URI events() {
        return events;
    }

    URI health() {
        return events.resolve(SlackHttpServer.HEALTH_PATH);
    }

    /** The checks behind {@code /readyz}. */
    dev.supportbot.ops.Readiness readiness() {
        return operations.readiness();
    }

    /** {@code /readyz}, {@code /metrics} or another path on the bot's HTTP server. */
    URI path(String path) {
        return events.resolve(path);
    }

    /**
     * A fresh message ts at the current time to the microsecond, unique within the test run: two asked for in the
     * same microsecond are one microsecond apart.
     */
    static String nextTs() {
        Instant now = Instant.now();
        long nowMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
        long micros = LAST_TS_MICROS.updateAndGet(last -> Math.max(last + 1, nowMicros));
        return micros / 1_000_000 + "." + String.format("%06d", micros % 1_000_000);
    }

    static String nextEventId() {
        return "Ev" + System.nanoTime() + SEQUENCE.incrementAndGet();
    }

    /** An Events API envelope around one event, as Slack posts it. */
    static String envelope(String eventId, ObjectNode event) {
        ObjectNode envelope = JSON.createObjectNode().put("token", "unused").put("team_id", FakeSlackApi.HOME_TEAM)
                .put("api_app_id", "A0APP").put("type", "event_callback").put("event_id", eventId)
                .put("event_time", Instant.now().getEpochSecond());
        envelope.set("event", event);
        return envelope.toString();
    }

    static ObjectNode mention(String channel, String user, String team, String ts, String text) {
        return message("app_mention", channel, user, team, ts, "<@" + FakeSlackApi.BOT_USER + "> " + text);
    }

    static ObjectNode message(String type, String channel, String user, String team, String ts, String text) {
        return JSON.createObjectNode().put("type", type).put("channel", channel).put("user", user)
                .put("user_team", team).put("ts", ts).put("text", text).put("event_ts", ts)
                .put("channel_type", channel.startsWith("D") ? "im" : "channel");
    }

    HttpResponse<String> postEvent(String body) throws Exception {
        return signer.post(events, "application/json", body);
    }

    /** A slash command as Slack posts it: form-encoded fields. */
    HttpResponse<String> postCommand(String command, String text, String user, String team, String channel)
            throws Exception {
        Map<String, String> fields = Map.ofEntries(Map.entry("token", "unused"), Map.entry("team_id", team),
                Map.entry("team_domain", "home"), Map.entry("channel_id", channel),
                Map.entry("channel_name", "triage"), Map.entry("user_id", user), Map.entry("user_name", user),
                Map.entry("command", command), Map.entry("text", text), Map.entry("api_app_id", "A0APP"),
                Map.entry("response_url", slack.apiUrl().resolve("/respond/" + SEQUENCE.incrementAndGet()).toString()));
        return signer.post(events, "application/x-www-form-urlencoded", form(fields));
    }

    /** A block_actions payload for a click on one of our buttons on the message at {@code messageTs}. */
    HttpResponse<String> postClick(ButtonAction button, String value, String user, String team, String channel,
                                   String messageTs, String threadTs) throws Exception {
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions").put("trigger_id", "1.2.trigger")
                .put("api_app_id", "A0APP").put("response_url", slack.apiUrl().resolve("/respond/x").toString());
        payload.putObject("user").put("id", user).put("team_id", team).put("username", user);
        payload.putObject("team").put("id", FakeSlackApi.HOME_TEAM);
        payload.putObject("channel").put("id", channel);
        payload.putObject("container").put("type", "message").put("channel_id", channel)
                .put("message_ts", messageTs).put("thread_ts", threadTs);
        payload.putArray("actions").addObject().put("type", "button").put("action_id", button.actionId())
                .put("block_id", "b").put("value", value).put("action_ts", nextTs());
        return signer.post(events, "application/x-www-form-urlencoded", form(Map.of("payload", payload.toString())));
    }

    /** Events acknowledged whose work (triage, ticket, posts) has not finished yet. */
    int pendingEvents() {
        return new DeliveryLog(database, Clock.systemUTC()).pending().size();
    }

    List<Ticket> tickets() {
        return store.queries().list(Intake.BOT, TicketQuery.all());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    @Override
    public void close() throws Exception {
        bot.close();
        knowledge.close();
        database.close();
        slack.close();
    }
}
