package dev.supportbot.triage;

import dev.supportbot.knowledge.Citation;
import dev.supportbot.knowledge.KnowledgeBase;
import dev.supportbot.knowledge.SearchHit;
import dev.supportbot.policy.Policy;
import dev.supportbot.policy.Scope;
import dev.supportbot.policy.ScopeTopic;
import dev.supportbot.policy.Severity;
import dev.supportbot.policy.SeverityLevel;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes what the customer reads for each decision, with its citations. The scope and SLA citations are found in
 * the docs once, at construction. Thread-safe.
 */
final class Replies {
    private static final int EXCERPT_CHARS = 900;
    private static final int SUMMARY_CHARS = 120;

    private final Policy policy;
    private final KnowledgeBase knowledge;
    private final Map<String, Citation> scopeCitations = new HashMap<>();
    private final Map<Severity, Citation> slaCitations = new EnumMap<>(Severity.class);

    Replies(Policy policy, KnowledgeBase knowledge) {
        this.policy = policy;
        this.knowledge = knowledge;
        for (ScopeTopic topic : policy.scope().outOfScope()) {
            scopeCitations.put(topic.id(), cite("out of scope " + topic.label(), policy.scope().section()));
        }
        for (SeverityLevel level : policy.levels()) {
            slaCitations.put(level.severity(), cite(level.name() + " initial response time", level.name()));
        }
    }

    private Citation cite(String query, String fallbackSection) {
        List<SearchHit> hits = knowledge.search(query, 1);
        return hits.isEmpty() ? new Citation("Support", fallbackSection, "") : hits.get(0).passage().citation();
    }

    Decision answer(SearchHit hit, List<String> notes) {
        Citation citation = hit.passage().citation();
        String reply = knowledge.excerpt(hit, EXCERPT_CHARS) + "\n\nSource: " + source(citation);
        notes.add(String.format("answered from '%s' (coverage %.2f, terms %s)", citation.section(),
                hit.coverage(), hit.matchedTerms()));
        return new Decision.Answer(reply, List.of(citation), 0.5 + 0.5 * hit.coverage(), List.of());
    }

    Decision outOfScope(ScopeTopic topic, double confidence) {
        Scope scope = policy.scope();
        String excluded = scope.outOfScope().stream().map(ScopeTopic::label).collect(Collectors.joining("; "));
        String covered = scope.inScope().stream().map(Scope.InScopeArea::area).collect(Collectors.joining(", "));
        Citation citation = scopeCitations.get(topic.id());
        String reply = "This request is outside our support scope: " + topic.label().toLowerCase(java.util.Locale.ROOT)
                + " is out of scope.\n"
                + "Out of scope: " + excluded + ".\n"
                + "In scope: " + covered + ".\n"
                + "You can still ask for best-effort help. " + scope.bestEffort() + "\n\n"
                + "Source: " + source(citation);
        return new Decision.OutOfScope(topic.id(), reply, List.of(citation), confidence,
                List.of("out of scope: " + topic.label()));
    }

    Decision ticket(SeverityLevel level, boolean stated, String text, double confidence) {
        Citation citation = slaCitations.get(level.severity());
        String reply = "I'm opening a " + level.name() + " ticket" + (stated ? " as you asked" : "")
                + ". Initial response target: " + level.targetText() + " from your message.\n"
                + level.name() + ": " + level.definition() + "\n\nSource: " + source(citation);
        return new Decision.OpenTicket(level, stated, summary(text), reply, List.of(citation), confidence,
                List.of());
    }

    private static String source(Citation citation) {
        String where = citation.title() + " › " + citation.section();
        return citation.hasUrl() ? where + " (" + citation.url() + ")" : where;
    }

    static String summary(String text) {
        String firstLine = text.strip().lines().findFirst().orElse("");
        return firstLine.length() <= SUMMARY_CHARS ? firstLine : firstLine.substring(0, SUMMARY_CHARS - 1) + "…";
    }
}
