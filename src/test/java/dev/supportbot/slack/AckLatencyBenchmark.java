package dev.supportbot.slack;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Ack latency of {@code POST /slack/events} for bursts of distinct signed events against the whole app (signature
 * check, delivery log write to SQLite, hand-off to the work queue), while the app also triages, stores and
 * answers each burst. Like a server that has been up a while, the app is first warmed up: bursts are sent for
 * {@value #WARM_UP_SECONDS} seconds, so the JIT compilers (which share the two cores with the app) are done. Each
 * burst arrives once the one before has been fully handled. Prints a line per measured burst and a final
 * {@code RESULT} line with the worst burst's p99; the first warm-up burst's figures are printed too, for a
 * freshly started JVM. Arguments: concurrency (default 16), bursts measured (default
 * 5), folder for the SQLite file (default: the system temp folder). Run: {@code mvn -q test-compile exec:exec
 * -Dexec.classpathScope=test -Dexec.args="-cp %classpath dev.supportbot.slack.AckLatencyBenchmark 16 5"}
 */
public final class AckLatencyBenchmark {
    private static final int EVENTS = 200;
    private static final int WARM_UP_SECONDS = 30;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    private static final String[] MESSAGES = {
        "What is the initial response time for Severity 1?",
        "the whole cluster is down, nobody can log in",
        "We need help connecting our corporate VPN to the cluster",
        "what is the SLA on service requests",
    };

    private AckLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int bursts = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dataDir = args.length > 2 ? Files.createTempDirectory(Path.of(args[2]), "supportbot-bench")
                : Files.createTempDirectory("supportbot-bench");
        try (RunningSlackBot bot = RunningSlackBot.http(dataDir);
             ExecutorService senders = Executors.newFixedThreadPool(concurrency)) {
            long warmUpEnd = System.nanoTime() + Duration.ofSeconds(WARM_UP_SECONDS).toNanos();
            long[] cold = burst(bot, senders);
            Arrays.sort(cold);
            int warmUpBursts = 1;
            while (System.nanoTime() < warmUpEnd) {
                burst(bot, senders);
                warmUpBursts++;
            }
            System.out.printf("warm-up: %d bursts of %d events; the first, on a cold JVM: p50=%.1f ms p99=%.1f ms%n",
                    warmUpBursts, EVENTS, percentile(cold, 50), percentile(cold, 99));
            double worstP99 = 0;
            int answered = 0;
            for (int i = 1; i <= bursts; i++) {
                long[] micros = burst(bot, senders);
                Arrays.sort(micros);
                long acked = Arrays.stream(micros).filter(latency -> latency >= 0).count();
                answered += (int) acked;
                double p99 = percentile(micros, 99);
                worstP99 = Math.max(worstP99, p99);
                System.out.printf("burst %d: %d distinct signed events, %d concurrent: p50=%.1f ms p99=%.1f ms "
                                + "max=%.1f ms, %d/%d answered 200%n", i, EVENTS, concurrency,
                        percentile(micros, 50), p99, micros[micros.length - 1] / 1000.0, acked, EVENTS);
            }
            System.out.printf("RESULT ack bursts=%d events_per_burst=%d concurrency=%d worst_p99_ms=%.1f "
                    + "answered=%d/%d%n", bursts, EVENTS, concurrency, worstP99, answered, bursts * EVENTS);
        }
    }

    /**
     * Sends {@value #EVENTS} events, then waits until the app has handled them all; returns each one's ack
     * latency in microseconds, or -1 for a non-200 answer.
     */
    private static long[] burst(RunningSlackBot bot, ExecutorService senders) throws Exception {
        List<Future<Long>> results = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String body = RunningSlackBot.envelope(RunningSlackBot.nextEventId(), RunningSlackBot.mention(
                    "C0BENCH" + (i % 8), RunningSlackBot.CUSTOMER, RunningSlackBot.CUSTOMER_TEAM,
                    RunningSlackBot.nextTs(), MESSAGES[i % MESSAGES.length]));
            results.add(senders.submit(() -> {
                long started = System.nanoTime();
                HttpResponse<String> response = bot.postEvent(body);
                long micros = (System.nanoTime() - started) / 1000;
                return response.statusCode() == 200 ? micros : -1L;
            }));
        }
        long[] micros = new long[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            micros[i] = results.get(i).get();
        }
        awaitHandled(bot);
        return micros;
    }

    /** Polls the delivery log until no event is pending (the app has no signal to wait on). */
    private static void awaitHandled(RunningSlackBot bot) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (bot.pendingEvents() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(bot.pendingEvents() + " events still pending after "
                        + DRAIN_TIMEOUT);
            }
            Thread.sleep(20);
        }
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
