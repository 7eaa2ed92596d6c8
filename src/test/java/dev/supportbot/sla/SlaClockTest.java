package dev.supportbot.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaClockTest {
    private static final Instant START = Instant.parse("2025-03-03T10:00:00Z");
    private static final Instant DEADLINE = START.plus(Duration.ofHours(4));
    private static final List<WarningLevel> LEVELS = SlaSettings.DEFAULT_WARNINGS;

    private static SlaClock clock(Set<WarningLevel> warned, Optional<Instant> respondedAt,
                                  Optional<Instant> breachedAt) {
        return new SlaClock(START, DEADLINE, new AroundTheClock(), respondedAt, warned, breachedAt);
    }

    private static SlaClock running() {
        return clock(Set.of(), Optional.empty(), Optional.empty());
    }

    @Test
    void nothingIsDueBeforeTheFirstWarning() {
        assertEquals(List.of(), running().due(LEVELS, START.plus(Duration.ofMinutes(119))));
    }

    @Test
    void everyPassedWarningNotYetRecordedIsDueLowestFirst() {
        Instant now = START.plus(Duration.ofMinutes(190));

        assertEquals(List.of(new SlaSignal.Warning(new WarningLevel(50), START.plus(Duration.ofHours(2))),
                        new SlaSignal.Warning(new WarningLevel(75), START.plus(Duration.ofHours(3)))),
                running().due(LEVELS, now));
        assertEquals(List.of(new SlaSignal.Warning(new WarningLevel(75), START.plus(Duration.ofHours(3)))),
                clock(Set.of(new WarningLevel(50)), Optional.empty(), Optional.empty()).due(LEVELS, now));
    }

    @Test
    void pastTheDeadlineOnlyTheBreachIsDueStampedAtTheDeadline() {
        assertEquals(List.of(new SlaSignal.Breach(DEADLINE)), running().due(LEVELS, DEADLINE));
        assertEquals(List.of(new SlaSignal.Breach(DEADLINE)), running().due(LEVELS, DEADLINE.plus(Duration.ofDays(3))));
    }

    @Test
    void aRecordedBreachOrAResponseStopsEverything() {
        Instant late = DEADLINE.plus(Duration.ofHours(1));

        assertEquals(List.of(), clock(Set.of(), Optional.empty(), Optional.of(DEADLINE)).due(LEVELS, late));
        assertEquals(List.of(), clock(Set.of(), Optional.of(START.plusSeconds(60)), Optional.empty())
                .due(LEVELS, late));
    }

    @Test
    void theOutcomeIsMetBreachedOrPending() {
        assertEquals(SlaOutcome.MET, clock(Set.of(), Optional.of(DEADLINE), Optional.empty()).outcome(DEADLINE));
        assertEquals(SlaOutcome.BREACHED, clock(Set.of(), Optional.of(DEADLINE.plusMillis(1)), Optional.empty())
                .outcome(DEADLINE));
        assertEquals(SlaOutcome.PENDING, running().outcome(DEADLINE.minusMillis(1)));
        assertEquals(SlaOutcome.BREACHED, running().outcome(DEADLINE));
    }

    @Test
    void warningsInBusinessHoursAreFractionsOfTheWorkingTime() {
        BusinessHours nineToFive = new BusinessHours(Set.of(DayOfWeek.values()),
                LocalTime.of(9, 0), LocalTime.of(17, 0), ZoneOffset.UTC);
        Instant start = Instant.parse("2025-03-03T15:00:00Z");
        SlaClock clock = new SlaClock(start, nineToFive.plus(start, Duration.ofHours(4)), nineToFive,
                Optional.empty(), Set.of(), Optional.empty());

        assertEquals(Instant.parse("2025-03-04T11:00:00Z"), clock.deadline());
        assertEquals(Instant.parse("2025-03-03T17:00:00Z"), clock.warningAt(new WarningLevel(50)));
        assertEquals(Instant.parse("2025-03-04T10:00:00Z"), clock.warningAt(new WarningLevel(75)));
    }

    @Test
    void warningLevelsParseAsFractionsOrPercentages() {
        assertEquals(new WarningLevel(75), WarningLevel.parse("0.75"));
        assertEquals(new WarningLevel(75), WarningLevel.parse("75%"));
        assertEquals(new WarningLevel(90), WarningLevel.parse("90"));
    }
}
