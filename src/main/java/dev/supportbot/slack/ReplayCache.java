package dev.supportbot.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Remembers the signatures of accepted requests for as long as their timestamps would still pass the freshness
 * check, so a captured request cannot be played again. Entries older than the horizon are dropped on the way;
 * the verifier already rejects such timestamps, so forgetting them opens nothing. Thread-safe.
 */
final class ReplayCache {
    private final Clock clock;
    private final Duration horizon;
    private final Map<String, Instant> seen = new HashMap<>();
    private Instant nextPurge = Instant.MIN;

    ReplayCache(Clock clock, Duration horizon) {
        this.clock = clock;
        this.horizon = horizon;
    }

    /** True the first time a signature is offered, false for every later offer within the horizon. */
    synchronized boolean firstSighting(String signature, Instant signedAt) {
        Instant now = clock.instant();
        if (now.isAfter(nextPurge)) {
            purge(now);
            nextPurge = now.plusSeconds(10);
        }
        return seen.putIfAbsent(signature, signedAt) == null;
    }

    synchronized int size() {
        return seen.size();
    }

    private void purge(Instant now) {
        Instant oldest = now.minus(horizon);
        for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(oldest)) {
                it.remove();
            }
        }
    }
}
