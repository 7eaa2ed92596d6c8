package dev.supportbot.tickets;

/**
 * The checks applied to text from people before it is stored, so that what is stored is exactly what was given:
 * not empty, not longer than a Slack message, and valid Unicode (an unpaired surrogate would be replaced by the
 * UTF-8 encoder and so lost).
 */
final class UserText {
    /** Slack's own limit on the text of one message. */
    static final int MAX_TEXT = 40_000;
    static final int MAX_NAME = 200;

    private UserText() {
    }

    /** Free text such as a summary or a comment; kept as given, only checked. */
    static String text(String field, String text) {
        return check(field, text, MAX_TEXT);
    }

    /** A short identifier such as an organisation, a channel or a person; surrounding blanks removed. */
    static String name(String field, String text) {
        return check(field, text == null ? null : text.strip(), MAX_NAME);
    }

    private static String check(String field, String text, int limit) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is empty");
        }
        if (text.length() > limit) {
            throw new IllegalArgumentException(field + " is " + text.length() + " characters long; the limit is "
                    + limit);
        }
        for (int index = 0; index < text.length(); index++) {
            char current = text.charAt(index);
            if (Character.isHighSurrogate(current) && index + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(index + 1))) {
                index++;
            } else if (Character.isSurrogate(current)) {
                throw new IllegalArgumentException(field + " has an unpaired UTF-16 surrogate at index " + index);
            }
        }
        return text;
    }
}
