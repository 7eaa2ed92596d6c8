package dev.supportbot.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LeadingCharsTest {
    private static final Path FILE = Path.of("knowledge/policy.yaml");

    @Test
    void aLeadingGroupIsSpreadOverItsAlternatives() {
        assertEquals(List.of("ac", "b(?:x|y)c", "dc"), LeadingChars.spread("(a|b(?:x|y)|d)c", 0));
        assertEquals(List.of("not (up|down)", "no (up|down)"), LeadingChars.spread("(not|no) (up|down)", 0));
        assertEquals(List.of("a(b|c)", "d"), LeadingChars.spread("((a)(b|c)|d)", 0));
    }

    @Test
    void aQuantifiedOrSpecialLeadingGroupIsKeptWhole() {
        assertEquals(List.of("(a|b)?c"), LeadingChars.spread("(a|b)?c", 0));
        assertEquals(List.of("(a|b)+c"), LeadingChars.spread("(a|b)+c", 0));
        assertEquals(List.of("(?=a)\\w+"), LeadingChars.spread("(?=a)\\w+", 0));
        assertEquals(List.of("(?i:a|b)c"), LeadingChars.spread("(?i:a|b)c", 0));
    }

    @Test
    void alternativesAreGroupedByTheirFirstCharacter() {
        assertEquals("d(?:(?:own)|(?:ead))|o(?:(?:utage))|(?:\\w+ing)",
                LeadingChars.alternation(List.of("(down|outage|dead)", "\\w+ing")));
        assertEquals("\\?(?:(?:!))|(?:s?up)|(?:a*b)", LeadingChars.alternation(List.of("\\?!", "s?up", "a*b")));
    }

    /** Each text against patterns that stress the grouping: the joined scan answers as the patterns one by one. */
    @Test
    void theGroupedScanFindsExactlyWhatThePatternsOneByOneFind() {
        PatternList list = PatternList.compile(FILE, "signals", List.of(
                "\\bdown\\b(?<!(slow|shut) down)",
                "\\b(can ?not|can't|unable to)\\s+(even\\s+)?(log ?in|ssh|reach)\\b",
                "\\b(a|an)? ?outage\\b",
                "\\bX?Id\\b",
                "\\b(?:(?x) n o d e )\\b|\\bno de\\b",
                "\\b(Nodes?|GPUs?) (are|is) gone\\b",
                "\\b\\?\\?|\\b-(-)verbose\\b",
                "\\b[0-9]+ nodes\\b"));
        for (String text : List.of("the cluster is down", "we slow down", "i can't even ssh", "unable to login",
                "unable to log in", "outage now", "an outage", "a outage", " outage", "id", "xid 79", "XID",
                "the node is fine", "no de", "nodes are gone", "GPUs is gone", "gpu are gone", "x??", "run --verbose",
                "8 nodes", "n nodes", "", "?", "cannot reach it", "cannotreach")) {
            boolean oneByOne = list.patterns().stream().anyMatch(pattern -> pattern.matcher(text).find());
            assertEquals(oneByOne, list.foundIn(text), text);
        }
    }

    @Test
    void anInlineFlagInOneAlternativeDoesNotReachTheNext() {
        String joined = LeadingChars.alternation(List.of("a(?x) b c", "a d"));
        assertEquals(true, Pattern.compile(joined).matcher("a d").find());
        assertEquals(true, Pattern.compile(joined).matcher("abc").find());
    }
}
