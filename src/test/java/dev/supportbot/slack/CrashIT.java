package dev.supportbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 in the middle of a burst of ticket-creating events, against the real jar, again and again on the same
 * data folder: whatever was acknowledged must come back as exactly one ticket after the restart, with its
 * deadline unchanged, and the database must pass {@code PRAGMA integrity_check}. Run with {@code -Preliability}.
 */
@Tag("reliability")
class CrashIT {
    private static final int RUNS = 20;
    private static final int BURST = 300;
    private static final int PER_SECOND = 300;
    private static final long SEV1_TARGET_MILLIS = Duration.ofHours(4).toMillis();
    private static final String TEXT = "our whole cluster is down, nobody can log in";

    @TempDir
    Path work;

    @Test
    void everyAcknowledgedEventSurvivesKillNineAsExactlyOneTicketWithItsDeadline() throws Exception {
        Random random = new Random(20261123);
        Map<String, Long> deadlines = new HashMap<>();
        int acknowledged = 0;
        int lost = 0;
        int duplicates = 0;
        int changedDeadlines = 0;
        String integrity = "ok";
        try (FakeSlackApi slack = new FakeSlackApi();
             ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor()) {
            ServerProcess.Launch launch = new ServerProcess.Launch(ServerProcess.builtJar(), List.of("-Xmx256m"),
                    work.resolve("data"), LoadBenchmark.writeConfig(work), Path.of("knowledge").toAbsolutePath(),
                    slack.apiUrl(), work.resolve("server.log"));
            ServerProcess server = ServerProcess.start(launch, Duration.ofSeconds(60));
            for (int run = 0; run < RUNS; run++) {
                List<String> keys = new ArrayList<>();
                List<String> bodies = new ArrayList<>();
                for (int i = 0; i < BURST; i++) {
                    String channel = "C0LOAD" + (i % 16);
                    String ts = RunningSlackBot.nextTs();
                    keys.add(channel + "/" + ts);
                    bodies.add(RunningSlackBot.envelope(RunningSlackBot.nextEventId(), RunningSlackBot.mention(
                            channel, "U0CRASH" + run + "X" + i, LoadBenchmark.TEAM, ts, TEXT)));
                }
                ServerProcess victim = server;
                ScheduledFuture<?> kill = killer.schedule(() -> {
                    victim.kill();
                    return null;
                }, 300 + random.nextInt(900), TimeUnit.MILLISECONDS);
                OpenLoopLoad.Result burst = new OpenLoopLoad(server.events(), ServerProcess.SECRET)
                        .run(BURST, PER_SECOND, bodies::get, Duration.ofSeconds(5));
                kill.get(10, TimeUnit.SECONDS);
                String verdict = new StoredTickets(launch.dataDir()).integrityCheck();
                if (!verdict.equals("ok")) {
                    integrity = verdict;
                }
                server = ServerProcess.start(launch, Duration.ofSeconds(60));
                List<String> acked = new ArrayList<>();
                for (int i = 0; i < BURST; i++) {
                    if (burst.status(i) == 200) {
                        acked.add(keys.get(i));
                    }
                }
                acknowledged += acked.size();
                Map<String, Long> stored = awaitTickets(launch.dataDir(), acked, Duration.ofSeconds(30));
                for (String key : acked) {
                    if (!stored.containsKey(key)) {
                        lost++;
                    }
                }
                for (Map.Entry<String, Long> ticket : stored.entrySet()) {
                    Long before = deadlines.put(ticket.getKey(), ticket.getValue());
                    if ((before != null && !before.equals(ticket.getValue()))
                            || ticket.getValue() != postedAtMillis(ticket.getKey()) + SEV1_TARGET_MILLIS) {
                        changedDeadlines++;
                    }
                }
            }
            server.close();
            duplicates = threadsWithMoreThanOnePost(slack);
        }
        System.out.printf("RESULT crash runs=%d acknowledged=%d lost=%d duplicates=%d deadlines_changed=%d "
                + "integrity=%s%n", RUNS, acknowledged, lost, duplicates, changedDeadlines, integrity);
        assertTrue(acknowledged > 0, "some events must have been acknowledged before the kills");
        assertEquals(0, lost, "acknowledged events without a ticket after restart");
        assertEquals(0, duplicates, "threads with more than one card");
        assertEquals(0, changedDeadlines, "tickets whose deadline is not message time + 4 h, or changed");
        assertEquals("ok", integrity);
    }

    /** Waits until every key has a ticket, or the timeout; returns every stored ticket's deadline. */
    private static Map<String, Long> awaitTickets(Path dataDir, List<String> keys, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        StoredTickets tickets = new StoredTickets(dataDir);
        while (true) {
            Map<String, Long> stored = tickets.deadlinesByKey();
            if (stored.keySet().containsAll(keys) || System.nanoTime() > deadline) {
                return stored;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private static long postedAtMillis(String key) {
        return new BigDecimal(key.substring(key.indexOf('/') + 1)).movePointRight(3).longValue();
    }

    /** Threads (channel/ts) in which the bot posted more than once: each should get exactly one card. */
    private static int threadsWithMoreThanOnePost(FakeSlackApi slack) {
        Map<String, Integer> posts = new HashMap<>();
        slack.calls("chat.postMessage").stream().filter(call -> !call.param("thread_ts").isEmpty()).forEach(
                call -> posts.merge(call.param("channel") + "/" + call.param("thread_ts"), 1, Integer::sum));
        return (int) posts.values().stream().filter(count -> count > 1).count();
    }
}
