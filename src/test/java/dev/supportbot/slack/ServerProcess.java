package dev.supportbot.slack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real jar run as {@code serve} in a child process on 127.0.0.1, as an operator runs it, against a
 * {@link FakeSlackApi}: started with the test JVM's own {@code java}, awaited until ready ({@code /readyz} when the
 * build has it, else {@code /healthz}), stopped by SIGTERM or killed by SIGKILL. Reads its peak resident memory from
 * {@code /proc}. Not thread-safe: one owner.
 */
final class ServerProcess implements AutoCloseable {
    static final String SECRET = "load-signing-secret";
    /** A generation's or the whole heap's line in GC.heap_info (G1: the heap; Serial, Parallel: each generation). */
    private static final Pattern HEAP_LINE =
            Pattern.compile("^ ?(?:garbage-first heap|DefNew|Tenured|PSYoungGen|ParOldGen)\\s+total.*?used (\\d+)K");
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Process process;
    private final int port;
    private final Duration startup;

    /** How to start it: the jar, extra JVM flags, the data folder, the workspace config and the fake Slack. */
    record Launch(Path jar, List<String> jvmFlags, Path dataDir, Path config, Path knowledge, URI slackApi,
                  Path log) {
        Launch {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("no jar at " + jar + " (run mvn package first)");
            }
            jvmFlags = List.copyOf(jvmFlags);
        }
    }

    private ServerProcess(Process process, int port, Duration startup) {
        this.process = process;
        this.port = port;
        this.startup = startup;
    }

    /** The jar {@code mvn package} built: system property {@code supportbot.jar}, else target/supportbot.jar. */
    static Path builtJar() {
        return Path.of(System.getProperty("supportbot.jar", "target/supportbot.jar"));
    }

    /** Starts the jar and returns once it answers ready, or throws after {@code timeout}. */
    static ServerProcess start(Launch launch, Duration timeout) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch.jvmFlags());
        command.addAll(List.of("-jar", launch.jar().toString(), "serve", "--bind", "127.0.0.1",
                "--port", Integer.toString(port), "--data-dir", launch.dataDir().toString(),
                "--config", launch.config().toString(), "--knowledge", launch.knowledge().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.log().toFile()));
        builder.environment().put("SLACK_BOT_TOKEN", "xoxb-load");
        builder.environment().put("SLACK_SIGNING_SECRET", SECRET);
        builder.environment().put("SLACK_API_URL", launch.slackApi().toString());
        builder.environment().remove("SLACK_APP_TOKEN");
        long started = System.nanoTime();
        Process process = builder.start();
        ServerProcess server = new ServerProcess(process, port, Duration.ZERO);
        Duration startup = server.awaitReady(started, timeout);
        return new ServerProcess(process, port, startup);
    }

    private Duration awaitReady(long startedNanos, Duration timeout) throws InterruptedException {
        long deadline = startedNanos + timeout.toNanos();
        String path = "/readyz";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + " while starting");
            }
            int status = probe(path);
            if (status == 200) {
                return Duration.ofNanos(System.nanoTime() - startedNanos);
            }
            if (status == 404) {
                path = "/healthz"; // a build without the ops endpoints
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server was not ready within " + timeout);
    }

    private int probe(String path) throws InterruptedException {
        try {
            return PROBE.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListeningYet) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    URI events() {
        return URI.create("http://127.0.0.1:" + port + SlackHttpServer.EVENTS_PATH);
    }

    Duration startup() {
        return startup;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Peak resident set size so far (VmHWM), in KiB. */
    long peakRssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmHWM in /proc/" + process.pid() + "/status");
    }

    /**
     * CPU time the process has used so far (user plus system, all threads), from {@code /proc}; unlike wall time it
     * barely moves when other processes share the cores. Assumes the usual 100 clock ticks per second.
     */
    Duration cpuTime() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime and stime: fields 14 and 15
        return Duration.ofMillis(ticks * 10);
    }

    /** Java heap in use after a full GC, in KiB, as {@code jcmd GC.heap_info} reports it. */
    long heapUsedAfterGcKib() throws IOException, InterruptedException {
        jcmd("GC.run");
        long used = 0;
        for (String line : jcmd("GC.heap_info")) {
            Matcher matcher = HEAP_LINE.matcher(line);
            if (matcher.find()) {
                used += Long.parseLong(matcher.group(1));
            }
        }
        return used;
    }

    private List<String> jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), command).redirectErrorStream(true).start();
        List<String> lines = new String(jcmd.getInputStream().readAllBytes()).lines().toList();
        jcmd.waitFor(30, TimeUnit.SECONDS);
        return lines;
    }

    /** Sends SIGTERM and returns how long the process took to exit. */
    Duration stop(Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the server did not exit within " + timeout + " of SIGTERM");
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Sends SIGKILL, as a crash would, and waits for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
