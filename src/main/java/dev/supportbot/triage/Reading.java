package dev.supportbot.triage;

import dev.supportbot.policy.PatternList;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message as triage reads it: its plain text and whether it is a question. Finds where patterns match,
 * leaving out matches that are negated ("not down") and, in questions, matches inside a hypothetical clause
 * ("what happens if the cluster goes down?"). Not shared between threads.
 */
final class Reading {
    private static final int MAX_WORD_CHARS = 16;
    private static final Pattern CLAUSE_END = Pattern.compile("[.;!?,]");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?]\\s+\\S");

    private final String text;
    private final TriageCues cues;
    private final boolean question;

    Reading(String text, TriageCues cues) {
        // Lower case once, so the patterns match case-insensitively with the cheaper ASCII rule.
        this.text = text.toLowerCase(java.util.Locale.ROOT);
        this.cues = cues;
        this.question = any(cues.question());
    }

    String text() {
        return text;
    }

    boolean isQuestion() {
        return question;
    }

    boolean any(PatternList patterns) {
        return patterns.foundIn(text);
    }

    /** One sentence only: nothing follows a full stop, question mark or exclamation mark. */
    boolean singleSentence() {
        return !SENTENCE_BREAK.matcher(text).find();
    }

    /** At most this many words, and no word longer than a real one: small talk is short. */
    boolean isShort(int maxWords) {
        return text.length() <= maxWords * MAX_WORD_CHARS && text.strip().split("\\s+").length <= maxWords;
    }

    /** Matches that state something as fact: not negated, and not hypothetical when the message is a question. */
    List<String> assertedMatches(PatternList patterns) {
        if (!patterns.foundIn(text)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (Pattern pattern : patterns.scanners()) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                if (!negated(matcher.start()) && !(question && hypothetical(matcher.start()))) {
                    found.add(matcher.group().strip());
                    break;
                }
            }
        }
        return found;
    }

    private boolean negated(int start) {
        return cues.negation().foundIn(text.subSequence(Math.max(0, start - 16), start));
    }

    private boolean hypothetical(int start) {
        return cues.hypothetical().foundIn(clauseBefore(start));
    }

    private String clauseBefore(int start) {
        int clauseStart = 0;
        Matcher end = CLAUSE_END.matcher(text);
        while (end.find() && end.start() < start) {
            clauseStart = end.end();
        }
        return text.substring(clauseStart, start);
    }
}
