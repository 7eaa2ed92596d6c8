package dev.supportbot.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supportbot.policy.Policy;
import dev.supportbot.policy.PolicyException;
import dev.supportbot.policy.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlaSettingsTest {
    @TempDir
    Path knowledgeDir;

    @Test
    void withoutAFileWarningsAreAtHalfThreeQuartersAndNinetyPercentAndEveryoneIsOnCalendarHours() {
        SlaSettings settings = SlaSettings.load(knowledgeDir);

        assertEquals(List.of(new WarningLevel(50), new WarningLevel(75), new WarningLevel(90)), settings.warnings());
        assertEquals(new AroundTheClock(), settings.calendarFor("anyone"));
    }

    @Test
    void aCustomerCalendarAndWarningLevelsAreReadFromTheFile() throws IOException {
        Files.writeString(knowledgeDir.resolve(SlaSettings.FILE_NAME), """
                warnings: [0.7, 0.8, "90%"]
                calendars:
                  T0ACME:
                    days: [MON, TUE, WED, THU, FRIDAY]
                    hours: "09:00-17:00"
                    zone: Europe/Berlin
                """);

        SlaSettings settings = SlaSettings.load(knowledgeDir);

        assertEquals(List.of(new WarningLevel(70), new WarningLevel(80), new WarningLevel(90)), settings.warnings());
        assertEquals(new BusinessHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
                LocalTime.of(17, 0), ZoneId.of("Europe/Berlin")), settings.calendarFor("T0ACME"));
        assertEquals(new AroundTheClock(), settings.calendarFor("T0OTHER"));
    }

    @Test
    void aBadCalendarNamesTheFileAndTheCustomer() throws IOException {
        Files.writeString(knowledgeDir.resolve(SlaSettings.FILE_NAME), """
                calendars:
                  T0ACME:
                    days: [MON, FUNDAY]
                    hours: "09:00-17:00"
                    zone: Europe/Berlin
                """);

        PolicyException refused = assertThrows(PolicyException.class, () -> SlaSettings.load(knowledgeDir));

        assertEquals(knowledgeDir.resolve(SlaSettings.FILE_NAME)
                + ": calendars.T0ACME.days: 'FUNDAY' is not a weekday such as MON or MONDAY", refused.getMessage());
    }

    @Test
    void deadlinesUseThePolicyTargetsInTheCustomersCalendar() throws IOException {
        Files.writeString(knowledgeDir.resolve(SlaSettings.FILE_NAME), """
                calendars:
                  T0ACME: {days: [MON, TUE, WED, THU, FRI], hours: "09:00-17:00", zone: UTC}
                """);
        Deadlines deadlines = new Deadlines(Policy.load(Path.of("knowledge")), SlaSettings.load(knowledgeDir));
        Instant fridayAfternoon = Instant.parse("2025-03-07T15:00:00Z");

        assertEquals(Instant.parse("2025-03-10T11:00:00Z"),
                deadlines.firstResponseDue("T0ACME", Severity.SEV1, fridayAfternoon));
        assertEquals(fridayAfternoon.plus(Duration.ofHours(4)),
                deadlines.firstResponseDue("T0GLOBEX", Severity.SEV1, fridayAfternoon));
        assertEquals(fridayAfternoon.plus(Duration.ofHours(24)),
                deadlines.firstResponseDue("T0GLOBEX", Severity.SERVICE_REQUEST, fridayAfternoon));
    }
}
