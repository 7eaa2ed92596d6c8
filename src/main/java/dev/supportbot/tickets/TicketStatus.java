package dev.supportbot.tickets;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a ticket is in its life: open, acknowledged, waiting on the customer, resolved, closed. A resolved or
 * closed ticket can be reopened.
 */
public enum TicketStatus {
    OPEN,
    ACKNOWLEDGED,
    WAITING_ON_CUSTOMER,
    RESOLVED,
    CLOSED;

    /** The lower-case name used in commands, JSON and the store: {@code waiting_on_customer}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Open, acknowledged or waiting: someone still has to do something. */
    public boolean isActive() {
        return this != RESOLVED && this != CLOSED;
    }

    /** Whether a ticket in this status may move to {@code next}; reopening goes back to {@code OPEN}. */
    public boolean canMoveTo(TicketStatus next) {
        return switch (this) {
            case OPEN -> next == ACKNOWLEDGED || next == WAITING_ON_CUSTOMER || next == RESOLVED;
            case ACKNOWLEDGED -> next == WAITING_ON_CUSTOMER || next == RESOLVED;
            case WAITING_ON_CUSTOMER -> next == ACKNOWLEDGED || next == RESOLVED;
            case RESOLVED -> next == CLOSED || next == OPEN;
            case CLOSED -> next == OPEN;
        };
    }

    public static TicketStatus parse(String text) {
        String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (TicketStatus status : values()) {
            if (status.name().equals(key)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status '" + text + "': expected one of " + Arrays.stream(values())
                .map(TicketStatus::wireName).collect(Collectors.joining(", ")));
    }
}
