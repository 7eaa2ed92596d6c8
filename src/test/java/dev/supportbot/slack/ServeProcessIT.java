package dev.supportbot.slack;

import static dev.supportbot.slack.RunningSlackBot.CUSTOMER;
import static dev.supportbot.slack.RunningSlackBot.CUSTOMER_CHANNEL;
import static dev.supportbot.slack.RunningSlackBot.CUSTOMER_TEAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportbot.ops.OpsHttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a real process, on the JDK running the tests: serve reaches /readyz against a fake Slack,
 * takes signed events, and on SIGTERM ({@link Process#destroy}) finishes every acked event and exits 0; a second
 * process on the same data dir finds every ticket. Runs after {@code package} (failsafe).
 */
class ServeProcessIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final int EVENTS = 20;
    private static final String SECRET = "it-signing-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dfile.encoding=UTF-8", "--enable-native-access=ALL-UNNAMED", "-jar",
                Path.of(System.getProperty("supportbot.jar", "target/supportbot.jar")).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static Process start(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("SUPPORTBOT_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Path config(Path dir, int port) throws IOException {
        Path file = dir.resolve("supportbot.yaml");
        Files.writeString(file, """
                server:
                  bind: 127.0.0.1
                  port: %d
                data_dir: %s
                knowledge:
                  dir: %s
                  watch: false
                triage_channel: C0TRIAGE
                customers:
                  - organisation: Acme Robotics
                    team_id: %s
                    channels: [%s]
                """.formatted(port, dir.resolve("data"), Path.of("knowledge").toAbsolutePath(), CUSTOMER_TEAM,
                CUSTOMER_CHANNEL));
        return file;
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serveIsReadyAndOnSigtermFinishesEveryAckedEventExitsZeroAndKeepsEveryTicket(@TempDir Path dir)
            throws Exception {
        try (FakeSlackApi slack = new FakeSlackApi()) {
            int port = freePort();
            Path secretFile = dir.resolve("signing-secret");
            Files.writeString(secretFile, SECRET + "\n");
            Process serve = start(java("serve", "--config", config(dir, port).toString()), Map.of(
                    "SLACK_BOT_TOKEN", "xoxb-it", "SLACK_SIGNING_SECRET_FILE", secretFile.toString(),
                    "SLACK_API_URL", slack.apiUrl().toString()));
            ProcessOutput output = new ProcessOutput(serve.getInputStream());
            try {
                output.await("serving: HTTP mode", START);
                URI base = URI.create("http://127.0.0.1:" + port);
                assertEquals(200, get(base.resolve(OpsHttpServer.READY_PATH)).statusCode(), output.toString());

                slack.hold("chat.postMessage"); // cards queue up behind the first, unanswered, post
                SlackSigner signer = new SlackSigner(SECRET);
                Set<String> threads = new java.util.TreeSet<>();
                for (int i = 0; i < EVENTS; i++) {
                    String ts = RunningSlackBot.nextTs();
                    threads.add(ts);
                    String body = RunningSlackBot.envelope("EvIt" + i, RunningSlackBot.mention(CUSTOMER_CHANNEL,
                            CUSTOMER, CUSTOMER_TEAM, ts, "the whole cluster is down, nobody can log in (" + i + ")"));
                    assertEquals(200, signer.post(base.resolve(SlackHttpServer.EVENTS_PATH), "application/json",
                            body).statusCode());
                }
                String metrics = get(base.resolve(OpsHttpServer.METRICS_PATH)).body();
                assertTrue(metrics.contains("supportbot_slack_events_total{outcome=\"acked\"} " + EVENTS + ".0"),
                        metrics);

                long cardedAtSigterm = slack.calls("chat.postMessage").stream()
                        .filter(call -> threads.contains(call.param("thread_ts"))).count();
                long stopping = System.nanoTime();
                // SIGTERM, as Process.destroy() sends it; that one also closes our end of the output pipe.
                assertTrue(serve.toHandle().destroy());
                output.await("stopping:", START);
                slack.release("chat.postMessage");
                assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "still running after SIGTERM:\n" + output);
                assertEquals(0, serve.exitValue(), output.all(Duration.ofSeconds(5)).toString());
                Set<String> carded = slack.calls("chat.postMessage").stream().map(call -> call.param("thread_ts"))
                        .filter(threads::contains).collect(Collectors.toSet());
                assertEquals(threads, carded, "every acked event got its ticket card before exit");
                assertTrue(cardedAtSigterm <= 1, cardedAtSigterm + " cards were posted before SIGTERM");
                System.out.printf("SIGTERM with %d of %d cards posted; exit 0 after %d ms with all %d posted%n",
                        cardedAtSigterm, EVENTS, Duration.ofNanos(System.nanoTime() - stopping).toMillis(),
                        carded.size());
            } finally {
                serve.destroyForcibly();
            }
        }
        Process list = start(java("tickets", "--data-dir", dir.resolve("data").toString(), "--json"), Map.of());
        ProcessOutput listed = new ProcessOutput(list.getInputStream());
        assertTrue(list.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, list.exitValue(), listed.toString());
        assertEquals(EVENTS, listed.all(Duration.ofSeconds(5)).stream().filter(line -> line.contains("\"SEV1\""))
                .count(), listed.toString());
    }

    @Test
    void withJsonLogsEveryLineServePrintsIsJsonTheEventLineCarriesItsIdsAndNoneHoldsASecretOrTheMessage(
            @TempDir Path dir) throws Exception {
        String token = "xoxb-it-json";
        String word = "Quokkalantern";
        try (FakeSlackApi slack = new FakeSlackApi()) {
            int port = freePort();
            Process serve = start(java("serve", "--config", config(dir, port).toString()), Map.of(
                    "SLACK_BOT_TOKEN", token, "SLACK_SIGNING_SECRET", SECRET,
                    "SLACK_API_URL", slack.apiUrl().toString(), "SUPPORTBOT_LOG_FORMAT", "json"));
            ProcessOutput output = new ProcessOutput(serve.getInputStream());
            try {
                output.await("serving: HTTP mode", START);
                String ts = RunningSlackBot.nextTs();
                String body = RunningSlackBot.envelope("EvJson1", RunningSlackBot.mention(CUSTOMER_CHANNEL, CUSTOMER,
                        CUSTOMER_TEAM, ts, "the whole cluster is down, nobody can log in " + word));
                assertEquals(200, new SlackSigner(SECRET).post(URI.create("http://127.0.0.1:" + port
                        + SlackHttpServer.EVENTS_PATH), "application/json", body).statusCode());
                output.await("\"ticket_id\":\"T-", START);
                assertTrue(serve.toHandle().destroy());
                assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "still running after SIGTERM:\n" + output);
                List<String> lines = output.all(Duration.ofSeconds(5));
                for (String line : lines) {
                    assertTrue(JSON.readTree(line).isObject(), line);
                    assertFalse(line.contains(token) || line.contains(SECRET) || line.contains(word), line);
                }
                JsonNode event = JSON.readTree(lines.stream().filter(line -> line.contains("\"EvJson1\""))
                        .filter(line -> line.contains("ticket_id")).findFirst().orElseThrow());
                assertEquals(ts, event.path("thread_ts").asText(), event.toString());
                assertEquals("INFO", event.path("level").asText(), event.toString());
            } finally {
                serve.destroyForcibly();
            }
        }
    }

    @Test
    void serveIsNotReadyWhileTheSlackAppIsStillStarting(@TempDir Path dir) throws Exception {
        try (FakeSlackApi slack = new FakeSlackApi()) {
            int port = freePort();
            slack.hold("auth.test"); // the app starts with auth.test: held, it cannot take Slack's requests yet
            Process serve = start(java("serve", "--config", config(dir, port).toString()), Map.of(
                    "SLACK_BOT_TOKEN", "xoxb-it", "SLACK_SIGNING_SECRET", SECRET,
                    "SLACK_API_URL", slack.apiUrl().toString()));
            ProcessOutput output = new ProcessOutput(serve.getInputStream());
            try {
                slack.await("auth.test", 1, call -> true, START);
                URI base = URI.create("http://127.0.0.1:" + port);
                HttpResponse<String> ready = get(base.resolve(OpsHttpServer.READY_PATH));
                assertEquals(503, ready.statusCode(), ready.body());
                assertTrue(ready.body().contains("slack app taking requests"), ready.body());
                slack.release("auth.test");
                output.await("serving: HTTP mode", START);
                assertEquals(200, get(base.resolve(OpsHttpServer.READY_PATH)).statusCode(), output.toString());
            } finally {
                serve.destroyForcibly();
            }
        }
    }

    @Test
    void aBadConfigValueExitsTwoWithOneLineAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("supportbot.yaml");
        Files.writeString(file, "triage_channel: C0TRIAGE\nserver:\n  port: -1\n");
        Process serve = start(java("serve", "--config", file.toString()), Map.of("SLACK_BOT_TOKEN", "xoxb-it"));
        ProcessOutput output = new ProcessOutput(serve.getInputStream());
        assertTrue(serve.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, serve.exitValue());
        assertEquals(List.of("supportbot: " + file + ": server.port must be a port number 0..65535, got -1"),
                output.all(Duration.ofSeconds(5)));
    }

    @Test
    void configCheckReadsTheSecretsFromFilesAndSaysOk(@TempDir Path dir) throws Exception {
        Path token = dir.resolve("app-token");
        Files.writeString(token, "xapp-it\n");
        Process check = start(java("config", "check", "--config", config(dir, 3000).toString()),
                Map.of("SLACK_BOT_TOKEN", "xoxb-it", "SLACK_APP_TOKEN_FILE", token.toString()));
        ProcessOutput output = new ProcessOutput(check.getInputStream());
        assertTrue(check.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), output.toString());
        assertTrue(output.all(Duration.ofSeconds(5)).contains(
                "mode: Socket Mode; Slack requests on port -; health and metrics on port 9090"), output.toString());
    }
}
