package dev.supportbot.slack;

import static dev.supportbot.slack.RunningSlackBot.CUSTOMER;
import static dev.supportbot.slack.RunningSlackBot.CUSTOMER_CHANNEL;
import static dev.supportbot.slack.RunningSlackBot.CUSTOMER_TEAM;
import static dev.supportbot.slack.RunningSlackBot.envelope;
import static dev.supportbot.slack.RunningSlackBot.mention;
import static dev.supportbot.slack.RunningSlackBot.nextEventId;
import static dev.supportbot.slack.RunningSlackBot.nextTs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportbot.ops.OpsHttpServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String OUTAGE = "the whole cluster is down, nobody can log in";
    private final HttpClient http = HttpClient.newHttpClient();
    private RunningSlackBot bot;

    @BeforeEach
    void start(@TempDir Path dataDir) throws Exception {
        bot = RunningSlackBot.http(dataDir);
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(bot.path(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of one sample line, e.g. {@code supportbot_slack_events_total{outcome="acked"}}; 0 when absent. */
    private double sample(String exposition, String series) {
        return exposition.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).strip())).orElse(0.0);
    }

    @Test
    void readyzAnswers200OnceSlackWasReachedAndHealthzAlways() throws Exception {
        assertEquals(200, get(OpsHttpServer.READY_PATH).statusCode());
        assertEquals(200, get(OpsHttpServer.HEALTH_PATH).statusCode());
    }

    @Test
    void metricsMoveWhenEventsArriveAreDeduplicatedRejectedTriagedAndTicketed() throws Exception {
        String before = get(OpsHttpServer.METRICS_PATH).body();
        String first = nextTs();
        String second = nextTs();
        String repeated = envelope(nextEventId(), mention(CUSTOMER_CHANNEL, CUSTOMER, CUSTOMER_TEAM, first, OUTAGE));
        long now = Instant.now().getEpochSecond();
        assertEquals(200, bot.signer.post(bot.events(), "application/json", repeated, now, 0).statusCode());
        assertEquals(200, bot.signer.post(bot.events(), "application/json", repeated, now + 1, 1).statusCode());
        assertEquals(200, bot.postEvent(envelope(nextEventId(),
                mention(CUSTOMER_CHANNEL, CUSTOMER, CUSTOMER_TEAM, second, OUTAGE))).statusCode());
        assertEquals(401, bot.signer.post(bot.events(), "application/json", repeated, now - 600, 0).statusCode());
        for (String ts : List.of(first, second)) {
            bot.slack.await("chat.postMessage", 1, call -> call.param("thread_ts").equals(ts), WAIT);
        }
        HttpResponse<String> scrape = get(OpsHttpServer.METRICS_PATH);
        String after = scrape.body();
        assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), after);
        assertEquals(0, sample(before, "supportbot_slack_events_total{outcome=\"received\"}"));
        assertEquals(3, sample(after, "supportbot_slack_events_total{outcome=\"received\"}"), after);
        assertEquals(3, sample(after, "supportbot_slack_events_total{outcome=\"acked\"}"), after);
        assertEquals(1, sample(after, "supportbot_slack_events_total{outcome=\"deduplicated\"}"), after);
        assertEquals(1, sample(after, "supportbot_slack_requests_rejected_total{reason=\"stale\"}"), after);
        assertEquals(3, sample(after, "supportbot_slack_ack_duration_seconds_count"), after);
        assertEquals(2, sample(after, "supportbot_triage_decisions_total{action=\"ticket\",severity=\"SEV1\"}"), after);
        assertEquals(2, sample(after, "supportbot_search_duration_seconds_count"), after);
        assertEquals(2, sample(after, "supportbot_tickets{severity=\"SEV1\",status=\"open\"}"), after);
        // The fake records a call before answering it; the counter moves on the answer.
        assertTrue(sample(after, "supportbot_slack_api_calls_total{method=\"chat.postMessage\",outcome=\"ok\"}") >= 1,
                after);
        assertFamilies(after, List.of("supportbot_slack_requests_rejected", "supportbot_tickets",
                "supportbot_slack_api_calls"));
    }

    private static void assertFamilies(String metrics, List<String> families) {
        for (String family : families) {
            assertTrue(metrics.contains("# TYPE " + family + " ") || metrics.contains("# TYPE " + family + "_total "),
                    family + " missing from\n" + metrics);
        }
    }

    @Test
    void theFamiliesWithKnownSeriesAreExposedFromTheStart() throws Exception {
        assertFamilies(get(OpsHttpServer.METRICS_PATH).body(), List.of("supportbot_slack_events",
                "supportbot_slack_ack_duration_seconds", "supportbot_triage_decisions", "supportbot_sla_signals",
                "supportbot_answer_feedback", "supportbot_search_duration_seconds", "supportbot_knowledge_reloads"));
    }

    @Test
    void feedbackButtonsCountHelpfulAndNotHelpful() throws Exception {
        String ts = nextTs();
        assertEquals(200, bot.postClick(ButtonAction.HELPFUL, "q", CUSTOMER, CUSTOMER_TEAM, CUSTOMER_CHANNEL, ts, ts)
                .statusCode());
        assertEquals(200, bot.postClick(ButtonAction.NOT_HELPFUL, "q", CUSTOMER, CUSTOMER_TEAM, CUSTOMER_CHANNEL, ts,
                ts).statusCode());
        bot.slack.await("chat.postEphemeral", 2, call -> true, WAIT);
        String metrics = get(OpsHttpServer.METRICS_PATH).body();
        assertEquals(1, sample(metrics, "supportbot_answer_feedback_total{verdict=\"helpful\"}"), metrics);
        assertEquals(1, sample(metrics, "supportbot_answer_feedback_total{verdict=\"not_helpful\"}"), metrics);
    }

    @Test
    void aRateLimitedCallIsCountedAsA429AndStillDelivered() throws Exception {
        bot.slack.failNext("chat.postMessage", 429, java.util.Map.of("Retry-After", "0"),
                "{\"ok\":false,\"error\":\"ratelimited\"}");
        String ts = nextTs();
        bot.postEvent(envelope(nextEventId(), mention(CUSTOMER_CHANNEL, CUSTOMER, CUSTOMER_TEAM, ts, OUTAGE)));
        bot.slack.await("chat.postMessage", 2, call -> call.param("thread_ts").equals(ts), WAIT);
        String metrics = get(OpsHttpServer.METRICS_PATH).body();
        assertEquals(1, sample(metrics, "supportbot_slack_api_rate_limited_total{method=\"chat.postMessage\"}"),
                metrics);
    }
}
