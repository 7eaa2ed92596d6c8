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

class CardDeliveryTest {
    @Test
    void aCardWhosePostFailsForGoodIsPostedLaterAndTheTicketWasStoredFirst(@TempDir Path dataDir) throws Exception {
        int failures = RunningSlackBot.QUICK.retry().maxAttempts();
        try (RunningSlackBot bot = RunningSlackBot.httpWithFailures(dataDir, "chat.postMessage", failures,
                Duration.ofMillis(300))) {
            String ts = RunningSlackBot.nextTs();
            assertEquals(200, bot.postEvent(RunningSlackBot.envelope(RunningSlackBot.nextEventId(),
                    RunningSlackBot.mention(CUSTOMER_CHANNEL, CUSTOMER, CUSTOMER_TEAM, ts,
                            "the whole cluster is down, nobody can log in"))).statusCode());
            var posts = bot.slack.await("chat.postMessage", failures + 1,
                    call -> call.param("thread_ts").equals(ts), Duration.ofSeconds(15));
            assertEquals(1, bot.tickets().size(), "the ticket exists although its first posts failed");
            assertTrue(posts.getLast().param("text").startsWith(bot.tickets().getFirst().id() + " · SEV1"));
            assertTrue(bot.slack.calls("conversations.replies").size() >= 1,
                    "before posting again the thread was searched for a card that did arrive");
        }
    }
}
