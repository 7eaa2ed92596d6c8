package dev.supportbot.ops;

import dev.supportbot.policy.Severity;
import dev.supportbot.sla.WarningLevel;
import dev.supportbot.tickets.SlaListener;
import dev.supportbot.tickets.Ticket;
import dev.supportbot.tickets.TicketCount;
import dev.supportbot.tickets.TicketQueries;
import dev.supportbot.triage.Decision;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * The process's Prometheus metrics, on a registry of its own (no global state): what adapters and the core report,
 * in words of the domain, never Slack types. {@link #write} renders the text exposition format. Thread-safe.
 */
public final class Metrics {
    /** What happened to an Events API delivery. */
    public enum EventOutcome { RECEIVED, ACKED, DEDUPLICATED }

    /** How a Web API call ended, after retries. */
    public enum CallOutcome { OK, ERROR, FAILED }

    private static final double[] LATENCY_BOUNDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter events = counter("supportbot_slack_events", "Events API deliveries by outcome.", "outcome");
    private final Counter rejected = counter("supportbot_slack_requests_rejected",
            "Requests to /slack/events refused before Bolt, by reason.", "reason");
    private final Histogram ackLatency = Histogram.builder().name("supportbot_slack_ack_duration_seconds")
            .help("Time from receiving an event to acking it.").classicOnly().classicUpperBounds(LATENCY_BOUNDS)
            .register(registry);
    private final Counter decisions = counter("supportbot_triage_decisions", "Triage decisions by action and severity.",
            "action", "severity");
    private final Histogram searchLatency = Histogram.builder().name("supportbot_search_duration_seconds")
            .help("Time to triage one message: one docs search plus the rules around it.").classicOnly()
            .classicUpperBounds(LATENCY_BOUNDS).register(registry);
    private final Counter sla = counter("supportbot_sla_signals", "SLA warnings and breaches recorded.", "signal", "level");
    private final Counter feedback = counter("supportbot_answer_feedback", "Answers marked helpful or not.", "verdict");
    private final Counter calls = counter("supportbot_slack_api_calls", "Slack Web API calls by method and outcome.",
            "method", "outcome");
    private final Counter rateLimited = counter("supportbot_slack_api_rate_limited",
            "HTTP 429 answers from Slack's Web API, by method.", "method");
    private final Counter reloads = counter("supportbot_knowledge_reloads", "Knowledge index rebuilds by outcome.",
            "outcome");

    public Metrics() {
        // Known series start at 0, so that dashboards and rate() see them before the first event.
        for (EventOutcome outcome : EventOutcome.values()) {
            events.initLabelValues(label(outcome));
        }
        decisions.initLabelValues("answer", "none");
        decisions.initLabelValues("out_of_scope", "none");
        decisions.initLabelValues("none", "none");
        for (Severity severity : Severity.values()) {
            decisions.initLabelValues("ticket", severity.name());
        }
        feedback.initLabelValues("helpful");
        feedback.initLabelValues("not_helpful");
        sla.initLabelValues("breach", "100%");
        reloads.initLabelValues("ok");
        reloads.initLabelValues("failed");
    }

    private Counter counter(String name, String help, String... labels) {
        return Counter.builder().name(name).help(help).labelNames(labels).register(registry);
    }

    /** Adds the tickets gauge, read from the store at each scrape. */
    public Metrics watchTickets(TicketQueries queries) {
        GaugeWithCallback.builder().name("supportbot_tickets").help("Tickets by severity and status.")
                .labelNames("severity", "status").callback(callback -> {
                    for (TicketCount count : queries.countByState()) {
                        callback.call(count.count(), count.severity().name(), count.status().wireName());
                    }
                }).register(registry);
        return this;
    }

    public void event(EventOutcome outcome) {
        events.labelValues(label(outcome)).inc();
    }

    public void acked(Duration took) {
        event(EventOutcome.ACKED);
        ackLatency.observe(seconds(took));
    }

    public void rejected(String reason) {
        rejected.labelValues(reason.toLowerCase(Locale.ROOT)).inc();
    }

    public void feedback(boolean helpful) {
        feedback.labelValues(helpful ? "helpful" : "not_helpful").inc();
    }

    public void apiCall(String method, CallOutcome outcome) {
        calls.labelValues(method, label(outcome)).inc();
    }

    public void rateLimited(String method) {
        rateLimited.labelValues(method).inc();
    }

    public void reloaded(boolean ok) {
        reloads.labelValues(ok ? "ok" : "failed").inc();
    }

    /** Triage that counts its decisions and times itself. */
    public Function<String, Decision> counting(Function<String, Decision> triage) {
        return message -> {
            long started = System.nanoTime();
            Decision decision = triage.apply(message);
            searchLatency.observe(seconds(Duration.ofNanos(System.nanoTime() - started)));
            String severity = decision instanceof Decision.OpenTicket open ? open.level().severity().name() : "none";
            decisions.labelValues(decision.action().wireName(), severity).inc();
            return decision;
        };
    }

    /** An SLA listener that counts what it is told before passing it on. */
    public SlaListener counting(SlaListener listener) {
        return new SlaListener() {
            @Override
            public void warned(Ticket ticket, WarningLevel level) {
                sla.labelValues("warning", level.toString()).inc();
                listener.warned(ticket, level);
            }

            @Override
            public void breached(Ticket ticket) {
                sla.labelValues("breach", "100%").inc();
                listener.breached(ticket);
            }
        };
    }

    public String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }

    public void write(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
