package dev.supportbot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
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

    /** Longer than an article, the longest subject a definition question can name and " are ". */
    private static final int OPENING_CHARS = 64;

    private final List<Passage> passages;
    private final Analyzer queryAnalyzer;
    private final AtomicReferenceArray<PassageTerms> termsByOrdinal;

    PassageRanking(List<Passage> passages, Analyzer queryAnalyzer) {
        this.passages = passages;
        this.queryAnalyzer = queryAnalyzer;
        this.termsByOrdinal = new AtomicReferenceArray<>(passages.size());
    }

    /** Candidates best first by relevance, and the question's weighted terms; at most {@code limit} hits. */
    List<SearchHit> rank(List<Candidate> candidates, Map<String, Double> weights, int limit, String question) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Optional<String> subject = definitionSubject(question);
        double bestRelevance = candidates.get(0).relevance();
        double totalWeight = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Scored> scored = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            PassageTerms terms = terms(candidate.ordinal());
            double covered = 0;
            double coveredByLead = 0;
            double coveredByHeading = 0;
            for (Map.Entry<String, Double> weight : weights.entrySet()) {
                if (terms.expanded().contains(weight.getKey())) {
                    covered += weight.getValue();
                }
                if (terms.lead().contains(weight.getKey())) {
                    coveredByLead += weight.getValue();
                }
                if (terms.heading().contains(weight.getKey())) {
                    coveredByHeading += weight.getValue();
                }
            }
            double coverage = Math.min(1.0, covered / totalWeight);
            // A section whose own heading names the question's subject, or whose opening sentence is about it
            // (a definition, a direct statement), ranks up.
            Passage passage = passages.get(candidate.ordinal());
            double score = passage.weight() * (0.30 * candidate.relevance() / bestRelevance + 0.70 * coverage
                    + LEAD_BONUS * Math.min(1.0, coveredByLead / totalWeight)
                    + HEADING_BONUS * Math.min(1.0, coveredByHeading / totalWeight)
                    + (subject.isPresent() && terms.defines(subject.get()) ? DEFINITION_BONUS : 0));
            scored.add(new Scored(candidate.ordinal(), terms, score, coverage));
        }
        scored.sort((left, right) -> Double.compare(right.score(), left.score()));
        List<SearchHit> hits = new ArrayList<>();
        for (Scored best : scored.subList(0, Math.min(limit, scored.size()))) {
            List<String> matched = weights.keySet().stream().filter(best.terms().expanded()::contains).toList();
            hits.add(new SearchHit(passages.get(best.ordinal()), best.score(), best.coverage(), matched, weights));
        }
        return hits;
    }

    /** A passage's analysed terms, computed on its first use and kept. */
    private PassageTerms terms(int ordinal) {
        PassageTerms terms = termsByOrdinal.get(ordinal);
        if (terms == null) {
            Passage passage = passages.get(ordinal);
            // The document title is shared by all its sections, so it says nothing about which section answers.
            terms = new PassageTerms(Terms.of(queryAnalyzer, passage.section() + "\n" + passage.body()),
                    Terms.of(queryAnalyzer, Excerpts.units(passage.body()).get(0)),
                    Terms.of(queryAnalyzer, passage.headings().isEmpty() ? ""
                            : passage.headings().get(passage.headings().size() - 1)),
                    opening(passage));
            termsByOrdinal.compareAndSet(ordinal, null, terms);
        }
        return terms;
    }

    /** The passage's first words in lower case, without a leading article. */
    private static String opening(Passage passage) {
        String body = passage.body();
        String start = body.substring(0, Math.min(body.length(), OPENING_CHARS)).toLowerCase(Locale.ROOT);
        return start.replaceFirst("^(an?|the)\\s+", "");
    }

    /** "what is X?" asks for a definition of X. */
    private static Optional<String> definitionSubject(String question) {
        Matcher definition = DEFINITION_QUESTION.matcher(question.strip());
        return definition.matches() ? Optional.of(definition.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** A passage Lucene found, by its position in the passage list, with its relevance score. */
    record Candidate(int ordinal, double relevance) {
    }

    private record Scored(int ordinal, PassageTerms terms, double score, double coverage) {
    }

    /** A passage's analysed words (with synonyms), those of its opening sentence and of its own heading. */
    private record PassageTerms(Set<String> expanded, Set<String> lead, Set<String> heading, String opening) {
        /** The passage opens by defining the subject: "X is ...", "An X is ...". */
        boolean defines(String subject) {
            return opening.startsWith(subject + " is ") || opening.startsWith(subject + " are ");
        }
    }
}
