package dev.supportbot.slack;

import dev.supportbot.tickets.AuthorRole;
import dev.supportbot.tickets.Reply;
import dev.supportbot.tickets.Ticket;
import dev.supportbot.tickets.TicketException;
import dev.supportbot.tickets.TicketStatus;
import dev.supportbot.tickets.TicketStore;
import dev.supportbot.tickets.Viewer;
import dev.supportbot.tickets.Visibility;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Carries out a {@link TicketCommand} for a person, from a slash command or a card button, and says what happened
 * in one line for that person only. Staff actions are refused to customers; customers see only their own
 * organisation's tickets. Every change refreshes the ticket's card. Thread-safe.
 */
final class TicketActions {
    private final TicketStore store;
    private final TicketList list;
    private final Cards cards;
    private final Clock clock;
    private final Supplier<String> reindex;

    /** {@code reindex} starts a rebuild of the knowledge index and says so, without waiting for it. */
    TicketActions(TicketStore store, TicketList list, Cards cards, Clock clock, Supplier<String> reindex) {
        this.reindex = reindex;
        this.store = store;
        this.list = list;
        this.cards = cards;
        this.clock = clock;
    }

    /** What a command came to: done (with what to tell the caller), or refused or failed (with why). */
    record Outcome(boolean done, String text) {
        Outcome {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("an outcome says something to the caller");
            }
        }
    }

    Outcome run(Person caller, TicketCommand command) {
        if (command.staffOnly() && caller instanceof Person.Customer) {
            return new Outcome(false,
                    ":no_entry: Only support staff can do that. `/ticket list` shows your organisation's tickets.");
        }
        if (command instanceof TicketCommand.Invalid invalid) {
            return new Outcome(false, invalid.problem() + "\n" + TicketCommand.USAGE);
        }
        try {
            return new Outcome(true, switch (command) {
                case TicketCommand.ListTickets listing -> list.render(
                        list.select(caller.viewer(), listing.filter(), caller.userId()),
                        "Tickets (" + listing.filter().wireName() + ")");
                case TicketCommand.Show show -> describe(store.queries().get(show.id(), caller.viewer()));
                case TicketCommand.Acknowledge ack -> changed(store.moveTo(ack.id(), TicketStatus.ACKNOWLEDGED,
                        staff(caller)), "acknowledged");
                case TicketCommand.Assign assign -> changed(store.assign(assign.id(), assign.userId(),
                        staff(caller)), "assigned to " + Mrkdwn.user(assign.userId()));
                case TicketCommand.ChangeSeverity sev -> changed(store.changeSeverity(sev.id(), sev.severity(),
                        staff(caller), sev.reason()), "is now " + sev.severity().label());
                case TicketCommand.Resolve resolve -> resolve(caller, resolve);
                case TicketCommand.Reopen reopen -> changed(store.moveTo(reopen.id(), TicketStatus.OPEN,
                        staff(caller)), "reopened");
                case TicketCommand.Reindex ignored -> reindex.get();
                case TicketCommand.Invalid invalid -> throw new IllegalStateException("handled above");
            });
        } catch (TicketException | IllegalArgumentException e) {
            return new Outcome(false, ":warning: " + Mrkdwn.escape(e.getMessage()));
        }
    }

    private String resolve(Person caller, TicketCommand.Resolve resolve) {
        Ticket resolved = store.moveTo(resolve.id(), TicketStatus.RESOLVED, staff(caller));
        if (resolve.note().isPresent()) {
            resolved = store.reply(resolve.id(), caller.viewer(), new Reply(caller.userId(), AuthorRole.STAFF,
                    Visibility.INTERNAL, resolve.note().get(), clock.instant()));
        }
        return changed(resolved, "resolved");
    }

    private String changed(Ticket ticket, String what) {
        cards.show(ticket);
        return ticket.id() + " " + what + ".";
    }

    private String describe(Ticket ticket) {
        return list.line(ticket) + "\nFirst response due " + Mrkdwn.date(ticket.firstResponseDueAt())
                + ticket.firstResponse().map(response -> "; responded by " + Mrkdwn.user(response.responder())
                + " " + Mrkdwn.date(response.at())).orElse("");
    }

    private static Viewer.Staff staff(Person caller) {
        return (Viewer.Staff) caller.viewer();
    }
}
