package dev.supportbot.tickets;

import dev.supportbot.policy.Severity;
import dev.supportbot.sla.WarningLevel;
import java.time.Instant;
import java.util.Objects;

/** What one entry of a ticket's event log says happened. Each kind carries its own data. */
public sealed interface TicketChange {
    EventType type();

    /** The ticket was opened from a customer's message posted at {@code messageAt}. */
    record Created(String customer, String channel, String threadTs, String reporter, String summary,
                   Severity severity, Instant messageAt, Instant firstResponseDueAt) implements TicketChange {
        public Created {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(messageAt, "messageAt");
            Objects.requireNonNull(firstResponseDueAt, "firstResponseDueAt");
        }

        @Override
        public EventType type() {
            return EventType.CREATED;
        }
    }

    /** Re-prioritised; the deadline moved to the clock's start + the new severity's target. */
    record SeverityChanged(Severity from, Severity to, String reason, Instant firstResponseDueAt)
            implements TicketChange {
        public SeverityChanged {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(firstResponseDueAt, "firstResponseDueAt");
        }

        @Override
        public EventType type() {
            return EventType.SEVERITY_CHANGED;
        }
    }

    record Assigned(String assignee) implements TicketChange {
        public Assigned {
            Objects.requireNonNull(assignee, "assignee");
        }

        @Override
        public EventType type() {
            return EventType.ASSIGNED;
        }
    }

    record StatusChanged(TicketStatus from, TicketStatus to) implements TicketChange {
        public StatusChanged {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public EventType type() {
            return EventType.STATUS_CHANGED;
        }
    }

    /** The first customer-visible reply by a human staff member, posted at {@code respondedAt}. */
    record Responded(String responder, Instant respondedAt) implements TicketChange {
        public Responded {
            Objects.requireNonNull(responder, "responder");
            Objects.requireNonNull(respondedAt, "respondedAt");
        }

        @Override
        public EventType type() {
            return EventType.FIRST_RESPONSE;
        }
    }

    /** The clock passed a warning level at {@code reachedAt}. */
    record SlaWarned(WarningLevel level, Instant reachedAt) implements TicketChange {
        public SlaWarned {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(reachedAt, "reachedAt");
        }

        @Override
        public EventType type() {
            return EventType.SLA_WARNING;
        }
    }

    /** The deadline passed without a first response; stamped with the deadline, whenever it was noticed. */
    record SlaBreached(Instant breachedAt) implements TicketChange {
        public SlaBreached {
            Objects.requireNonNull(breachedAt, "breachedAt");
        }

        @Override
        public EventType type() {
            return EventType.SLA_BREACHED;
        }
    }

    /** A message in the ticket's thread by anyone, public or internal. */
    record Commented(String author, AuthorRole role, Visibility visibility, String text) implements TicketChange {
        public Commented {
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(visibility, "visibility");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public EventType type() {
            return EventType.COMMENT;
        }
    }

    record Resolved(TicketStatus from) implements TicketChange {
        public Resolved {
            Objects.requireNonNull(from, "from");
        }

        @Override
        public EventType type() {
            return EventType.RESOLVED;
        }
    }

    record Reopened(TicketStatus from) implements TicketChange {
        public Reopened {
            Objects.requireNonNull(from, "from");
        }

        @Override
        public EventType type() {
            return EventType.REOPENED;
        }
    }
}
