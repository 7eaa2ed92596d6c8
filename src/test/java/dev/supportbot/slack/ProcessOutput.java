package dev.supportbot.slack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Collects a child process's output lines on a thread of its own; tests wait for a line. Thread-safe. */
final class ProcessOutput {
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    ProcessOutput(InputStream output) {
        Thread.ofPlatform().name("process-output").daemon().start(() -> read(output));
    }

    private void read(InputStream output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /** Waits for a line containing {@code text}; fails with everything seen so far. */
    synchronized void await(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines.stream().noneMatch(line -> line.contains(text))) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || ended) {
                throw new AssertionError("no line with '" + text + "' within " + timeout + ":\n" + this);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Waits until the output ends, then returns every line. */
    synchronized List<String> all(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ended && deadline - System.nanoTime() > 0) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return List.copyOf(lines);
    }

    @Override
    public synchronized String toString() {
        return String.join("\n", lines);
    }
}
