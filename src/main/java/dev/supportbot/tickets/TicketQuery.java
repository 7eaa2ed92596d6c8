package dev.supportbot.tickets;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Which tickets to list: optionally one customer, one status, created at or after an instant. */
public record TicketQuery(Optional<String> customer, Optional<TicketStatus> status, Optional<Instant> createdSince) {
    public TicketQuery {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdSince, "createdSince");
        customer = customer.map(name -> UserText.name("customer", name));
    }

    public static TicketQuery all() {
        return new TicketQuery(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public TicketQuery withCustomer(String name) {
        return new TicketQuery(Optional.of(name), status, createdSince);
    }

    public TicketQuery withStatus(TicketStatus wanted) {
        return new TicketQuery(customer, Optional.of(wanted), createdSince);
    }

    public TicketQuery createdSince(Instant since) {
        return new TicketQuery(customer, status, Optional.of(since));
    }
}
