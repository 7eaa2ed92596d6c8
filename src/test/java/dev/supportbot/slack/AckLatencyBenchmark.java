package dev.supportbot.slack;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Ack latency of {@code POST /slack/events} for a burst of distinct signed events against the whole app
 * (signature check, delivery log write to SQLite, hand-off to the work queue), after a warm-up burst of the same
 * size. Prints one final line. Arguments: concurrency (default 16), folder for the SQLite file (default: the
 * system temp folder). Run: {@code mvn -q test-compile exec:exec -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath dev.supportbot.slack.AckLatencyBenchmark 16"}
 */
public final class AckLatencyBenchmark {
    private static final int EVENTS = 200;
    private static final int WARM_UP = 200;
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
        Path dataDir = args.length > 1 ? Files.createTempDirectory(Path.of(args[1]), "supportbot-bench")
                : Files.createTempDirectory("supportbot-bench");
        try (RunningSlackBot bot = RunningSlackBot.http(dataDir);
             ExecutorService senders = Executors.newFixedThreadPool(concurrency)) {
            burst(bot, senders, WARM_UP);
            long[] micros = burst(bot, senders, EVENTS);
            Arrays.sort(micros);
            long acked = Arrays.stream(micros).filter(latency -> latency >= 0).count();
            System.out.printf("ack latency, %d distinct signed events, %d concurrent: p50=%.1f ms p99=%.1f ms "
                            + "max=%.1f ms, %d/%d answered 200%n", EVENTS, concurrency, percentile(micros, 50),
                    percentile(micros, 99), micros[micros.length - 1] / 1000.0, acked, EVENTS);
        }
    }

    /** Sends {@code count} events; returns each one's latency in microseconds, or -1 for a non-200 answer. */
    private static long[] burst(RunningSlackBot bot, ExecutorService senders, int count) throws Exception {
        List<Future<Long>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
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
        long[] micros = new long[count];
        for (int i = 0; i < count; i++) {
            micros[i] = results.get(i).get();
        }
        return micros;
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
