package dev.supportbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every event delivered four times as Slack can: the original and a first retry at the same moment, then two
 * more retries. Each must give exactly one ticket and one card. Run with {@code -Preliability}.
 */
@Tag("reliability")
class DuplicateStormIT {
    private static final int EVENTS = 200;

    @TempDir
    Path dataDir;

    @Test
    void anEventDeliveredFourTimesTwoAtOnceOpensOneTicketWithOneCard() throws Exception {
        int deliveries = 0;
        int notAcked = 0;
        List<String> threads = new ArrayList<>();
        try (RunningSlackBot bot = RunningSlackBot.http(dataDir);
             ExecutorService senders = Executors.newFixedThreadPool(8)) {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                String ts = RunningSlackBot.nextTs();
                threads.add(ts);
                String body = RunningSlackBot.envelope(RunningSlackBot.nextEventId(), RunningSlackBot.mention(
                        RunningSlackBot.CUSTOMER_CHANNEL, "U0STORM" + i, RunningSlackBot.CUSTOMER_TEAM, ts,
                        "the whole cluster is down, nobody can log in"));
                long signedAt = Instant.now().getEpochSecond();
                for (int retry = 0; retry < 2; retry++) {
                    int number = retry;
                    answers.add(CompletableFuture.supplyAsync(() -> post(bot, body, signedAt, number), senders));
                }
                answers.add(CompletableFuture.supplyAsync(() -> post(bot, body, signedAt, 2), senders)
                        .thenCombine(CompletableFuture.supplyAsync(() -> post(bot, body, signedAt, 3), senders),
                                (second, third) -> second == 200 && third == 200 ? 200 : 500));
                deliveries += 4;
            }
            for (CompletableFuture<Integer> answer : answers) {
                notAcked += answer.join() == 200 ? 0 : 1;
            }
            bot.slack.await("chat.postMessage", EVENTS, call -> call.param("text").startsWith("T-"),
                    Duration.ofSeconds(60));
            drain(bot);
            Map<String, Integer> cards = new HashMap<>();
            bot.slack.calls("chat.postMessage").stream().filter(call -> call.param("text").startsWith("T-"))
                    .forEach(call -> cards.merge(call.param("thread_ts"), 1, Integer::sum));
            int tickets = bot.tickets().size();
            long duplicateCards = cards.values().stream().filter(count -> count > 1).count();
            System.out.printf("RESULT duplicate_storm events=%d deliveries=%d not_acked=%d tickets=%d cards=%d "
                    + "duplicate_cards=%d%n", EVENTS, deliveries, notAcked, tickets, cards.size(), duplicateCards);
            assertEquals(0, notAcked);
            assertEquals(EVENTS, tickets);
            assertEquals(EVENTS, cards.size());
            assertEquals(0, duplicateCards);
        }
    }

    /** Posts a question and awaits its answer: every earlier event has left the single work thread by then. */
    private static void drain(RunningSlackBot bot) throws Exception {
        String ts = RunningSlackBot.nextTs();
        bot.postEvent(RunningSlackBot.envelope(RunningSlackBot.nextEventId(), RunningSlackBot.mention("C0OTHER",
                RunningSlackBot.STAFF, FakeSlackApi.HOME_TEAM, ts, "What is the initial response time for Severity 1?")));
        bot.slack.await("chat.postMessage", 1, call -> call.param("thread_ts").equals(ts), Duration.ofSeconds(30));
    }

    /**
     * Delivery {@code retry} (0 = the original) with Slack's retry headers, each signed anew as Slack does (a
     * distinct timestamp, so not a replay); returns the status.
     */
    private static int post(RunningSlackBot bot, String body, long signedAt, int retry) {
        try {
            HttpResponse<String> response = bot.signer.post(bot.events(), "application/json", body,
                    signedAt - retry, retry);
            return response.statusCode();
        } catch (Exception e) { // a test's own boundary: a failed send is a failed delivery
            return -1;
        }
    }
}
