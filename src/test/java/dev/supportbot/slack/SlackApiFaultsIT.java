package dev.supportbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack's Web API misbehaving under the real jar: of the calls the bot makes for its events (posts, card updates,
 * thread reads), one in ten is answered 429 with {@code Retry-After} 1 or 2, one in ten 500 or 503, and one in ten
 * hangs past the client's one-second timeout, half of those after the post was made (its answer lost). Every
 * acknowledged event must still get its ticket and exactly one reply or card in its thread, no method may be called
 * again before the {@code Retry-After} it was given, a 5xx must be followed by a backoff, and the delivery log must
 * end with nothing pending. Run with {@code -Preliability}.
 */
@Tag("reliability")
class SlackApiFaultsIT {
    private static final int EVENTS = 100;
    private static final int PER_SECOND = 20;
    private static final Duration HANG = Duration.ofSeconds(3); // the client gives up after 1 s
    private static final Set<String> FAULTY = Set.of("chat.postMessage", "chat.update", "conversations.replies");
    private static final String TICKET_TEXT = "our whole cluster is down, nobody can log in";
    private static final String QUESTION = "What is the initial response time for Severity 1?";

    @TempDir
    Path work;

    @Test
    void everyAcknowledgedEventGetsOneReplyThroughRateLimitsServerErrorsAndTimeouts() throws Exception {
        try (FakeSlackApi slack = new FakeSlackApi()) {
            Path config = LoadBenchmark.writeConfig(work);
            Files.writeString(config, "slack:\n  timeout_seconds: 1\n", StandardOpenOption.APPEND);
            ServerProcess.Launch launch = new ServerProcess.Launch(ServerProcess.builtJar(), List.of("-Xmx256m"),
                    work.resolve("data"), config, Path.of("knowledge").toAbsolutePath(), slack.apiUrl(),
                    work.resolve("server.log"));
            slack.inject(new FaultPlan(FAULTY, 0.1, 0.1, 0.1, HANG, 20261123));
            List<String> threads = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                String channel = "C0LOAD" + (i % 16);
                String ts = RunningSlackBot.nextTs();
                threads.add(SlackThreads.key(channel, ts));
                bodies.add(RunningSlackBot.envelope(RunningSlackBot.nextEventId(), RunningSlackBot.mention(channel,
                        "U0FAULT" + i, LoadBenchmark.TEAM, ts, i % 2 == 0 ? TICKET_TEXT + " (" + i + ")" : QUESTION)));
            }
            OpenLoopLoad.Result sent;
            long drainMillis;
            long pending;
            StoredTickets stored = new StoredTickets(launch.dataDir());
            try (ServerProcess server = ServerProcess.start(launch, Duration.ofSeconds(60))) {
                sent = new OpenLoopLoad(server.events(), ServerProcess.SECRET)
                        .run(EVENTS, PER_SECOND, bodies::get, Duration.ofSeconds(10));
                long drainStarted = System.nanoTime();
                pending = stored.awaitNothingPending(Duration.ofMinutes(4));
                drainMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - drainStarted);
                server.stop(Duration.ofSeconds(30));
            }
            Map<String, Long> tickets = stored.deadlinesByKey();
            Map<String, Integer> posts = slack.postsByThread();
            int acked = 0;
            int ticketsMissing = 0;
            int replies = 0;
            int missing = 0;
            int duplicates = 0;
            for (int i = 0; i < EVENTS; i++) {
                if (sent.status(i) != 200) {
                    continue;
                }
                acked++;
                ticketsMissing += i % 2 == 0 && !tickets.containsKey(threads.get(i)) ? 1 : 0;
                int posted = posts.getOrDefault(threads.get(i), 0);
                replies += posted > 0 ? 1 : 0;
                missing += posted == 0 ? 1 : 0;
                duplicates += posted > 1 ? 1 : 0;
            }
            List<FakeSlackApi.Call> calls = slack.calls();
            int retryAfterViolations = retryAfterViolations(calls);
            int backoffViolations = backoffViolations(calls, RetryPolicy.SLACK.firstBackoff());
            System.out.printf("RESULT faults events=%d acked=%d tickets=%d tickets_missing=%d replies=%d missing=%d "
                            + "duplicates=%d retry_after_violations=%d backoff_violations=%d pending=%d calls=%d "
                            + "rate_limited=%d server_errors=%d timeouts=%d timeouts_after_posting=%d drain_ms=%d%n",
                    EVENTS, acked, tickets.size(), ticketsMissing, replies, missing, duplicates, retryAfterViolations,
                    backoffViolations, pending, calls.size(), count(calls, FaultPlan.Fault.RATE_LIMITED),
                    count(calls, FaultPlan.Fault.SERVER_ERROR),
                    count(calls, FaultPlan.Fault.HANG_AFTER_DOING) + count(calls, FaultPlan.Fault.HANG_BEFORE_DOING),
                    (int) calls.stream().filter(call -> call.method().equals("chat.postMessage")
                            && call.fault() == FaultPlan.Fault.HANG_AFTER_DOING).count(), drainMillis);
            assertEquals(EVENTS, acked, "events acknowledged with 200");
            assertEquals(0, ticketsMissing, "acknowledged ticket-opening events without a ticket");
            assertEquals(0, missing, "acknowledged events whose thread got no reply or card");
            assertEquals(0, duplicates, "threads with more than one reply or card");
            assertEquals(0, retryAfterViolations, "calls made again before their Retry-After");
            assertEquals(0, backoffViolations, "calls made within the first backoff after a 5xx");
            assertEquals(0, pending, "events still pending in the delivery log");
            assertTrue(count(calls, FaultPlan.Fault.HANG_AFTER_DOING) > 0, "the run must include lost answers");
        }
    }

    /** Calls of a method that arrived before the Retry-After its last 429 gave had passed. */
    private static int retryAfterViolations(List<FakeSlackApi.Call> calls) {
        int violations = 0;
        for (int i = 0; i < calls.size(); i++) {
            FakeSlackApi.Call limited = calls.get(i);
            if (limited.fault() != FaultPlan.Fault.RATE_LIMITED) {
                continue;
            }
            Instant allowed = limited.at().plusSeconds(limited.retryAfterSeconds());
            violations += (int) calls.subList(i + 1, calls.size()).stream()
                    .filter(call -> call.method().equals(limited.method()) && call.at().isBefore(allowed)).count();
        }
        return violations;
    }

    /** Calls of any method that arrived sooner than {@code backoff} after a 5xx answer (the queue waits it out). */
    private static int backoffViolations(List<FakeSlackApi.Call> calls, Duration backoff) {
        int violations = 0;
        for (int i = 0; i < calls.size(); i++) {
            FakeSlackApi.Call failed = calls.get(i);
            if (failed.fault() != FaultPlan.Fault.SERVER_ERROR) {
                continue;
            }
            Instant allowed = failed.at().plus(backoff);
            violations += (int) calls.subList(i + 1, calls.size()).stream()
                    .filter(call -> call.at().isBefore(allowed)).count();
        }
        return violations;
    }

    private static int count(List<FakeSlackApi.Call> calls, FaultPlan.Fault fault) {
        return (int) calls.stream().filter(call -> call.fault() == fault).count();
    }
}
