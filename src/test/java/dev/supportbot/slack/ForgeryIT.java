package dev.supportbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forged, stale, future-dated, replayed and malformed-signature requests, each carrying a ticket-opening message:
 * every one must be refused with 401 and nothing stored. Run with {@code -Preliability}.
 */
@Tag("reliability")
class ForgeryIT {
    private static final int EACH = 250;
    private static final String OUTAGE = "the whole cluster is down, nobody can log in";

    @TempDir
    Path dataDir;

    @Test
    void everyForgedStaleFutureOrReplayedRequestIsRefusedAndNothingIsStored() throws Exception {
        Random random = new Random(7);
        SlackSigner impostor = new SlackSigner("not-the-signing-secret");
        Map<String, Integer> accepted = new LinkedHashMap<>();
        int sent = 0;
        try (RunningSlackBot bot = RunningSlackBot.http(dataDir)) {
            for (int i = 0; i < EACH; i++) {
                long now = Instant.now().getEpochSecond();
                String body = outage(i);
                count(accepted, "forged", bot.signer.send(bot.events(), "application/json", body, now,
                        impostor.signature(now, body), 0).statusCode());
                long stale = now - 301 - random.nextInt(86_400);
                count(accepted, "stale", bot.signer.post(bot.events(), "application/json", outage(i), stale, 0)
                        .statusCode());
                long future = now + 301 + random.nextInt(86_400);
                count(accepted, "future", bot.signer.post(bot.events(), "application/json", outage(i), future, 0)
                        .statusCode());
                String question = RunningSlackBot.envelope(RunningSlackBot.nextEventId(), RunningSlackBot.mention(
                        RunningSlackBot.CUSTOMER_CHANNEL, RunningSlackBot.CUSTOMER, RunningSlackBot.CUSTOMER_TEAM,
                        RunningSlackBot.nextTs(), "What is the initial response time for Severity 1?"));
                String signature = bot.signer.signature(now, question);
                assertEquals(200, bot.signer.send(bot.events(), "application/json", question, now, signature, 0)
                        .statusCode(), "the original of a replay is genuine");
                count(accepted, "replayed", bot.signer.send(bot.events(), "application/json", question, now,
                        signature, 0).statusCode());
                String body2 = outage(i);
                String bad = switch (i % 3) {
                    case 0 -> "";
                    case 1 -> "v1=" + bot.signer.signature(now, body2).substring(3);
                    default -> bot.signer.signature(now, body2).substring(0, 40);
                };
                count(accepted, "malformed_signature", bot.signer.send(bot.events(), "application/json", body2, now,
                        bad, 0).statusCode());
                sent += 5;
            }
            int tickets = bot.tickets().size();
            int total = accepted.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("RESULT forgery sent=%d accepted=%d %s tickets_stored=%d%n", sent, total,
                    accepted.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                            .reduce((left, right) -> left + " " + right).orElse(""), tickets);
            assertEquals(0, total, "forgeries accepted: " + accepted);
            assertEquals(0, tickets);
        }
    }

    private static String outage(int i) {
        return RunningSlackBot.envelope(RunningSlackBot.nextEventId(), RunningSlackBot.mention(
                RunningSlackBot.CUSTOMER_CHANNEL, "U0FORGER" + i, RunningSlackBot.CUSTOMER_TEAM,
                RunningSlackBot.nextTs(), OUTAGE));
    }

    private static void count(Map<String, Integer> accepted, String kind, int status) {
        accepted.merge(kind, status == 401 ? 0 : 1, Integer::sum);
    }
}
