package dev.supportbot.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Regular expressions an operator lists under one key (case-insensitive), plus one alternation of all of them
 * that tells in a single scan whether any matches: most messages match none of a list, and one scan costs far
 * less than one per pattern. Immutable; thread-safe.
 */
public record PatternList(List<Pattern> patterns, Pattern any) {
    private static final PatternList EMPTY = new PatternList(List.of(), null);
    /** Back-references count groups, which the joined alternation renumbers. */
    private static final Pattern BACK_REFERENCE = Pattern.compile("\\\\(?:[1-9]|k<)");

    public PatternList {
        patterns = List.copyOf(patterns);
    }

    public static PatternList of(List<Pattern> patterns) {
        if (patterns.isEmpty()) {
            return EMPTY;
        }
        boolean joinable = patterns.stream().noneMatch(pattern -> BACK_REFERENCE.matcher(pattern.pattern()).find()
                || pattern.flags() != Pattern.CASE_INSENSITIVE);
        Pattern any = joinable ? Pattern.compile(String.join("|", patterns.stream()
                .map(pattern -> "(?:" + pattern.pattern() + ")").toList()), Pattern.CASE_INSENSITIVE) : null;
        return new PatternList(patterns, any);
    }

    /** The regexes listed under {@code key} in {@code file}; a bad one fails naming the key and the file. */
    public static PatternList compile(Path file, String key, List<String> regexes) {
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : regexes == null ? List.<String>of() : regexes) {
            patterns.add(Policy.compile(file, key, regex));
        }
        return of(patterns);
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
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
