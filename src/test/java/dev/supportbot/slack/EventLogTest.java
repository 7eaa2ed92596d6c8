package dev.supportbot.slack;

import static dev.supportbot.slack.RunningSlackBot.CUSTOMER;
import static dev.supportbot.slack.RunningSlackBot.CUSTOMER_CHANNEL;
import static dev.supportbot.slack.RunningSlackBot.CUSTOMER_TEAM;
import static dev.supportbot.slack.RunningSlackBot.envelope;
import static dev.supportbot.slack.RunningSlackBot.mention;
import static dev.supportbot.slack.RunningSlackBot.message;
import static dev.supportbot.slack.RunningSlackBot.nextEventId;
import static dev.supportbot.slack.RunningSlackBot.nextTs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportbot.config.SupportbotConfig.LogFormat;
import dev.supportbot.config.SupportbotConfig.LogLevel;
import dev.supportbot.ops.LogCapture;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the running app logs at info in JSON mode, Bolt's and the WebSocket library's lines included: every line is
 * one JSON object; each message handled is one line with its event, channel, thread and ticket ids as fields; no
 * line holds a token, the signing secret or the text of a message.
 */
class EventLogTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A made-up word that is only ever in what customers write. */
    private static final String CUSTOMER_WORD = "Quokkalantern";
    private static final String OUTAGE = "the whole cluster is down, nobody can log in " + CUSTOMER_WORD;
    private static final String THREAD_REPLY = "still down for us, " + CUSTOMER_WORD;
    private static final String QUESTION = "What is the initial response time for Severity 1?";

    /** The per-event line of {@code eventId}, read as JSON. */
    private static JsonNode handled(LogCapture logs, String eventId) throws Exception {
        return JSON.readTree(logs.await("event " + eventId + " channel", WAIT));
    }

    private static void assertIds(JsonNode line, String eventId, String threadTs) {
        assertEquals("INFO", line.path("level").asText(), line.toString());
        assertEquals(EventIntake.class.getName(), line.path("logger_name").asText(), line.toString());
        assertEquals(eventId, line.path("event_id").asText(), line.toString());
        assertEquals(CUSTOMER_CHANNEL, line.path("channel").asText(), line.toString());
        assertEquals(threadTs, line.path("thread_ts").asText(), line.toString());
    }

    private static void assertJsonWithout(List<String> lines, String... secrets) throws IOException {
        assertFalse(lines.isEmpty());
        for (String line : lines) {
            assertTrue(JSON.readTree(line).isObject(), line);
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "'" + secret + "' logged: " + line);
            }
        }
    }

    @Test
    void overHttpEachMessageIsOneJsonLineWithItsIdsAndNoLineHoldsASecretOrWhatCustomersWrote(@TempDir Path dataDir)
            throws Exception {
        try (LogCapture logs = LogCapture.start(LogFormat.JSON, LogLevel.INFO)) {
            try (RunningSlackBot bot = RunningSlackBot.http(dataDir)) {
                String ts = nextTs();
                String opening = nextEventId();
                bot.postEvent(envelope(opening, mention(CUSTOMER_CHANNEL, CUSTOMER, CUSTOMER_TEAM, ts, OUTAGE)));
                JsonNode opened = handled(logs, opening);
                String ticket = bot.tickets().getFirst().id().toString();
                assertIds(opened, opening, ts);
                assertEquals(ticket, opened.path("ticket_id").asText(), opened.toString());
                assertTrue(opened.path("message").asText().endsWith(": opened " + ticket + " SEV1"), opened.toString());

                String replying = nextEventId();
                bot.postEvent(envelope(replying, message("message", CUSTOMER_CHANNEL, CUSTOMER, CUSTOMER_TEAM,
                        nextTs(), THREAD_REPLY).put("thread_ts", ts)));
                JsonNode reply = handled(logs, replying);
                assertIds(reply, replying, ts);
                assertEquals(ticket, reply.path("ticket_id").asText(), reply.toString());

                String asking = nextEventId();
                String questionTs = nextTs();
                bot.postEvent(envelope(asking, mention(CUSTOMER_CHANNEL, CUSTOMER, CUSTOMER_TEAM, questionTs,
                        QUESTION)));
                JsonNode answered = handled(logs, asking);
                assertIds(answered, asking, questionTs);
                assertTrue(answered.path("message").asText().endsWith(": answer"), answered.toString());
                assertTrue(answered.path("ticket_id").isMissingNode(), answered.toString());
            }
            assertJsonWithout(logs.lines(), "xoxb-e2e", RunningSlackBot.SECRET, CUSTOMER_WORD, QUESTION);
        }
    }

    @Test
    void overSocketModeNoLineHoldsTheAppTokenOrTheBotToken(@TempDir Path dataDir) throws Exception {
        FakeSocketModeServer socket = new FakeSocketModeServer();
        socket.start();
        try (LogCapture logs = LogCapture.start(LogFormat.JSON, LogLevel.INFO)) {
            try (RunningSlackBot bot = RunningSlackBot.socketMode(dataDir, socket, WAIT)) {
                String ts = nextTs();
                String opening = nextEventId();
                socket.send("{\"envelope_id\":\"env-log\",\"type\":\"events_api\",\"accepts_response_payload\":false,"
                        + "\"retry_attempt\":0,\"retry_reason\":\"\",\"payload\":"
                        + envelope(opening, mention(CUSTOMER_CHANNEL, CUSTOMER, CUSTOMER_TEAM, ts, OUTAGE)) + "}");
                JsonNode opened = handled(logs, opening);
                assertIds(opened, opening, ts);
                assertEquals(bot.tickets().getFirst().id().toString(), opened.path("ticket_id").asText());
            }
            assertJsonWithout(logs.lines(), "xapp-e2e", "xoxb-e2e", CUSTOMER_WORD);
        } finally {
            socket.stop(1000);
        }
    }
}
