package dev.supportbot.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** A rendered message: Block Kit blocks plus the plain-text fallback Slack shows in notifications. */
record SlackMessage(String text, List<LayoutBlock> blocks) {
    SlackMessage {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a message needs fallback text for notifications, got '" + text + "'");
        }
        blocks = List.copyOf(blocks);
    }
}
