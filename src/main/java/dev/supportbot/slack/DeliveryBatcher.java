package dev.supportbot.slack;

import dev.supportbot.tickets.DeliveryLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit for the delivery log: concurrent acks hand their event ids to one writer thread, which stores
 * everything waiting in a single transaction. Each caller still returns only after its id is durable, but a
 * burst costs one disk sync per batch instead of one per event. Thread-safe.
 */
final class DeliveryBatcher implements AutoCloseable {
    private static final Duration MAX_WAIT = Duration.ofSeconds(2);
    private static final int MAX_BATCH = 500;

    private final DeliveryLog deliveries;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;

    private record Pending(DeliveryLog.Arrival arrival, CompletableFuture<DeliveryLog.Delivery> result) {
        String eventId() {
            return arrival.eventId();
        }
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
        Pending pending = new Pending(arrival, new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.result().get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not store event " + eventId + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("storing event " + eventId + " took over " + MAX_WAIT, e);
        }
    }

    private void writeBatches() {
        List<Pending> batch = new ArrayList<>();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(List<Pending> batch) {
        try {
            Map<String, DeliveryLog.Delivery> stored = deliveries.recordArrivals(
                    batch.stream().map(Pending::arrival).toList());
            // The same id twice in one batch (a retry overlapping its original): only the first is new.
            Set<String> handedOut = new HashSet<>();
            for (Pending pending : batch) {
                boolean first = stored.get(pending.eventId()) == DeliveryLog.Delivery.FIRST
                        && handedOut.add(pending.eventId());
                pending.result().complete(first ? DeliveryLog.Delivery.FIRST : DeliveryLog.Delivery.SEEN);
            }
        } catch (RuntimeException e) { // the writer thread's boundary: fail this batch's acks, keep writing
            batch.forEach(pending -> pending.result().completeExceptionally(e));
        }
    }

    @Override
    public void close() throws InterruptedException {
        writer.interrupt();
        writer.join(MAX_WAIT);
    }
}
