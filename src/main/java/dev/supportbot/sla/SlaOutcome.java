package dev.supportbot.sla;

import java.time.Instant;
import java.util.Optional;

/** Where a first-response target stands. */
public enum SlaOutcome {
    /** Responded by the deadline. */
    MET,
    /** Responded after the deadline, or the deadline passed without a response. */
    BREACHED,
    /** No response yet and the deadline is still ahead. */
    PENDING;

    /** The outcome at {@code now} of a clock due at {@code deadline}; only stored facts, no calendar needed. */
    public static SlaOutcome of(Instant deadline, Optional<Instant> respondedAt, Optional<Instant> breachedAt,
                                Instant now) {
        if (respondedAt.isPresent()) {
            return respondedAt.get().isAfter(deadline) ? BREACHED : MET;
        }
        return breachedAt.isPresent() || !now.isBefore(deadline) ? BREACHED : PENDING;
    }
}
