package dev.supportbot.slack;

import dev.supportbot.policy.Severity;
import dev.supportbot.tickets.TicketId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code /ticket} command, parsed once from the text Slack sends (mentions escaped as {@code <@U123|name>}). */
sealed interface TicketCommand {
    String USAGE = "Usage: `/ticket list [open|mine|breaching]`, `/ticket show ID`, `/ticket ack ID`, "
            + "`/ticket assign ID @user`, `/ticket sev ID 1|2|3|sr [reason]`, `/ticket resolve ID [note]`, "
            + "`/ticket reopen ID`, `/ticket reindex`";

    /** Whether only staff may run it. */
    default boolean staffOnly() {
        return !(this instanceof ListTickets || this instanceof Show || this instanceof Invalid);
    }

    record ListTickets(TicketFilter filter) implements TicketCommand {
    }

    record Show(TicketId id) implements TicketCommand {
    }

    record Acknowledge(TicketId id) implements TicketCommand {
    }

    record Assign(TicketId id, String userId) implements TicketCommand {
    }

    record ChangeSeverity(TicketId id, Severity severity, String reason) implements TicketCommand {
    }

    record Resolve(TicketId id, Optional<String> note) implements TicketCommand {
    }

    record Reopen(TicketId id) implements TicketCommand {
    }

    /** Rebuild the knowledge index from the files, e.g. after a docs change. */
    record Reindex() implements TicketCommand {
    }

    /** Text that is not a command; {@code problem} says what is wrong, in words for the person who typed it. */
    record Invalid(String problem) implements TicketCommand {
    }

    Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");

    static TicketCommand parse(String text) {
        String[] words = text == null ? new String[0] : text.strip().split("\\s+", 4);
        String verb = words.length == 0 ? "" : words[0].toLowerCase(Locale.ROOT);
        try {
            return switch (verb) {
                case "list", "" -> new ListTickets(words.length > 1 ? TicketFilter.parse(words[1]) : TicketFilter.OPEN);
                case "show" -> new Show(id(words));
                case "ack", "acknowledge" -> new Acknowledge(id(words));
                case "assign" -> new Assign(id(words), user(words));
                case "sev", "severity" -> new ChangeSeverity(id(words), Severity.parse(argument(words, 2, "severity")),
                        words.length > 3 ? words[3] : "");
                case "resolve" -> new Resolve(id(words), Optional.ofNullable(rest(words, 2)));
                case "reopen" -> new Reopen(id(words));
                case "reindex" -> new Reindex();
                default -> new Invalid("I don't know `" + Mrkdwn.escape(verb) + "`.");
            };
        } catch (IllegalArgumentException e) {
            return new Invalid(Mrkdwn.escape(e.getMessage()));
        }
    }

    private static TicketId id(String[] words) {
        return TicketId.parse(argument(words, 1, "ticket id"));
    }

    private static String user(String[] words) {
        Matcher matcher = USER.matcher(argument(words, 2, "@user"));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("name the assignee as @someone");
        }
        return matcher.group(1);
    }

    private static String argument(String[] words, int index, String name) {
        if (words.length <= index) {
            throw new IllegalArgumentException("`" + words[0] + "` needs a " + name);
        }
        return words[index];
    }

    private static String rest(String[] words, int from) {
        if (words.length <= from) {
            return null;
        }
        StringBuilder rest = new StringBuilder(words[from]);
        for (int i = from + 1; i < words.length; i++) {
            rest.append(' ').append(words[i]);
        }
        return rest.toString();
    }
}
