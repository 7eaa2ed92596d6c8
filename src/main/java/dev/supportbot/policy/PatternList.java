package dev.supportbot.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions an operator lists under one key (case-insensitive), plus one alternation of all of them
 * that tells in a single scan whether any matches: most messages match none of a list. {@code scanners} holds, for
 * each pattern, one that finds exactly its matches faster (its alternatives grouped by leading character, see
 * {@link LeadingChars}), or the pattern itself. Immutable; thread-safe.
 */
public record PatternList(List<Pattern> patterns, Pattern any, List<Pattern> scanners) {
    /** The list of no patterns: matches nothing. */
    public static final PatternList NONE = new PatternList(List.of(), null, List.of());
    private static final Pattern BACK_REFERENCE = Pattern.compile("\\\\(?:[1-9]|k<)");
    private static final String WORD_BOUNDARY = "\\b";

    public PatternList {
        patterns = List.copyOf(patterns);
        scanners = List.copyOf(scanners);
        if (scanners.size() != patterns.size()) {
            throw new IllegalArgumentException("one scanner per pattern: " + scanners.size() + " for "
                    + patterns.size());
        }
    }

    public static PatternList of(List<Pattern> patterns) {
        if (patterns.isEmpty()) {
            return NONE;
        }
        boolean joinable = patterns.stream().allMatch(PatternList::joinable);
        return new PatternList(patterns, joinable ? joined(patterns) : null,
                patterns.stream().map(PatternList::scanner).toList());
    }

    /**
     * A pattern that finds exactly the matches {@code pattern} finds (same positions, same text), with the
     * alternatives that start at a word boundary grouped by leading character; {@code pattern} itself when its
     * alternatives do not all start so, or it cannot be regrouped safely.
     */
    public static Pattern scanner(Pattern pattern) {
        if (!joinable(pattern)) {
            return pattern;
        }
        List<String> alternatives = topLevelAlternatives(pattern.pattern());
        if (!alternatives.stream().allMatch(alternative -> alternative.startsWith(WORD_BOUNDARY))) {
            return pattern;
        }
        return LeadingChars.orderedAlternation(alternatives.stream()
                        .map(alternative -> alternative.substring(WORD_BOUNDARY.length())).toList())
                .map(grouped -> compileOr(WORD_BOUNDARY + "(?:" + grouped + ")", pattern))
                .orElse(pattern);
    }

    /** Back-references count groups, which regrouping renumbers; other flags than case are not carried over. */
    private static boolean joinable(Pattern pattern) {
        return !BACK_REFERENCE.matcher(pattern.pattern()).find() && pattern.flags() == Pattern.CASE_INSENSITIVE;
    }

    /** The regrouped regex, or {@code fallback} when regrouping broke a construct it does not know. */
    private static Pattern compileOr(String regex, Pattern fallback) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            return fallback;
        }
    }

    /**
     * One alternation of every pattern's alternatives. Those that start at a word boundary share one {@code \b}:
     * most positions of a text are inside a word, and there the whole alternation fails on one check instead of
     * one per alternative. At a word start they are tried by leading character ({@link LeadingChars}).
     */
    private static Pattern joined(List<Pattern> patterns) {
        List<String> atWordStart = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        for (Pattern pattern : patterns) {
            for (String alternative : topLevelAlternatives(pattern.pattern())) {
                if (alternative.startsWith(WORD_BOUNDARY)) {
                    atWordStart.add(alternative.substring(WORD_BOUNDARY.length()));
                } else {
                    elsewhere.add("(?:" + alternative + ")");
                }
            }
        }
        List<String> parts = new ArrayList<>();
        if (!atWordStart.isEmpty()) {
            parts.add(WORD_BOUNDARY + "(?:" + LeadingChars.alternation(atWordStart) + ")");
        }
        parts.addAll(elsewhere);
        // Null when a construct the split above does not know breaks it: the patterns are then tried one by one.
        return compileOr(String.join("|", parts), null);
    }

    /** The regex split at each {@code |} that is outside every group and character class. */
    static List<String> topLevelAlternatives(String regex) {
        int[] depths = depths(regex);
        List<String> alternatives = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            if (regex.charAt(i) == '|' && depths[i] == 0) {
                alternatives.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        alternatives.add(regex.substring(start));
        return alternatives;
    }

    /**
     * For each character of a regex, how many groups it sits in (a group's own parentheses count as outside it),
     * or -1 for a character that is escaped or inside a character class.
     */
    static int[] depths(String regex) {
        int[] depths = new int[regex.length()];
        int depth = 0;
        int classDepth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                depths[i] = -1;
                if (i + 1 < regex.length()) {
                    depths[++i] = -1;
                }
            } else if (classDepth > 0) {
                classDepth += c == '[' ? 1 : c == ']' ? -1 : 0;
                depths[i] = -1;
            } else if (c == '[') {
                classDepth = 1;
                depths[i] = -1;
            } else {
                depth -= c == ')' ? 1 : 0;
                depths[i] = depth;
                depth += c == '(' ? 1 : 0;
            }
        }
        return depths;
    }

    /** The regexes listed under {@code key} in {@code file}; a bad one fails naming the key and the file. */
    public static PatternList compile(Path file, String key, List<String> regexes) {
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : regexes == null ? List.<String>of() : regexes) {
            patterns.add(Policy.compile(file, key, regex));
        }
        return of(patterns);
    }

    /** Whether any of the patterns matches somewhere in the text. */
    public boolean foundIn(CharSequence text) {
        if (any != null) {
            return any.matcher(text).find();
        }
        for (Pattern pattern : patterns) {
            if (pattern.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }
}
