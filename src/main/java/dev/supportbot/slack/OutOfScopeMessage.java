package dev.supportbot.slack;

import dev.supportbot.triage.Decision;
import java.util.List;

/**
 * Renders an out-of-scope reply: why the request is outside the support scope, the scope it cites, and a button
 * to ask for best-effort help anyway (which opens a ticket marked best effort).
 */
final class OutOfScopeMessage {
    private OutOfScopeMessage() {
    }

    static SlackMessage render(Decision.OutOfScope outOfScope, String question) {
        return new SlackMessage(BlockParts.clip(outOfScope.reply(), 300), List.of(
                BlockParts.section(Mrkdwn.escape(outOfScope.reply())),
                BlockParts.context(BlockParts.citations("Support scope:", outOfScope.citations())),
                BlockParts.actions(List.of(
                        BlockParts.button(ButtonAction.BEST_EFFORT, "Ask for best-effort help", question, null)))));
    }
}
