package dev.supportbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import dev.supportbot.ops.Metrics;
import dev.supportbot.policy.Severity;
import dev.supportbot.tickets.Creation;
import dev.supportbot.tickets.NewTicket;
import dev.supportbot.tickets.Ticket;
import dev.supportbot.tickets.TicketId;
import dev.supportbot.tickets.TicketStore;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a click on one of our buttons does, run on the work queue after the ack: feedback on answers, opening a
 * ticket from an answer or an out-of-scope reply, and the staff buttons on a card. Replies to the clicker are
 * ephemeral. Thread-safe.
 */
final class CardButtons {
    private static final Logger LOG = LoggerFactory.getLogger(CardButtons.class);

    private final Roster roster;
    private final TicketStore store;
    private final TicketActions actions;
    private final Cards cards;
    private final Replies replies;
    private final OutgoingCalls calls;
    private final Clock clock;
    private final Metrics metrics;

    CardButtons(Roster roster, TicketStore store, TicketActions actions, Cards cards, Replies replies,
                OutgoingCalls calls, Clock clock, Metrics metrics) {
        this.metrics = metrics;
        this.roster = roster;
        this.store = store;
        this.actions = actions;
        this.cards = cards;
        this.replies = replies;
        this.calls = calls;
        this.clock = clock;
    }

    void clicked(ButtonAction button, BlockActionPayload payload) {
        BlockActionPayload.Action action = payload.getActions().getFirst();
        String channel = payload.getContainer().getChannelId();
        String user = payload.getUser().getId();
        Person person = roster.classify(user, Optional.ofNullable(payload.getUser().getTeamId()), channel);
        if (button.staffOnly() && person instanceof Person.Customer) {
            replies.privately(channel, user, ":no_entry: Only support staff can use this button.");
            return;
        }
        switch (button) {
            case HELPFUL, NOT_HELPFUL -> {
                LOG.info("answer feedback in {}: {}", channel, button);
                metrics.feedback(button == ButtonAction.HELPFUL);
                replies.privately(channel, user, "Thanks for the feedback.");
            }
            case OPEN_TICKET -> open(payload, person, action.getValue(), Severity.SEV3, "");
            case BEST_EFFORT -> open(payload, person, action.getValue(), Severity.SERVICE_REQUEST, "[best effort] ");
            case ACKNOWLEDGE -> tell(channel, user,
                    actions.run(person, new TicketCommand.Acknowledge(TicketId.parse(action.getValue()))));
            case ASSIGN_TO_ME -> tell(channel, user,
                    actions.run(person, new TicketCommand.Assign(TicketId.parse(action.getValue()), user)));
            case RESOLVE -> tell(channel, user,
                    actions.run(person, new TicketCommand.Resolve(TicketId.parse(action.getValue()), Optional.empty())));
            case CHANGE_SEVERITY -> {
                Ticket ticket = store.queries().get(TicketId.parse(action.getValue()), person.viewer());
                calls.submit("views.open", client -> client.viewsOpen(request -> request
                        .triggerId(payload.getTriggerId()).view(SeverityModal.render(ticket.id(), ticket.severity()))));
            }
        }
    }

    private void open(BlockActionPayload payload, Person person, String question, Severity severity, String mark) {
        String channel = payload.getContainer().getChannelId();
        String thread = Optional.ofNullable(payload.getContainer().getThreadTs())
                .orElse(payload.getContainer().getMessageTs());
        Optional<Ticket> existing = store.queries().findByThread(channel, thread, Intake.BOT);
        if (existing.isPresent()) {
            tell(channel, person.userId(), "This thread already has ticket " + existing.get().id() + ".");
            return;
        }
        String summary = mark + (question == null || question.isBlank() ? "Help requested from an answer" : question);
        Creation creation = store.create(new NewTicket(NewTicket.messageKey(channel, thread), roster.organisationFor(
                person, channel), channel, thread, person.userId(), summary, severity, clock.instant()));
        cards.post(creation.ticket());
    }

    private void tell(String channel, String user, String text) {
        replies.privately(channel, user, text);
    }

    private void tell(String channel, String user, TicketActions.Outcome outcome) {
        replies.privately(channel, user, outcome.text());
    }
}
