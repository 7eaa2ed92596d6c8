package dev.supportbot.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportbot.CommandRun;
import dev.supportbot.TestClock;
import dev.supportbot.policy.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketsCommandTest {
    @TempDir
    Path dataDir;

    @BeforeEach
    void storeTwoTickets() {
        try (StoreFixture fixture = new StoreFixture(dataDir, TestClock.at("2025-03-03T10:00:00Z"))) {
            Ticket down = fixture.open("acme", Severity.SEV1, "our whole cluster is down, nobody can log in");
            fixture.open("globex", Severity.SEV3, "typo in the welcome message, \"minor\"");
            fixture.clock.advance(Duration.ofMinutes(30));
            fixture.store().reply(down.id(), StoreFixture.STAFF,
                    fixture.replyBy("sam", AuthorRole.STAFF, Visibility.PUBLIC));
        }
    }

    private static List<JsonNode> jsonLines(String out) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            lines.add(mapper.readTree(line));
        }
        return lines;
    }

    @Test
    void jsonPrintsOneObjectPerTicketWithIsoTimesInUtc() throws Exception {
        CommandRun run = CommandRun.of("tickets", "--data-dir", dataDir.toString(), "--json");

        List<JsonNode> lines = jsonLines(run.out());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, lines.size());
        JsonNode first = lines.getFirst();
        assertEquals("T-1001", first.get("id").asText());
        assertEquals("acme", first.get("customer").asText());
        assertEquals("C-acme", first.get("channel").asText());
        assertEquals("SEV1", first.get("severity").asText());
        assertEquals("open", first.get("status").asText());
        assertTrue(first.get("assignee").isNull());
        assertEquals("2025-03-03T10:00:00Z", first.get("created_at").asText());
        assertEquals("2025-03-03T14:00:00Z", first.get("first_response_due_at").asText());
        assertEquals("2025-03-03T10:30:00Z", first.get("first_response_at").asText());
        assertEquals("met", first.get("sla").asText());
        assertEquals(Instant.parse(lines.get(1).get("created_at").asText()).plus(Duration.ofHours(10)),
                Instant.parse(lines.get(1).get("first_response_due_at").asText()));
    }

    @Test
    void customerAndStatusNarrowTheList() throws Exception {
        CommandRun byCustomer = CommandRun.of("tickets", "--data-dir", dataDir.toString(), "--json",
                "--customer", "globex");
        CommandRun byStatus = CommandRun.of("tickets", "--data-dir", dataDir.toString(), "--status", "resolved");

        assertEquals(List.of("T-1002"), jsonLines(byCustomer.out()).stream().map(line -> line.get("id").asText())
                .toList());
        assertEquals("no tickets\n", byStatus.out());
    }

    @Test
    void theTableShowsOneReadableLinePerTicket() {
        CommandRun run = CommandRun.of("tickets", "--data-dir", dataDir.toString());

        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith("ID      CUSTOMER  SEV   STATUS"), lines.get(0));
        assertTrue(lines.get(1).startsWith("T-1001  acme      SEV1  open"), lines.get(1));
        assertTrue(lines.get(1).contains("2025-03-03 14:00Z"), lines.get(1));
    }

    @Test
    void aBadStatusOrAMissingDatabaseIsAClearMessageAndAnErrorExit() {
        CommandRun badStatus = CommandRun.of("tickets", "--data-dir", dataDir.toString(), "--status", "done");
        CommandRun missing = CommandRun.of("tickets", "--data-dir", dataDir.resolve("nowhere").toString());

        assertEquals(2, badStatus.exitCode());
        assertEquals("supportbot: unknown status 'done': expected one of open, acknowledged, waiting_on_customer,"
                + " resolved, closed\n", badStatus.err());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().startsWith("supportbot: no ticket database at "), missing.err());
    }
}
