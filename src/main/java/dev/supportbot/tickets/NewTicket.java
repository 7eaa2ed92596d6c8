package dev.supportbot.tickets;

import dev.supportbot.policy.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * What is needed to open a ticket. {@code idempotencyKey} identifies the customer's message (the Slack
 * {@code event_id}, or channel and message ts): opening twice with one key yields one ticket. {@code messageAt} is
 * when the customer posted, which is when the SLA clock starts.
 */
public record NewTicket(String idempotencyKey, String customer, String channel, String threadTs, String reporter,
                        String summary, Severity severity, Instant messageAt) {
    public NewTicket {
        idempotencyKey = UserText.name("idempotency key", idempotencyKey);
        customer = UserText.name("customer", customer);
        channel = UserText.name("channel", channel);
        threadTs = UserText.name("thread ts", threadTs);
        reporter = UserText.name("reporter", reporter);
        summary = UserText.text("summary", summary);
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(messageAt, "messageAt");
    }

    /** The key for a message known by its channel and ts, when no Slack event id is at hand. */
    public static String messageKey(String channel, String ts) {
        return channel + "/" + ts;
    }
}
