package dev.supportbot.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supportbot.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryLogTest {
    @TempDir
    Path dataDir;
    private final TestClock clock = TestClock.at("2025-03-03T10:00:00Z");

    @Test
    void aRepeatedEventIdIsSeenEvenAfterARestart() {
        try (Database database = Database.open(dataDir)) {
            DeliveryLog log = new DeliveryLog(database, clock);
            assertEquals(DeliveryLog.Delivery.FIRST, log.record("Ev06ABC"));
            assertEquals(DeliveryLog.Delivery.SEEN, log.record("Ev06ABC"));
            assertEquals(DeliveryLog.Delivery.FIRST, log.record("Ev06ABD"));
        }
        try (Database database = Database.open(dataDir)) {
            assertEquals(DeliveryLog.Delivery.SEEN, new DeliveryLog(database, clock).record("Ev06ABC"));
        }
    }

    @Test
    void concurrentDeliveriesOfOneEventAreFirstExactlyOnce() throws Exception {
        try (Database database = Database.open(dataDir)) {
            DeliveryLog log = new DeliveryLog(database, clock);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<DeliveryLog.Delivery>> deliveries = new ArrayList<>();
                for (int retry = 0; retry < 8; retry++) {
                    deliveries.add(pool.submit(() -> {
                        start.await();
                        return log.record("Ev-retried");
                    }));
                }
                start.countDown();
                int first = 0;
                for (Future<DeliveryLog.Delivery> delivery : deliveries) {
                    first += delivery.get(30, TimeUnit.SECONDS) == DeliveryLog.Delivery.FIRST ? 1 : 0;
                }
                assertEquals(1, first);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void idsOlderThanTheCutoffAreForgotten() {
        try (Database database = Database.open(dataDir)) {
            DeliveryLog log = new DeliveryLog(database, clock);
            log.record("Ev-old");
            clock.advance(Duration.ofHours(2));
            log.record("Ev-new");

            assertEquals(1, log.forgetBefore(clock.instant().minus(Duration.ofHours(1))));
            assertEquals(DeliveryLog.Delivery.FIRST, log.record("Ev-old"));
            assertEquals(DeliveryLog.Delivery.SEEN, log.record("Ev-new"));
        }
    }

    @Test
    void anEventRecordedWithItsBodyStaysPendingUntilDoneEvenAcrossARestart() {
        try (Database database = Database.open(dataDir)) {
            DeliveryLog log = new DeliveryLog(database, clock);
            log.recordArrivals(List.of(new DeliveryLog.Arrival("Ev1", "{\"n\":1}"),
                    new DeliveryLog.Arrival("Ev2", "{\"n\":2}")));
            log.done("Ev1");
        }
        try (Database database = Database.open(dataDir)) {
            DeliveryLog log = new DeliveryLog(database, clock);
            assertEquals(List.of(new DeliveryLog.Arrival("Ev2", "{\"n\":2}")), log.pending());
            assertEquals(DeliveryLog.Delivery.SEEN, log.record("Ev2"));
            log.done("Ev2");
            assertEquals(List.of(), log.pending());
        }
    }

    @Test
    void aPendingEventIsNotForgottenHoweverOld() {
        try (Database database = Database.open(dataDir)) {
            DeliveryLog log = new DeliveryLog(database, clock);
            log.recordArrivals(List.of(new DeliveryLog.Arrival("Ev-pending", "{}")));
            clock.advance(Duration.ofHours(2));

            assertEquals(0, log.forgetBefore(clock.instant()));
            assertEquals(1, log.pending().size());
        }
    }
}
