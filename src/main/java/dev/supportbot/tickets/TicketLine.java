package dev.supportbot.tickets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.supportbot.sla.SlaOutcome;
import java.time.Instant;
import java.util.Locale;

/** One line of {@code tickets --json}: a ticket with its times as ISO-8601 UTC and its SLA outcome. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"id", "customer", "channel", "thread_ts", "reporter", "summary", "severity", "status",
    "assignee", "created_at", "first_response_due_at", "first_response_at", "first_responder", "sla_breached_at",
    "sla"})
record TicketLine(String id, String customer, String channel, @JsonProperty("thread_ts") String threadTs,
                  String reporter, String summary, String severity, String status, String assignee,
                  @JsonProperty("created_at") String createdAt,
                  @JsonProperty("first_response_due_at") String firstResponseDueAt,
                  @JsonProperty("first_response_at") String firstResponseAt,
                  @JsonProperty("first_responder") String firstResponder,
                  @JsonProperty("sla_breached_at") String slaBreachedAt, String sla) {

    static TicketLine of(Ticket ticket, SlaOutcome outcome) {
        return new TicketLine(ticket.id().toString(), ticket.customer(), ticket.channel(), ticket.threadTs(),
                ticket.reporter(), ticket.summary(), ticket.severity().name(), ticket.status().wireName(),
                ticket.assignee().orElse(null), iso(ticket.createdAt()), iso(ticket.firstResponseDueAt()),
                ticket.firstResponse().map(response -> iso(response.at())).orElse(null),
                ticket.firstResponse().map(FirstResponse::responder).orElse(null),
                ticket.slaBreachedAt().map(TicketLine::iso).orElse(null), outcome.name().toLowerCase(Locale.ROOT));
    }

    /** ISO-8601 in UTC, e.g. {@code 2025-03-03T10:00:00Z}. */
    static String iso(Instant instant) {
        return instant.toString();
    }
}
