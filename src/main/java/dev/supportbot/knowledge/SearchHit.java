package dev.supportbot.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A passage found for a question. {@code score} is the ranking score (relevance blended with how much of the
 * question the passage covers, times the source weight); {@code coverage} is the share of the question's words,
 * weighted by rarity, that the passage contains (with synonyms), in [0, 1]; {@code questionWeights} are those
 * words with their weights, kept for trimming the passage to an excerpt.
 */
public record SearchHit(Passage passage, double score, double coverage, List<String> matchedTerms,
                        Map<String, Double> questionWeights) {
    public SearchHit {
        Objects.requireNonNull(passage, "passage");
        if (coverage < 0 || coverage > 1.0001) {
            throw new IllegalArgumentException("coverage must be in [0, 1], got " + coverage);
        }
        matchedTerms = List.copyOf(matchedTerms);
        questionWeights = Map.copyOf(questionWeights);
    }
}
