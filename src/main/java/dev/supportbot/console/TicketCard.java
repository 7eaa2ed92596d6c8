package dev.supportbot.console;

import dev.supportbot.sla.DurationText;
import dev.supportbot.sla.WarningLevel;
import dev.supportbot.tickets.FirstResponse;
import dev.supportbot.tickets.TextLine;
import dev.supportbot.tickets.Ticket;
import dev.supportbot.tickets.TicketChange;
import dev.supportbot.tickets.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a ticket reads in the console: a card, a one-line summary for lists, and its history. Stateless. */
final class TicketCard {
    private static final int LINE_WIDTH = 72;

    private TicketCard() {
    }

    static String card(Ticket ticket, Instant now) {
        return "┌ " + ticket.id() + " · " + ticket.severity().label() + " · " + ticket.status().wireName() + "\n"
                + "│ customer " + ticket.customer() + " · reporter " + ticket.reporter() + " · thread "
                + ticket.channel() + "/" + ticket.threadTs() + "\n"
                + "│ " + TextLine.of(ticket.summary(), LINE_WIDTH) + "\n"
                + "│ first response due " + ticket.firstResponseDueAt() + " ("
                + DurationText.of(Duration.between(ticket.createdAt(), ticket.firstResponseDueAt()))
                + " after the message) · " + clock(ticket, now) + "\n"
                + "└ assignee " + ticket.assignee().orElse("none")
                + ticket.firstResponse().map(TicketCard::responded).orElse("");
    }

    /** One line for lists: id, severity, status, customer, clock, summary. */
    static String line(Ticket ticket, Instant now) {
        return String.format("%-7s %-4s %-19s %-12s %-28s %s", ticket.id(), ticket.severity().label(),
                ticket.status().wireName(), ticket.customer(), clock(ticket, now), TextLine.of(ticket.summary(), 40));
    }

    /** Where the first-response clock stands, in words. */
    static String clock(Ticket ticket, Instant now) {
        if (ticket.firstResponse().isPresent()) {
            return "responded, SLA " + ticket.slaOutcome(now).name().toLowerCase(Locale.ROOT);
        }
        String left = DurationText.timeLeft(Duration.between(now, ticket.firstResponseDueAt()));
        if (ticket.slaBreachedAt().isPresent()) {
            return "SLA breached, " + left;
        }
        String warned = ticket.slaWarnings().stream().max(WarningLevel::compareTo).map(level -> " (past " + level
                + ")").orElse("");
        return left + warned;
    }

    static List<String> history(List<TicketEvent> events) {
        return events.stream().map(event -> event.recordedAt() + "  " + event.actor() + "  " + describe(event))
                .collect(Collectors.toList());
    }

    private static String describe(TicketEvent event) {
        return switch (event.change()) {
            case TicketChange.Created created -> "opened " + created.severity().label() + ", message at "
                    + created.messageAt() + ", first response due " + created.firstResponseDueAt();
            case TicketChange.SeverityChanged changed -> "severity " + changed.from().label() + " → "
                    + changed.to().label() + (changed.reason().isEmpty() ? "" : " (" + changed.reason() + ")")
                    + ", now due " + changed.firstResponseDueAt();
            case TicketChange.Assigned assigned -> "assigned to " + assigned.assignee();
            case TicketChange.StatusChanged changed -> "status " + changed.from().wireName() + " → "
                    + changed.to().wireName();
            case TicketChange.Responded responded -> "first response by " + responded.responder();
            case TicketChange.SlaWarned warned -> "SLA warning: " + warned.level() + " of the target passed at "
                    + warned.reachedAt();
            case TicketChange.SlaBreached breached -> "SLA breached at " + breached.breachedAt();
            case TicketChange.Commented comment -> comment.visibility().name().toLowerCase(Locale.ROOT)
                    + " " + comment.role().name().toLowerCase(Locale.ROOT) + " reply: "
                    + TextLine.of(comment.text(), 60);
            case TicketChange.Resolved resolved -> "resolved";
            case TicketChange.Reopened reopened -> "reopened (was " + reopened.from().wireName() + ")";
        };
    }

    private static String responded(FirstResponse response) {
        return " · first response " + response.at() + " by " + response.responder();
    }
}
