package dev.supportbot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportbot.tickets.TicketId;
import dev.supportbot.tickets.TicketQuery;
import dev.supportbot.tickets.Viewer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleSessionTest {
    private static final String OUTAGE = "our whole cluster is down, nobody can log in";

    @TempDir
    Path dataDir;
    private ConsoleFixture console;

    @BeforeEach
    void openDesk() {
        console = new ConsoleFixture(dataDir);
    }

    @AfterEach
    void closeDesk() {
        console.close();
    }

    private static void assertContains(String expected, String output) {
        assertTrue(output.contains(expected), () -> "expected '" + expected + "' in:\n" + output);
    }

    @Test
    void anOutageOpensASev1TicketAndPrintsItsCardWithAFourHourDeadline() {
        String output = console.type(OUTAGE);

        assertContains("bot: I'm opening a Severity 1 ticket", output);
        assertContains("┌ T-1001 · SEV1 · open", output);
        assertContains("│ first response due 2025-03-03T14:00:00Z (4h 00m after the message) · 4h 00m left", output);
        assertEquals(1, console.desk().tickets().queries().list(new Viewer.Staff("x"), TicketQuery.all()).size());
    }

    @Test
    void aDocumentedQuestionIsAnsweredWithItsSourceAndOpensNoTicket() {
        String output = console.type("How long do you have to respond to a Severity 1 problem?");

        assertContains("bot: ", output);
        assertContains("Source: ", output);
        assertFalse(output.contains("┌ T-"), output);
    }

    @Test
    void anOutOfScopeRequestIsExplainedWithTheScope() {
        String output = console.type("can you debug why my training code deadlocks in the data pipeline?");

        assertContains("outside our support scope", output);
        assertFalse(output.contains("┌ T-"), output);
    }

    @Test
    void theBotsOwnReplyDoesNotStopTheClockButAStaffReplyDoes() {
        console.type(OUTAGE);
        console.clock.advance(Duration.ofMinutes(25));
        console.type("/as staff dana");

        String bot = console.type("/ticket show T-1001");
        String reply = console.type("/reply T-1001 we are on it, checking the head node now");
        String again = console.type("/reply T-1001 found it");

        assertContains("public bot reply: I'm opening a Severity 1 ticket", bot);
        assertContains("3h 35m left", bot);
        assertEquals("T-1001: reply logged; first response, SLA clock stopped (met)\n", reply);
        assertEquals("T-1001: reply logged\n", again);
        assertContains("first response 2025-03-03T10:25:00Z by dana", console.type("/ticket show T-1001"));
    }

    @Test
    void aCustomerReplyAndAnInternalNoteAreLoggedButLeaveTheClockRunning() {
        console.type(OUTAGE);

        String comment = console.type("/reply T-1001 still down here");
        console.type("/as staff dana");
        String note = console.type("/note T-1001 probably the storage controller");

        assertEquals("T-1001: comment logged\n", comment);
        assertEquals("T-1001: internal note logged\n", note);
        assertTrue(console.desk().tickets().queries().get(new TicketId(1001), new Viewer.Staff("x")).clockRunning());
    }

    @Test
    void aSeverityChangeMovesTheDeadlineOnTheCard() {
        console.type(OUTAGE);
        console.type("/as staff dana");

        String output = console.type("/ticket sev T-1001 2 only one rack is affected");

        assertContains("┌ T-1001 · SEV2 · open", output);
        assertContains("first response due 2025-03-03T18:00:00Z (8h 00m after the message)", output);
    }

    @Test
    void warningsAndTheBreachAppearAsTheClockRunsAndSlaListsByTimeLeft() {
        console.type(OUTAGE);
        console.type("/as customer globex bob");
        console.type("our GPUs randomly fall off the bus");
        console.clock.advance(Duration.ofHours(2));

        String warning = console.type("/as staff dana");
        String sla = console.type("/sla");
        console.clock.advance(Duration.ofHours(3));
        String breach = console.type("/ticket list");

        assertContains("⚠ SLA warning: T-1001 (SEV1, acme) has used 50% of its first-response target; 2h 00m left",
                warning);
        List<String> slaLines = sla.lines().toList();
        assertEquals("open tickets awaiting a first response, by time left:", slaLines.get(0));
        assertTrue(slaLines.get(1).startsWith("  T-1001  SEV1 open"), slaLines.get(1));
        assertTrue(slaLines.get(2).startsWith("  T-1002"), slaLines.get(2));
        assertContains("2h 00m left (past 50%)", slaLines.get(1));
        assertContains("✖ SLA breached: T-1001 (SEV1, acme) had no first response by 2025-03-03T14:00:00Z", breach);
    }

    @Test
    void aCustomerNeverSeesAnotherOrganisationsTickets() {
        console.type(OUTAGE);
        console.type("/as customer globex bob");

        assertEquals("no tickets\n", console.type("/ticket list"));
        assertEquals("error: no ticket T-1001\n", console.type("/ticket show T-1001"));
        assertEquals("error: no ticket T-1001\n", console.type("/reply T-1001 is this ours?"));
        assertEquals("no open tickets waiting for a first response\n", console.type("/sla"));
    }

    @Test
    void customersCannotRunStaffCommands() {
        console.type(OUTAGE);

        assertEquals("error: only staff can change a ticket's status; switch with /as staff NAME\n",
                console.type("/ticket ack T-1001"));
        assertEquals("error: only staff can write internal notes; use /reply\n", console.type("/note T-1001 hi"));
    }

    @Test
    void wrongCommandsGetAClearMessageAndNoStackTrace() {
        console.type(OUTAGE);
        console.type("/as staff dana");

        List<String> answers = List.of("/frobnicate", "/ticket", "/ticket fly T-1001", "/ticket show nope",
                "/ticket ack T-9999", "/ticket sev T-1001 9", "/ticket sev T-1001 1", "/ticket assign T-1001",
                "/ticket list done", "/as", "/reply T-1001", "/ticket reopen T-1001", "plain words from staff")
                .stream().map(console::type).toList();

        assertEquals(List.of(
                "unknown command /frobnicate; type /help for the list\n",
                "usage: /ticket list [STATUS] | show|ack|wait|resolve|close|reopen T-1042 | assign T-1042 NAME"
                        + " | sev T-1042 SEV [REASON]\n",
                "unknown /ticket command 'fly'; usage: /ticket list [STATUS] | show|ack|wait|resolve|close|reopen"
                        + " T-1042 | assign T-1042 NAME | sev T-1042 SEV [REASON]\n",
                "error: 'nope' is not a ticket id such as T-1042\n",
                "error: no ticket T-9999\n",
                "error: unknown severity '9': expected one of 1, 2, 3, sr (or SEV1, SEV2, SEV3, SERVICE_REQUEST)\n",
                "error: T-1001 is already SEV1\n",
                "usage: /ticket assign T-1042 NAME\n",
                "error: unknown status 'done': expected one of open, acknowledged, waiting_on_customer, resolved,"
                        + " closed\n",
                "usage: /as staff NAME | /as customer ORG [PERSON]\n",
                "usage: /reply T-1042 TEXT\n",
                "error: T-1001 is already open\n",
                "staff write in a ticket's thread: /reply T-1042 TEXT (or /note for an internal note)\n"), answers);
    }

    @Test
    void hugeAndOddTextIsHandledWithoutLosingAnything() {
        String odd = "nodes down \uD83D\uDD25 \u202Eevil\u202C nul\u0000 <!channel>";
        console.type(odd);
        String huge = console.type("cluster down " + "x".repeat(50_000));

        assertEquals(odd, console.desk().tickets().queries().get(new TicketId(1001), new Viewer.Staff("x"))
                .summary());
        assertContains("error: summary is 50013 characters long; the limit is 40000", huge);
    }
}
