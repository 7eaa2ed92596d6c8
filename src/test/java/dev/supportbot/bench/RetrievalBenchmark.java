package dev.supportbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportbot.knowledge.DocSource;
import dev.supportbot.knowledge.KnowledgeBase;
import dev.supportbot.knowledge.SearchHit;
import dev.supportbot.triage.Decision;
import dev.supportbot.triage.Triage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH benchmarks of retrieval over {@code knowledge/} plus extra doc folders (e.g. Slurm's HTML docs): search
 * latency (sampled, p50/p99), triage throughput on one thread, and index build time. The workload is the messages
 * ("text") of JSON-lines case files. {@link #main} takes the case files, then optional {@code --source
 * DIR[,base=URL]}, runs JMH in a forked JVM and ends with one {@code RESULT} line. Run: {@code .ci/bench-retrieval}.
 * JMH needs the benchmark class, its states and methods public.
 *
 * <p>Warm-up is 40 seconds: the JIT compilers share the two cores with the benchmark threads, and triage (Lucene,
 * analysis, regular expressions) only reaches its steady speed after 20 to 30 seconds of work when every core is
 * busy. The bot is a long-running server, so its steady speed is what counts.
 */
@Warmup(iterations = 20, time = 2)
@Measurement(iterations = 5, time = 2)
public class RetrievalBenchmark {
    private static final String CASES = "supportbot.cases";
    private static final String SOURCES = "supportbot.sources";
    /** Separates files and sources in one system property; not ':' because source URLs contain it. */
    private static final String LIST = "|";

    /** The index and triage engine, built once per fork from the system properties the launcher sets. */
    @State(Scope.Benchmark)
    public static class Loaded {
        KnowledgeBase knowledge;
        Triage triage;
        List<String> messages;

        @Setup(Level.Trial)
        public void open() throws IOException {
            messages = messages(System.getProperty(CASES, ""));
            knowledge = KnowledgeBase.open(Path.of("knowledge"), sources(System.getProperty(SOURCES, "")));
            triage = Triage.load(Path.of("knowledge"), knowledge);
        }

        @TearDown(Level.Trial)
        public void close() {
            knowledge.close();
        }
    }

    /** Each benchmark thread walks through the messages in turn. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        String message(Loaded loaded) {
            next = (next + 1) % loaded.messages.size();
            return loaded.messages.get(next);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<SearchHit> search(Loaded loaded, Cursor cursor) {
        return loaded.knowledge.search(cursor.message(loaded), 3);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public Decision triage(Loaded loaded, Cursor cursor) {
        return loaded.triage.decide(cursor.message(loaded));
    }

    /** Triage on every core at once, as the Slack app's workers run it. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(Threads.MAX)
    public Decision triageAllCores(Loaded loaded, Cursor cursor) {
        return loaded.triage.decide(cursor.message(loaded));
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public int indexBuild() throws IOException {
        try (KnowledgeBase built = KnowledgeBase.open(Path.of("knowledge"),
                sources(System.getProperty(SOURCES, "")))) {
            return built.stats().passages();
        }
    }

    public static void main(String[] args) throws IOException, RunnerException {
        List<String> cases = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--source")) {
                sources.add(args[++i]);
            } else {
                cases.add(Path.of(args[i]).toAbsolutePath().toString());
            }
        }
        String caseList = String.join(LIST, cases);
        String sourceList = String.join(LIST, sources);
        try (KnowledgeBase knowledge = KnowledgeBase.open(Path.of("knowledge"), sources(sourceList))) {
            System.out.printf("documents: %d, passages: %d, messages: %d%n", knowledge.stats().documents(),
                    knowledge.stats().passages(), messages(caseList).size());
        }
        List<RunResult> results = new ArrayList<>(new Runner(new OptionsBuilder()
                .include(RetrievalBenchmark.class.getName() + "\\.")
                .forks(1).shouldFailOnError(true)
                .jvmArgsAppend("-Dfile.encoding=UTF-8", "--enable-native-access=ALL-UNNAMED",
                        "-D" + CASES + "=" + caseList, "-D" + SOURCES + "=" + sourceList)
                .build()).run());
        System.out.printf("RESULT retrieval search_p50_us=%.0f search_p99_us=%.0f triage_per_s_1_thread=%.0f "
                        + "triage_per_s_%d_threads=%.0f index_build_ms=%.0f%n", percentile(results, "search", 50),
                percentile(results, "search", 99), score(results, "triage"),
                Runtime.getRuntime().availableProcessors(), score(results, "triageAllCores"),
                score(results, "indexBuild"));
    }

    private static RunResult result(List<RunResult> results, String benchmark) {
        return results.stream().filter(result -> result.getParams().getBenchmark().endsWith("." + benchmark))
                .findFirst().orElseThrow(() -> new IllegalStateException("no result for " + benchmark));
    }

    private static double percentile(List<RunResult> results, String benchmark, double percent) {
        return result(results, benchmark).getPrimaryResult().getStatistics().getPercentile(percent);
    }

    private static double score(List<RunResult> results, String benchmark) {
        return result(results, benchmark).getPrimaryResult().getScore();
    }

    static List<String> messages(String caseFiles) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> messages = new ArrayList<>();
        for (String file : caseFiles.split(Pattern.quote(LIST))) {
            if (file.isBlank()) {
                continue;
            }
            for (String line : Files.readAllLines(Path.of(file))) {
                JsonNode node = line.isBlank() ? null : json.readTree(line);
                if (node != null && node.path("text").isTextual()) {
                    messages.add(node.get("text").asText());
                }
            }
        }
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("no messages in the case files '" + caseFiles + "'");
        }
        return messages;
    }

    static List<DocSource> sources(String sourceList) {
        return Arrays.stream(sourceList.split(Pattern.quote(LIST))).filter(source -> !source.isBlank())
                .map(DocSource::parse).toList();
    }
}
