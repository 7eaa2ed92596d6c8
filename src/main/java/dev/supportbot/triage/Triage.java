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
        Signals signals = Signals.read(reading, policy, cues);
        List<String> reasons = new ArrayList<>(signals.describe());

        if (!signals.outage().isEmpty()) {
            return outageTicket(reading, signals, reasons);
        }
        if (signals.policyQuestion() && reading.singleSentence()) {
            // "Is severity 3 for documentation errors?" asks about the policy; it reports nothing.
            Optional<Decision> answer = answer(text, ANSWER_COVERAGE, reasons);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        Optional<Severity> stated = signals.stated();
        if (stated.isPresent() && (signals.reportsProblem() || !reading.isQuestion())) {
            reasons.add("severity stated by the customer: " + stated.get());
            return replies.ticket(policy.level(stated.get()), true, text, 0.95, reasons);
        }
        if (signals.smallTalk() && !signals.reportsProblem() && !signals.requestsAction()
                && signals.outOfScope().isEmpty() && !reading.isQuestion()) {
            return new Decision.NoAction("", 0.9, append(reasons, "small talk only"));
        }
        if (signals.policyQuestion()) {
            Optional<Decision> answer = answer(text, ANSWER_COVERAGE, reasons);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        Optional<ScopeTopic> outOfScope = signals.outOfScope().stream().findFirst();
        if (outOfScope.isPresent() && !signals.policyQuestion() && !signals.infrastructureProblem(outOfScope.get())) {
            return replies.outOfScope(outOfScope.get(), 0.85, append(reasons, "out of scope: " + outOfScope.get().id()));
        }
        if (signals.reportsProblem()) {
            Severity severity = signals.minorProblem() ? Severity.SEV3 : Severity.SEV2;
            return replies.ticket(policy.level(severity), false, text, signals.confidence(), reasons);
        }
        if (signals.requestsAction()) {
            return replies.ticket(policy.level(Severity.SERVICE_REQUEST), false, text, 0.85, reasons);
        }
        if (signals.smallTalk() && !reading.isQuestion()) {
            return new Decision.NoAction("", 0.7, append(reasons, "small talk only"));
        }
        Optional<Decision> answer = answer(text, reading.isQuestion() ? ANSWER_COVERAGE : STATEMENT_COVERAGE, reasons);
        if (answer.isPresent()) {
            return answer.get();
        }
        Severity fallback = reading.isQuestion() ? Severity.SERVICE_REQUEST : Severity.SEV3;
        return replies.ticket(policy.level(fallback), false, text, 0.4,
                append(reasons, "no documented answer found: a person will answer"));
    }

    private Decision outageTicket(Reading reading, Signals signals, List<String> reasons) {
        Severity severity = Severity.SEV1;
        if (signals.recovered()) {
            severity = Severity.SEV2;
            reasons.add("the outage has recovered: Severity 2 for the risk of recurrence");
        } else if (signals.partial()) {
            severity = Severity.SEV2;
            reasons.add("the outage is confined to part of the service: severely limited, Severity 2");
        }
        Optional<Severity> stated = signals.stated();
        if (stated.isPresent() && stated.get().compareTo(severity) < 0) {
            severity = stated.get();
            reasons.add("severity stated by the customer: " + stated.get());
        }
        return replies.ticket(policy.level(severity), stated.isPresent() && stated.get() == severity,
                reading.text(), severity == Severity.SEV1 ? 0.95 : 0.8, reasons);
    }

    private Optional<Decision> answer(String text, double minimumCoverage, List<String> reasons) {
        List<SearchHit> hits = knowledge.search(text, 3);
        if (hits.isEmpty() || hits.get(0).coverage() < minimumCoverage) {
            hits.stream().findFirst().map(hit -> String.format("best passage '%s' covers %.2f of the question",
                    hit.passage().section(), hit.coverage())).filter(reason -> !reasons.contains(reason))
                    .ifPresent(reasons::add);
            return Optional.empty();
        }
        return Optional.of(replies.answer(text, hits.get(0), reasons));
    }

    private static List<String> append(List<String> reasons, String reason) {
        reasons.add(reason);
        return reasons;
    }
}
