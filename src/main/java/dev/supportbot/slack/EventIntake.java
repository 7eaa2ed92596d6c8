package dev.supportbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import dev.supportbot.ops.Metrics;
import dev.supportbot.tickets.DeliveryLog;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Every Events API delivery, on either transport, passes here: its {@code event_id} and body are stored in the
 * delivery log before the ack, so a retry or a duplicate is acked and dropped; a first delivery is handed to the
 * work queue and acked at once, and marked done once its work is finished and what it posts has gone through to
 * Slack (or Slack refused it). Events acknowledged but left undone by a crash, a stop with calls still queued or a
 * Slack outage are handed to the work queue again by {@link #resumePending} at start. Events never reach Bolt's
 * listeners, so none is left unanswered (a 404 would make Slack retry). Thread-safe.
 */
final class EventIntake implements Middleware {
    private static final Logger LOG = LoggerFactory.getLogger(EventIntake.class);

    private final ObjectMapper json;
    private final DeliveryBatcher deliveries;
    private final DeliveryLog log;
    private final WorkQueue work;
    private final Intake intake;
    private final HomeTab home;
    private final Metrics metrics;

    EventIntake(ObjectMapper json, DeliveryBatcher deliveries, DeliveryLog log, WorkQueue work, Intake intake,
                HomeTab home, Metrics metrics) {
        this.metrics = metrics;
        this.json = json;
        this.deliveries = deliveries;
        this.log = log;
        this.work = work;
        this.intake = intake;
        this.home = home;
    }

    @Override
    public Response apply(Request request, Response response, MiddlewareChain chain) throws Exception {
        if (request.getRequestType() != RequestType.Event) {
            return chain.next(request);
        }
        long started = System.nanoTime();
        metrics.event(Metrics.EventOutcome.RECEIVED);
        Response ack = accept(request);
        metrics.acked(Duration.ofNanos(System.nanoTime() - started));
        return ack;
    }

    private Response accept(Request<?> request) throws Exception {
        String body = ((EventRequest) request).getRequestBodyAsString();
        JsonNode envelope = json.readTree(body);
        String eventId = envelope.path("event_id").asText("");
        if (eventId.isBlank()) {
            LOG.warn("an event without event_id was acked and dropped");
            return Response.ok();
        }
        if (deliveries.record(new DeliveryLog.Arrival(eventId, body)) == DeliveryLog.Delivery.SEEN) {
            LOG.atInfo().addKeyValue("event_id", eventId).log("event {} delivered again (retry {}); acked and dropped",
                    eventId, request.getHeaders().getFirstValue("X-Slack-Retry-Num"));
            metrics.event(Metrics.EventOutcome.DEDUPLICATED);
            return Response.ok();
        }
        handOver(eventId, envelope, false);
        return Response.ok();
    }

    /** The event, or Ignored when Slack's fields are not what Slack sends: acked, so that it is not retried. */
    private static SlackEvent parse(String eventId, JsonNode envelope) {
        try {
            return SlackEvent.parse(envelope);
        } catch (IllegalArgumentException e) {
            LOG.warn("event {} is malformed and was dropped: {}", eventId, e.getMessage());
            return new SlackEvent.Ignored("malformed");
        }
    }

    /** Queues the work of every event acknowledged before the last stop but never finished. */
    void resumePending() throws IOException {
        List<DeliveryLog.Arrival> pending = log.pending();
        if (!pending.isEmpty()) {
            LOG.info("{} acknowledged event(s) left unprocessed by the last run; processing them now", pending.size());
        }
        for (DeliveryLog.Arrival arrival : pending) {
            handOver(arrival.eventId(), json.readTree(arrival.body()), true);
        }
    }

    /** Queues the event's work; {@code redo} when an earlier run acknowledged it, whose posts may have gone. */
    private void handOver(String eventId, JsonNode envelope, boolean redo) {
        Supplier<Handled> task = switch (parse(eventId, envelope)) {
            case SlackEvent.Posted posted -> () -> logHandled(eventId, posted.message(),
                    intake.accept(posted.message(), redo));
            case SlackEvent.HomeOpened opened -> () -> new Handled("home tab", Optional.empty(),
                    home.publish(opened.user()));
            case SlackEvent.Ignored ignored -> () -> {
                LOG.debug("event {} of type {} ignored", eventId, ignored.type());
                return Handled.withoutCalls("ignored");
            };
        };
        // When the task fails, the event is not marked done: it is tried again at the next start.
        work.submit("event " + eventId, () -> task.get().delivered()
                .whenComplete((ignored, failure) -> finish(eventId, failure)));
    }

    /** The one line per message handled; its ids are also key-value pairs, which JSON logs make fields. */
    private static Handled logHandled(String eventId, IncomingMessage message, Handled handled) {
        LoggingEventBuilder line = LOG.atInfo().addKeyValue("event_id", eventId)
                .addKeyValue("channel", message.channel()).addKeyValue("thread_ts", message.replyThread());
        handled.ticket().ifPresent(ticket -> line.addKeyValue("ticket_id", ticket.toString()));
        line.log("event {} channel {} thread {}: {}", eventId, message.channel(), message.replyThread(),
                handled.summary());
        return handled;
    }

    private void finish(String eventId, Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (cause == null) {
            deliveries.finished(eventId);
        } else if (cause instanceof SlackCallException call && call.refused()) {
            LOG.atWarn().addKeyValue("event_id", eventId).log("event {}: {}; Slack refused it, not tried again",
                    eventId, call.getMessage());
            deliveries.finished(eventId);
        } else {
            LOG.atWarn().addKeyValue("event_id", eventId).log(
                    "event {}: {}; left pending, handled again at the next start", eventId, cause.getMessage());
        }
    }
}
