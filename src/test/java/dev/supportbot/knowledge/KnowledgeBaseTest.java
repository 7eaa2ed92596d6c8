package dev.supportbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnowledgeBaseTest {
    private static KnowledgeBase knowledge;

    @BeforeAll
    static void openTheProjectKnowledge() {
        knowledge = KnowledgeBase.open(Path.of("knowledge"));
    }

    @AfterAll
    static void close() {
        knowledge.close();
    }

    @Test
    void theBestPassageForAQuestionIsTheSectionThatAnswersIt() {
        SearchHit hit = knowledge.search("Do users have root access on managed slurm?", 1).get(0);
        assertEquals("Managed and Unmanaged Slurm compared › Root and sudo privileges", hit.passage().section());
        assertTrue(hit.passage().url().endsWith("#root-and-sudo-privileges"), hit.passage().url());
        assertTrue(hit.coverage() > 0.8, "coverage " + hit.coverage());
    }

    @Test
    void synonymsFindTheSectionWrittenWithTheOtherWord() {
        SearchHit hit = knowledge.search("do you troubleshoot IB?", 1).get(0);
        assertEquals("Support scope › In scope: networking and storage", hit.passage().section());
    }

    @Test
    void theExcerptOfALongPassageKeepsTheTableRowThatAnswersWithItsHeader() {
        String body = "Intro sentence about support. Another sentence about the agreement.\n\n"
                + "| Level | Initial response time |\n| --- | --- |\n| Severity 1 | 4 hours |\n"
                + "| Service Request | 24 hours |\n\n" + "Filler text that says nothing useful. ".repeat(20);
        String question = "response time for a service request";
        Excerpts excerpts = new Excerpts(Vocabulary.load(Path.of("knowledge")).queryAnalyzer());
        String excerpt = excerpts.excerpt(body, java.util.Map.of("servic", 1.0, "request", 1.0, "respons", 0.5), 200);
        assertTrue(excerpt.startsWith("| Level | Initial response time |\n| Service Request | 24 hours |"), excerpt);
        assertTrue(excerpt.length() <= 200, excerpt);
        SearchHit hit = knowledge.search(question, 1).get(0);
        assertTrue(knowledge.excerpt(hit, 600).contains("24 hours"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"title:x^100 AND (", "*", "\"", "NOT NOT OR AND", "<!channel> <!here>", "",
            "body:/.*/", "a~2 b^3 [1 TO 5] {x} ?", "\u0000\uFFFF\uD83D\uDE00", ")))((("})
    void userTextNeverReachesAQueryParserRaw(String text) {
        List<SearchHit> hits = assertDoesNotThrow(() -> knowledge.search(text, 3));
        assertTrue(hits.size() <= 3);
    }

    @Test
    void aQuestionOfUnknownWordsFindsNothingCovered() {
        List<SearchHit> hits = knowledge.search("zebra quokka marmalade", 3);
        assertTrue(hits.isEmpty() || hits.get(0).coverage() == 0, hits.toString());
    }

    @Test
    void searchesFromManyThreadsAtOnceFindWhatOneThreadFinds() throws Exception {
        List<String> questions = List.of("Do users have root access on managed slurm?", "do you troubleshoot IB?",
                "what is the initial response time for severity 2?", "is a VPN to the cluster in scope?",
                "who is my technical account manager?", "can you repave the nodes of a managed slurm cluster?");
        List<String> alone = questions.stream().map(question -> sectionFor(question)).toList();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int run = 0; run < 32; run++) {
                runs.add(threads.submit(() -> questions.stream().map(question -> sectionFor(question)).toList()));
            }
            for (Future<List<String>> run : runs) {
                assertEquals(alone, run.get(30, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void aQuestionAskedAgainAfterOthersScoresTheSame() {
        List<String> questions = List.of("What is the initial response time for Severity 1?",
                "is VPN support out of scope?", "how are InfiniBand problems handled on a 1CC",
                "what does managed slurm do when a node fails", "who is our technical account manager");
        List<List<String>> first = questions.stream().map(KnowledgeBaseTest::scored).toList();
        List<List<String>> again = questions.reversed().stream().map(KnowledgeBaseTest::scored).toList().reversed();
        assertEquals(first, again);
    }

    /** The question's hits as section and score, which must not depend on what was searched before. */
    private static List<String> scored(String question) {
        return knowledge.search(question, 5).stream().map(hit -> hit.passage().section() + "=" + hit.score())
                .toList();
    }

    private static String sectionFor(String question) {
        return knowledge.search(question, 1).get(0).passage().section();
    }

    @Test
    void statsCountDocumentsAndPassages() {
        KnowledgeBase.Stats stats = knowledge.stats();
        assertEquals(2, stats.documents());
        assertTrue(stats.passages() >= 20, "passages " + stats.passages());
    }

    @Test
    void anExtraHtmlSourceIsIndexedWithItsCitationBase(@TempDir Path dir) throws IOException {
        Path html = Files.createDirectories(dir.resolve("html"));
        Files.writeString(html.resolve("sbatch.html"), "<div role=main><h1>sbatch</h1><h2 id=desc>Description"
                + "</h2><p>sbatch submits a batch script to Slurm.</p></div>");
        try (KnowledgeBase withHtml = KnowledgeBase.open(Path.of("knowledge"),
                List.of(DocSource.parse(html + ",base=https://slurm.example/,weight=0.6")))) {
            SearchHit hit = withHtml.search("how does sbatch submit a batch script", 1).get(0);
            assertEquals("https://slurm.example/sbatch.html#desc", hit.passage().url());
            assertEquals(3, withHtml.stats().documents());
        }
    }

    @Test
    void aMissingDocsFolderIsAClearError(@TempDir Path dir) {
        KnowledgeException error = assertThrows(KnowledgeException.class, () -> KnowledgeBase.open(dir));
        assertTrue(error.getMessage().startsWith("docs folder not found"), error.getMessage());
    }

    @Test
    void aBadSourceSpecIsAClearError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DocSource.parse("dir,colour=blue"));
        assertTrue(error.getMessage().contains("expected DIR[,base=URL][,weight=W]"), error.getMessage());
    }
}
