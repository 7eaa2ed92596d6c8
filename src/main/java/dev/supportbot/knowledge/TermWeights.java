package dev.supportbot.knowledge;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;

/**
 * Weighs a question's words by how rare they are in the primary passages (our own docs, the source with the
 * highest weight): a large reference source added beside them must not change what counts as an important word in
 * a support question. Immutable; thread-safe.
 */
final class TermWeights {
    /** A word no primary passage uses counts this share of the rarest word's weight. */
    private static final double UNKNOWN_TERM_SHARE = 0.3;

    private final Analyzer indexAnalyzer;
    private final int primaryCount;
    private final Map<String, Integer> primaryFrequencies;

    TermWeights(List<Passage> passages, Analyzer indexAnalyzer) {
        this.indexAnalyzer = indexAnalyzer;
        double primaryWeight = passages.stream().mapToDouble(Passage::weight).max().orElse(1.0);
        List<Passage> primary = passages.stream().filter(passage -> passage.weight() == primaryWeight).toList();
        this.primaryCount = Math.max(1, primary.size());
        Map<String, Integer> frequencies = new HashMap<>();
        for (Passage passage : primary) {
            for (String term : Terms.of(indexAnalyzer, String.join(" ", passage.headings()) + "\n" + passage.body())) {
                frequencies.merge(term, 1, Integer::sum);
            }
        }
        this.primaryFrequencies = Map.copyOf(frequencies);
    }

    /** The question's index terms in order, each with its inverse document frequency. */
    Map<String, Double> of(String question) {
        Map<String, Double> weights = new LinkedHashMap<>();
        double rarest = Math.log(1 + (primaryCount + 0.5) / 0.5);
        for (String term : Terms.of(indexAnalyzer, question)) {
            int frequency = primaryFrequencies.getOrDefault(term, 0);
            // A word no passage uses says nothing about which passage answers: it counts a little,
            // so a question made only of unknown words still finds no answer.
            weights.put(term, frequency == 0 ? UNKNOWN_TERM_SHARE * rarest
                    : Math.log(1 + (primaryCount - frequency + 0.5) / (frequency + 0.5)));
        }
        return weights;
    }
}
