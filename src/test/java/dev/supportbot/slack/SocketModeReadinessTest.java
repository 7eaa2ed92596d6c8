package dev.supportbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supportbot.ops.Readiness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketModeReadinessTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final Object pause = new Object();

    /** Polls the readiness checks until {@code wanted} holds of the failing ones, or the timeout passes. */
    private List<String> awaitFailing(Readiness readiness, Predicate<List<String>> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> failing = readiness.failing();
        while (!wanted.test(failing) && System.nanoTime() < deadline) {
            synchronized (pause) {
                pause.wait(50);
            }
            failing = readiness.failing();
        }
        return failing;
    }

    @Test
    void readyOnlyWhileTheSocketModeConnectionIsUp(@TempDir Path dataDir) throws Exception {
        FakeSocketModeServer socket = new FakeSocketModeServer();
        socket.start();
        try {
            try (RunningSlackBot bot = RunningSlackBot.socketMode(dataDir, socket, WAIT)) {
                assertEquals(List.of(), awaitFailing(bot.readiness(), List::isEmpty));
                socket.stop(1000);
                assertEquals(List.of("socket mode connected"),
                        awaitFailing(bot.readiness(), failing -> !failing.isEmpty()));
            }
        } finally {
            socket.stop(1000);
        }
    }
}
