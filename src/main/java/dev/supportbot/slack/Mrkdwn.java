package dev.supportbot.slack;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Text for Slack's mrkdwn. User text goes through {@link #escape} so that it cannot mention {@code <!channel>},
 * fake a link or a user mention when echoed back. Stateless.
 */
final class Mrkdwn {
    private static final DateTimeFormatter FALLBACK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Mrkdwn() {
    }

    /** Escapes the three characters Slack's formatting treats as control characters. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A time each reader sees in their own timezone, with a UTC fallback for clients that cannot. */
    static String date(Instant instant) {
        return "<!date^" + instant.getEpochSecond() + "^{date_short_pretty} {time}|" + FALLBACK.format(instant) + ">";
    }

    /** A link with escaped label; the url must come from us (docs, permalinks), never from a user. */
    static String link(String url, String label) {
        return "<" + url.replace(">", "%3E").replace("|", "%7C") + "|" + escape(label) + ">";
    }

    static String user(String userId) {
        return "<@" + userId + ">";
    }

    /** "3 h 12 min", "45 min", "under a minute": a duration at the precision a card needs. */
    static String duration(Duration duration) {
        Duration positive = duration.abs();
        long days = positive.toDays();
        long hours = positive.toHoursPart();
        long minutes = positive.toMinutesPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
        }
        return minutes > 0 ? minutes + " min" : "under a minute";
    }
}
