package dev.supportbot.tickets;

import dev.supportbot.sla.DurationText;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A readable table of tickets for a terminal; times in UTC to the minute, summaries cut to one short line. */
final class TicketTable {
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);
    private static final int SUMMARY_WIDTH = 48;
    private static final List<String> HEADINGS = List.of("ID", "CUSTOMER", "SEV", "STATUS", "ASSIGNEE", "CREATED",
            "FIRST RESPONSE DUE", "RESPONDED", "SLA", "SUMMARY");

    private TicketTable() {
    }

    static void print(PrintWriter out, List<Ticket> tickets, Instant now) {
        if (tickets.isEmpty()) {
            out.println("no tickets");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (Ticket ticket : tickets) {
            rows.add(List.of(ticket.id().toString(), ticket.customer(), ticket.severity().label(),
                    ticket.status().wireName(), ticket.assignee().orElse("-"), MINUTES.format(ticket.createdAt()),
                    MINUTES.format(ticket.firstResponseDueAt()),
                    ticket.firstResponse().map(response -> MINUTES.format(response.at())).orElse("-"),
                    sla(ticket, now), TextLine.of(ticket.summary(), SUMMARY_WIDTH)));
        }
        int[] widths = new int[HEADINGS.size()];
        for (List<String> row : rows) {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.size(); column++) {
                String cell = row.get(column);
                line.append(column == row.size() - 1 ? cell : cell + " ".repeat(widths[column] - cell.length() + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String sla(Ticket ticket, Instant now) {
        return switch (ticket.slaOutcome(now)) {
            case MET, BREACHED -> ticket.slaOutcome(now).name().toLowerCase(Locale.ROOT);
            case PENDING -> DurationText.timeLeft(Duration.between(now, ticket.firstResponseDueAt()));
        };
    }
}
