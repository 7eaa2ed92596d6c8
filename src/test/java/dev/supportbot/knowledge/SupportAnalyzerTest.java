package dev.supportbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SupportAnalyzerTest {
    private final Vocabulary vocabulary = Vocabulary.load(Path.of("knowledge"));

    @Test
    void indexSideLowercasesStemsAndDropsStopWordsAndPossessives() {
        Set<String> terms = Terms.of(vocabulary.indexAnalyzer(), "What are Lambda's Managed Clusters doing?");
        assertEquals(List.of("lambda", "manag", "cluster"), List.copyOf(terms));
    }

    @Test
    void slackMarkupIsStrippedBeforeTokens() {
        Set<String> terms = Terms.of(vocabulary.indexAnalyzer(),
                "<@U0ABC123> <!channel> read <https://example.com/page|Slurm guide> <!here>");
        assertEquals(List.of("read", "slurm", "guid"), List.copyOf(terms).subList(0, 3));
        assertFalse(terms.contains("u0abc123"));
        assertFalse(terms.contains("channel"));
        assertFalse(terms.contains("here"));
    }

    @Test
    void querySideExpandsDomainSynonyms() {
        Set<String> ib = Terms.of(vocabulary.queryAnalyzer(), "IB link");
        assertTrue(ib.contains("infiniband"), ib.toString());
        Set<String> oneClick = Terms.of(vocabulary.queryAnalyzer(), "our 1CC");
        assertTrue(oneClick.contains("click"), oneClick.toString());
        Set<String> sev = Terms.of(vocabulary.queryAnalyzer(), "sev1");
        assertTrue(sev.contains("sever"), sev.toString());
        Set<String> managed = Terms.of(vocabulary.queryAnalyzer(), "MSlurm");
        assertTrue(managed.containsAll(List.of("manag", "slurm")), managed.toString());
    }

    @Test
    void indexSideDoesNotExpandSynonyms() {
        assertEquals(Set.of("ib"), Terms.of(vocabulary.indexAnalyzer(), "IB"));
    }
}
