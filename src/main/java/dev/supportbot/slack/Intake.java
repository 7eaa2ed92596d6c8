package dev.supportbot.slack;

import dev.supportbot.tickets.AuthorRole;
import dev.supportbot.tickets.Creation;
import dev.supportbot.tickets.NewTicket;
import dev.supportbot.tickets.Reply;
import dev.supportbot.tickets.Ticket;
import dev.supportbot.tickets.TicketId;
import dev.supportbot.tickets.TicketNotFoundException;
import dev.supportbot.tickets.TicketStore;
import dev.supportbot.tickets.Viewer;
import dev.supportbot.tickets.Visibility;
import dev.supportbot.triage.Decision;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a message: a reply in a ticket's thread is logged on the ticket (a staff reply is the first
 * response); a new request is triaged and answered, turned away with the scope, or opened as a ticket whose card
 * goes in the message's thread. Requests are mentions anywhere, top-level messages in customer channels and
 * DMs. Runs on the work executor, never on the ack path. Thread-safe.
 */
final class Intake {
    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);
    static final Viewer BOT = new Viewer.Staff("supportbot");

    private final Function<String, Decision> triage;
    private final TicketStore store;
    private final Roster roster;
    private final Cards cards;
    private final Replies replies;
    private final String botUserId;

    Intake(Function<String, Decision> triage, TicketStore store, Roster roster, Cards cards, Replies replies,
           String botUserId) {
        this.triage = triage;
        this.store = store;
        this.roster = roster;
        this.cards = cards;
        this.replies = replies;
        this.botUserId = botUserId;
    }

    /**
     * Handles a message; {@code redo} when it is handled again after a restart, so its answer may already be
     * posted. Returns what came of it.
     */
    Handled accept(IncomingMessage message, boolean redo) {
        Optional<Ticket> ticket = message.threadTs()
                .flatMap(thread -> store.queries().findByThread(message.channel(), thread, BOT));
        if (ticket.isPresent()) {
            TicketId id = ticket.get().id();
            // Thread replies also arrive as message events; the mention event of the same reply is dropped.
            if (message.kind() != IncomingMessage.Kind.MENTION) {
                return logReply(ticket.get(), message);
            }
            return Handled.withoutCalls(id, "mention in the thread of " + id + ", handled as its message event");
        }
        if (!isRequest(message)) {
            return Handled.withoutCalls("not a request");
        }
        Person author = roster.classify(message.user(), message.userTeam(), message.channel());
        if (message.kind() == IncomingMessage.Kind.CHANNEL_MESSAGE && author instanceof Person.Staff) {
            return Handled.withoutCalls("staff talking in a customer channel"); // not a request
        }
        return respond(message, author, triage.apply(message.textWithout(botUserId)), redo);
    }

    private boolean isRequest(IncomingMessage message) {
        return switch (message.kind()) {
            case MENTION, DIRECT_MESSAGE -> true;
            // A mention in a customer channel also arrives as app_mention: answer it once, from that.
            case CHANNEL_MESSAGE -> !message.inThread() && !message.mentions(botUserId)
                    && roster.config().isCustomerChannel(message.channel());
        };
    }

    private Handled respond(IncomingMessage message, Person author, Decision decision, boolean redo) {
        String question = message.textWithout(botUserId);
        String action = decision.action().wireName();
        return switch (decision) {
            case Decision.Answer answer -> new Handled(action, Optional.empty(), replies.answer(message.channel(),
                    message.replyThread(), message.ts(), AnswerMessage.render(answer, question), redo));
            case Decision.OutOfScope outOfScope -> new Handled(action, Optional.empty(), replies.answer(
                    message.channel(), message.replyThread(), message.ts(),
                    OutOfScopeMessage.render(outOfScope, question), redo));
            case Decision.OpenTicket open -> open(message, author, open);
            case Decision.NoAction ignored -> Handled.withoutCalls(action);
        };
    }

    private Handled open(IncomingMessage message, Person author, Decision.OpenTicket decision) {
        Creation creation = store.create(new NewTicket(NewTicket.messageKey(message.channel(), message.ts()),
                roster.organisationFor(author, message.channel()), message.channel(), message.replyThread(),
                message.user(), decision.summary(), decision.severity(), message.postedAt()));
        Ticket ticket = creation.ticket();
        if (creation.created()) {
            return new Handled("opened " + ticket.id() + " " + ticket.severity(), Optional.of(ticket.id()),
                    cards.post(ticket));
        }
        // Handled again (after a restart, or a second event for the message): its card may be missing.
        return new Handled("already ticketed as " + ticket.id(), Optional.of(ticket.id()), cards.show(ticket));
    }

    private Handled logReply(Ticket ticket, IncomingMessage message) {
        Person author = roster.classify(message.user(), message.userTeam(), message.channel());
        AuthorRole role = author instanceof Person.Staff ? AuthorRole.STAFF : AuthorRole.CUSTOMER;
        String summary = "reply on " + ticket.id();
        try {
            Ticket updated = store.reply(ticket.id(), author.viewer(), new Reply(message.user(), role,
                    Visibility.PUBLIC, message.text().isBlank() ? "(no text)" : message.text(), message.postedAt()));
            return new Handled(summary, Optional.of(ticket.id()), cards.show(updated));
        } catch (TicketNotFoundException e) {
            LOG.info("{} replied in the thread of {}, which their organisation cannot see; not logged",
                    message.user(), ticket.id());
            return Handled.withoutCalls(ticket.id(), summary);
        }
    }
}
