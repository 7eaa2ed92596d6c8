package dev.supportbot.slack;

import dev.supportbot.tickets.DeliveryLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the delivery log: concurrent acks hand their event ids to one writer thread, which stores
 * everything waiting in a single transaction. Each caller still returns only after its id is durable, but a
 * burst costs one disk sync per batch instead of one per event. Events whose work is finished are marked done the
 * same way, without anyone waiting. Closing writes what is queued first. Thread-safe.
 */
final class DeliveryBatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryBatcher.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(2);
    private static final int MAX_BATCH = 500;

    private final DeliveryLog deliveries;
    private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closing;

    private sealed interface Entry permits Arrived, Finished {
    }

    private record Arrived(DeliveryLog.Arrival arrival, CompletableFuture<DeliveryLog.Delivery> result)
            implements Entry {
        String eventId() {
            return arrival.eventId();
        }
    }

    private record Finished(String eventId) implements Entry {
    }

    DeliveryBatcher(DeliveryLog deliveries) {
        this.deliveries = deliveries;
        this.writer = Thread.ofPlatform().name("delivery-log-writer").daemon().start(this::writeBatches);
    }

    /**
     * Stores the event durably as pending work, with whatever else is waiting; says whether it had been seen
     * before.
     */
    DeliveryLog.Delivery record(DeliveryLog.Arrival arrival) throws InterruptedException {
        String eventId = arrival.eventId();
        Arrived arrived = new Arrived(arrival, new CompletableFuture<>());
        queue.add(arrived);
        try {
            return arrived.result().get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not store event " + eventId + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("storing event " + eventId + " took over " + MAX_WAIT, e);
        }
    }

    /** The event's work is finished: it is marked done with the next batch (until then it is still pending). */
    void finished(String eventId) {
        queue.add(new Finished(eventId));
    }

    private void writeBatches() {
        List<Entry> batch = new ArrayList<>();
        try {
            while (!(closing && queue.isEmpty())) {
                Entry first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(List<Entry> batch) {
        List<Arrived> arrivals = new ArrayList<>();
        List<String> finished = new ArrayList<>();
        for (Entry entry : batch) {
            switch (entry) {
                case Arrived arrived -> arrivals.add(arrived);
                case Finished done -> finished.add(done.eventId());
            }
        }
        if (!arrivals.isEmpty()) {
            writeArrivals(arrivals);
        }
        if (!finished.isEmpty()) {
            try {
                deliveries.doneAll(finished);
            } catch (RuntimeException e) { // the writer thread's boundary: they stay pending and are redone
                LOG.error("could not mark {} event(s) done; they will be handled again at the next start: {}",
                        finished.size(), e.toString(), e);
            }
        }
    }

    private void writeArrivals(List<Arrived> arrivals) {
        try {
            Map<String, DeliveryLog.Delivery> stored = deliveries.recordArrivals(
                    arrivals.stream().map(Arrived::arrival).toList());
            // The same id twice in one batch (a retry overlapping its original): only the first is new.
            Set<String> handedOut = new HashSet<>();
            for (Arrived arrived : arrivals) {
                boolean first = stored.get(arrived.eventId()) == DeliveryLog.Delivery.FIRST
                        && handedOut.add(arrived.eventId());
                arrived.result().complete(first ? DeliveryLog.Delivery.FIRST : DeliveryLog.Delivery.SEEN);
            }
        } catch (RuntimeException e) { // the writer thread's boundary: fail this batch's acks, keep writing
            arrivals.forEach(arrived -> arrived.result().completeExceptionally(e));
        }
    }

    /** Writes what is queued (for up to two seconds), then stops. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        if (!writer.join(MAX_WAIT)) {
            writer.interrupt();
            writer.join(MAX_WAIT);
        }
    }
}
