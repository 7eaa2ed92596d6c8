package dev.supportbot.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A customer's business hours: the clock runs only on the given weekdays between {@code opens} and
 * {@code closes} local time in {@code zone}. Daylight-saving changes follow the zone's rules.
 */
public record BusinessHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes, ZoneId zone)
        implements WorkCalendar {
    public BusinessHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(zone, "zone");
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("business hours need at least one working day");
        }
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException(
                    "business hours must open before they close, got " + opens + "-" + closes);
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    @Override
    public Instant plus(Instant start, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative, got " + workingTime);
        }
        Duration remaining = workingTime;
        LocalDate date = LocalDate.ofInstant(start, zone);
        while (true) {
            if (days.contains(date.getDayOfWeek())) {
                Instant open = at(date, opens);
                Instant close = at(date, closes);
                Instant from = latest(start, open);
                if (from.isBefore(close)) {
                    Duration available = Duration.between(from, close);
                    if (remaining.compareTo(available) <= 0) {
                        return from.plus(remaining);
                    }
                    remaining = remaining.minus(available);
                }
            }
            date = date.plusDays(1);
        }
    }

    @Override
    public Duration workingTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        for (LocalDate date = LocalDate.ofInstant(from, zone); !at(date, opens).isAfter(to); date = date.plusDays(1)) {
            if (days.contains(date.getDayOfWeek())) {
                Instant begin = latest(from, at(date, opens));
                Instant end = earliest(to, at(date, closes));
                if (begin.isBefore(end)) {
                    total = total.plus(Duration.between(begin, end));
                }
            }
        }
        return total;
    }

    private Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    private static Instant latest(Instant first, Instant second) {
        return first.isAfter(second) ? first : second;
    }

    private static Instant earliest(Instant first, Instant second) {
        return first.isBefore(second) ? first : second;
    }
}
