package dev.supportbot.tickets;

/** Whether the customer sees a message. Internal notes never count as a response. */
public enum Visibility {
    PUBLIC,
    INTERNAL
}
