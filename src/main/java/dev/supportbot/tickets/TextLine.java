package dev.supportbot.tickets;

/** Text shown on one line of a table or card: whitespace runs become one space, long text is cut. */
public final class TextLine {
    private TextLine() {
    }

    /** {@code text} on one line, cut at {@code width} code points with an ellipsis (never inside a character). */
    public static String of(String text, int width) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.codePointCount(0, flat.length()) <= width) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, width - 1)) + "…";
    }
}
