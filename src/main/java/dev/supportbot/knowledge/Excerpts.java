package dev.supportbot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/**
 * Trims a passage to the part that answers a question: the passage is cut into units (sentences, list items,
 * table rows), the unit covering most of the question's weighted terms is kept with its neighbours up to a
 * length, and a table row keeps its header. Short passages are returned whole. Thread-safe.
 */
final class Excerpts {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;:])\\s+(?=[A-Z(`*\"])");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\|?\\s*:?-{3,}.*");

    private final Analyzer queryAnalyzer;

    Excerpts(Analyzer queryAnalyzer) {
        this.queryAnalyzer = queryAnalyzer;
    }

    String excerpt(String body, Map<String, Double> questionWeights, int maxChars) {
        if (body.length() <= maxChars) {
            return body;
        }
        List<String> units = units(body);
        int best = 0;
        double bestScore = -1;
        for (int i = 0; i < units.size(); i++) {
            double score = score(units.get(i), questionWeights);
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        StringBuilder excerpt = new StringBuilder();
        String bestUnit = units.get(best);
        int tableStart = best;
        while (bestUnit.startsWith("|") && tableStart > 0 && units.get(tableStart - 1).startsWith("|")) {
            tableStart--;
        }
        if (tableStart < best) {
            excerpt.append(units.get(tableStart)).append('\n');
        }
        excerpt.append(bestUnit);
        String previous = bestUnit;
        for (int next = best + 1; next < units.size(); next++) {
            String unit = units.get(next);
            // A table or list that the kept text introduces belongs to it, whatever words its rows use.
            boolean continuesStructure = structured(unit) && (structured(previous) || previous.endsWith(":"));
            if (excerpt.length() + unit.length() + 1 > maxChars
                    || !continuesStructure && score(unit, questionWeights) == 0) {
                break;
            }
            excerpt.append(structured(unit) ? "\n" : " ").append(unit);
            previous = unit;
        }
        return excerpt.toString();
    }

    private static boolean structured(String unit) {
        return unit.startsWith("|") || unit.startsWith("- ") || unit.startsWith("* ");
    }

    private double score(String unit, Map<String, Double> questionWeights) {
        Set<String> terms = Terms.of(queryAnalyzer, unit);
        double score = 0;
        for (Map.Entry<String, Double> weight : questionWeights.entrySet()) {
            if (terms.contains(weight.getKey())) {
                score += weight.getValue();
            }
        }
        return score;
    }

    static List<String> units(String body) {
        List<String> units = new ArrayList<>();
        for (String block : body.split("\\n\\s*\\n")) {
            List<String> lines = block.strip().lines().map(String::strip).toList();
            boolean structured = lines.stream().anyMatch(line -> line.startsWith("|") || line.startsWith("- ")
                    || line.startsWith("* "));
            if (structured) {
                for (String line : lines) {
                    if (!line.isEmpty() && !TABLE_RULE.matcher(line).matches()) {
                        units.add(line);
                    }
                }
            } else {
                for (String sentence : SENTENCE_END.split(String.join(" ", lines))) {
                    if (!sentence.isBlank()) {
                        units.add(sentence.strip());
                    }
                }
            }
        }
        return units;
    }
}
