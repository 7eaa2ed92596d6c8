package dev.supportbot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportbot.CommandRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bar, end to end through the real command line: piped demo, then the tickets listing. */
class DemoCommandTest {
    @TempDir
    Path dataDir;

    private CommandRun demo(String script) {
        return CommandRun.withInput(script, "demo", "--data-dir", dataDir.toString());
    }

    private Duration deadlineAfterMessage() throws Exception {
        CommandRun listed = CommandRun.of("tickets", "--data-dir", dataDir.toString(), "--json");
        JsonNode ticket = new ObjectMapper().readTree(listed.out().lines().findFirst().orElseThrow());
        return Duration.between(Instant.parse(ticket.get("created_at").asText()),
                Instant.parse(ticket.get("first_response_due_at").asText()));
    }

    @Test
    void aPipedOutageOpensASev1TicketDueFourHoursAfterTheMessageAndASev2ChangeMovesItToEight() throws Exception {
        CommandRun opened = demo("our whole cluster is down, nobody can log in\n");

        assertEquals(0, opened.exitCode(), opened.err());
        assertTrue(opened.out().contains("┌ T-1001 · SEV1 · open"), opened.out());
        assertTrue(opened.out().contains("(4h 00m after the message)"), opened.out());
        assertTrue(opened.out().endsWith("bye\n"), opened.out());
        assertEquals(Duration.ofHours(4), deadlineAfterMessage());

        CommandRun changed = demo("/as staff dana\n/ticket sev T-1001 sev2 only one rack is down\n");

        assertTrue(changed.out().contains("┌ T-1001 · SEV2 · open"), changed.out());
        assertEquals(Duration.ofHours(8), deadlineAfterMessage());
    }

    @Test
    void aScriptOfBadLinesEndsCleanlyAtEndOfInputWithoutAStackTrace() {
        CommandRun run = demo("/help\n/nope\n/ticket show T-1\n\n   \n/as customer\n/quit\nnever read\n");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("/as staff NAME"), run.out());
        assertTrue(run.out().contains("unknown command /nope"), run.out());
        assertTrue(run.out().contains("error: no ticket T-1"), run.out());
        assertFalse(run.out().contains("never read"), run.out());
        assertFalse(run.out().contains("Exception") || run.err().contains("Exception"), run.out() + run.err());
    }
}
