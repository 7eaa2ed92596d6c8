package dev.supportbot.policy;

import java.util.List;

/** The support scope: what is supported, what is helped with on a best-effort basis, and what is not. */
public record Scope(String section, List<InScopeArea> inScope, String bestEffort, List<ScopeTopic> outOfScope) {
    public Scope {
        if (section == null || section.isBlank()) {
            throw new IllegalArgumentException("scope.section must name the docs section that states the scope");
        }
        inScope = List.copyOf(inScope == null ? List.of() : inScope);
        outOfScope = List.copyOf(outOfScope == null ? List.of() : outOfScope);
        if (bestEffort == null) {
            bestEffort = "";
        }
    }

    /** An in-scope area with what it covers. */
    public record InScopeArea(String area, String detail) {
    }
}
