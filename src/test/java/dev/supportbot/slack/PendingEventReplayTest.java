package dev.supportbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supportbot.tickets.Database;
import dev.supportbot.tickets.DeliveryLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event acknowledged but never finished (stored, then a crash; or its answer never went through) is handled
 * when the app starts again.
 */
class PendingEventReplayTest {
    @TempDir
    Path dataDir;

    @Test
    void anAcknowledgedEventLeftPendingByACrashOpensItsTicketOnTheNextStart() throws Exception {
        String ts = RunningSlackBot.nextTs();
        String body = RunningSlackBot.envelope("EvCrashed", RunningSlackBot.mention(RunningSlackBot.CUSTOMER_CHANNEL,
                RunningSlackBot.CUSTOMER, RunningSlackBot.CUSTOMER_TEAM, ts,
                "the whole cluster is down, nobody can log in"));
        try (Database database = Database.open(dataDir)) {
            new DeliveryLog(database, Clock.systemUTC())
                    .recordArrivals(List.of(new DeliveryLog.Arrival("EvCrashed", body)));
        }
        try (RunningSlackBot bot = RunningSlackBot.http(dataDir)) {
            bot.slack.await("chat.postMessage", 1, call -> call.param("thread_ts").equals(ts)
                    && call.param("text").startsWith("T-"), Duration.ofSeconds(10));
            assertEquals(1, bot.tickets().size());
            assertEquals(200, bot.postEvent(body).statusCode());
        }
        try (Database database = Database.open(dataDir)) {
            assertEquals(List.of(), new DeliveryLog(database, Clock.systemUTC()).pending());
        }
    }

    @Test
    void anEventWhoseAnswerCouldNotBePostedStaysPendingAndIsAnsweredOnceOnTheNextStart() throws Exception {
        String ts = RunningSlackBot.nextTs();
        String body = RunningSlackBot.envelope("EvUnanswered", RunningSlackBot.mention(
                RunningSlackBot.CUSTOMER_CHANNEL, RunningSlackBot.CUSTOMER, RunningSlackBot.CUSTOMER_TEAM, ts,
                "What is the initial response time for Severity 1?"));
        int attempts = RunningSlackBot.QUICK.retry().maxAttempts();
        try (RunningSlackBot bot = RunningSlackBot.httpWithFailures(dataDir, "chat.postMessage", attempts,
                Duration.ofMinutes(10))) {
            assertEquals(200, bot.postEvent(body).statusCode());
            bot.slack.await("chat.postMessage", attempts, call -> call.param("thread_ts").equals(ts),
                    Duration.ofSeconds(10));
        }
        try (Database database = Database.open(dataDir)) {
            assertEquals(List.of("EvUnanswered"), new DeliveryLog(database, Clock.systemUTC()).pending().stream()
                    .map(DeliveryLog.Arrival::eventId).toList(), "acknowledged, never answered: still pending");
        }
        try (RunningSlackBot bot = RunningSlackBot.http(dataDir)) {
            String thread = RunningSlackBot.CUSTOMER_CHANNEL + "/" + ts;
            bot.slack.awaitPosts(thread, 1, Duration.ofSeconds(10));
            assertEquals(1, bot.slack.postsByThread().get(thread));
        }
        try (Database database = Database.open(dataDir)) {
            assertEquals(List.of(), new DeliveryLog(database, Clock.systemUTC()).pending());
        }
    }
}
