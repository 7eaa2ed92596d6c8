package dev.supportbot.triage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportbot.knowledge.KnowledgeBase;
import dev.supportbot.knowledge.KnowledgeOptions;
import dev.supportbot.policy.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code eval FILE.jsonl [--min 0.95]}: scores triage on a case file, prints each miss, accuracy per expected
 * action and overall, and how many Severity 1 cases were not ticketed. Exits 1 below the bar or on any
 * Severity 1 miss.
 */
@Command(name = "eval", description = "Score triage on a JSON-lines case file.")
public final class EvalCommand implements Callable<Integer> {
    @Mixin
    private KnowledgeOptions options;

    @Parameters(paramLabel = "FILE.jsonl", description = "Cases: {\"id\",\"text\",\"action\",\"severity\",\"any\"}.")
    private Path file;

    @Option(names = "--min", paramLabel = "ACCURACY", defaultValue = "0.95",
            description = "Lowest passing overall accuracy (default: ${DEFAULT-VALUE}).")
    private double minimum;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<EvalCase> cases = readCases();
        PrintWriter out = spec.commandLine().getOut();
        Map<String, int[]> perAction = new TreeMap<>();
        int passed = 0;
        int outagesMissed = 0;
        try (KnowledgeBase knowledge = options.open()) {
            Triage triage = Triage.load(options.knowledgeDir(), knowledge);
            for (EvalCase evalCase : cases) {
                Decision decision = triage.decide(evalCase.text());
                int[] counts = perAction.computeIfAbsent(evalCase.action(), key -> new int[2]);
                counts[1]++;
                var miss = evalCase.miss(decision);
                if (miss.isEmpty()) {
                    passed++;
                    counts[0]++;
                    continue;
                }
                out.printf("MISS %s: %s%n     text: %s%n", evalCase.id(), miss.get(), evalCase.text());
                if (evalCase.expectedSeverity().orElse(null) == Severity.SEV1 && decision.action() != Action.TICKET) {
                    outagesMissed++;
                }
            }
        }
        perAction.forEach((action, counts) -> out.printf("%-13s %3d/%-3d %.3f%n", action, counts[0], counts[1],
                (double) counts[0] / counts[1]));
        double accuracy = (double) passed / cases.size();
        out.printf("overall: %.3f (%d/%d), bar %.2f%n", accuracy, passed, cases.size(), minimum);
        out.printf("SEV1 cases not ticketed: %d%n", outagesMissed);
        out.flush();
        return accuracy >= minimum && outagesMissed == 0 ? 0 : 1;
    }

    private List<EvalCase> readCases() {
        ObjectMapper json = new ObjectMapper();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read " + file + ": " + e.getMessage());
        }
        List<EvalCase> cases = new ArrayList<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            if (line.isBlank()) {
                continue;
            }
            try {
                cases.add(json.readValue(line, EvalCase.class));
            } catch (IOException | IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), file + " line " + number + ": " + e.getMessage());
            }
        }
        if (cases.isEmpty()) {
            throw new ParameterException(spec.commandLine(), file + " has no cases");
        }
        return cases;
    }
}
