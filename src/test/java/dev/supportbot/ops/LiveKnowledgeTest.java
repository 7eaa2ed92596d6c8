package dev.supportbot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportbot.triage.Action;
import dev.supportbot.triage.Decision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveKnowledgeTest {
    private static final String QUESTION = "What is the zebra quota for a team?";
    private static final String ZEBRA = "\n\n## Zebra quota\n\nThe zebra quota for a team is 42 GPUs per cluster.\n";

    /** A copy of the project's knowledge folder that the test may edit. */
    private static Path copyOfKnowledge(Path dir) throws IOException {
        Path source = Path.of("knowledge");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = dir.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return dir;
    }

    private static boolean citesZebra(Decision decision) {
        return decision instanceof Decision.Answer answer && answer.reply().contains("42 GPUs");
    }

    @Test
    void aReloadServesTheEditedDocsAndABadEditKeepsTheOldIndex(@TempDir Path dir) throws Exception {
        Path knowledge = copyOfKnowledge(dir);
        Metrics metrics = new Metrics();
        try (LiveKnowledge live = LiveKnowledge.open(knowledge, List.of(), metrics)) {
            assertTrue(!citesZebra(live.decide(QUESTION)));
            Files.writeString(knowledge.resolve("docs/support.md"), ZEBRA, StandardOpenOption.APPEND);
            assertTrue(live.reload().startsWith("Knowledge index rebuilt: "));
            Decision edited = live.decide(QUESTION);
            assertTrue(citesZebra(edited), edited.toString());

            Files.writeString(knowledge.resolve("policy.yaml"), "severities: [unclosed\n");
            String outcome = live.reload();
            assertTrue(outcome.startsWith("The knowledge index was not rebuilt: "), outcome);
            assertTrue(live.loaded());
            assertTrue(citesZebra(live.decide(QUESTION)), "the previous index still answers");
        }
    }

    @Test
    void requestsRunningDuringReloadsAllGetAnswers(@TempDir Path dir) throws Exception {
        Path knowledge = copyOfKnowledge(dir);
        ExecutorService askers = Executors.newFixedThreadPool(4);
        try (LiveKnowledge live = LiveKnowledge.open(knowledge, List.of(), new Metrics())) {
            List<Future<Integer>> answered = Stream.generate(() -> askers.submit(() -> {
                int answers = 0;
                for (int i = 0; i < 150; i++) {
                    if (live.decide("What is the initial response time for Severity 1?").action() == Action.ANSWER) {
                        answers++;
                    }
                }
                return answers;
            })).limit(4).toList();
            for (int i = 0; i < 3; i++) {
                assertTrue(live.reload().startsWith("Knowledge index rebuilt: "));
            }
            for (Future<Integer> asker : answered) {
                assertEquals(150, asker.get(60, TimeUnit.SECONDS));
            }
        } finally {
            askers.shutdownNow();
        }
    }

    @Test
    void theWatcherRunsOnceAfterABurstOfChangesGoesQuiet(@TempDir Path dir) throws Exception {
        Path knowledge = copyOfKnowledge(dir);
        CountDownLatch changed = new CountDownLatch(1);
        try (KnowledgeWatcher watcher = new KnowledgeWatcher(knowledge, Duration.ofMillis(200), changed::countDown)) {
            Files.writeString(knowledge.resolve("docs/support.md"), ZEBRA, StandardOpenOption.APPEND);
            Files.writeString(knowledge.resolve("docs/new.md"), "# New\n\nA new page.\n");
            assertTrue(changed.await(20, TimeUnit.SECONDS), "no reload after the edit");
        }
    }
}
