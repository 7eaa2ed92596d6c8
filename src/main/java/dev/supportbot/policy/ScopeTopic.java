package dev.supportbot.policy;

import java.util.List;
import java.util.regex.Pattern;

/** One out-of-scope item of the support scope, with the phrases that identify a request about it. */
public record ScopeTopic(String id, String label, List<Pattern> signals) {
    public ScopeTopic {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an out_of_scope item has no id");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("out_of_scope item " + id + " has no label");
        }
        signals = List.copyOf(signals == null ? List.of() : signals);
    }
}
