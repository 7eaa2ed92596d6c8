package dev.supportbot.tickets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tickets}: lists tickets from the store, as a table or as one JSON object per line. */
@Command(name = "tickets", description = "List tickets: a table, or one JSON object per line with --json.")
public final class TicketsCommand implements Callable<Integer> {
    @Mixin
    private StoreOptions store;

    @Option(names = "--customer", paramLabel = "C", description = "Only this customer organisation's tickets.")
    private String customer;

    @Option(names = "--status", paramLabel = "S",
            description = "Only tickets in this status: open, acknowledged, waiting_on_customer, resolved, closed.")
    private String status;

    @Option(names = "--json", description = "One JSON object per line (times ISO-8601 UTC).")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        TicketQuery query = TicketQuery.all();
        if (customer != null) {
            query = query.withCustomer(customer);
        }
        if (status != null) {
            query = query.withStatus(TicketStatus.parse(status));
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Ticket> tickets;
        try {
            tickets = store.list(query);
        } catch (StoreException e) {
            spec.commandLine().getErr().println("supportbot: " + e.getMessage());
            return 1;
        }
        Instant now = Clock.systemUTC().instant();
        if (json) {
            printJson(out, tickets, now);
        } else {
            TicketTable.print(out, tickets, now);
        }
        out.flush();
        return 0;
    }

    private static void printJson(PrintWriter out, List<Ticket> tickets, Instant now) {
        ObjectMapper mapper = new ObjectMapper();
        for (Ticket ticket : tickets) {
            try {
                out.println(mapper.writeValueAsString(TicketLine.of(ticket, ticket.slaOutcome(now))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write " + ticket.id() + " as JSON: " + e.getMessage(), e);
            }
        }
    }
}
