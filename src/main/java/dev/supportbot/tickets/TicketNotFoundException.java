package dev.supportbot.tickets;

/** No ticket with this id that the viewer may see (another organisation's ticket is reported the same way). */
public final class TicketNotFoundException extends TicketException {
    public TicketNotFoundException(TicketId id) {
        super("no ticket " + id);
    }
}
