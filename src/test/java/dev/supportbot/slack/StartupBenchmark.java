package dev.supportbot.slack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Start-up of the real jar as {@code serve}: process start to ready ({@code /readyz}, else {@code /healthz}), peak
 * RSS once ready, SIGTERM to exit, and the jar's size, over several starts on a fresh data folder each (median
 * and worst). JVM flags from {@code --jvm} (default {@code -Xmx256m}). Ends with one {@code RESULT} line.
 * Run: {@code .ci/bench-startup}.
 */
public final class StartupBenchmark {
    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("target/supportbot.jar");
        int starts = 5;
        List<String> jvm = List.of("-Xmx256m");
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[i + 1]);
                case "--starts" -> starts = Integer.parseInt(args[i + 1]);
                case "--jvm" -> jvm = List.of(args[i + 1].trim().split("\\s+"));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --jar F --starts N --jvm 'FLAGS')");
            }
        }
        long[] ready = new long[starts];
        long[] rss = new long[starts];
        long[] exit = new long[starts];
        Path work = Files.createTempDirectory("supportbot-startup");
        try (FakeSlackApi slack = new FakeSlackApi()) {
            Path config = LoadBenchmark.writeConfig(work);
            for (int start = 0; start < starts; start++) {
                ServerProcess.Launch launch = new ServerProcess.Launch(jar, jvm, work.resolve("data" + start), config,
                        Path.of("knowledge").toAbsolutePath(), slack.apiUrl(), work.resolve("server.log"));
                try (ServerProcess server = ServerProcess.start(launch, Duration.ofSeconds(60))) {
                    ready[start] = server.startup().toMillis();
                    rss[start] = server.peakRssKib();
                    exit[start] = server.stop(Duration.ofSeconds(30)).toMillis();
                }
                System.out.printf("start %d: ready %d ms, peak RSS %.1f MiB, SIGTERM to exit %d ms%n", start + 1,
                        ready[start], rss[start] / 1024.0, exit[start]);
            }
        }
        System.out.printf("RESULT startup jvm=%s starts=%d ready_median_ms=%d ready_max_ms=%d rss_idle_median_mib=%.1f "
                        + "rss_idle_max_mib=%.1f sigterm_exit_median_ms=%d sigterm_exit_max_ms=%d jar_mib=%.1f%n",
                String.join(" ", jvm).replace(' ', ','), starts, median(ready), max(ready), median(rss) / 1024.0,
                max(rss) / 1024.0, median(exit), max(exit), Files.size(jar) / 1024.0 / 1024.0);
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
