package dev.supportbot.slack;

import java.time.Duration;
import java.util.Random;
import java.util.Set;

/**
 * Which calls {@link FakeSlackApi} answers badly, drawn from a seeded random: of the calls to {@code methods}, a
 * share gets 429 with {@code Retry-After} 1 or 2, a share 500 or 503, and a share hangs for {@code hang} (longer
 * than the client waits), half of them after doing what was asked (the answer is lost, the post is there), half
 * before. Not thread-safe: the fake draws under its own lock.
 */
final class FaultPlan {
    /** No random faults; a hang forced with {@link FakeSlackApi#hangNext} lasts 30 s (or until the fake closes). */
    static final FaultPlan NONE = new FaultPlan(Set.of(), 0, 0, 0, Duration.ofSeconds(30), 0);

    private final Set<String> methods;
    private final double rateLimited;
    private final double serverErrors;
    private final double hangs;
    private final Duration hang;
    private final Random random;

    /** What happens to one call. */
    enum Fault { NONE, RATE_LIMITED, SERVER_ERROR, HANG_AFTER_DOING, HANG_BEFORE_DOING }

    FaultPlan(Set<String> methods, double rateLimited, double serverErrors, double hangs, Duration hang, long seed) {
        if (rateLimited < 0 || serverErrors < 0 || hangs < 0 || rateLimited + serverErrors + hangs > 1) {
            throw new IllegalArgumentException("shares must be 0..1 and add up to at most 1, got " + rateLimited
                    + ", " + serverErrors + ", " + hangs);
        }
        this.methods = Set.copyOf(methods);
        this.rateLimited = rateLimited;
        this.serverErrors = serverErrors;
        this.hangs = hangs;
        this.hang = hang;
        this.random = new Random(seed);
    }

    Fault next(String method) {
        if (!methods.contains(method)) {
            return Fault.NONE;
        }
        double draw = random.nextDouble();
        if (draw < rateLimited) {
            return Fault.RATE_LIMITED;
        }
        if (draw < rateLimited + serverErrors) {
            return Fault.SERVER_ERROR;
        }
        if (draw < rateLimited + serverErrors + hangs) {
            return random.nextBoolean() ? Fault.HANG_AFTER_DOING : Fault.HANG_BEFORE_DOING;
        }
        return Fault.NONE;
    }

    /** Retry-After of a 429, in seconds: 1 or 2. */
    int retryAfterSeconds() {
        return 1 + random.nextInt(2);
    }

    /** Status of a server error: 500 or 503. */
    int serverErrorStatus() {
        return random.nextBoolean() ? 500 : 503;
    }

    Duration hang() {
        return hang;
    }
}
