package dev.supportbot.console;

import dev.supportbot.Desk;
import dev.supportbot.tickets.AuthorRole;
import dev.supportbot.tickets.Creation;
import dev.supportbot.tickets.NewTicket;
import dev.supportbot.tickets.Reply;
import dev.supportbot.tickets.StoreException;
import dev.supportbot.tickets.TicketException;
import dev.supportbot.tickets.Viewer;
import dev.supportbot.tickets.Visibility;
import dev.supportbot.triage.Decision;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The console desk: each line typed is a message from a customer in their shared channel, answered by the real
 * triage engine, or a staff command as in Slack. Works on a terminal and on piped input, ending at end of input.
 * Not thread-safe: one session reads one input.
 */
final class ConsoleSession {
    static final String BOT = "supportbot";

    private final Desk desk;
    private final Clock clock;
    private final PrintWriter out;
    private final TicketCommands commands;
    private Speaker speaker = Speaker.customer("acme", "alice");
    private Instant lastMessageAt = Instant.EPOCH;

    ConsoleSession(Desk desk, Clock clock, PrintWriter out) {
        this.desk = desk;
        this.clock = clock;
        this.out = out;
        this.commands = new TicketCommands(desk.tickets(), clock, out);
    }

    /** Reads lines until end of input or {@code /quit}; on a terminal prompts, otherwise echoes each line. */
    void run(BufferedReader in, boolean interactive) throws IOException {
        out.println("supportbot console desk. Type a customer message, or /help for commands.");
        while (true) {
            if (interactive) {
                out.print(speaker.prompt());
            }
            out.flush();
            String line = in.readLine();
            if (line == null) {
                break;
            }
            if (!interactive && !line.isBlank()) {
                out.println(speaker.prompt() + line);
            }
            if (!handle(line)) {
                break;
            }
            desk.monitor().checkNow();
        }
        out.println("bye");
        out.flush();
    }

    /** Handles one line; false when the session should end. */
    boolean handle(String line) {
        String text = line.strip();
        try {
            if (text.isEmpty()) {
                return true;
            }
            if (text.equals("/quit") || text.equals("/exit")) {
                return false;
            }
            if (text.startsWith("/")) {
                command(text);
            } else {
                message(text);
            }
        } catch (IllegalArgumentException | TicketException e) {
            out.println("error: " + e.getMessage());
        } catch (StoreException e) {
            out.println("error: the ticket store failed, nothing was changed: " + e.getMessage());
        }
        return true;
    }

    private void command(String text) {
        List<String> words = List.of(text.split("\\s+"));
        switch (words.getFirst()) {
            case "/help" -> out.print(Help.TEXT);
            case "/as" -> switchSpeaker(words);
            case "/ticket" -> commands.ticket(speaker, words.subList(1, words.size()), text);
            case "/reply" -> commands.reply(speaker, words, text, Visibility.PUBLIC);
            case "/note" -> commands.reply(speaker, words, text, Visibility.INTERNAL);
            case "/sla" -> commands.sla(speaker);
            default -> out.println("unknown command " + words.getFirst() + "; type /help for the list");
        }
    }

    private void switchSpeaker(List<String> words) {
        if (words.size() >= 3 && words.get(1).equals("staff")) {
            speaker = Speaker.staff(String.join(" ", words.subList(2, words.size())));
        } else if (words.size() >= 3 && words.get(1).equals("customer")) {
            speaker = Speaker.customer(words.get(2), words.size() > 3 ? words.get(3) : "user-of-" + words.get(2));
        } else {
            out.println("usage: /as staff NAME | /as customer ORG [PERSON]");
            return;
        }
        out.println("now typing as " + speaker.label());
    }

    /** A customer's message in their shared channel: triaged, and a ticket opened when it calls for one. */
    private void message(String text) {
        if (!(speaker.viewer() instanceof Viewer.Customer customer)) {
            out.println("staff write in a ticket's thread: /reply T-1042 TEXT (or /note for an internal note)");
            return;
        }
        Instant postedAt = nextMessageTime();
        Decision decision = desk.triage().decide(text);
        switch (decision) {
            case Decision.OpenTicket open -> openTicket(customer, text, postedAt, open);
            case Decision.Answer answer -> bot(answer.reply());
            case Decision.OutOfScope outOfScope -> bot(outOfScope.reply());
            case Decision.NoAction none -> bot(none.reply().isEmpty() ? "(no reply needed)" : none.reply());
        }
    }

    private void openTicket(Viewer.Customer customer, String text, Instant postedAt, Decision.OpenTicket decision) {
        String channel = "console-" + customer.organisation();
        String ts = SlackTs.of(postedAt);
        Creation creation = desk.tickets().create(new NewTicket(NewTicket.messageKey(channel, ts),
                customer.organisation(), channel, ts, speaker.name(), text, decision.severity(), postedAt));
        bot(decision.reply());
        if (creation.created()) {
            desk.tickets().reply(creation.ticket().id(), new Viewer.Staff(BOT),
                    new Reply(BOT, AuthorRole.BOT, Visibility.PUBLIC, decision.reply(), clock.instant()));
        }
        out.println(TicketCard.card(desk.tickets().queries().get(creation.ticket().id(), speaker.viewer()),
                clock.instant()));
    }

    private void bot(String reply) {
        reply.lines().findFirst().ifPresent(first -> out.println("bot: " + first));
        reply.lines().skip(1).forEach(line -> out.println(line.isBlank() ? "" : "     " + line));
    }

    /** The message's time, unique per session as Slack's ts is unique per channel. */
    private Instant nextMessageTime() {
        Instant now = clock.instant();
        lastMessageAt = now.isAfter(lastMessageAt) ? now : lastMessageAt.plusMillis(1);
        return lastMessageAt;
    }
}
