package dev.supportbot.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.supportbot.sla.SlaClock;
import dev.supportbot.sla.SlaOutcome;
import dev.supportbot.tickets.FirstResponse;
import dev.supportbot.tickets.Ticket;
import dev.supportbot.tickets.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a ticket's card: id, severity, status, assignee and the first-response deadline in each reader's
 * timezone with the time left; once a human has responded, the response time and whether the SLA was met. Staff
 * buttons ride along while the ticket is active. The fallback text starts with the ticket id, which is how a card
 * is found again after a restart.
 */
final class TicketCard {
    private TicketCard() {
    }

    static SlackMessage render(Ticket ticket, SlaClock clock, Instant now) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(BlockParts.section("*" + ticket.id() + "* · " + Mrkdwn.escape(BlockParts.clip(ticket.summary(), 300)) + " · _" + Mrkdwn.escape(ticket.customer()) + "_"));
        blocks.add(BlockParts.section(String.join("\n",
                "*Severity:* " + ticket.severity().label() + "    *Status:* " + statusLabel(ticket.status()),
                "*Assignee:* " + ticket.assignee().map(Mrkdwn::user).orElse("unassigned"),
                responseLine(ticket, clock, now))));
        if (ticket.status().isActive()) {
            blocks.add(BlockParts.actions(buttons(ticket)));
        }
        return new SlackMessage(fallback(ticket), blocks);
    }

    static String fallback(Ticket ticket) {
        return ticket.id() + " · " + ticket.severity().label() + " · " + statusLabel(ticket.status());
    }

    static String statusLabel(TicketStatus status) {
        return status.wireName().replace('_', ' ');
    }

    private static String responseLine(Ticket ticket, SlaClock clock, Instant now) {
        String due = "*First response due:* " + Mrkdwn.date(ticket.firstResponseDueAt());
        if (ticket.firstResponse().isPresent()) {
            FirstResponse response = ticket.firstResponse().get();
            Duration took = Duration.between(ticket.createdAt(), response.at());
            boolean met = clock.outcome(now) == SlaOutcome.MET;
            return due + "\n*First response:* " + Mrkdwn.user(response.responder()) + " after "
                    + Mrkdwn.duration(took) + " — " + (met ? "SLA met :white_check_mark:" : "SLA missed :x:");
        }
        if (!ticket.status().isActive()) {
            return due + " (closed without a response)";
        }
        Duration left = clock.timeLeft(now);
        return left.isNegative() || left.isZero()
                ? due + " — :rotating_light: overdue by " + Mrkdwn.duration(left)
                : due + " — " + Mrkdwn.duration(left) + " left";
    }

    private static List<BlockElement> buttons(Ticket ticket) {
        String id = ticket.id().toString();
        List<BlockElement> buttons = new ArrayList<>();
        if (ticket.status() == TicketStatus.OPEN) {
            buttons.add(BlockParts.button(ButtonAction.ACKNOWLEDGE, "Acknowledge", id, "primary"));
        }
        buttons.add(BlockParts.button(ButtonAction.ASSIGN_TO_ME, "Assign to me", id, null));
        buttons.add(BlockParts.button(ButtonAction.CHANGE_SEVERITY, "Change severity", id, null));
        buttons.add(BlockParts.confirmedButton(ButtonAction.RESOLVE, "Resolve", id,
                "Resolve " + id + "? The customer sees the card change."));
        return buttons;
    }
}
