package dev.supportbot.slack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Start-up of the real jar as {@code serve}: process start to ready ({@code /readyz}, else {@code /healthz}), the CPU
 * time used by then, peak RSS once ready, SIGTERM to exit, and the jar's size, over several starts on a fresh data
 * folder each (median and worst). Two variants, started alternately so that both see the same machine load: the JVM
 * flags from {@code --jvm} (default {@code -Xmx256m}) alone, and the same with a class-data archive
 * ({@code -XX:+AutoCreateSharedArchive}, written by one training start that is not counted). {@code --archive no}
 * measures the first variant only. Ends with one {@code RESULT} line per variant. Run: {@code .ci/bench-startup}.
 */
public final class StartupBenchmark {
    private StartupBenchmark() {
    }

    /** One variant's figures, one slot per start. */
    private record Variant(String name, List<String> jvm, long[] ready, long[] cpu, long[] rss, long[] exit) {
        Variant(String name, List<String> jvm, int starts) {
            this(name, List.copyOf(jvm), new long[starts], new long[starts], new long[starts], new long[starts]);
        }
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("target/supportbot.jar");
        int starts = 5;
        boolean archive = true;
        List<String> jvm = List.of("-Xmx256m");
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[i + 1]);
                case "--starts" -> starts = Integer.parseInt(args[i + 1]);
                case "--jvm" -> jvm = List.of(args[i + 1].trim().split("\\s+"));
                case "--archive" -> archive = !"no".equals(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --jar F --starts N --jvm 'FLAGS' --archive yes|no)");
            }
        }
        Path work = Files.createTempDirectory("supportbot-startup");
        List<String> withArchive = new ArrayList<>(jvm);
        withArchive.addAll(List.of("-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + work.resolve("supportbot.jsa")));
        List<Variant> variants = new ArrayList<>(List.of(new Variant("default", jvm, starts)));
        if (archive) {
            variants.add(new Variant("archive", withArchive, starts));
        }
        try (FakeSlackApi slack = new FakeSlackApi()) {
            Path config = LoadBenchmark.writeConfig(work);
            if (archive) {
                Variant training = new Variant("training", withArchive, 1);
                measure(jar, work.resolve("training"), config, slack, training, 0); // writes the archive at exit
            }
            for (int start = 0; start < starts; start++) {
                for (Variant variant : variants) {
                    measure(jar, work.resolve(variant.name() + start), config, slack, variant, start);
                }
            }
        }
        for (Variant variant : variants) {
            System.out.printf("RESULT startup variant=%s jvm=%s starts=%d ready_median_ms=%d ready_max_ms=%d "
                            + "cpu_to_ready_median_ms=%d rss_idle_median_mib=%.1f rss_idle_max_mib=%.1f "
                            + "sigterm_exit_median_ms=%d sigterm_exit_max_ms=%d jar_mib=%.1f%n",
                    variant.name(), String.join(" ", variant.jvm()).replace(' ', ','), starts,
                    median(variant.ready()), max(variant.ready()), median(variant.cpu()),
                    median(variant.rss()) / 1024.0, max(variant.rss()) / 1024.0, median(variant.exit()),
                    max(variant.exit()), Files.size(jar) / 1024.0 / 1024.0);
        }
    }

    private static void measure(Path jar, Path dataDir, Path config, FakeSlackApi slack, Variant variant, int start)
            throws Exception {
        ServerProcess.Launch launch = new ServerProcess.Launch(jar, variant.jvm(), dataDir, config,
                Path.of("knowledge").toAbsolutePath(), slack.apiUrl(), dataDir.resolveSibling("server.log"));
        try (ServerProcess server = ServerProcess.start(launch, Duration.ofSeconds(60))) {
            variant.ready()[start] = server.startup().toMillis();
            variant.cpu()[start] = server.cpuTime().toMillis();
            variant.rss()[start] = server.peakRssKib();
            variant.exit()[start] = server.stop(Duration.ofSeconds(30)).toMillis();
        }
        System.out.printf("%s start %d: ready %d ms (CPU %d ms), peak RSS %.1f MiB, SIGTERM to exit %d ms%n",
                variant.name(), start + 1, variant.ready()[start], variant.cpu()[start],
                variant.rss()[start] / 1024.0, variant.exit()[start]);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }
}
