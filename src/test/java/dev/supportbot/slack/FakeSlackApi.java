package dev.supportbot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A stand-in for Slack's Web API on a real HTTP server at 127.0.0.1: records every call (method, parameters,
 * arrival time, fault given) and answers the methods the app uses with plausible bodies; the bot's posts are kept
 * in their threads ({@link SlackThreads}) for {@code conversations.replies}. Canned failures can be queued per
 * method, and random faults injected ({@link FaultPlan}). Thread-safe; tests wait for calls with {@link #await}.
 */
final class FakeSlackApi implements AutoCloseable {
    static final String HOME_TEAM = "T0HOME";
    static final String BOT_USER = "U0BOT";
    static final String BOT_ID = "B0BOT";
    /** Calls to a {@code response_url} are recorded under this method name. */
    static final String RESPONSE_URL = "response_url";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Canned>> failures = new HashMap<>();
    private final Map<String, String> userTeams = new HashMap<>();
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private volatile String socketModeUrl = "ws://127.0.0.1:1/";
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
    private final SlackThreads threads = new SlackThreads(JSON);
    private final CountDownLatch closed = new CountDownLatch(1);
    private FaultPlan faults = FaultPlan.NONE;
    private final Map<String, Deque<FaultPlan.Fault>> hangs = new HashMap<>();

    /**
     * One recorded call: the method name, its parameters (form fields or top-level JSON fields), when it arrived,
     * and the fault it was given (with the Retry-After of a 429, else 0).
     */
    record Call(String method, Map<String, String> params, Instant at, FaultPlan.Fault fault, int retryAfterSeconds) {
        JsonNode json(String param) {
            try {
                return JSON.readTree(params.getOrDefault(param, "null"));
            } catch (JsonProcessingException e) {
                throw new AssertionError(method + " sent unreadable JSON in " + param, e);
            }
        }

        String param(String name) {
            return params.getOrDefault(name, "");
        }

        /** Every text and value in the call's blocks (or a view's blocks), decoded, one per line. */
        String blockText() {
            StringBuilder text = new StringBuilder();
            collect(params.containsKey("view") ? json("view") : json("blocks"), text);
            return text.toString();
        }

        private static void collect(JsonNode node, StringBuilder text) {
            if (node.isObject()) {
                node.properties().forEach(field -> {
                    if (field.getValue().isTextual()
                            && List.of("text", "value", "action_id").contains(field.getKey())) {
                        text.append(field.getValue().asText()).append('\n');
                    } else {
                        collect(field.getValue(), text);
                    }
                });
            } else if (node.isArray()) {
                node.forEach(element -> collect(element, text));
            }
        }
    }

    private record Canned(int status, Map<String, String> headers, String body) {
    }

    FakeSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/api/", this::handle);
        server.createContext("/respond/", this::handle);
        server.start();
    }

    URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
    }

    void socketModeUrl(String url) {
        socketModeUrl = url;
    }

    /** users.info will say this user belongs to this team; unknown users belong to {@link #HOME_TEAM}. */
    synchronized void userTeam(String userId, String teamId) {
        userTeams.put(userId, teamId);
    }

    /** Calls of {@code method} are recorded on arrival but not answered until {@link #release}, at most 30 s. */
    void hold(String method) {
        held.put(method, new CountDownLatch(1));
    }

    void release(String method) {
        CountDownLatch gate = held.remove(method);
        if (gate != null) {
            gate.countDown();
        }
    }

    /** From now on, calls get the faults {@code plan} draws. */
    synchronized void inject(FaultPlan plan) {
        faults = plan;
    }

    /** The bot's posts that took effect (including those whose answer was lost), per "channel/thread_ts". */
    Map<String, Integer> postsByThread() {
        return threads.postsByThread();
    }

    /** Every call so far, in order of arrival. */
    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The next call of {@code method} hangs longer than the client waits, before or after doing its work. */
    synchronized void hangNext(String method, FaultPlan.Fault hang) {
        if (hang != FaultPlan.Fault.HANG_AFTER_DOING && hang != FaultPlan.Fault.HANG_BEFORE_DOING) {
            throw new IllegalArgumentException("not a hang: " + hang);
        }
        hangs.computeIfAbsent(method, ignored -> new ArrayDeque<>()).add(hang);
    }

    /** The next call of {@code method} gets this status, headers and body instead of a normal answer. */
    synchronized void failNext(String method, int status, Map<String, String> headers, String body) {
        failures.computeIfAbsent(method, ignored -> new ArrayDeque<>()).add(new Canned(status, headers, body));
    }

    synchronized List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    /** Waits until {@code count} calls of {@code method} matching {@code filter} have arrived; returns them. */
    synchronized List<Call> await(String method, int count, Predicate<Call> filter, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Call> matching = calls(method).stream().filter(filter).toList();
            if (matching.size() >= count) {
                return matching;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("waited " + timeout + " for " + count + " " + method + " call(s), got "
                        + matching.size() + "; all calls: " + calls.stream().map(Call::method).toList());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /**
     * Waits until {@code count} posts are in the thread {@code channel/threadTs}: a call is recorded when it
     * arrives, its post once it was made, just before the answer leaves.
     */
    synchronized void awaitPosts(String thread, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (threads.postsByThread().getOrDefault(thread, 0) < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("waited " + timeout + " for " + count + " post(s) in " + thread + ", got "
                        + threads.postsByThread().getOrDefault(thread, 0));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    private synchronized void answered() {
        notifyAll();
    }

    List<Call> await(String method, int count) throws InterruptedException {
        return await(method, count, call -> true, Duration.ofSeconds(10));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = path.startsWith("/api/") ? path.substring("/api/".length()) : RESPONSE_URL;
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            Map<String, String> params = contentType != null && contentType.startsWith("application/json")
                    ? jsonParams(body) : formParams(body);
            Planned planned = arrive(method, params);
            CountDownLatch gate = held.get(method);
            if (gate != null) {
                awaitGate(gate);
            }
            if (planned.fault() == FaultPlan.Fault.HANG_BEFORE_DOING) {
                hang();
                return; // the client gave up long ago; nothing was done
            }
            Canned canned = planned.canned().isPresent() ? planned.canned().get()
                    : new Canned(200, Map.of(), JSON.writeValueAsString(answer(method, params)));
            answered();
            if (planned.fault() == FaultPlan.Fault.HANG_AFTER_DOING) {
                hang(); // done, but the answer comes after the client gave up
                respondToNobody(exchange, canned);
                return;
            }
            respond(exchange, canned);
        }
    }

    /** How a call will be answered: a canned or faulty answer, or (empty) a normal one. */
    private record Planned(Optional<Canned> canned, FaultPlan.Fault fault) {
    }

    /**
     * Records the call and decides its answer: a queued canned one or hang first, else what the fault plan draws.
     */
    private synchronized Planned arrive(String method, Map<String, String> params) {
        Optional<Canned> canned = Optional.ofNullable(failures.getOrDefault(method, new ArrayDeque<>()).poll());
        Optional<FaultPlan.Fault> hang = Optional.ofNullable(hangs.getOrDefault(method, new ArrayDeque<>()).poll());
        FaultPlan.Fault fault = canned.isPresent() ? FaultPlan.Fault.NONE : hang.orElseGet(() -> faults.next(method));
        int retryAfter = fault == FaultPlan.Fault.RATE_LIMITED ? faults.retryAfterSeconds() : 0;
        canned = switch (fault) {
            case RATE_LIMITED -> Optional.of(new Canned(429, Map.of("Retry-After", Integer.toString(retryAfter)),
                    "{\"ok\":false,\"error\":\"ratelimited\"}"));
            case SERVER_ERROR -> Optional.of(new Canned(faults.serverErrorStatus(), Map.of(),
                    "{\"ok\":false,\"error\":\"internal_error\"}"));
            case NONE, HANG_AFTER_DOING, HANG_BEFORE_DOING -> canned;
        };
        calls.add(new Call(method, params, Instant.now(), fault, retryAfter));
        notifyAll();
        return new Planned(canned, fault);
    }

    private static void respondToNobody(HttpExchange exchange, Canned canned) {
        try {
            respond(exchange, canned);
        } catch (IOException expected) { // the client gave up waiting and closed the connection
            exchange.close();
        }
    }

    private void hang() {
        try {
            closed.await(faults().hang().toMillis(), TimeUnit.MILLISECONDS); // released at close
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized FaultPlan faults() {
        return faults;
    }

    private static void respond(HttpExchange exchange, Canned canned) throws IOException {
        canned.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        byte[] bytes = canned.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(canned.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void awaitGate(CountDownLatch gate) {
        try {
            gate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ObjectNode answer(String method, Map<String, String> params) {
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        switch (method) {
            case "auth.test" -> answer.put("url", "https://home.example.slack.com/").put("team", "Home")
                    .put("user", "supportbot").put("team_id", HOME_TEAM).put("user_id", BOT_USER)
                    .put("bot_id", BOT_ID);
            case "bots.info" -> answer.putObject("bot").put("id", BOT_ID).put("app_id", "A0APP")
                    .put("user_id", BOT_USER).put("name", "supportbot");
            case "chat.postMessage" -> {
                String ts = nextTs();
                threads.posted(params.get("channel"), ts, params);
                answer.put("channel", params.get("channel")).put("ts", ts)
                        .putObject("message").put("text", params.getOrDefault("text", ""));
            }
            case "chat.update" -> {
                threads.updated(params.get("channel"), params.get("ts"), params.getOrDefault("text", ""));
                answer.put("channel", params.get("channel")).put("ts", params.get("ts"));
            }
            case "chat.postEphemeral" -> answer.put("message_ts", nextTs());
            case "views.open", "views.publish", "views.update" -> answer.putObject("view").put("id", "V0VIEW");
            case "users.info" -> answer.putObject("user").put("id", params.get("user"))
                    .put("team_id", teamOf(params.get("user"))).put("name", params.get("user"));
            case "apps.connections.open" -> answer.put("url", socketModeUrl);
            case "conversations.replies" -> answer.set("messages", threads.replies(params.get("channel"),
                    params.get("ts"), !List.of("", "0", "false").contains(params.getOrDefault(
                            "include_all_metadata", ""))));
            case "chat.getPermalink" -> answer.put("channel", params.get("channel"))
                    .put("permalink", "https://home.example.slack.com/archives/" + params.get("channel"));
            default -> answer.put("warning", "method not modelled by FakeSlackApi");
        }
        return answer;
    }

    private synchronized String teamOf(String userId) {
        return userTeams.getOrDefault(userId, HOME_TEAM);
    }

    private String nextTs() {
        long micros = clock.addAndGet(1_000);
        return micros / 1_000_000 + "." + String.format("%06d", micros % 1_000_000);
    }

    private static Map<String, String> formParams(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            params.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                    equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static Map<String, String> jsonParams(String body) throws JsonProcessingException {
        Map<String, String> params = new LinkedHashMap<>();
        JSON.readTree(body).properties().forEach(field -> params.put(field.getKey(),
                field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString()));
        return params;
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
