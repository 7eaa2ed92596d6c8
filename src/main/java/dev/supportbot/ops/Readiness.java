package dev.supportbot.ops;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * What {@code /readyz} asks: named checks (index loaded, database open, Slack reached, Socket Mode connected),
 * added as the parts start. Ready when there is at least one check and every check passes. Thread-safe.
 */
public final class Readiness {
    private final List<Check> checks = new CopyOnWriteArrayList<>();

    /** One named condition; {@code passing} must be quick and must not throw. */
    public record Check(String name, BooleanSupplier passing) {
        public Check {
            Objects.requireNonNull(passing, "passing");
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a readiness check needs a name");
            }
        }
    }

    public void add(String name, BooleanSupplier passing) {
        checks.add(new Check(name, passing));
    }

    /** The names of the checks that fail now; empty when ready. */
    public List<String> failing() {
        if (checks.isEmpty()) {
            return List.of("starting");
        }
        return checks.stream().filter(check -> !check.passing().getAsBoolean()).map(Check::name).toList();
    }
}
