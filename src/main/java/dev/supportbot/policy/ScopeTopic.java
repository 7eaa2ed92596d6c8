package dev.supportbot.policy;

/**
 * One out-of-scope item of the support scope, with the phrases that identify a request about it.
 * {@code yieldsToInfrastructure}: a problem that also names infrastructure (a node, a GPU, the network) and
 * shows a fault there is a ticket, not an out-of-scope reply (customer code failing on a broken GPU).
 */
public record ScopeTopic(String id, String label, PatternList signals, boolean yieldsToInfrastructure) {
    public ScopeTopic {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an out_of_scope item has no id");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("out_of_scope item " + id + " has no label");
        }
        signals = signals == null ? PatternList.NONE : signals;
    }
}
