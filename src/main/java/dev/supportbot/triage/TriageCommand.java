package dev.supportbot.triage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.supportbot.knowledge.KnowledgeBase;
import dev.supportbot.knowledge.KnowledgeOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code triage --jsonl}: reads {@code {"id","text"}} lines on standard input and writes one JSON decision per
 * line. A line that cannot be read gets an output line with {@code error}, and the exit code is 1.
 */
@Command(name = "triage", description = "Triage {\"id\",\"text\"} JSON lines from standard input.")
public final class TriageCommand implements Callable<Integer> {
    @Mixin
    private KnowledgeOptions options;

    @Option(names = "--jsonl", required = true, description = "Read and write JSON lines (the only format).")
    private boolean jsonl;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        ObjectMapper json = new ObjectMapper();
        PrintWriter out = spec.commandLine().getOut();
        int refused = 0;
        try (KnowledgeBase knowledge = options.open();
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            Triage triage = Triage.load(options.knowledgeDir(), knowledge);
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                DecisionLine result = decide(json, triage, line);
                if (result.error() != null) {
                    refused++;
                }
                out.println(json.writeValueAsString(result));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading standard input failed", e);
        }
        out.flush();
        return refused == 0 ? 0 : 1;
    }

    private static DecisionLine decide(ObjectMapper json, Triage triage, String line) {
        JsonNode input;
        try {
            input = json.readTree(line);
        } catch (JsonProcessingException e) {
            return DecisionLine.refused(NullNode.getInstance(), "not a JSON object: " + e.getOriginalMessage());
        }
        if (input == null || !input.isObject()) {
            return DecisionLine.refused(NullNode.getInstance(), "expected a JSON object with \"id\" and \"text\"");
        }
        JsonNode id = input.path("id").isMissingNode() ? NullNode.getInstance() : input.get("id");
        if (!input.path("text").isTextual()) {
            return DecisionLine.refused(id, "\"text\" must be a string");
        }
        return DecisionLine.of(id, triage.decide(input.get("text").asText()));
    }
}
