package dev.supportbot.sla;

import java.time.Instant;
import java.util.Objects;

/** Something an SLA clock says is due to be recorded now. */
public sealed interface SlaSignal {
    /** The clock passed a warning level at {@code reachedAt}. */
    record Warning(WarningLevel level, Instant reachedAt) implements SlaSignal {
        public Warning {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(reachedAt, "reachedAt");
        }
    }

    /** The first-response deadline passed without a response; the breach is stamped with the deadline. */
    record Breach(Instant deadline) implements SlaSignal {
        public Breach {
            Objects.requireNonNull(deadline, "deadline");
        }
    }
}
