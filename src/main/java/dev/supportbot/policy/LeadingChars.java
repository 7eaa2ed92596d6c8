package dev.supportbot.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Groups regex alternatives by the character they must start with, so that one alternation of hundreds of words
 * costs a character check per group at each position instead of a try per word. An alternative that starts with a
 * plain group is first spread over the group's own alternatives ({@code (a|b)c} is {@code ac|bc}); one whose first
 * character is not plain to see (a class, {@code \w}, an optional first element, a lookaround, a flag) is kept whole
 * and tried as before. {@link #alternation} matches at exactly the positions the alternatives match at, but which
 * alternative matches first may differ, so it answers "is there a match"; {@link #orderedAlternation} also keeps
 * which, so it finds the same matches. Stateless.
 */
final class LeadingChars {
    /** An alternative is spread over its leading group at most into this many; beyond, it is kept whole. */
    private static final int MAX_SPREAD = 256;
    private static final String QUANTIFIERS = "?*+{";

    private LeadingChars() {
    }

    /**
     * One alternation of {@code alternatives}, grouped by leading character: {@code a(?:x|y)|b(?:z)|rest}. Letters
     * are grouped in lower case, for a case-insensitive pattern.
     */
    static String alternation(List<String> alternatives) {
        Grouped grouped = group(alternatives);
        List<String> parts = grouped.byLead();
        parts.addAll(grouped.unknownLead());
        return String.join("|", parts);
    }

    /**
     * As {@link #alternation}, when every alternative has a plain leading character: then the alternative that
     * matches first at a position, and so the match itself, is the one the list in its order gives (two
     * alternatives with different leading characters never match at the same position, and spreading keeps the
     * order). Empty otherwise.
     */
    static Optional<String> orderedAlternation(List<String> alternatives) {
        Grouped grouped = group(alternatives);
        return grouped.unknownLead().isEmpty() ? Optional.of(String.join("|", grouped.byLead())) : Optional.empty();
    }

    private static Grouped group(List<String> alternatives) {
        Map<String, List<String>> byLead = new LinkedHashMap<>();
        List<String> unknownLead = new ArrayList<>();
        for (String alternative : alternatives) {
            for (String spread : spread(alternative, 0)) {
                int length = leadLength(spread);
                if (length == 0) {
                    unknownLead.add("(?:" + spread + ")");
                } else {
                    String lead = literal(spread.substring(0, length));
                    byLead.computeIfAbsent(lead, key -> new ArrayList<>()).add(spread.substring(length));
                }
            }
        }
        List<String> parts = new ArrayList<>();
        // Each rest in its own group: an inline flag in one must not reach the next.
        byLead.forEach((lead, rests) -> parts.add(lead + "(?:(?:" + String.join(")|(?:", rests) + "))"));
        return new Grouped(parts, unknownLead);
    }

    /** The alternative with a leading plain group spread over the group's alternatives, recursively. */
    static List<String> spread(String alternative, int depth) {
        int close = leadingGroupEnd(alternative);
        if (close < 0 || depth > 8) {
            return List.of(alternative);
        }
        int open = alternative.startsWith("(?:") ? 3 : 1;
        String rest = alternative.substring(close + 1);
        List<String> spread = new ArrayList<>();
        for (String inner : PatternList.topLevelAlternatives(alternative.substring(open, close))) {
            spread.addAll(spread(inner + rest, depth + 1));
            if (spread.size() > MAX_SPREAD) {
                return List.of(alternative);
            }
        }
        return spread;
    }

    /**
     * Where the group that opens the alternative closes, when it is a plain group ({@code (} or {@code (?:}) with no
     * quantifier after it; otherwise -1.
     */
    private static int leadingGroupEnd(String alternative) {
        if (!alternative.startsWith("(") || alternative.startsWith("(?") && !alternative.startsWith("(?:")) {
            return -1;
        }
        int close = closingParenthesis(alternative);
        boolean quantified = close >= 0 && close + 1 < alternative.length()
                && QUANTIFIERS.indexOf(alternative.charAt(close + 1)) >= 0;
        return quantified ? -1 : close;
    }

    /** The index of the parenthesis that closes the one at 0, skipping escapes and classes; -1 if none. */
    private static int closingParenthesis(String regex) {
        int[] depths = PatternList.depths(regex);
        for (int i = 1; i < regex.length(); i++) {
            if (regex.charAt(i) == ')' && depths[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * How many regex characters spell the one character every match starts with: 1 for a plain literal, 2 for an
     * escaped punctuation mark; 0 when the first character is not plain to see or may be skipped by a quantifier.
     */
    private static int leadLength(String alternative) {
        if (alternative.isEmpty()) {
            return 0;
        }
        char first = alternative.charAt(0);
        int length;
        if (first == '\\') {
            boolean punctuation = alternative.length() > 1 && isAsciiPunctuation(alternative.charAt(1));
            length = punctuation ? 2 : 0;
        } else if (Character.isLetterOrDigit(first) && first < 0x80 || first == ' ' || first == '\'' || first == '-') {
            length = 1;
        } else {
            length = 0;
        }
        boolean quantified = length > 0 && length < alternative.length()
                && QUANTIFIERS.indexOf(alternative.charAt(length)) >= 0;
        return quantified ? 0 : length;
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 0x80 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && c >= 0x21;
    }

    /** The lead as a regex literal: a letter in lower case, a punctuation mark escaped. */
    private static String literal(String lead) {
        char c = lead.charAt(lead.length() - 1);
        return Character.isLetterOrDigit(c) ? String.valueOf(c).toLowerCase(Locale.ROOT)
                : c == ' ' ? " " : "\\" + c;
    }

    /** The alternatives grouped by leading character, each group as one regex, and those kept whole. */
    private record Grouped(List<String> byLead, List<String> unknownLead) {
    }
}
