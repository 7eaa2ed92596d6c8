package dev.supportbot.tickets;

import java.util.Locale;

/** The kinds of entries in a ticket's append-only event log. */
public enum EventType {
    CREATED,
    SEVERITY_CHANGED,
    ASSIGNED,
    STATUS_CHANGED,
    FIRST_RESPONSE,
    SLA_WARNING,
    SLA_BREACHED,
    COMMENT,
    RESOLVED,
    REOPENED;

    /** The lower-case name stored in the log: {@code severity_changed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EventType fromWire(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
