package dev.supportbot.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternListTest {
    private static final Path FILE = Path.of("knowledge/policy.yaml");

    @Test
    void theJoinedScanFindsExactlyWhatThePatternsOneByOneFind() {
        PatternList list = PatternList.compile(FILE, "signals",
                List.of("\\bdown\\b(?<!(slow|shut) down)", "\\b(outage|inoperable)\\b", "(?i)CAN'T LOG IN"));
        for (String text : List.of("the cluster is down", "we slow down the jobs", "an outage since noon",
                "i can't log in", "all good here", "shut down went fine", "")) {
            boolean oneByOne = list.patterns().stream().anyMatch(pattern -> pattern.matcher(text).find());
            assertEquals(oneByOne, list.foundIn(text), text);
        }
    }

    @Test
    void alternativesAreSplitOnlyOutsideGroupsAndClasses() {
        assertEquals(List.of("\\ba(b|c)", "[|]x", "\\|y", "(?:z|w)"),
                PatternList.topLevelAlternatives("\\ba(b|c)|[|]x|\\|y|(?:z|w)"));
    }

    @Test
    void alternativesThatDoNotStartAtAWordBoundaryStillMatch() {
        PatternList list = PatternList.compile(FILE, "signals", List.of("\\bdown\\b|^ok\\b", "\\?\\s*$"));
        assertTrue(list.foundIn("ok then"));
        assertTrue(list.foundIn("is it down"));
        assertTrue(list.foundIn("really?"));
        assertFalse(list.foundIn("so ok then, a slowdown"));
    }

    @Test
    void patternsAreCaseInsensitive() {
        assertTrue(PatternList.compile(FILE, "signals", List.of("\\binfiniband\\b")).foundIn("InfiniBand is down"));
    }

    @Test
    void aListWithABackReferenceIsScannedPatternByPattern() {
        PatternList list = PatternList.compile(FILE, "signals", List.of("\\b(\\w+) \\1\\b", "\\bdown\\b"));
        assertNull(list.any());
        assertTrue(list.foundIn("it is is broken"));
        assertTrue(list.foundIn("it is down"));
        assertFalse(list.foundIn("it is fine"));
    }

    @Test
    void anEmptyListMatchesNothing() {
        PatternList list = PatternList.compile(FILE, "signals", null);
        assertTrue(list.patterns().isEmpty());
        assertFalse(list.foundIn("anything at all"));
    }

    @Test
    void aBadPatternNamesTheKeyAndTheFile() {
        PolicyException error = assertThrows(PolicyException.class,
                () -> PatternList.compile(FILE, "severities.SEV1.signals", List.of("(unclosed")));
        assertTrue(error.getMessage().contains("severities.SEV1.signals"), error.getMessage());
        assertTrue(error.getMessage().contains("policy.yaml"), error.getMessage());
    }
}
