package dev.supportbot.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supportbot.TestClock;
import dev.supportbot.policy.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadInputTest {
    @TempDir
    Path dataDir;
    private StoreFixture fixture;
    private Ticket ticket;

    @BeforeEach
    void openOneTicket() {
        fixture = new StoreFixture(dataDir, TestClock.at("2025-03-03T10:00:00Z"));
        ticket = fixture.open("acme", Severity.SEV2, "nodes drained");
    }

    @AfterEach
    void closeStore() {
        fixture.close();
    }

    /** Everything stored, as staff see it: rows and logs. */
    private List<Object> everything() {
        List<Ticket> tickets = fixture.queries().list(StoreFixture.STAFF, TicketQuery.all());
        return List.of(tickets, tickets.stream()
                .map(stored -> fixture.queries().history(stored.id(), StoreFixture.STAFF)).toList());
    }

    private NewTicket withSummary(String summary) {
        return new NewTicket("Ev-odd", "acme", "C1", "2.000000", "U1", summary, Severity.SEV3, fixture.now());
    }

    @Test
    void anUnknownTicketIdIsReportedByNameAndChangesNothing() {
        List<Object> before = everything();

        TicketNotFoundException missing = assertThrows(TicketNotFoundException.class,
                () -> fixture.store().assign(TicketId.parse("T-9999"), "sam", StoreFixture.STAFF));

        assertEquals("no ticket T-9999", missing.getMessage());
        assertEquals(before, everything());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "T-", "T-12x", "ticket one", "T--5", "T-99999999999999999999"})
    void aMalformedTicketIdSaysWhatWasExpected(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> TicketId.parse(text));

        assertEquals("'" + text + "' is not a ticket id such as T-1042", refused.getMessage());
    }

    @Test
    void aBadSeverityNamesTheAcceptedForms() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Severity.parse("sev9"));

        assertEquals("unknown severity 'sev9': expected one of 1, 2, 3, sr (or SEV1, SEV2, SEV3, SERVICE_REQUEST)",
                refused.getMessage());
    }

    @Test
    void changingToTheSameSeverityIsRefusedAndLogsNothing() {
        List<Object> before = everything();

        TicketException refused = assertThrows(TicketException.class,
                () -> fixture.store().changeSeverity(ticket.id(), Severity.SEV2, StoreFixture.STAFF, "again"));

        assertEquals("T-1001 is already SEV2", refused.getMessage());
        assertEquals(before, everything());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void emptyTextIsRefused(String text) {
        IllegalArgumentException summary = assertThrows(IllegalArgumentException.class, () -> withSummary(text));
        IllegalArgumentException reply = assertThrows(IllegalArgumentException.class,
                () -> new Reply("sam", AuthorRole.STAFF, Visibility.PUBLIC, text, fixture.now()));

        assertEquals("summary is empty", summary.getMessage());
        assertEquals("reply text is empty", reply.getMessage());
    }

    @Test
    void textLongerThanASlackMessageIsRefusedWithItsLength() {
        List<Object> before = everything();
        String huge = "x".repeat(UserText.MAX_TEXT + 1);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> withSummary(huge));

        assertEquals("summary is 40001 characters long; the limit is 40000", refused.getMessage());
        assertEquals(before, everything());
    }

    @Test
    void textAtTheLimitIsStoredWhole() {
        String longest = "y".repeat(UserText.MAX_TEXT);

        Ticket stored = fixture.store().create(withSummary(longest)).ticket();

        assertEquals(longest, fixture.queries().get(stored.id(), StoreFixture.STAFF).summary());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000inside", "emoji \uD83D\uDD25\uD83D\uDE80 and flags \uD83C\uDDFA\uD83C\uDDE6",
        "right-to-left \u202Eevil\u202C and zero width \u200B\u200D\uFEFF", "combining e\u0301\u0301\u0301",
        "<!channel> *bold* `code` 'quotes' \"double\" -- ; DROP TABLE tickets;", "\u65E5\u672C\u8A9E \uD55C\uAD6D\uC5B4"})
    void oddUnicodeIsStoredAndReadBackExactly(String text) {
        Ticket stored = fixture.store().create(withSummary(text)).ticket();
        fixture.store().reply(stored.id(), StoreFixture.STAFF,
                new Reply("sam", AuthorRole.STAFF, Visibility.PUBLIC, text, fixture.now()));
        fixture.reopen();

        List<TicketEvent> log = fixture.queries().history(stored.id(), StoreFixture.STAFF);
        assertEquals(text, fixture.queries().get(stored.id(), StoreFixture.STAFF).summary());
        assertEquals(text, ((TicketChange.Commented) log.get(1).change()).text());
    }

    @Test
    void anUnpairedSurrogateIsRefusedBecauseItCouldNotBeStoredExactly() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> withSummary("broken \uD800 half"));

        assertEquals("summary has an unpaired UTF-16 surrogate at index 7", refused.getMessage());
    }

    @Test
    void aRefusedChangeInTheMiddleOfWorkLeavesEarlierAndLaterChangesIntact() {
        fixture.store().assign(ticket.id(), "sam", StoreFixture.STAFF);
        assertThrows(TicketException.class,
                () -> fixture.store().moveTo(ticket.id(), TicketStatus.CLOSED, StoreFixture.STAFF));
        fixture.store().moveTo(ticket.id(), TicketStatus.ACKNOWLEDGED, StoreFixture.STAFF);

        List<TicketEvent> log = fixture.queries().history(ticket.id(), StoreFixture.STAFF);
        assertEquals(List.of(EventType.CREATED, EventType.ASSIGNED, EventType.STATUS_CHANGED),
                log.stream().map(TicketEvent::type).toList());
        assertEquals(TicketHistory.replay(log), fixture.queries().get(ticket.id(), StoreFixture.STAFF));
    }
}
