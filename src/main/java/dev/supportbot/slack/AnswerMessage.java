package dev.supportbot.slack;

import dev.supportbot.triage.Decision;
import java.util.List;

/**
 * Renders a documented answer: the passage, the links it came from, and buttons Helpful / Not helpful / Open a
 * ticket. The question rides in the ticket button's value so a click can open the ticket without a lookup.
 */
final class AnswerMessage {
    private AnswerMessage() {
    }

    static SlackMessage render(Decision.Answer answer, String question) {
        return new SlackMessage(BlockParts.clip(answer.reply(), 300), List.of(
                BlockParts.section(Mrkdwn.escape(answer.reply())),
                BlockParts.context(BlockParts.citations("Sources:", answer.citations())),
                BlockParts.actions(List.of(
                        BlockParts.button(ButtonAction.HELPFUL, "Helpful", "helpful", null),
                        BlockParts.button(ButtonAction.NOT_HELPFUL, "Not helpful", "not_helpful", null),
                        BlockParts.button(ButtonAction.OPEN_TICKET, "Open a ticket", question, "primary")))));
    }
}
