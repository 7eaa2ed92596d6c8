package dev.supportbot.slack;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded executor where work continues after Slack has been acked: triage, store writes, posts. A full
 * queue refuses new work rather than slowing the ack. Each task is a boundary: what it throws is logged, and the
 * next task runs. Thread-safe.
 */
final class WorkQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);

    private final ThreadPoolExecutor executor;

    WorkQueue(int threads, int capacity) {
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(capacity),
                runnable -> Thread.ofPlatform().name("slack-work-" + count.incrementAndGet()).daemon()
                        .unstarted(runnable));
    }

    /** Queues {@code work}; false when the queue is full (the caller decides what that means). */
    boolean submit(String what, Runnable work) {
        try {
            executor.execute(() -> runLogged(what, work));
            return true;
        } catch (RejectedExecutionException e) {
            LOG.error("work queue full ({} waiting); dropped: {}", executor.getQueue().size(), what);
            return false;
        }
    }

    private static void runLogged(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) { // a task boundary: one failed request must not stop the others
            LOG.error("{} failed: {}", what, e.toString(), e);
        }
    }

    /** Whether every queued task has finished; for tests and shutdown. */
    boolean idle() {
        return executor.getActiveCount() == 0 && executor.getQueue().isEmpty();
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
            executor.shutdownNow();
        }
    }
}
