package dev.supportbot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/**
 * Orders Lucene's candidates by how well each passage answers the question: relevance blended with coverage of
 * the question's weighted words (synonyms included), plus bonuses for a section whose heading or opening sentence
 * is about the question, or that defines what a "what is X?" question asks. The analysed term sets of passages
 * are computed once, on first use. Thread-safe.
 */
final class PassageRanking {
    private static final double LEAD_BONUS = 0.1;
    private static final double HEADING_BONUS = 0.20;
    private static final double DEFINITION_BONUS = 0.1;
    private static final Pattern DEFINITION_QUESTION =
            Pattern.compile("(?i)(?:what|who)(?:'s| is| are) (?:an? |the )?([\\w /-]{2,40}?)\\s*\\??");

    private final List<Passage> passages;
    private final Analyzer queryAnalyzer;
    private final Map<Integer, Set<String>> expandedTerms = new ConcurrentHashMap<>();
    private final Map<Integer, Set<String>> leadTerms = new ConcurrentHashMap<>();
    private final Map<Integer, Set<String>> headingTerms = new ConcurrentHashMap<>();

    PassageRanking(List<Passage> passages, Analyzer queryAnalyzer) {
        this.passages = passages;
        this.queryAnalyzer = queryAnalyzer;
    }

    /** Candidates best first by relevance, and the question's weighted terms; at most {@code limit} hits. */
    List<SearchHit> rank(List<Candidate> candidates, Map<String, Double> weights, int limit, String question) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Optional<String> subject = definitionSubject(question);
        double bestRelevance = candidates.get(0).relevance();
        double totalWeight = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        List<SearchHit> hits = new ArrayList<>();
        for (Candidate candidate : candidates) {
            int ordinal = candidate.ordinal();
            Passage passage = passages.get(ordinal);
            // The document title is shared by all its sections, so it says nothing about which section answers.
            Set<String> terms = expandedTerms.computeIfAbsent(ordinal, key -> Terms.of(queryAnalyzer,
                    passage.section() + "\n" + passage.body()));
            Set<String> lead = leadTerms.computeIfAbsent(ordinal, key -> Terms.of(queryAnalyzer,
                    Excerpts.units(passage.body()).get(0)));
            Set<String> heading = headingTerms.computeIfAbsent(ordinal, key -> Terms.of(queryAnalyzer,
                    passage.headings().isEmpty() ? "" : passage.headings().get(passage.headings().size() - 1)));
            List<String> matched = new ArrayList<>();
            double covered = 0;
            double coveredByLead = 0;
            double coveredByHeading = 0;
            for (Map.Entry<String, Double> weight : weights.entrySet()) {
                if (terms.contains(weight.getKey())) {
                    matched.add(weight.getKey());
                    covered += weight.getValue();
                }
                if (lead.contains(weight.getKey())) {
                    coveredByLead += weight.getValue();
                }
                if (heading.contains(weight.getKey())) {
                    coveredByHeading += weight.getValue();
                }
            }
            double coverage = Math.min(1.0, covered / totalWeight);
            // A section whose own heading names the question's subject, or whose opening sentence is about it
            // (a definition, a direct statement), ranks up.
            double score = passage.weight() * (0.30 * candidate.relevance() / bestRelevance + 0.70 * coverage
                    + LEAD_BONUS * Math.min(1.0, coveredByLead / totalWeight)
                    + HEADING_BONUS * Math.min(1.0, coveredByHeading / totalWeight)
                    + (subject.isPresent() && defines(passage, subject.get()) ? DEFINITION_BONUS : 0));
            hits.add(new SearchHit(passage, score, coverage, matched, weights));
        }
        hits.sort((left, right) -> Double.compare(right.score(), left.score()));
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    /** "what is X?" asks for a definition of X. */
    private static Optional<String> definitionSubject(String question) {
        Matcher definition = DEFINITION_QUESTION.matcher(question.strip());
        return definition.matches() ? Optional.of(definition.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** The passage opens by defining the subject: "X is ...", "An X is ...". */
    private static boolean defines(Passage passage, String subject) {
        String opening = passage.body().toLowerCase(Locale.ROOT).replaceFirst("^(an?|the)\\s+", "");
        return opening.startsWith(subject + " is ") || opening.startsWith(subject + " are ");
    }

    /** A passage Lucene found, by its position in the passage list, with its relevance score. */
    record Candidate(int ordinal, double relevance) {
    }
}
