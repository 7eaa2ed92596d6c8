package dev.supportbot.console;

import java.time.Instant;

/** Slack's message timestamp form, seconds and microseconds since the epoch: {@code 1741000000.000100}. */
final class SlackTs {
    private SlackTs() {
    }

    static String of(Instant instant) {
        return instant.getEpochSecond() + "." + String.format("%06d", instant.getNano() / 1_000);
    }
}
