package dev.supportbot.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The first-response clock of one ticket as stored: when it started (the customer's message), when it is due,
 * when a human first responded, and which warnings and breach have been recorded. Pure functions of this value
 * and a given instant decide what is due; nothing here reads the time.
 */
public record SlaClock(Instant start, Instant deadline, WorkCalendar calendar, Optional<Instant> respondedAt,
                       Set<WarningLevel> warned, Optional<Instant> breachedAt) {
    public SlaClock {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(respondedAt, "respondedAt");
        Objects.requireNonNull(breachedAt, "breachedAt");
        if (deadline.isBefore(start)) {
            throw new IllegalArgumentException("deadline " + deadline + " is before the start " + start);
        }
        warned = Set.copyOf(warned);
    }

    /** The instant at which {@code level} of the working time between start and deadline has passed. */
    public Instant warningAt(WarningLevel level) {
        Duration target = calendar.workingTimeBetween(start, deadline);
        long millis = Math.round(target.toMillis() * level.fraction());
        return calendar.plus(start, Duration.ofMillis(millis));
    }

    /**
     * What should be recorded at {@code now}, each signal at most once over the clock's life: nothing once a
     * human has responded; a breach (and no more warnings) once the deadline has passed; otherwise each
     * configured warning whose instant has passed and that was not recorded before, lowest first.
     */
    public List<SlaSignal> due(List<WarningLevel> levels, Instant now) {
        if (respondedAt.isPresent() || breachedAt.isPresent()) {
            return List.of();
        }
        if (!now.isBefore(deadline)) {
            return List.of(new SlaSignal.Breach(deadline));
        }
        List<SlaSignal> due = new ArrayList<>();
        for (WarningLevel level : new TreeSet<>(levels)) {
            Instant reachedAt = warningAt(level);
            if (!warned.contains(level) && !now.isBefore(reachedAt)) {
                due.add(new SlaSignal.Warning(level, reachedAt));
            }
        }
        return due;
    }

    public SlaOutcome outcome(Instant now) {
        return SlaOutcome.of(deadline, respondedAt, breachedAt, now);
    }

    /** Wall-clock time until the deadline; negative once it has passed. */
    public Duration timeLeft(Instant now) {
        return Duration.between(now, deadline);
    }
}
