package dev.supportbot.tickets;

/** A request about tickets that cannot be carried out as asked; the message says why, in words for people. */
public class TicketException extends RuntimeException {
    public TicketException(String message) {
        super(message);
    }
}
