package dev.supportbot.console;

import dev.supportbot.policy.Severity;
import dev.supportbot.tickets.AuthorRole;
import dev.supportbot.tickets.Reply;
import dev.supportbot.tickets.Ticket;
import dev.supportbot.tickets.TicketException;
import dev.supportbot.tickets.TicketId;
import dev.supportbot.tickets.TicketQuery;
import dev.supportbot.tickets.TicketStatus;
import dev.supportbot.tickets.TicketStore;
import dev.supportbot.tickets.Viewer;
import dev.supportbot.tickets.Visibility;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The console's ticket commands, mirroring the Slack ones: /ticket, /reply, /note and /sla. */
final class TicketCommands {
    private static final String USAGE = "usage: /ticket list [STATUS] | show|ack|wait|resolve|close|reopen T-1042"
            + " | assign T-1042 NAME | sev T-1042 SEV [REASON]";

    private final TicketStore tickets;
    private final Clock clock;
    private final PrintWriter out;

    TicketCommands(TicketStore tickets, Clock clock, PrintWriter out) {
        this.tickets = tickets;
        this.clock = clock;
        this.out = out;
    }

    /** {@code /ticket SUBCOMMAND ...}; {@code line} is the whole line, for free-text arguments. */
    void ticket(Speaker speaker, List<String> words, String line) {
        if (words.isEmpty()) {
            out.println(USAGE);
            return;
        }
        String subcommand = words.getFirst();
        if (subcommand.equals("list")) {
            list(speaker, words.size() > 1 ? TicketQuery.all().withStatus(TicketStatus.parse(words.get(1)))
                    : TicketQuery.all());
            return;
        }
        if (words.size() < 2) {
            out.println(USAGE);
            return;
        }
        TicketId id = TicketId.parse(words.get(1));
        switch (subcommand) {
            case "show" -> show(speaker, id);
            case "ack" -> move(speaker, id, TicketStatus.ACKNOWLEDGED);
            case "wait" -> move(speaker, id, TicketStatus.WAITING_ON_CUSTOMER);
            case "resolve" -> move(speaker, id, TicketStatus.RESOLVED);
            case "close" -> move(speaker, id, TicketStatus.CLOSED);
            case "reopen" -> move(speaker, id, TicketStatus.OPEN);
            case "assign" -> assign(speaker, id, words);
            case "sev" -> severity(speaker, id, words, line);
            default -> out.println("unknown /ticket command '" + subcommand + "'; " + USAGE);
        }
    }

    /** {@code /reply T-1042 TEXT} or {@code /note T-1042 TEXT}. */
    void reply(Speaker speaker, List<String> words, String line, Visibility visibility) {
        if (words.size() < 3) {
            out.println("usage: " + words.getFirst() + " T-1042 TEXT");
            return;
        }
        TicketId id = TicketId.parse(words.get(1));
        AuthorRole role = speaker.viewer() instanceof Viewer.Staff ? AuthorRole.STAFF : AuthorRole.CUSTOMER;
        if (role == AuthorRole.CUSTOMER && visibility == Visibility.INTERNAL) {
            throw new TicketException("only staff can write internal notes; use /reply");
        }
        boolean firstResponse = tickets.queries().get(id, speaker.viewer()).firstResponse().isEmpty();
        Ticket ticket = tickets.reply(id, speaker.viewer(), new Reply(speaker.name(), role, visibility,
                textAfter(line, 2), clock.instant()));
        String logged = visibility == Visibility.INTERNAL ? "internal note" : role == AuthorRole.STAFF ? "reply"
                : "comment";
        out.println(ticket.id() + ": " + logged + " logged"
                + (firstResponse && ticket.firstResponse().isPresent() ? "; first response, SLA clock stopped ("
                + ticket.slaOutcome(clock.instant()).name().toLowerCase(Locale.ROOT) + ")" : ""));
    }

    /** {@code /sla}: tickets still waiting for a first response, soonest deadline first. */
    void sla(Speaker speaker) {
        List<Ticket> waiting = tickets.queries().list(speaker.viewer(), TicketQuery.all()).stream()
                .filter(ticket -> ticket.status().isActive() && ticket.firstResponse().isEmpty())
                .sorted(Comparator.comparing(Ticket::firstResponseDueAt)).toList();
        if (waiting.isEmpty()) {
            out.println("no open tickets waiting for a first response");
            return;
        }
        out.println("open tickets awaiting a first response, by time left:");
        waiting.forEach(ticket -> out.println("  " + TicketCard.line(ticket, clock.instant())));
    }

    private void list(Speaker speaker, TicketQuery query) {
        List<Ticket> found = tickets.queries().list(speaker.viewer(), query);
        if (found.isEmpty()) {
            out.println("no tickets");
        }
        found.forEach(ticket -> out.println(TicketCard.line(ticket, clock.instant())));
    }

    private void show(Speaker speaker, TicketId id) {
        out.println(TicketCard.card(tickets.queries().get(id, speaker.viewer()), clock.instant()));
        TicketCard.history(tickets.queries().history(id, speaker.viewer())).forEach(line -> out.println("  " + line));
    }

    private void move(Speaker speaker, TicketId id, TicketStatus status) {
        Ticket ticket = tickets.moveTo(id, status, staff(speaker, "change a ticket's status"));
        out.println(ticket.id() + " is now " + ticket.status().wireName());
    }

    private void assign(Speaker speaker, TicketId id, List<String> words) {
        Viewer.Staff staff = staff(speaker, "assign tickets");
        if (words.size() < 3) {
            out.println("usage: /ticket assign T-1042 NAME");
            return;
        }
        String assignee = words.get(2).equals("me") ? staff.name() : words.get(2);
        out.println(tickets.assign(id, assignee, staff).id() + " assigned to " + assignee);
    }

    private void severity(Speaker speaker, TicketId id, List<String> words, String line) {
        Viewer.Staff staff = staff(speaker, "change severity");
        if (words.size() < 3) {
            out.println("usage: /ticket sev T-1042 SEV [REASON]");
            return;
        }
        Severity severity = Severity.parse(words.get(2));
        Ticket ticket = tickets.changeSeverity(id, severity, staff, words.size() > 3 ? textAfter(line, 4) : "");
        out.println(TicketCard.card(ticket, clock.instant()));
    }

    private static Viewer.Staff staff(Speaker speaker, String action) {
        if (speaker.viewer() instanceof Viewer.Staff staff) {
            return staff;
        }
        throw new TicketException("only staff can " + action + "; switch with /as staff NAME");
    }

    /** The text of {@code line} after its first {@code words} words, as typed. */
    static String textAfter(String line, int words) {
        String rest = line.strip();
        for (int skipped = 0; skipped < words; skipped++) {
            rest = rest.replaceFirst("^\\S+\\s*", "");
        }
        return rest;
    }
}
