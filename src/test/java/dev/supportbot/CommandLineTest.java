package dev.supportbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private int runWithInput(String input, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void evalOnTheParaphraseCasesPassesTheBarWithNoOutageDeflected() {
        assertEquals(0, run("eval", "src/test/resources/triage/paraphrases.jsonl"), out.toString());
        assertTrue(out.toString().contains("SEV1 cases not ticketed: 0"), out.toString());
    }

    @Test
    void evalOnTheSharedDevCasesPassesTheBar() {
        Path devCases = Path.of(System.getProperty("supportbot.shared", "../shared"), "eval", "dev-cases.jsonl");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devCases), "shared eval cases are beside the repo");
        assertEquals(0, run("eval", devCases.toString(), "--min", "0.95"), out.toString());
    }

    @Test
    void evalFailsAndPrintsTheMissWhenAnOutageIsNotTicketed(@TempDir Path dir) throws Exception {
        Path cases = dir.resolve("cases.jsonl");
        Files.writeString(cases, """
                {"id":"x1","text":"thanks for the help","action":"ticket","severity":"SEV1"}
                {"id":"x2","text":"thanks!","action":"none"}
                """);
        assertEquals(1, run("eval", cases.toString(), "--min", "0.5"));
        assertTrue(out.toString().contains("MISS x1: expected ticket, got none"), out.toString());
        assertTrue(out.toString().contains("overall: 0.500 (1/2)"), out.toString());
        assertTrue(out.toString().contains("SEV1 cases not ticketed: 1"), out.toString());
    }

    @Test
    void triageJsonlAnswersEveryLineAndReportsTheBadOnes() throws Exception {
        String input = """
                {"id":"a","text":"our whole cluster is down, nobody can log in"}
                not json at all
                {"id":"b","text":42}
                {"id":"c","text":"what is the SLA on service requests"}
                """;
        assertEquals(1, runWithInput(input, "triage", "--jsonl"));
        List<JsonNode> lines = out.toString().lines().map(CommandLineTest::json).toList();
        assertEquals(4, lines.size());
        assertEquals("ticket", lines.get(0).get("action").asText());
        assertEquals("SEV1", lines.get(0).get("severity").asText());
        assertTrue(lines.get(1).get("error").asText().startsWith("not a JSON object"));
        assertEquals("b", lines.get(2).get("id").asText());
        assertEquals("\"text\" must be a string", lines.get(2).get("error").asText());
        assertEquals("answer", lines.get(3).get("action").asText());
        assertTrue(lines.get(3).get("severity").isNull());
        assertTrue(lines.get(3).get("reply").asText().contains("24 hours"));
        assertEquals("Support for 1-Click Clusters", lines.get(3).get("citations").get(0).get("title").asText());
    }

    @Test
    void askPrintsTheDecisionForAPerson() {
        assertEquals(0, run("ask", "is", "VPN", "support", "out", "of", "scope?"));
        assertTrue(out.toString().startsWith("action: answer"), out.toString());
        assertTrue(out.toString().contains("Support scope › Out of scope"), out.toString());
    }

    @Test
    void indexPrintsDocumentsPassagesAndTime() {
        assertEquals(0, run("index"));
        assertTrue(out.toString().matches("(?s)documents: 2\\npassages: \\d+\\nbuild time: \\d+ ms\\n"), out.toString());
    }

    @Test
    void aWrongCommandOrFlagGetsUsageAndExitCodeTwo() {
        assertEquals(2, run("frobnicate"));
        assertTrue(err.toString().contains("Unmatched argument"), err.toString());
        assertEquals(2, run("eval", "--bogus"));
        assertEquals(2, run());
        assertTrue(err.toString().contains("Usage: supportbot"), err.toString());
    }

    @Test
    void aMissingKnowledgeFolderIsOneClearLine(@TempDir Path dir) {
        assertEquals(2, run("ask", "--knowledge", dir.resolve("nope").toString(), "hello"));
        assertTrue(err.toString().startsWith("supportbot: "), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
