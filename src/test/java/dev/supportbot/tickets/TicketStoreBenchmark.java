package dev.supportbot.tickets;

import dev.supportbot.policy.Policy;
import dev.supportbot.policy.Severity;
import dev.supportbot.sla.Deadlines;
import dev.supportbot.sla.SlaSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Ticket creation throughput and latency on a real SQLite file with {@code synchronous=FULL}: every ticket is its
 * own durable transaction (row + first log entry). Arguments: {@code [tickets] [threads]}, default 5000 and 4.
 * Run with {@code mvn -q test-compile exec:exec -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath dev.supportbot.tickets.TicketStoreBenchmark"}.
 */
public final class TicketStoreBenchmark {
    private TicketStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path dataDir = Files.createTempDirectory("supportbot-benchmark");
        try (Database database = Database.open(dataDir)) {
            Clock clock = Clock.systemUTC();
            TicketStore store = new TicketStore(database,
                    new Deadlines(Policy.load(Path.of("knowledge")), SlaSettings.defaults()), clock);
            run(store, clock, "warmup", Math.min(500, tickets), threads);
            long[] nanos = run(store, clock, "run", tickets, threads);
            report(tickets, threads, nanos);
        } finally {
            delete(dataDir);
        }
    }

    private static final int WINDOW = 1_000;

    /**
     * Creates {@code count} tickets from {@code threads} threads. Returns each creation's latency, then each
     * creation's completion time since the start, then the wall time.
     */
    private static long[] run(TicketStore store, Clock clock, String prefix, int count, int threads)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        long[] latencies = new long[count];
        long[] completions = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            workers.add(pool.submit(() -> {
                start.await();
                for (int index = next.getAndIncrement(); index < count; index = next.getAndIncrement()) {
                    long began = System.nanoTime();
                    store.create(new NewTicket(prefix + "-" + index, "customer-" + index % 50, "C" + index % 50,
                            index + ".000100", "U" + index, "benchmark ticket " + index, Severity.SEV2,
                            clock.instant()));
                    long done = System.nanoTime();
                    latencies[index] = done - began;
                    completions[index] = done;
                }
                return null;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get();
        }
        long wall = System.nanoTime() - began;
        pool.shutdown();
        long[] result = Arrays.copyOf(latencies, 2 * count + 1);
        for (int index = 0; index < count; index++) {
            result[count + index] = completions[index] - began;
        }
        result[2 * count] = wall;
        return result;
    }

    private static void report(int tickets, int threads, long[] nanos) {
        long wall = nanos[2 * tickets];
        long[] latencies = Arrays.copyOf(nanos, tickets);
        long[] completions = Arrays.copyOfRange(nanos, tickets, 2 * tickets);
        Arrays.sort(completions);
        double slowestWindow = Double.MAX_VALUE;
        for (int end = WINDOW; end <= tickets; end += WINDOW) {
            long start = end == WINDOW ? 0 : completions[end - WINDOW - 1];
            slowestWindow = Math.min(slowestWindow, WINDOW / ((completions[end - 1] - start) / 1e9));
        }
        Arrays.sort(latencies);
        double perSecond = tickets / (wall / 1e9);
        double p50 = latencies[(int) Math.ceil(0.50 * tickets) - 1] / 1e6;
        double p99 = latencies[(int) Math.ceil(0.99 * tickets) - 1] / 1e6;
        double max = latencies[tickets - 1] / 1e6;
        System.out.printf("tickets=%d threads=%d synchronous=FULL journal=WAL%n", tickets, threads);
        System.out.printf("wall=%.2fs p50=%.2fms p99=%.2fms max=%.2fms slowest %d-ticket window=%.0f/s%n",
                wall / 1e9, p50, p99, max, WINDOW, slowestWindow);
        System.out.printf("RESULT tickets_per_second=%.0f p99_ms=%.2f target_per_second=500 %s%n", perSecond, p99,
                perSecond >= 500 ? "PASS" : "FAIL");
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
