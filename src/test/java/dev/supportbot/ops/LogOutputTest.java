package dev.supportbot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportbot.config.SupportbotConfig.LogFormat;
import dev.supportbot.config.SupportbotConfig.LogLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(5);
    /** Named as the real per-event line's logger, so that a line from another test's threads is told apart. */
    private static final String LOGGER = "dev.supportbot.slack.EventIntake";
    private final Logger log = LoggerFactory.getLogger(LOGGER);

    private void logAnEvent() {
        log.atInfo().addKeyValue("event_id", "Ev1").addKeyValue("channel", "C0ACME")
                .addKeyValue("thread_ts", "1741000000.123456").addKeyValue("ticket_id", "T-1001")
                .log("event {} channel {} thread {}: {}", "Ev1", "C0ACME", "1741000000.123456", "opened T-1001 SEV1");
    }

    private static List<String> ours(LogCapture capture) {
        return capture.lines().stream().filter(line -> line.contains(LOGGER)).toList();
    }

    @Test
    void jsonLogsAreOneObjectPerLineWithLevelLoggerMessageAndTheEventsIdsAsFields() throws Exception {
        try (LogCapture capture = LogCapture.start(LogFormat.JSON, LogLevel.INFO)) {
            logAnEvent();
            log.debug("not written at info");
            log.warn("a \"quoted\" warning\nover two lines", new IllegalStateException("why"));
            capture.await("over two lines", WAIT);

            List<String> lines = ours(capture);
            assertEquals(2, lines.size(), String.join("\n", capture.lines()));
            for (String line : capture.lines()) {
                assertTrue(JSON.readTree(line).isObject(), line);
            }
            JsonNode event = JSON.readTree(lines.getFirst());
            assertEquals("INFO", event.path("level").asText());
            assertEquals(LOGGER, event.path("logger_name").asText());
            assertEquals("event Ev1 channel C0ACME thread 1741000000.123456: opened T-1001 SEV1",
                    event.path("message").asText());
            assertEquals("T-1001", event.path("ticket_id").asText());
            assertEquals("1741000000.123456", event.path("thread_ts").asText());
            assertEquals("Ev1", event.path("event_id").asText());
            assertEquals("C0ACME", event.path("channel").asText());
            Instant.parse(event.path("@timestamp").asText());

            JsonNode warning = JSON.readTree(lines.get(1));
            assertEquals("WARN", warning.path("level").asText());
            assertEquals("a \"quoted\" warning\nover two lines", warning.path("message").asText());
            assertTrue(warning.path("stack_trace").asText().startsWith("java.lang.IllegalStateException: why"),
                    warning.toString());
        }
    }

    @Test
    void debugLogsInJsonWhenTheLevelSaysDebug() throws Exception {
        try (LogCapture capture = LogCapture.start(LogFormat.JSON, LogLevel.DEBUG)) {
            log.debug("written at debug");
            assertEquals("DEBUG", JSON.readTree(capture.await("written at debug", WAIT)).path("level").asText());
        }
    }

    @Test
    void textLogsReadAsTheyAlwaysDidWithTheIdsInTheMessageOnly() throws Exception {
        try (LogCapture capture = LogCapture.start(LogFormat.TEXT, LogLevel.INFO)) {
            logAnEvent();
            log.debug("not written at info");
            String line = capture.await("opened T-1001", WAIT);
            assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) \\[[^]]+] "
                    + "INFO " + LOGGER + " - event Ev1 channel C0ACME thread 1741000000\\.123456: opened T-1001 SEV1"),
                    line);
            assertEquals(List.of(line), ours(capture));
            assertFalse(line.contains("ticket_id"), line);
        }
    }
}
