package dev.supportbot.sla;

import java.time.Duration;

/** Short, readable durations for cards and tables: {@code 3h 59m}, {@code 2d 04h}, {@code 45s}. */
public final class DurationText {
    private DurationText() {
    }

    /** The duration's size; a negative duration reads like a positive one (callers say "overdue"). */
    public static String of(Duration duration) {
        Duration size = duration.abs();
        long days = size.toDays();
        if (days > 0) {
            return String.format("%dd %02dh", days, size.toHoursPart());
        }
        if (size.toHours() > 0) {
            return String.format("%dh %02dm", size.toHours(), size.toMinutesPart());
        }
        if (size.toMinutes() > 0) {
            return size.toMinutes() + "m";
        }
        return size.toSeconds() + "s";
    }

    /** "3h 59m left" or "overdue by 12m". */
    public static String timeLeft(Duration left) {
        return left.isNegative() ? "overdue by " + of(left) : of(left) + " left";
    }
}
