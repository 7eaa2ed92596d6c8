package dev.supportbot.sla;

/**
 * A point on the way to a first-response deadline at which the team is warned, as a percentage of the target
 * (75 = three quarters of the target has elapsed). Ordered by percentage.
 */
public record WarningLevel(int percent) implements Comparable<WarningLevel> {
    public WarningLevel {
        if (percent < 1 || percent > 99) {
            throw new IllegalArgumentException("a warning level must be between 1 and 99 percent, got " + percent);
        }
    }

    /** Parses {@code 0.75}, {@code 75} or {@code 75%}. */
    public static WarningLevel parse(String text) {
        String trimmed = text.strip();
        boolean percentSign = trimmed.endsWith("%");
        String number = percentSign ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("warning level '" + text + "' is not a fraction such as 0.75 or a"
                    + " percentage such as 75%", e);
        }
        double percent = !percentSign && value < 1 ? value * 100 : value;
        if (percent != Math.rint(percent)) {
            throw new IllegalArgumentException("warning level '" + text + "' must be a whole percentage");
        }
        return new WarningLevel((int) percent);
    }

    public double fraction() {
        return percent / 100.0;
    }

    @Override
    public int compareTo(WarningLevel other) {
        return Integer.compare(percent, other.percent);
    }

    @Override
    public String toString() {
        return percent + "%";
    }
}
