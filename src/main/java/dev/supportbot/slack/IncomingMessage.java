package dev.supportbot.slack;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A message the bot may act on, from an {@code app_mention} or a {@code message} event: where it was posted,
 * by whom (with the author's own team when Slack says it), its ts and thread, and its text as Slack sent it.
 */
record IncomingMessage(Kind kind, String channel, String user, Optional<String> userTeam, String ts,
                       Optional<String> threadTs, String text) {
    IncomingMessage {
        if (kind == null || channel == null || channel.isBlank() || user == null || user.isBlank()) {
            throw new IllegalArgumentException("a message needs kind, channel and user; got " + kind + " in "
                    + channel + " by " + user);
        }
        if (ts == null || !ts.matches("\\d+\\.\\d+")) {
            throw new IllegalArgumentException("a message ts looks like 1700000000.000100, got '" + ts + "'");
        }
        userTeam = userTeam == null ? Optional.empty() : userTeam.filter(team -> !team.isBlank());
        threadTs = threadTs == null ? Optional.empty() : threadTs.filter(thread -> !thread.equals(ts));
        text = text == null ? "" : wellFormed(text);
    }

    /** The text with each unpaired UTF-16 surrogate (valid JSON, not valid text) replaced by U+FFFD. */
    private static String wellFormed(String text) {
        StringBuilder result = null;
        for (int i = 0; i < text.length(); i++) {
            char current = text.charAt(i);
            boolean paired = Character.isHighSurrogate(current) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (result != null) {
                    result.append(current).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(current)) {
                if (result == null) {
                    result = new StringBuilder(text.length()).append(text, 0, i);
                }
                result.append('\uFFFD');
            } else if (result != null) {
                result.append(current);
            }
        }
        return result == null ? text : result.toString();
    }

    /** How the message reached us; decides which messages count as requests. */
    enum Kind { MENTION, CHANNEL_MESSAGE, DIRECT_MESSAGE }

    /** The thread a reply belongs in: the message's own thread, or a new one under the message. */
    String replyThread() {
        return threadTs.orElse(ts);
    }

    boolean inThread() {
        return threadTs.isPresent();
    }

    boolean mentions(String userId) {
        return text.contains("<@" + userId + ">") || text.contains("<@" + userId + "|");
    }

    /** The text without mentions of the bot, which mean nothing to triage. */
    String textWithout(String botUserId) {
        return text.replaceAll("<@" + botUserId + "(\\|[^>]*)?>", "").strip();
    }

    /** When the message was posted: Slack's ts is seconds with a microsecond fraction. */
    Instant postedAt() {
        return postedAt(ts);
    }

    static Instant postedAt(String slackTs) {
        BigDecimal micros = new BigDecimal(slackTs).movePointRight(6);
        return Instant.EPOCH.plusNanos(micros.longValueExact() * 1_000);
    }
}
