package dev.supportbot.triage;

import dev.supportbot.knowledge.ChatText;
import dev.supportbot.knowledge.KnowledgeBase;
import dev.supportbot.knowledge.SearchHit;
import dev.supportbot.policy.Policy;
import dev.supportbot.policy.ScopeTopic;
import dev.supportbot.policy.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what to do with a customer's message: answer it from the docs, explain it is out of scope, open a
 * ticket at a severity, or nothing. Outages always become a Severity 1 ticket. The rules are general; the words
 * they look for are data in {@code knowledge/}. Thread-safe.
 */
public final class Triage {
    /** A passage must cover at least this share of a question's weighted words to answer it. */
    private static final double ANSWER_COVERAGE = 0.5;
    /** A statement that is not a question needs a closer match before it is answered rather than ticketed. */
    private static final double STATEMENT_COVERAGE = 0.75;

    private final Policy policy;
    private final TriageCues cues;
    private final KnowledgeBase knowledge;
    private final Replies replies;

    public Triage(Policy policy, TriageCues cues, KnowledgeBase knowledge) {
        this.policy = policy;
        this.cues = cues;
        this.knowledge = knowledge;
        this.replies = new Replies(policy, knowledge);
    }

    /** The policy and cues of a knowledge folder, searching the given knowledge base. */
    public static Triage load(Path knowledgeDir, KnowledgeBase knowledge) {
        return new Triage(Policy.load(knowledgeDir), TriageCues.load(knowledgeDir), knowledge);
    }

    public Policy policy() {
        return policy;
    }

    public Decision decide(String message) {
        String text = ChatText.plain(message);
        if (text.isBlank()) {
            return new Decision.NoAction("", 1.0, List.of("the message has no text"));
        }
        Reading reading = new Reading(text, cues);
        Signals signals = new Signals(reading, policy, cues);
        Lookup lookup = new Lookup(knowledge, text);
        List<String> notes = new ArrayList<>();
        Decision decision = route(reading, signals, lookup, notes);
        return withReasons(decision, signals, notes);
    }

    private Decision route(Reading reading, Signals signals, Lookup lookup, List<String> notes) {
        String text = lookup.text();
        if (!signals.outage().isEmpty()) {
            return outageTicket(text, signals, notes);
        }
        if (signals.policyQuestion() && reading.singleSentence()) {
            // "Is severity 3 for documentation errors?" asks about the policy; it reports nothing.
            Optional<Decision> answer = answer(lookup, ANSWER_COVERAGE, notes);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        Optional<Severity> stated = signals.stated();
        if (stated.isPresent() && (!reading.isQuestion() || signals.reportsProblem())) {
            notes.add("severity stated by the customer: " + stated.get());
            return replies.ticket(policy.level(stated.get()), true, lookup.text(), 0.95);
        }
        if (signals.smallTalk() && !reading.isQuestion() && !signals.reportsProblem()
                && !signals.requestsAction() && signals.outOfScope().isEmpty()) {
            notes.add("small talk only");
            return new Decision.NoAction("", 0.9, List.of());
        }
        if (signals.policyQuestion()) {
            Optional<Decision> answer = answer(lookup, ANSWER_COVERAGE, notes);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        Optional<ScopeTopic> outOfScope = signals.outOfScope().stream().findFirst();
        if (outOfScope.isPresent() && !signals.policyQuestion() && !signals.infrastructureProblem(outOfScope.get())) {
            return replies.outOfScope(outOfScope.get(), 0.85);
        }
        if (signals.reportsProblem()) {
            Severity severity = signals.minorProblem() ? Severity.SEV3 : Severity.SEV2;
            return replies.ticket(policy.level(severity), false, lookup.text(), signals.confidence());
        }
        if (signals.requestsAction()) {
            return replies.ticket(policy.level(Severity.SERVICE_REQUEST), false, lookup.text(), 0.85);
        }
        if (signals.smallTalk() && !reading.isQuestion()) {
            notes.add("small talk only");
            return new Decision.NoAction("", 0.7, List.of());
        }
        Optional<Decision> answer = answer(lookup, reading.isQuestion() ? ANSWER_COVERAGE : STATEMENT_COVERAGE, notes);
        if (answer.isPresent()) {
            return answer.get();
        }
        notes.add("no documented answer found: a person will answer");
        Severity fallback = reading.isQuestion() ? Severity.SERVICE_REQUEST : Severity.SEV3;
        return replies.ticket(policy.level(fallback), false, lookup.text(), 0.4);
    }

    /** The decision with its reasons: the signals that were looked for and found, then the rules' notes. */
    private static Decision withReasons(Decision decision, Signals signals, List<String> notes) {
        List<String> reasons = new ArrayList<>(signals.describe());
        reasons.addAll(notes);
        return switch (decision) {
            case Decision.Answer answer -> new Decision.Answer(answer.reply(), answer.citations(),
                    answer.confidence(), reasons);
            case Decision.OutOfScope outOfScope -> new Decision.OutOfScope(outOfScope.topic(), outOfScope.reply(),
                    outOfScope.citations(), outOfScope.confidence(), reasons);
            case Decision.OpenTicket ticket -> new Decision.OpenTicket(ticket.level(), ticket.severityStated(),
                    ticket.summary(), ticket.reply(), ticket.citations(), ticket.confidence(), reasons);
            case Decision.NoAction none -> new Decision.NoAction(none.reply(), none.confidence(), reasons);
        };
    }

    private Decision outageTicket(String text, Signals signals, List<String> notes) {
        Severity severity = Severity.SEV1;
        if (signals.recovered()) {
            severity = Severity.SEV2;
            notes.add("the outage has recovered: Severity 2 for the risk of recurrence");
        } else if (signals.partial()) {
            severity = Severity.SEV2;
            notes.add("the outage is confined to part of the service: severely limited, Severity 2");
        }
        Optional<Severity> stated = signals.stated();
        if (stated.isPresent() && stated.get().compareTo(severity) < 0) {
            severity = stated.get();
            notes.add("severity stated by the customer: " + stated.get());
        }
        return replies.ticket(policy.level(severity), stated.isPresent() && stated.get() == severity, text,
                severity == Severity.SEV1 ? 0.95 : 0.8);
    }

    private Optional<Decision> answer(Lookup lookup, double minimumCoverage, List<String> notes) {
        List<SearchHit> hits = lookup.hits();
        if (hits.isEmpty() || hits.get(0).coverage() < minimumCoverage) {
            hits.stream().findFirst().map(hit -> String.format("best passage '%s' covers %.2f of the question",
                    hit.passage().section(), hit.coverage())).filter(reason -> !notes.contains(reason))
                    .ifPresent(notes::add);
            return Optional.empty();
        }
        return Optional.of(replies.answer(hits.get(0), notes));
    }

    /** The docs searched at most once per message, when a rule first needs them. Not thread-safe. */
    private static final class Lookup {
        private final KnowledgeBase knowledge;
        private final String text;
        private List<SearchHit> hits;

        Lookup(KnowledgeBase knowledge, String text) {
            this.knowledge = knowledge;
            this.text = text;
        }

        String text() {
            return text;
        }

        List<SearchHit> hits() {
            if (hits == null) {
                hits = knowledge.search(text, 1);
            }
            return hits;
        }
    }
}
