package dev.supportbot.tickets;

import dev.supportbot.policy.Severity;
import dev.supportbot.sla.SlaClock;
import dev.supportbot.sla.SlaOutcome;
import dev.supportbot.sla.WarningLevel;
import dev.supportbot.sla.WorkCalendar;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A ticket's current state, as stored and as derived by replaying its event log. {@code createdAt} is the time of
 * the customer's message, not when it was processed.
 */
public record Ticket(TicketId id, String customer, String channel, String threadTs, String reporter,
                     String summary, Severity severity, TicketStatus status, Optional<String> assignee,
                     Instant createdAt, Instant firstResponseDueAt, Optional<FirstResponse> firstResponse,
                     Set<WarningLevel> slaWarnings, Optional<Instant> slaBreachedAt) {
    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(threadTs, "threadTs");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(firstResponseDueAt, "firstResponseDueAt");
        Objects.requireNonNull(firstResponse, "firstResponse");
        Objects.requireNonNull(slaBreachedAt, "slaBreachedAt");
        slaWarnings = Set.copyOf(slaWarnings);
        if (firstResponseDueAt.isBefore(createdAt)) {
            throw new IllegalArgumentException(id + ": first response due " + firstResponseDueAt
                    + " is before the ticket was created " + createdAt);
        }
    }

    /** The first-response clock, counted in {@code calendar}. */
    public SlaClock slaClock(WorkCalendar calendar) {
        return new SlaClock(createdAt, firstResponseDueAt, calendar, firstResponse.map(FirstResponse::at),
                slaWarnings, slaBreachedAt);
    }

    public SlaOutcome slaOutcome(Instant now) {
        return SlaOutcome.of(firstResponseDueAt, firstResponse.map(FirstResponse::at), slaBreachedAt, now);
    }

    /** Whether the first-response clock still runs: no human response yet, no breach yet, ticket active. */
    public boolean clockRunning() {
        return firstResponse.isEmpty() && slaBreachedAt.isEmpty() && status.isActive();
    }

    public boolean visibleTo(Viewer viewer) {
        return switch (viewer) {
            case Viewer.Staff staff -> true;
            case Viewer.Customer visitor -> visitor.organisation().equals(customer);
        };
    }
}
