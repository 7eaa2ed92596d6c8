package dev.supportbot.slack;

import dev.supportbot.tickets.Ticket;
import dev.supportbot.tickets.TicketQueries;
import dev.supportbot.tickets.TicketQuery;
import dev.supportbot.tickets.Viewer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Lists of tickets for {@code /ticket list} and the App Home tab: only what the viewer may see, the most urgent
 * first (least time left; tickets already answered last), one mrkdwn line each. Thread-safe.
 */
final class TicketList {
    static final int MAX_LINES = 40;

    private final TicketQueries queries;
    private final Clock clock;

    TicketList(TicketQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    List<Ticket> select(Viewer viewer, TicketFilter filter, String userId) {
        Instant now = clock.instant();
        return queries.list(viewer, TicketQuery.all()).stream()
                .filter(ticket -> filter.matches(ticket, userId, now))
                .sorted(Comparator.comparing((Ticket ticket) -> ticket.firstResponse().isPresent())
                        .thenComparing(Ticket::firstResponseDueAt))
                .toList();
    }

    String line(Ticket ticket) {
        return "*" + ticket.id() + "* " + ticket.severity().label() + " · " + TicketCard.statusLabel(ticket.status())
                + " · " + Mrkdwn.escape(ticket.customer()) + " · " + urgency(ticket, clock.instant()) + " · "
                + ticket.assignee().map(Mrkdwn::user).orElse("unassigned") + "\n>"
                + Mrkdwn.escape(BlockParts.clip(ticket.summary(), 150).replace('\n', ' '));
    }

    private static String urgency(Ticket ticket, Instant now) {
        if (ticket.firstResponse().isPresent()) {
            return "responded";
        }
        Duration left = Duration.between(now, ticket.firstResponseDueAt());
        return left.isNegative() || left.isZero() ? "overdue by " + Mrkdwn.duration(left)
                : Mrkdwn.duration(left) + " left";
    }

    /** The whole list as one message, or a sentence saying it is empty. */
    String render(List<Ticket> tickets, String title) {
        if (tickets.isEmpty()) {
            return title + ": none.";
        }
        StringBuilder text = new StringBuilder(title).append(" (").append(tickets.size()).append("):");
        tickets.stream().limit(MAX_LINES).forEach(ticket -> text.append("\n").append(line(ticket)));
        if (tickets.size() > MAX_LINES) {
            text.append("\n…and ").append(tickets.size() - MAX_LINES).append(" more.");
        }
        return text.toString();
    }
}
