package dev.supportbot.tickets;

import dev.supportbot.policy.Severity;
import dev.supportbot.sla.SlaOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * First-response SLA figures per customer and severity: tickets, met, breached, pending, and the median and 90th
 * percentile of the time to first response (nearest rank, over the tickets that have one). Pure.
 */
record TicketReport(List<Row> rows) {
    TicketReport {
        rows = List.copyOf(rows);
    }

    /** One customer at one severity; {@code customer} is {@code "all"} in the total row. */
    record Row(String customer, Optional<Severity> severity, int tickets, int met, int breached, int pending,
               Optional<Duration> median, Optional<Duration> p90) {
        Row {
            Objects.requireNonNull(customer, "customer");
            if (tickets != met + breached + pending) {
                throw new IllegalArgumentException("tickets " + tickets + " != met " + met + " + breached "
                        + breached + " + pending " + pending);
            }
        }
    }

    static TicketReport of(List<Ticket> tickets, Instant now) {
        Map<String, Map<Severity, List<Ticket>>> groups = tickets.stream().collect(Collectors.groupingBy(
                Ticket::customer, TreeMap::new, Collectors.groupingBy(Ticket::severity, TreeMap::new,
                        Collectors.toList())));
        List<Row> rows = new ArrayList<>();
        groups.forEach((customer, bySeverity) -> bySeverity.forEach(
                (severity, group) -> rows.add(row(customer, Optional.of(severity), group, now))));
        if (!tickets.isEmpty()) {
            rows.add(row("all", Optional.empty(), tickets, now));
        }
        return new TicketReport(rows);
    }

    private static Row row(String customer, Optional<Severity> severity, List<Ticket> group, Instant now) {
        Map<SlaOutcome, Long> outcomes = group.stream().collect(Collectors.groupingBy(
                ticket -> ticket.slaOutcome(now), Collectors.counting()));
        List<Duration> responseTimes = group.stream().flatMap(ticket -> ticket.firstResponse().stream()
                .map(response -> Duration.between(ticket.createdAt(), response.at())))
                .sorted(Comparator.naturalOrder()).toList();
        return new Row(customer, severity, group.size(), count(outcomes, SlaOutcome.MET),
                count(outcomes, SlaOutcome.BREACHED), count(outcomes, SlaOutcome.PENDING),
                percentile(responseTimes, 0.5), percentile(responseTimes, 0.9));
    }

    private static int count(Map<SlaOutcome, Long> outcomes, SlaOutcome outcome) {
        return outcomes.getOrDefault(outcome, 0L).intValue();
    }

    /** Nearest-rank percentile of sorted values: the smallest value with at least {@code share} at or below it. */
    static Optional<Duration> percentile(List<Duration> sorted, double share) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(share * sorted.size());
        return Optional.of(sorted.get(Math.max(rank, 1) - 1));
    }
}
