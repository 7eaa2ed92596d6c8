package dev.supportbot.slack;

import java.util.Arrays;
import java.util.Optional;

/** Every button the app renders, by the {@code action_id} Slack sends back when one is clicked. */
enum ButtonAction {
    HELPFUL("answer_helpful", false),
    NOT_HELPFUL("answer_not_helpful", false),
    OPEN_TICKET("answer_open_ticket", false),
    BEST_EFFORT("out_of_scope_best_effort", false),
    ACKNOWLEDGE("ticket_acknowledge", true),
    ASSIGN_TO_ME("ticket_assign_me", true),
    CHANGE_SEVERITY("ticket_change_severity", true),
    RESOLVE("ticket_resolve", true);

    private final String actionId;
    private final boolean staffOnly;

    ButtonAction(String actionId, boolean staffOnly) {
        this.actionId = actionId;
        this.staffOnly = staffOnly;
    }

    String actionId() {
        return actionId;
    }

    boolean staffOnly() {
        return staffOnly;
    }

    static Optional<ButtonAction> byActionId(String actionId) {
        return Arrays.stream(values()).filter(action -> action.actionId.equals(actionId)).findFirst();
    }
}
