package dev.supportbot.triage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.supportbot.knowledge.Citation;
import dev.supportbot.policy.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One triage case: a message and what the bot should do with it. An answer passes when its reply or citations
 * contain one of {@code any} (case-insensitive).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record EvalCase(String id, String text, String action, String severity, List<String> any) {
    EvalCase {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a case needs an id");
        }
        if (text == null) {
            throw new IllegalArgumentException("case " + id + " has no text");
        }
        Action.parse(action == null ? "" : action);
        if (severity != null) {
            Severity.parse(severity);
        }
        any = any == null ? List.of() : List.copyOf(any);
    }

    Action expectedAction() {
        return Action.parse(action);
    }

    Optional<Severity> expectedSeverity() {
        return Optional.ofNullable(severity).map(Severity::parse);
    }

    /** Why the decision misses this case, or empty when it passes. */
    Optional<String> miss(Decision decision) {
        if (decision.action() != expectedAction()) {
            return Optional.of("expected " + action + ", got " + decision.action().wireName()
                    + (decision instanceof Decision.OpenTicket ticket ? " " + ticket.severity() : ""));
        }
        if (decision instanceof Decision.OpenTicket ticket && expectedSeverity().isPresent()
                && ticket.severity() != expectedSeverity().get()) {
            return Optional.of("expected ticket " + expectedSeverity().get() + ", got " + ticket.severity());
        }
        if (decision.action() == Action.ANSWER && !any.isEmpty() && !mentionsAny(decision)) {
            return Optional.of("answer mentions none of " + any);
        }
        return Optional.empty();
    }

    private boolean mentionsAny(Decision decision) {
        StringBuilder visible = new StringBuilder(decision.reply());
        for (Citation citation : decision.citations()) {
            visible.append(' ').append(citation.title()).append(' ').append(citation.section())
                    .append(' ').append(citation.url());
        }
        String haystack = visible.toString().toLowerCase(Locale.ROOT);
        return any.stream().anyMatch(needle -> haystack.contains(needle.toLowerCase(Locale.ROOT)));
    }
}
