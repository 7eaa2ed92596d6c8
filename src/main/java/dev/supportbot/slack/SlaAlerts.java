package dev.supportbot.slack;

import dev.supportbot.sla.WarningLevel;
import dev.supportbot.tickets.SlaListener;
import dev.supportbot.tickets.Ticket;
import java.time.Clock;
import java.time.Duration;

/**
 * Posts SLA warnings and breaches to the internal triage channel, mentioning the assignee or, when nobody is
 * assigned, the customer's TAM; then refreshes the ticket's card. Only queues work, so the monitor's thread is
 * never held up. Thread-safe.
 */
final class SlaAlerts implements SlaListener {
    private final Roster roster;
    private final Replies replies;
    private final Cards cards;
    private final Clock clock;

    SlaAlerts(Roster roster, Replies replies, Cards cards, Clock clock) {
        this.roster = roster;
        this.replies = replies;
        this.cards = cards;
        this.clock = clock;
    }

    @Override
    public void warned(Ticket ticket, WarningLevel level) {
        Duration left = Duration.between(clock.instant(), ticket.firstResponseDueAt());
        post(ticket, ":warning: " + subject(ticket) + " has used " + level + " of its first-response time; due "
                + Mrkdwn.date(ticket.firstResponseDueAt()) + " (" + Mrkdwn.duration(left) + " left).");
    }

    @Override
    public void breached(Ticket ticket) {
        post(ticket, ":rotating_light: " + subject(ticket) + " breached its first-response SLA: it was due "
                + Mrkdwn.date(ticket.firstResponseDueAt()) + ".");
    }

    private void post(Ticket ticket, String text) {
        replies.toChannel(roster.config().triageChannel(), text + who(ticket));
        cards.show(ticket);
    }

    private static String subject(Ticket ticket) {
        return "*" + ticket.id() + "* (" + ticket.severity().label() + ", " + Mrkdwn.escape(ticket.customer()) + ")";
    }

    private String who(Ticket ticket) {
        return ticket.assignee()
                .or(() -> roster.customer(ticket.customer()).flatMap(CustomerOrg::tam))
                .map(user -> " " + Mrkdwn.user(user))
                .orElse(" Nobody is assigned and the customer has no TAM on record.");
    }
}
