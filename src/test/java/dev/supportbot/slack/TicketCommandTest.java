package dev.supportbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportbot.policy.Severity;
import dev.supportbot.tickets.TicketId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketCommandTest {
    @Test
    void everyDocumentedFormParsesToItsCommand() {
        assertEquals(new TicketCommand.ListTickets(TicketFilter.OPEN), TicketCommand.parse(""));
        assertEquals(new TicketCommand.ListTickets(TicketFilter.BREACHING), TicketCommand.parse("list breaching"));
        assertEquals(new TicketCommand.ListTickets(TicketFilter.MINE), TicketCommand.parse("list mine"));
        assertEquals(new TicketCommand.Show(new TicketId(1042)), TicketCommand.parse("show T-1042"));
        assertEquals(new TicketCommand.Acknowledge(new TicketId(1042)), TicketCommand.parse("ack t-1042"));
        assertEquals(new TicketCommand.Assign(new TicketId(7), "U0DANA"), TicketCommand.parse("assign 7 <@U0DANA|dana>"));
        assertEquals(new TicketCommand.ChangeSeverity(new TicketId(7), Severity.SERVICE_REQUEST, "asked for a quota"),
                TicketCommand.parse("sev T-7 sr asked for a quota"));
        assertEquals(new TicketCommand.Resolve(new TicketId(7), Optional.of("rebooted node 3 and it is fine")),
                TicketCommand.parse("resolve T-7 rebooted node 3 and it is fine"));
        assertEquals(new TicketCommand.Resolve(new TicketId(7), Optional.empty()), TicketCommand.parse("resolve T-7"));
        assertEquals(new TicketCommand.Reopen(new TicketId(7)), TicketCommand.parse("reopen T-7"));
        assertEquals(new TicketCommand.Reindex(), TicketCommand.parse("reindex"));
    }

    @Test
    void mistakesBecomeInvalidCommandsThatSayWhatIsWrongWithoutEchoingMarkup() {
        TicketCommand.Invalid unknown = assertInstanceOf(TicketCommand.Invalid.class,
                TicketCommand.parse("<!channel> now"));
        assertTrue(unknown.problem().contains("&lt;!channel&gt;"), unknown.problem());
        assertInstanceOf(TicketCommand.Invalid.class, TicketCommand.parse("assign T-7 dana"));
        assertInstanceOf(TicketCommand.Invalid.class, TicketCommand.parse("sev T-7 9"));
        assertInstanceOf(TicketCommand.Invalid.class, TicketCommand.parse("show"));
        assertInstanceOf(TicketCommand.Invalid.class, TicketCommand.parse("list everything"));
    }

    @Test
    void onlyListingAndShowingAreOpenToCustomers() {
        assertFalse(TicketCommand.parse("list").staffOnly());
        assertFalse(TicketCommand.parse("show T-1").staffOnly());
        for (String staffOnly : new String[] {"ack T-1", "assign T-1 <@U1>", "sev T-1 2", "resolve T-1", "reopen T-1",
            "reindex"}) {
            assertTrue(TicketCommand.parse(staffOnly).staffOnly(), staffOnly);
        }
    }
}
