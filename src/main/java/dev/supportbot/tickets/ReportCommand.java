package dev.supportbot.tickets;

import dev.supportbot.sla.DurationText;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report}: first-response SLA figures per customer and severity, as a table or CSV. */
@Command(name = "report", description = "First-response SLA per customer and severity: tickets, met, breached,"
        + " pending, median and p90 time to first response.")
public final class ReportCommand implements Callable<Integer> {
    private static final String CSV_HEADER = "customer,severity,tickets,sla_met,sla_breached,sla_pending,"
            + "median_first_response_seconds,p90_first_response_seconds";
    private static final String TABLE_FORMAT = "%-20s %-8s %7s %6s %9s %8s %14s %14s%n";

    @Mixin
    private StoreOptions store;

    @Option(names = "--since", paramLabel = "DATE",
            description = "Only tickets created on or after this day (YYYY-MM-DD, UTC) or instant (ISO-8601).")
    private String since;

    @Option(names = "--customer", paramLabel = "C", description = "Only this customer organisation.")
    private String customer;

    @Option(names = "--csv", description = "Comma-separated values with a header line; durations in seconds.")
    private boolean csv;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        TicketQuery query = TicketQuery.all();
        if (since != null) {
            query = query.createdSince(parseSince(since));
        }
        if (customer != null) {
            query = query.withCustomer(customer);
        }
        List<Ticket> tickets;
        try {
            tickets = store.list(query);
        } catch (StoreException e) {
            spec.commandLine().getErr().println("supportbot: " + e.getMessage());
            return 1;
        }
        TicketReport report = TicketReport.of(tickets, Clock.systemUTC().instant());
        PrintWriter out = spec.commandLine().getOut();
        if (csv) {
            printCsv(out, report);
        } else {
            printTable(out, report);
        }
        out.flush();
        return 0;
    }

    static Instant parseSince(String text) {
        try {
            return text.contains("T") ? Instant.parse(text)
                    : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since '" + text + "' is not a date such as 2025-03-01 or an"
                    + " instant such as 2025-03-01T09:00:00Z", e);
        }
    }

    private static void printCsv(PrintWriter out, TicketReport report) {
        out.println(CSV_HEADER);
        for (TicketReport.Row row : report.rows()) {
            out.println(String.join(",", csvField(row.customer()), severity(row), Integer.toString(row.tickets()),
                    Integer.toString(row.met()), Integer.toString(row.breached()), Integer.toString(row.pending()),
                    seconds(row.median()), seconds(row.p90())));
        }
    }

    private static void printTable(PrintWriter out, TicketReport report) {
        if (report.rows().isEmpty()) {
            out.println("no tickets");
            return;
        }
        out.printf(TABLE_FORMAT, "CUSTOMER", "SEVERITY", "TICKETS", "MET", "BREACHED", "PENDING", "MEDIAN TTFR",
                "P90 TTFR");
        for (TicketReport.Row row : report.rows()) {
            out.printf(TABLE_FORMAT, row.customer(), severity(row), row.tickets(), row.met(), row.breached(),
                    row.pending(), row.median().map(DurationText::of).orElse("-"),
                    row.p90().map(DurationText::of).orElse("-"));
        }
    }

    private static String severity(TicketReport.Row row) {
        return row.severity().map(level -> level.name()).orElse("all");
    }

    private static String seconds(Optional<Duration> duration) {
        return duration.map(value -> Long.toString(value.toSeconds())).orElse("");
    }

    /** RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes. */
    static String csvField(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
