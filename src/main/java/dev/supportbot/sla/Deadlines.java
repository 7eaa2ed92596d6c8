package dev.supportbot.sla;

import dev.supportbot.policy.Policy;
import dev.supportbot.policy.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * First-response deadlines: the policy's target for a severity, counted from the customer's message in the
 * customer's calendar. Immutable and safe to share between threads.
 */
public final class Deadlines {
    private final Policy policy;
    private final SlaSettings settings;

    public Deadlines(Policy policy, SlaSettings settings) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Duration target(Severity severity) {
        return policy.initialResponse(severity);
    }

    /** Start + the severity's target, counted only in the customer's working hours. */
    public Instant firstResponseDue(String customer, Severity severity, Instant start) {
        return calendarFor(customer).plus(start, target(severity));
    }

    public WorkCalendar calendarFor(String customer) {
        return settings.calendarFor(customer);
    }

    public List<WarningLevel> warnings() {
        return settings.warnings();
    }
}
