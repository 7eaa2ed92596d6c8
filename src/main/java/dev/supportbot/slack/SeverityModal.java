package dev.supportbot.slack;

import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import com.slack.api.model.view.ViewState;
import dev.supportbot.policy.Severity;
import dev.supportbot.tickets.TicketId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The "Change severity" modal: a severity to pick and a reason to give. The ticket id rides in private metadata. */
final class SeverityModal {
    static final String CALLBACK_ID = "ticket_change_severity";
    static final String SEVERITY_BLOCK = "severity";
    static final String REASON_BLOCK = "reason";

    private SeverityModal() {
    }

    static View render(TicketId id, Severity current) {
        StaticSelectElement select = StaticSelectElement.builder().actionId(SEVERITY_BLOCK)
                .options(Arrays.stream(Severity.values())
                        .map(severity -> option(plainText(severity.label()), severity.name())).toList())
                .initialOption(option(plainText(current.label()), current.name())).build();
        PlainTextInputElement reason = PlainTextInputElement.builder().actionId(REASON_BLOCK).multiline(true)
                .maxLength(2000).build();
        return View.builder().type("modal").callbackId(CALLBACK_ID).privateMetadata(id.toString())
                .title(ViewTitle.builder().type("plain_text").text("Change severity").build())
                .submit(ViewSubmit.builder().type("plain_text").text("Change").build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .blocks(List.of(
                        InputBlock.builder().blockId(SEVERITY_BLOCK).label(plainText("Severity of " + id))
                                .element(select).build(),
                        InputBlock.builder().blockId(REASON_BLOCK).label(plainText("Reason")).element(reason).build()))
                .build();
    }

    /** The command a submitted modal asks for. */
    static TicketCommand read(String privateMetadata, Map<String, Map<String, ViewState.Value>> values) {
        ViewState.Value severity = values.getOrDefault(SEVERITY_BLOCK, Map.of()).get(SEVERITY_BLOCK);
        ViewState.Value reason = values.getOrDefault(REASON_BLOCK, Map.of()).get(REASON_BLOCK);
        if (severity == null || severity.getSelectedOption() == null) {
            return new TicketCommand.Invalid("Pick a severity.");
        }
        return new TicketCommand.ChangeSeverity(TicketId.parse(privateMetadata),
                Severity.valueOf(severity.getSelectedOption().getValue()),
                reason == null || reason.getValue() == null ? "" : reason.getValue());
    }
}
