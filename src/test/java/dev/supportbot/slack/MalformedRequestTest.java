package dev.supportbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supportbot.tickets.Database;
import dev.supportbot.tickets.DeliveryLog;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed requests whose bodies are not what Slack sends: refused or dropped, never a 5xx, never left pending. */
class MalformedRequestTest {
    @TempDir
    Path dataDir;

    @Test
    void aSignedFormWithBadEscapesOrAnUnparseablePayloadIsAnswered400() throws Exception {
        try (RunningSlackBot bot = RunningSlackBot.http(dataDir)) {
            assertEquals(400, bot.signer.post(bot.events(), "application/x-www-form-urlencoded", "payload="
                    + URLEncoder.encode("{\"type\":\"block_actions\",\"actions\":[{\"action_id\":\"x",
                    StandardCharsets.UTF_8)).statusCode());
            assertEquals(400, bot.signer.post(bot.events(), "application/x-www-form-urlencoded", "payload=%zz")
                    .statusCode());
        }
    }

    @Test
    void anOversizedBodyIsReadToItsEndAndAnswered413NotACutConnection() throws Exception {
        try (RunningSlackBot bot = RunningSlackBot.http(dataDir)) {
            for (int attempt = 0; attempt < 5; attempt++) {
                String body = "{\"text\":\"" + "x".repeat(3 << 20) + "\"}";
                assertEquals(413, bot.signer.post(bot.events(), "application/json", body).statusCode());
            }
            assertEquals(0, bot.tickets().size());
        }
    }

    @Test
    void aSignedEventWithAMalformedMessageIsAckedDroppedAndNotLeftPending() throws Exception {
        String body = RunningSlackBot.envelope("EvBadTs", RunningSlackBot.mention(RunningSlackBot.CUSTOMER_CHANNEL,
                RunningSlackBot.CUSTOMER, RunningSlackBot.CUSTOMER_TEAM, "not-a-ts", "the cluster is down"));
        try (RunningSlackBot bot = RunningSlackBot.http(dataDir)) {
            assertEquals(200, bot.postEvent(body).statusCode());
            String ts = RunningSlackBot.nextTs();
            bot.postEvent(RunningSlackBot.envelope(RunningSlackBot.nextEventId(), RunningSlackBot.mention("C0OTHER",
                    RunningSlackBot.STAFF, FakeSlackApi.HOME_TEAM, ts, "What is the initial response time for Severity 1?")));
            bot.slack.await("chat.postMessage", 1, call -> call.param("thread_ts").equals(ts),
                    Duration.ofSeconds(10));
            assertEquals(0, bot.tickets().size());
        }
        try (Database database = Database.open(dataDir)) {
            assertEquals(List.of(), new DeliveryLog(database, Clock.systemUTC()).pending());
        }
    }
}
