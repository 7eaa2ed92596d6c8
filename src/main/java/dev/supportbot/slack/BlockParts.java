package dev.supportbot.slack;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.supportbot.knowledge.Citation;
import java.util.List;
import java.util.stream.Collectors;

/** The few Block Kit pieces the renderers share, with Slack's size limits applied. Stateless. */
final class BlockParts {
    static final int SECTION_LIMIT = 3000;
    static final int BUTTON_VALUE_LIMIT = 2000;

    private BlockParts() {
    }

    static SectionBlock section(String mrkdwn) {
        return com.slack.api.model.block.Blocks.section(section -> section.text(markdownText(clip(mrkdwn, SECTION_LIMIT))));
    }

    static ContextBlock context(String mrkdwn) {
        return com.slack.api.model.block.Blocks.context(List.of(markdownText(clip(mrkdwn, SECTION_LIMIT))));
    }

    static ActionsBlock actions(List<BlockElement> buttons) {
        return com.slack.api.model.block.Blocks.actions(buttons);
    }

    static ButtonElement button(ButtonAction action, String label, String value, String style) {
        return ButtonElement.builder().actionId(action.actionId()).text(plainText(label))
                .value(clip(value, BUTTON_VALUE_LIMIT)).style(style).build();
    }

    static ButtonElement confirmedButton(ButtonAction action, String label, String value, String question) {
        ConfirmationDialogObject confirm = ConfirmationDialogObject.builder().title(plainText("Are you sure?"))
                .text(plainText(question)).confirm(plainText(label)).deny(plainText("Cancel")).build();
        return ButtonElement.builder().actionId(action.actionId()).text(plainText(label))
                .value(clip(value, BUTTON_VALUE_LIMIT)).confirm(confirm).build();
    }

    /** "Sources: <link|Title › Section>, …" with every label escaped. */
    static String citations(String lead, List<Citation> citations) {
        return lead + " " + citations.stream().map(BlockParts::citation).collect(Collectors.joining(", "));
    }

    private static String citation(Citation citation) {
        String label = citation.section().isBlank() ? citation.title() : citation.title() + " › " + citation.section();
        return citation.hasUrl() ? Mrkdwn.link(citation.url(), label) : Mrkdwn.escape(label);
    }

    static String clip(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
