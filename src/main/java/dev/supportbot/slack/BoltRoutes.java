package dev.supportbot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.supportbot.triage.Decision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Registers the app's slash commands, buttons and modal on Bolt. Everything acks at once: {@code /ticket}
 * answers in its ack (a local SQLite read or write), the rest continues on the work queue. Events are handled
 * before Bolt's listeners, by {@link EventIntake}.
 */
final class BoltRoutes {
    static final String TICKET_COMMAND = "/ticket";
    static final String SUPPORT_COMMAND = "/support";

    private BoltRoutes() {
    }

    static void register(App app, Roster roster, TicketActions actions, CardButtons buttons, WorkQueue work,
                         Function<String, Decision> triage) {
        app.command(TICKET_COMMAND, (request, context) -> {
            SlashCommandPayload payload = request.getPayload();
            Person caller = roster.classify(payload.getUserId(), Optional.ofNullable(payload.getTeamId()),
                    payload.getChannelId());
            return context.ack(actions.run(caller, TicketCommand.parse(payload.getText())).text());
        });
        app.command(SUPPORT_COMMAND, (request, context) -> support(request.getPayload(), context, work, triage));
        for (ButtonAction button : ButtonAction.values()) {
            app.blockAction(button.actionId(), (request, context) -> {
                work.submit("button " + button, () -> buttons.clicked(button, request.getPayload()));
                return context.ack();
            });
        }
        app.viewSubmission(SeverityModal.CALLBACK_ID, (request, context) -> {
            ViewSubmissionPayload payload = request.getPayload();
            Person caller = roster.classify(payload.getUser().getId(),
                    Optional.ofNullable(payload.getUser().getTeamId()), "");
            TicketActions.Outcome outcome = actions.run(caller, SeverityModal.read(
                    payload.getView().getPrivateMetadata(), payload.getView().getState().getValues()));
            return outcome.done() ? context.ack() : context.ack(response -> response.responseAction("errors")
                    .errors(Map.of(SeverityModal.REASON_BLOCK, outcome.text())));
        });
    }

    private static Response support(SlashCommandPayload payload, SlashCommandContext context, WorkQueue work,
                                    Function<String, Decision> triage) {
        String question = payload.getText() == null ? "" : payload.getText().strip();
        if (question.isEmpty()) {
            return context.ack("Ask me something, e.g. `/support how do I submit a Slurm job?`");
        }
        work.submit("/support", () -> {
            try {
                context.respond(PrivateAnswer.render(triage.apply(question)));
            } catch (IOException e) {
                throw new UncheckedIOException("could not answer /support through its response_url", e);
            }
        });
        return context.ack();
    }
}
