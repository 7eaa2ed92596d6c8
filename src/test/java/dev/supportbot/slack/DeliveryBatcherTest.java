package dev.supportbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supportbot.tickets.Database;
import dev.supportbot.tickets.DeliveryLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryBatcherTest {
    @Test
    void concurrentDeliveriesOfOneEventYieldExactlyOneFirstAndSurviveAReopen(@TempDir Path dataDir) throws Exception {
        List<Future<DeliveryLog.Delivery>> results = new ArrayList<>();
        try (Database database = Database.open(dataDir);
             DeliveryBatcher batcher = new DeliveryBatcher(new DeliveryLog(database, Clock.systemUTC()));
             ExecutorService senders = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 64; i++) {
                String eventId = "Ev" + (i % 16);
                results.add(senders.submit(() -> batcher.record(new DeliveryLog.Arrival(eventId, "{}"))));
            }
            long first = 0;
            for (Future<DeliveryLog.Delivery> result : results) {
                first += result.get() == DeliveryLog.Delivery.FIRST ? 1 : 0;
            }
            assertEquals(16, first, "one first delivery per distinct event id");
        }
        try (Database reopened = Database.open(dataDir)) {
            assertEquals(DeliveryLog.Delivery.SEEN, new DeliveryLog(reopened, Clock.systemUTC()).record("Ev3"));
        }
    }

    @Test
    void eventsMarkedFinishedAreNoLongerPendingOnceTheBatcherHasClosed(@TempDir Path dataDir) throws Exception {
        try (Database database = Database.open(dataDir);
             DeliveryBatcher batcher = new DeliveryBatcher(new DeliveryLog(database, Clock.systemUTC()))) {
            for (String eventId : List.of("Ev1", "Ev2", "Ev3")) {
                batcher.record(new DeliveryLog.Arrival(eventId, "{}"));
            }
            batcher.finished("Ev1");
            batcher.finished("Ev3");
        }
        try (Database reopened = Database.open(dataDir)) {
            assertEquals(List.of("Ev2"), new DeliveryLog(reopened, Clock.systemUTC()).pending().stream()
                    .map(DeliveryLog.Arrival::eventId).toList());
        }
    }
}
