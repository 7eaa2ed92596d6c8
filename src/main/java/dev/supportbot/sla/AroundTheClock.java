package dev.supportbot.sla;

import java.time.Duration;
import java.time.Instant;

/** Calendar hours, 24 hours a day, 7 days a week: the default, as support runs around the clock. */
public record AroundTheClock() implements WorkCalendar {
    @Override
    public Instant plus(Instant start, Duration workingTime) {
        return start.plus(workingTime);
    }

    @Override
    public Duration workingTimeBetween(Instant from, Instant to) {
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }
}
