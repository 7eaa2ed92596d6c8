package dev.supportbot.tickets;

/** Who wrote a message in a ticket's thread. Only staff replies can be a first response. */
public enum AuthorRole {
    /** Someone from the customer's organisation. */
    CUSTOMER,
    /** A human support engineer or MLE. */
    STAFF,
    /** This bot or any other automation; never stops an SLA clock. */
    BOT
}
