package dev.supportbot.slack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP endpoint under load, against the real jar: starts {@code serve} in a child process (JVM flags from
 * {@code --jvm}, default {@code -Xmx256m}) with a {@link FakeSlackApi} on loopback, measures start-up to ready and
 * idle peak RSS, sends distinct signed events open-loop at {@code --rate} per second for {@code --seconds} (after a
 * 10 s warm-up at the same rate), waits until the delivery log has nothing pending (every reply posted), then
 * reports ack latency, errors, tickets and replies, how long the backlog took to drain after the last event, each
 * reply's delay from its message to its post, heap after a full GC, peak RSS, jar size and SIGTERM-to-exit. Ends
 * with one {@code RESULT} line. Run: {@code .ci/bench-load}.
 */
public final class LoadBenchmark {
    private static final int WARM_UP_SECONDS = 10;
    static final String TEAM = "T0LOAD";
    private static final int CHANNELS = 16;
    private static final String[] QUESTIONS = {
        "What is the initial response time for Severity 1?",
        "what is the SLA on service requests",
    };

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("target/supportbot.jar");
        int rate = 200;
        int seconds = 60;
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m"));
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[i + 1]);
                case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--jvm" -> jvm = List.of(args[i + 1].trim().split("\\s+"));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --jar F --rate N --seconds N --jvm 'FLAGS')");
            }
        }
        Path work = Files.createTempDirectory("supportbot-load");
        try (FakeSlackApi slack = new FakeSlackApi()) {
            ServerProcess.Launch launch = new ServerProcess.Launch(jar, jvm, work.resolve("data"),
                    writeConfig(work), Path.of("knowledge").toAbsolutePath(), slack.apiUrl(),
                    work.resolve("server.log"));
            try (ServerProcess server = ServerProcess.start(launch, Duration.ofSeconds(60))) {
                long idleRss = server.peakRssKib();
                System.out.printf("jvm %s; ready after %d ms; peak RSS idle %.1f MiB; log %s%n", jvm,
                        server.startup().toMillis(), idleRss / 1024.0, launch.log());
                OpenLoopLoad load = new OpenLoopLoad(server.events(), ServerProcess.SECRET);
                OpenLoopLoad.Result warmUp = load.run(rate * WARM_UP_SECONDS, rate, LoadBenchmark::event,
                        Duration.ofSeconds(10));
                System.out.printf("warm-up: %d sent, %d errors, p99 %.1f ms%n", warmUp.sent(), warmUp.errors(),
                        warmUp.percentileMillis(99));
                OpenLoopLoad.Result result = load.run(rate * seconds, rate, LoadBenchmark::event,
                        Duration.ofSeconds(10));
                int expectedReplies = warmUp.answered(200) + result.answered(200);
                StoredTickets stored = new StoredTickets(launch.dataDir());
                long drainStarted = System.nanoTime();
                long pendingAfterDrain = stored.awaitNothingPending(Duration.ofMinutes(5));
                long drainMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - drainStarted);
                int replies = slack.postsByThread().size();
                long[] replyDelays = replyDelaysMillis(slack);
                long loadRss = server.peakRssKib();
                long heap = server.heapUsedAfterGcKib();
                Duration stop = server.stop(Duration.ofSeconds(30));
                long tickets = stored.count();
                long pending = stored.pending();
                System.out.printf("RESULT load rate=%d seconds=%d sent=%d ack_p50_ms=%.1f ack_p99_ms=%.1f "
                                + "ack_max_ms=%.1f errors=%d tickets=%d replies=%d/%d drain_ms=%d "
                                + "pending_after_drain=%d reply_p50_ms=%d reply_p99_ms=%d reply_max_ms=%d "
                                + "card_updates=%d heap_after_gc_mib=%.1f pending_after_stop=%d startup_ms=%d "
                                + "rss_idle_mib=%.1f rss_load_mib=%.1f jar_mib=%.1f sigterm_exit_ms=%d%n",
                        rate, seconds, result.sent(), result.percentileMillis(50), result.percentileMillis(99),
                        result.maxMillis(), result.errors(), tickets, replies, expectedReplies, drainMillis,
                        pendingAfterDrain, percentile(replyDelays, 50), percentile(replyDelays, 99),
                        percentile(replyDelays, 100), slack.calls("chat.update").size(), heap / 1024.0, pending,
                        server.startup().toMillis(), idleRss / 1024.0, loadRss / 1024.0,
                        Files.size(jar) / 1024.0 / 1024.0, stop.toMillis());
            }
        }
    }

    /** Event {@code i}: distinct id, customer and ts; every other one opens a ticket, the rest are answered. */
    private static String event(int i) {
        String text = i % 2 == 0 ? "our whole cluster is down, nobody can log in (load " + i + ")"
                : QUESTIONS[(i / 2) % QUESTIONS.length];
        return RunningSlackBot.envelope(RunningSlackBot.nextEventId(), RunningSlackBot.mention(
                "C0LOAD" + (i % CHANNELS), "U0LOAD" + i, TEAM, RunningSlackBot.nextTs(), text));
    }

    /** A config file: the project's knowledge (not watched), one customer organisation owning the load's channels. */
    static Path writeConfig(Path work) throws IOException {
        StringBuilder channels = new StringBuilder();
        for (int i = 0; i < CHANNELS; i++) {
            channels.append(i == 0 ? "" : ", ").append("C0LOAD").append(i);
        }
        return Files.writeString(work.resolve("supportbot.yaml"), """
                knowledge:
                  dir: %s
                  watch: false
                triage_channel: C0TRIAGE
                customers:
                  - organisation: Load Testers
                    team_id: %s
                    channels: [%s]
                """.formatted(Path.of("knowledge").toAbsolutePath(), TEAM, channels));
    }

    /**
     * Each reply's delay, sorted: from its message's ts (made just before the event was due to be sent) to the
     * arrival of the post in its thread.
     */
    private static long[] replyDelaysMillis(FakeSlackApi slack) {
        return slack.calls("chat.postMessage").stream().filter(call -> !call.param("thread_ts").isEmpty())
                .mapToLong(call -> call.at().toEpochMilli() - IncomingMessage.postedAt(call.param("thread_ts"))
                        .toEpochMilli())
                .sorted().toArray();
    }

    private static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
