package dev.supportbot.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * The hours in which an SLA clock runs. Implementations are immutable values and safe to share between threads.
 */
public sealed interface WorkCalendar permits AroundTheClock, BusinessHours {
    /** The instant at which {@code workingTime} of working time has passed since {@code start}. */
    Instant plus(Instant start, Duration workingTime);

    /** The working time between two instants; zero when {@code to} is not after {@code from}. */
    Duration workingTimeBetween(Instant from, Instant to);
}
