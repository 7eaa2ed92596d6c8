package dev.supportbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportbot.knowledge.DocSource;
import dev.supportbot.knowledge.KnowledgeBase;
import dev.supportbot.triage.Triage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Prints index build time for {@code knowledge/} plus extra doc folders (e.g. Slurm's HTML docs), the passage
 * count, search latency p50/p99 and triage throughput. Arguments: case files (JSON lines with "text") whose
 * messages are the workload, then optional {@code --source DIR[,base=URL]}.
 */
public final class RetrievalBenchmark {
    private static final int BUILDS = 5;
    private static final int WARMUP_ROUNDS = 200;
    private static final int SEARCH_ROUNDS = 400;
    private static final int TRIAGE_ROUNDS = 400;
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private RetrievalBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<String> messages = new ArrayList<>();
        List<DocSource> sources = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--source")) {
                sources.add(DocSource.parse(args[++i]));
                continue;
            }
            for (String line : Files.readAllLines(Path.of(args[i]))) {
                JsonNode node = line.isBlank() ? null : json.readTree(line);
                if (node != null && node.path("text").isTextual()) {
                    messages.add(node.get("text").asText());
                }
            }
        }
        Path knowledgeDir = Path.of("knowledge");
        long[] builds = new long[BUILDS];
        KnowledgeBase knowledge = null;
        for (int build = 0; build < BUILDS; build++) {
            if (knowledge != null) {
                knowledge.close();
            }
            long started = System.nanoTime();
            knowledge = KnowledgeBase.open(knowledgeDir, sources);
            builds[build] = System.nanoTime() - started;
        }
        try (KnowledgeBase index = knowledge) {
            Triage triage = Triage.load(knowledgeDir, index);
            for (int round = 0; round < WARMUP_ROUNDS; round++) {
                messages.forEach(triage::decide);
            }
            long[] searches = new long[SEARCH_ROUNDS * messages.size()];
            int next = 0;
            for (int round = 0; round < SEARCH_ROUNDS; round++) {
                for (String message : messages) {
                    long started = System.nanoTime();
                    index.search(message, 3);
                    searches[next++] = System.nanoTime() - started;
                }
            }
            Arrays.sort(searches);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long started = System.nanoTime();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            for (int round = 0; round < TRIAGE_ROUNDS; round++) {
                messages.forEach(triage::decide);
            }
            double triagePerSecond = TRIAGE_ROUNDS * messages.size() / ((System.nanoTime() - started) / 1e9);
            double triagePerCpuSecond = TRIAGE_ROUNDS * messages.size()
                    / ((threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9);
            double triagePerSecondAllCores = concurrentThroughput(triage, messages);
            System.out.printf("documents: %d, passages: %d, messages: %d%n", index.stats().documents(),
                    index.stats().passages(), messages.size());
            System.out.printf("index build: first %.0f ms, best of %d %.0f ms%n", builds[0] / 1e6, BUILDS,
                    Arrays.stream(builds).min().orElseThrow() / 1e6);
            System.out.printf("RESULT build_first_ms=%.0f build_best_ms=%.0f passages=%d search_p50_us=%.0f"
                            + " search_p99_us=%.0f triage_per_s_1_thread=%.0f triage_per_cpu_s=%.0f"
                            + " triage_per_s_%d_threads=%.0f%n",
                    builds[0] / 1e6, Arrays.stream(builds).min().orElseThrow() / 1e6, index.stats().passages(),
                    percentile(searches, 0.50) / 1e3, percentile(searches, 0.99) / 1e3, triagePerSecond,
                    triagePerCpuSecond, CORES, triagePerSecondAllCores);
        }
    }

    /** Messages per second with one triage thread per core, as the Slack app's executor runs them. */
    private static double concurrentThroughput(Triage triage, List<String> messages) {
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(CORES)) {
            for (int worker = 0; worker < CORES; worker++) {
                pool.submit(() -> {
                    for (int round = 0; round < TRIAGE_ROUNDS; round++) {
                        messages.forEach(triage::decide);
                    }
                });
            }
        }
        return (double) CORES * TRIAGE_ROUNDS * messages.size() / ((System.nanoTime() - started) / 1e9);
    }

    private static double percentile(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
