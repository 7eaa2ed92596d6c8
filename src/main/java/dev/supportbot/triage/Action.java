package dev.supportbot.triage;

import java.util.Locale;

/** What the bot does with a message. */
public enum Action {
    ANSWER,
    OUT_OF_SCOPE,
    TICKET,
    NONE;

    /** The lower-case name used in JSON and case files: {@code answer}, {@code out_of_scope}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Action parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown action '" + text + "': expected answer, out_of_scope, ticket or none", e);
        }
    }
}
