package dev.supportbot.policy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One row of the SLA table: what a severity means, how fast the first human response is due, and the phrases
 * that mark a message as a report at this level.
 */
public record SeverityLevel(Severity severity, String name, String definition, Duration initialResponse,
                            List<String> examples, PatternList signals) {
    public SeverityLevel {
        Objects.requireNonNull(severity, "severity");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("severity " + severity + " has no name");
        }
        if (definition == null || definition.isBlank()) {
            throw new IllegalArgumentException("severity " + severity + " has no definition");
        }
        if (initialResponse == null || initialResponse.isNegative() || initialResponse.isZero()) {
            throw new IllegalArgumentException(
                    "severity " + severity + " needs a positive initial_response, got " + initialResponse);
        }
        examples = List.copyOf(examples == null ? List.of() : examples);
        signals = signals == null ? PatternList.NONE : signals;
    }

    /** The target in words: "4 hours", "90 minutes", "2 days". */
    public String targetText() {
        long minutes = initialResponse.toMinutes();
        if (minutes % (60 * 24) == 0 && minutes >= 60 * 48) {
            return minutes / (60 * 24) + " days";
        }
        if (minutes % 60 == 0) {
            long hours = minutes / 60;
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return minutes + " minutes";
    }
}
