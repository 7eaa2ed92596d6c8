package dev.supportbot.slack;

import dev.supportbot.tickets.Ticket;
import java.time.Instant;
import java.util.Locale;

/** Which tickets a list shows: all active ones, the caller's, or those whose first response is at risk. */
enum TicketFilter {
    OPEN,
    MINE,
    BREACHING;

    static TicketFilter parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "open", "all" -> OPEN;
            case "mine" -> MINE;
            case "breaching", "breached", "at-risk" -> BREACHING;
            default -> throw new IllegalArgumentException("list takes open, mine or breaching, not '" + text + "'");
        };
    }

    boolean matches(Ticket ticket, String userId, Instant now) {
        if (!ticket.status().isActive()) {
            return false;
        }
        return switch (this) {
            case OPEN -> true;
            case MINE -> ticket.assignee().filter(userId::equals).isPresent();
            case BREACHING -> ticket.firstResponse().isEmpty() && (ticket.slaBreachedAt().isPresent()
                    || !ticket.slaWarnings().isEmpty() || !now.isBefore(ticket.firstResponseDueAt()));
        };
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
