package dev.supportbot.ops;

import dev.supportbot.config.SupportbotConfig;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The process's log lines, captured in memory as {@code serve} would write them ({@link LogOutput#configure} with
 * a config's logging); tests wait for a line and read them all. Closing puts back the default set-up (text at info on
 * standard error). Logback is process-wide: one capture at a time. Thread-safe.
 */
public final class LogCapture implements AutoCloseable {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private LogCapture() {
    }

    public static LogCapture start(SupportbotConfig.LogFormat format, SupportbotConfig.LogLevel level) {
        LogCapture capture = new LogCapture();
        LogOutput.configure(new SupportbotConfig.Logging(level, format), capture.new Sink());
        return capture;
    }

    public synchronized List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Waits for a line containing {@code text} and returns it; fails with every line seen so far. */
    public synchronized String await(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String line : lines()) {
                if (line.contains(text)) {
                    return line;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no log line with '" + text + "' within " + timeout + ":\n"
                        + String.join("\n", lines()));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    @Override
    public void close() {
        LogOutput.configure(LogOutput.DEFAULT, System.err);
    }

    private final class Sink extends OutputStream {
        @Override
        public void write(int b) {
            synchronized (LogCapture.this) {
                bytes.write(b);
                LogCapture.this.notifyAll();
            }
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            synchronized (LogCapture.this) {
                bytes.write(data, offset, length);
                LogCapture.this.notifyAll();
            }
        }
    }
}
