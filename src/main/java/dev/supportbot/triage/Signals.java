package dev.supportbot.triage;

import dev.supportbot.policy.Policy;
import dev.supportbot.policy.ScopeTopic;
import dev.supportbot.policy.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a message says, as evidence for triage: the severity signals it asserts, the severity it states, the
 * out-of-scope topics it touches, and its conversational cues.
 */
record Signals(List<String> outage, List<String> severe, List<String> minor, List<String> request,
               Optional<Severity> stated, boolean recovered, boolean partial, boolean smallTalk,
               boolean policyQuestion, List<ScopeTopic> outOfScope, boolean infrastructure) {

    static Signals read(Reading reading, Policy policy, TriageCues cues) {
        List<ScopeTopic> topics = new ArrayList<>();
        for (ScopeTopic topic : policy.scope().outOfScope()) {
            if (!reading.assertedMatches(topic.signals()).isEmpty()) {
                topics.add(topic);
            }
        }
        return new Signals(
                reading.assertedMatches(policy.level(Severity.SEV1).signals()),
                reading.assertedMatches(policy.level(Severity.SEV2).signals()),
                reading.assertedMatches(policy.level(Severity.SEV3).signals()),
                reading.assertedMatches(policy.level(Severity.SERVICE_REQUEST).signals()),
                stated(reading, policy),
                reading.any(cues.recovered()),
                reading.any(cues.partialScope()) && !reading.any(cues.totalScope()),
                reading.isShort(cues.smallTalkMaxWords()) && reading.any(cues.smallTalk()),
                reading.isQuestion() && reading.any(cues.policyQuestion()),
                topics,
                reading.any(cues.infrastructure()));
    }

    private static Optional<Severity> stated(Reading reading, Policy policy) {
        for (Map.Entry<Severity, java.util.regex.Pattern> entry : policy.statedSeverity().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            if (entry.getValue().matcher(reading.text()).find()) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    boolean reportsProblem() {
        return !severe.isEmpty() || !minor.isEmpty();
    }

    boolean minorProblem() {
        return !minor.isEmpty();
    }

    boolean requestsAction() {
        return !request.isEmpty();
    }

    /** The topic yields because the message shows a fault in infrastructure we support. */
    boolean infrastructureProblem(ScopeTopic topic) {
        return topic.yieldsToInfrastructure() && infrastructure && !severe.isEmpty();
    }

    double confidence() {
        int evidence = severe.size() + minor.size();
        return Math.min(0.9, 0.55 + 0.1 * evidence);
    }

    List<String> describe() {
        List<String> reasons = new ArrayList<>();
        outage.forEach(match -> reasons.add("outage signal: '" + match + "'"));
        severe.forEach(match -> reasons.add("Severity 2 signal: '" + match + "'"));
        minor.forEach(match -> reasons.add("Severity 3 signal: '" + match + "'"));
        request.forEach(match -> reasons.add("request for action: '" + match + "'"));
        outOfScope.forEach(topic -> reasons.add("out-of-scope topic: " + topic.id()));
        if (policyQuestion) {
            reasons.add("question about the support policy");
        }
        return reasons;
    }
}
