package dev.supportbot.tickets;

import java.util.Locale;

/** A ticket's number as people say it: {@code T-1042}. Numbers are sequential per store. */
public record TicketId(long number) implements Comparable<TicketId> {
    private static final String PREFIX = "T-";

    public TicketId {
        if (number < 1) {
            throw new IllegalArgumentException("a ticket number must be positive, got " + number);
        }
    }

    /** Parses {@code T-1042}, {@code t-1042} or {@code 1042}. */
    public static TicketId parse(String text) {
        String trimmed = text.strip().toUpperCase(Locale.ROOT);
        String digits = trimmed.startsWith(PREFIX) ? trimmed.substring(PREFIX.length()) : trimmed;
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + text + "' is not a ticket id such as T-1042");
        }
        return new TicketId(Long.parseLong(digits));
    }

    @Override
    public int compareTo(TicketId other) {
        return Long.compare(number, other.number);
    }

    @Override
    public String toString() {
        return PREFIX + number;
    }
}
