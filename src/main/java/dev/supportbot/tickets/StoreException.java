package dev.supportbot.tickets;

/** The ticket store failed (the database could not be opened, read or written); nothing was half-written. */
public final class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
