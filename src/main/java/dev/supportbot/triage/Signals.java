package dev.supportbot.triage;

import dev.supportbot.policy.Policy;
import dev.supportbot.policy.ScopeTopic;
import dev.supportbot.policy.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a message says, as evidence for triage: the severity signals it asserts, the severity it states, the
 * out-of-scope topics it touches, and its conversational cues. Each is looked for only when a rule first asks,
 * so a question answered early costs no more matching than it needs. One per message; not thread-safe.
 */
final class Signals {
    private final Reading reading;
    private final Policy policy;
    private final TriageCues cues;
    private final Map<Severity, List<String>> asserted = new EnumMap<>(Severity.class);
    private List<ScopeTopic> outOfScope;

    Signals(Reading reading, Policy policy, TriageCues cues) {
        this.reading = reading;
        this.policy = policy;
        this.cues = cues;
    }

    private List<String> asserted(Severity severity) {
        return asserted.computeIfAbsent(severity,
                key -> reading.assertedMatches(policy.level(key).signals()));
    }

    List<String> outage() {
        return asserted(Severity.SEV1);
    }

    Optional<Severity> stated() {
        for (Severity severity : Severity.values()) {
            Pattern pattern = policy.statedSeverity().get(severity);
            if (pattern != null && pattern.matcher(reading.text()).find()) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }

    boolean recovered() {
        return reading.any(cues.recovered());
    }

    boolean partial() {
        return reading.any(cues.partialScope()) && !reading.any(cues.totalScope());
    }

    boolean smallTalk() {
        return reading.isShort(cues.smallTalkMaxWords()) && reading.any(cues.smallTalk());
    }

    boolean policyQuestion() {
        return reading.isQuestion() && reading.any(cues.policyQuestion());
    }

    List<ScopeTopic> outOfScope() {
        if (outOfScope == null) {
            outOfScope = new ArrayList<>();
            for (ScopeTopic topic : policy.scope().outOfScope()) {
                if (!reading.assertedMatches(topic.signals()).isEmpty()) {
                    outOfScope.add(topic);
                }
            }
        }
        return outOfScope;
    }

    boolean reportsProblem() {
        return !asserted(Severity.SEV2).isEmpty() || !asserted(Severity.SEV3).isEmpty();
    }

    boolean minorProblem() {
        return !asserted(Severity.SEV3).isEmpty();
    }

    boolean requestsAction() {
        return !asserted(Severity.SERVICE_REQUEST).isEmpty();
    }

    /** The topic yields because the message shows a fault in infrastructure we support. */
    boolean infrastructureProblem(ScopeTopic topic) {
        return topic.yieldsToInfrastructure() && !asserted(Severity.SEV2).isEmpty()
                && reading.any(cues.infrastructure());
    }

    double confidence() {
        int evidence = asserted(Severity.SEV2).size() + asserted(Severity.SEV3).size();
        return Math.min(0.9, 0.55 + 0.1 * evidence);
    }

    /** The signals looked for so far, for the decision's reasons. */
    List<String> describe() {
        List<String> reasons = new ArrayList<>();
        asserted.forEach((severity, matches) -> matches.forEach(match -> reasons.add(
                policy.level(severity).name() + " signal: '" + match + "'")));
        if (outOfScope != null) {
            outOfScope.forEach(topic -> reasons.add("out-of-scope topic: " + topic.id()));
        }
        return reasons;
    }
}
