package dev.supportbot.sla;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.supportbot.policy.PolicyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * SLA settings read from the optional {@code knowledge/sla.yaml}: the warning levels and the business-hours
 * calendars of customers that have one. Without the file: warnings at 50, 75 and 90 % and calendar hours for all.
 */
public record SlaSettings(List<WarningLevel> warnings, Map<String, WorkCalendar> calendars) {
    public static final String FILE_NAME = "sla.yaml";
    public static final List<WarningLevel> DEFAULT_WARNINGS =
            List.of(new WarningLevel(50), new WarningLevel(75), new WarningLevel(90));

    public SlaSettings {
        warnings = List.copyOf(new TreeSet<>(warnings));
        calendars = Map.copyOf(calendars);
    }

    public static SlaSettings defaults() {
        return new SlaSettings(DEFAULT_WARNINGS, Map.of());
    }

    public WorkCalendar calendarFor(String customer) {
        return calendars.getOrDefault(customer, new AroundTheClock());
    }

    /** Reads {@code sla.yaml} from a knowledge directory; the defaults when there is none. */
    public static SlaSettings load(Path knowledgeDir) {
        Path file = knowledgeDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return defaults();
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        SettingsFile parsed;
        try {
            parsed = yaml.readValue(file.toFile(), SettingsFile.class);
        } catch (IOException e) {
            throw new PolicyException(file + ": " + e.getMessage(), e);
        }
        try {
            return parsed == null ? defaults() : parsed.toSettings();
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new PolicyException(file + ": " + e.getMessage(), e);
        }
    }

    private record SettingsFile(List<String> warnings, Map<String, CalendarEntry> calendars) {
        SlaSettings toSettings() {
            List<WarningLevel> levels = new ArrayList<>();
            if (warnings == null) {
                levels.addAll(DEFAULT_WARNINGS);
            } else {
                for (String warning : warnings) {
                    levels.add(WarningLevel.parse(warning));
                }
            }
            Map<String, WorkCalendar> byCustomer = new HashMap<>();
            if (calendars != null) {
                calendars.forEach((customer, entry) -> byCustomer.put(customer, entry.toCalendar(customer)));
            }
            return new SlaSettings(levels, byCustomer);
        }
    }

    private record CalendarEntry(List<String> days, String hours, String zone) {
        BusinessHours toCalendar(String customer) {
            if (days == null || hours == null || zone == null) {
                throw new IllegalArgumentException("calendars." + customer + " needs days, hours and zone");
            }
            String[] range = hours.split("-", -1);
            if (range.length != 2) {
                throw new IllegalArgumentException("calendars." + customer + ".hours must look like 09:00-17:00,"
                        + " got '" + hours + "'");
            }
            return new BusinessHours(parseDays(customer), LocalTime.parse(range[0].strip()),
                    LocalTime.parse(range[1].strip()), ZoneId.of(zone));
        }

        private Set<DayOfWeek> parseDays(String customer) {
            Set<DayOfWeek> parsed = EnumSet.noneOf(DayOfWeek.class);
            for (String day : days) {
                parsed.add(parseDay(customer, day));
            }
            return parsed;
        }

        private static DayOfWeek parseDay(String customer, String day) {
            String key = day.strip().toUpperCase(Locale.ROOT);
            for (DayOfWeek candidate : DayOfWeek.values()) {
                if (candidate.name().equals(key) || candidate.name().startsWith(key) && key.length() == 3) {
                    return candidate;
                }
            }
            throw new IllegalArgumentException("calendars." + customer + ".days: '" + day
                    + "' is not a weekday such as MON or MONDAY");
        }
    }
}
