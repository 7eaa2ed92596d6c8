package dev.supportbot.ops;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a latch: handling them ourselves (instead of the JVM's shutdown) lets {@code serve} stop
 * intake, drain its queues, close the store and return, so that the process exits 0. A second signal while
 * stopping is ignored; the orchestrator's kill after its grace period still ends the process. Thread-safe.
 */
public final class StopSignal {
    private final CountDownLatch stopped = new CountDownLatch(1);

    private StopSignal() {
    }

    /** Takes over SIGTERM and SIGINT for the rest of the process's life. */
    public static StopSignal install() {
        StopSignal signal = new StopSignal();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), received -> signal.stop());
        }
        return signal;
    }

    /** A latch no signal reaches, for running in-process (tests call {@link #stop}). */
    public static StopSignal manual() {
        return new StopSignal();
    }

    public void stop() {
        stopped.countDown();
    }

    public void await() throws InterruptedException {
        stopped.await();
    }

    public boolean await(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
