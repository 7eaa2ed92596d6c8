package dev.supportbot.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportbot.TestClock;
import dev.supportbot.policy.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentCreateTest {
    private static final int THREADS = 16;

    @TempDir
    Path dataDir;

    @Test
    void sixteenThreadsCreatingWithOneKeyMakeExactlyOneTicket() throws Exception {
        try (StoreFixture fixture = new StoreFixture(dataDir, TestClock.at("2025-03-03T10:00:00Z"))) {
            NewTicket request = new NewTicket("Ev0SAMEKEY", "acme", "C1", "1741000000.000100", "U1",
                    "our whole cluster is down", Severity.SEV1, fixture.now());
            List<Creation> creations = createAtOnce(() -> fixture.store().create(request));

            assertEquals(1, creations.stream().filter(Creation::created).count());
            assertEquals(1, creations.stream().map(creation -> creation.ticket().id()).distinct().count());
            assertEquals(1, fixture.queries().list(StoreFixture.STAFF, TicketQuery.all()).size());
            assertEquals(1, fixture.queries().history(creations.getFirst().ticket().id(), StoreFixture.STAFF)
                    .size());
        }
    }

    @Test
    void sixteenThreadsWithSixteenKeysMakeSixteenDistinctSequentialTickets() throws Exception {
        try (StoreFixture fixture = new StoreFixture(dataDir, TestClock.at("2025-03-03T10:00:00Z"))) {
            AtomicInteger keys = new AtomicInteger();
            List<Creation> creations = createAtOnce(() -> {
                int key = keys.incrementAndGet();
                return fixture.store().create(new NewTicket("Ev" + key, "acme", "C1", key + ".000000", "U1",
                        "problem " + key, Severity.SEV2, fixture.now()));
            });

            Set<Long> numbers = creations.stream().map(creation -> creation.ticket().id().number())
                    .collect(Collectors.toSet());
            assertEquals(THREADS, numbers.size());
            assertTrue(numbers.containsAll(Set.of(1001L, 1016L)));
        }
    }

    private static List<Creation> createAtOnce(Callable<Creation> create)
            throws InterruptedException, ExecutionException, TimeoutException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Creation>> futures = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return create.call();
                }));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            start.countDown();
            List<Creation> creations = new ArrayList<>();
            for (Future<Creation> future : futures) {
                creations.add(future.get(30, TimeUnit.SECONDS));
            }
            return creations;
        } finally {
            pool.shutdownNow();
        }
    }
}
