package dev.supportbot.slack;

import java.time.Duration;

/**
 * How {@link OutgoingCalls} retries: 5xx answers and network errors back off exponentially from
 * {@code firstBackoff} up to {@code maxBackoff}, at most {@code maxAttempts} tries in all; a 429 waits its
 * {@code Retry-After} (or {@code defaultRetryAfter} when absent) and counts against {@code maxRateLimitWaits}.
 */
record RetryPolicy(Duration firstBackoff, Duration maxBackoff, int maxAttempts, Duration defaultRetryAfter,
                   int maxRateLimitWaits) {
    static final RetryPolicy SLACK = new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 6,
            Duration.ofSeconds(1), 20);

    RetryPolicy {
        if (firstBackoff == null || firstBackoff.isNegative() || firstBackoff.isZero()) {
            throw new IllegalArgumentException("firstBackoff must be positive, got " + firstBackoff);
        }
        if (maxBackoff == null || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must be at least firstBackoff, got " + maxBackoff);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (defaultRetryAfter == null || defaultRetryAfter.isNegative()) {
            throw new IllegalArgumentException("defaultRetryAfter must not be negative, got " + defaultRetryAfter);
        }
        if (maxRateLimitWaits < 0) {
            throw new IllegalArgumentException("maxRateLimitWaits must not be negative, got " + maxRateLimitWaits);
        }
    }

    /** The wait before try number {@code attempt + 1}, after {@code attempt} failed tries (1-based). */
    Duration backoffAfter(int attempt) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
