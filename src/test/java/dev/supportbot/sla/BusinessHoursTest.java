package dev.supportbot.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {
    private static final BusinessHours BERLIN_WEEKDAYS = new BusinessHours(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
            ZoneId.of("Europe/Berlin"));

    @Test
    void aTargetWithinOneWorkingDayEndsThatDay() {
        Instant mondayTenBerlin = Instant.parse("2025-03-03T09:00:00Z");

        assertEquals(Instant.parse("2025-03-03T13:00:00Z"), BERLIN_WEEKDAYS.plus(mondayTenBerlin, Duration.ofHours(4)));
    }

    @Test
    void aTargetCarriesOverTheNightAndTheWeekend() {
        Instant fridayFourPmBerlin = Instant.parse("2025-03-07T15:00:00Z");

        assertEquals(Instant.parse("2025-03-10T11:00:00Z"), BERLIN_WEEKDAYS.plus(fridayFourPmBerlin,
                Duration.ofHours(4)));
    }

    @Test
    void aMessageOutsideHoursStartsCountingAtTheNextOpening() {
        Instant saturdayNight = Instant.parse("2025-03-08T22:00:00Z");

        assertEquals(Instant.parse("2025-03-10T10:00:00Z"), BERLIN_WEEKDAYS.plus(saturdayNight, Duration.ofHours(2)));
        assertEquals(Instant.parse("2025-03-12T16:00:00Z"), BERLIN_WEEKDAYS.plus(saturdayNight,
                Duration.ofHours(24)));
    }

    @Test
    void daylightSavingChangesKeepLocalOpeningHours() {
        Instant fridayBeforeSwitch = Instant.parse("2025-03-28T15:00:00Z");

        assertEquals(Instant.parse("2025-03-31T10:00:00Z"), BERLIN_WEEKDAYS.plus(fridayBeforeSwitch,
                Duration.ofHours(4)));
    }

    @Test
    void workingTimeBetweenUndoesPlusForAnyStartAndTarget() {
        Random random = new Random(42);
        for (int trial = 0; trial < 2_000; trial++) {
            Instant start = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(random.nextInt(365 * 24 * 3600));
            Duration target = Duration.ofMinutes(1 + random.nextInt(48 * 60));

            Instant end = BERLIN_WEEKDAYS.plus(start, target);

            assertEquals(target, BERLIN_WEEKDAYS.workingTimeBetween(start, end), "start " + start + " + " + target);
        }
    }

    @Test
    void aCalendarThatNeverOpensIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new BusinessHours(
                EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(17, 0), LocalTime.of(9, 0), ZoneId.of("UTC")));

        assertEquals("business hours must open before they close, got 17:00-09:00", refused.getMessage());
    }

    @Test
    void aroundTheClockIsPlainCalendarTime() {
        AroundTheClock always = new AroundTheClock();
        Instant start = Instant.parse("2025-03-08T22:00:00Z");

        assertEquals(start.plus(Duration.ofHours(10)), always.plus(start, Duration.ofHours(10)));
        assertEquals(Duration.ofHours(3), always.workingTimeBetween(start, start.plus(Duration.ofHours(3))));
        assertEquals(Duration.ZERO, always.workingTimeBetween(start, start.minusSeconds(1)));
    }
}
