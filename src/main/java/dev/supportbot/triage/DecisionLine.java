package dev.supportbot.triage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.knowledge.Citation;
import java.util.List;

/** One output line of {@code triage --jsonl}: the decision for one input, or why the input was refused. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record DecisionLine(JsonNode id, String action, String severity, String reply, List<Citation> citations,
                    Double confidence, @JsonInclude(JsonInclude.Include.NON_NULL) String error) {

    static DecisionLine of(JsonNode id, Decision decision) {
        String severity = decision instanceof Decision.OpenTicket ticket ? ticket.severity().name() : null;
        return new DecisionLine(id, decision.action().wireName(), severity, decision.reply(), decision.citations(),
                Math.round(decision.confidence() * 1000) / 1000.0, null);
    }

    static DecisionLine refused(JsonNode id, String error) {
        return new DecisionLine(id, null, null, null, List.of(), null, error);
    }
}
