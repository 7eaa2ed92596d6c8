package dev.supportbot.slack;

import static dev.supportbot.slack.RunningSlackBot.CUSTOMER;
import static dev.supportbot.slack.RunningSlackBot.CUSTOMER_CHANNEL;
import static dev.supportbot.slack.RunningSlackBot.CUSTOMER_TEAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketModeEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void aSev1MentionOverSocketModeIsAckedByEnvelopeAndGetsItsCard(@TempDir Path dataDir) throws Exception {
        FakeSocketModeServer socket = new FakeSocketModeServer();
        socket.start();
        try {
            try (RunningSlackBot bot = RunningSlackBot.socketMode(dataDir, socket, WAIT)) {
                FakeSlackApi slack = bot.slack;
                String ts = RunningSlackBot.nextTs();
                String payload = RunningSlackBot.envelope("EvSocket1", RunningSlackBot.mention(CUSTOMER_CHANNEL,
                        CUSTOMER, CUSTOMER_TEAM, ts, "the whole cluster is down, nobody can log in"));
                socket.send("{\"envelope_id\":\"env-1\",\"type\":\"events_api\",\"accepts_response_payload\":false,"
                        + "\"retry_attempt\":0,\"retry_reason\":\"\",\"payload\":" + payload + "}");
                socket.awaitMessageContaining("env-1", WAIT);
                FakeSlackApi.Call card = slack.await("chat.postMessage", 1,
                        call -> call.param("thread_ts").equals(ts), WAIT).getFirst();
                long due = IncomingMessage.postedAt(ts).plus(Duration.ofHours(4)).getEpochSecond();
                assertTrue(card.blockText().contains("<!date^" + due + "^"), card.blockText());
                assertEquals(1, bot.tickets().size());
                assertTrue(slack.calls("apps.connections.open").size() >= 1, "the WebSocket URL came from the fake");
            }
        } finally {
            socket.stop(1000);
        }
    }
}
