package dev.supportbot.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportbot.TestClock;
import dev.supportbot.policy.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketStoreTest {
    @TempDir
    Path dataDir;
    private StoreFixture fixture;

    @BeforeEach
    void openStore() {
        fixture = new StoreFixture(dataDir, TestClock.at("2025-03-03T10:00:00Z"));
    }

    @AfterEach
    void closeStore() {
        fixture.close();
    }

    @Test
    void aSev1TicketIsDueFourHoursAfterTheCustomersMessageNotAfterProcessing() {
        Instant postedAt = Instant.parse("2025-03-03T09:58:30.123Z");
        Creation creation = fixture.store().create(new NewTicket("Ev1", "acme", "C1", "1741000000.000100",
                "U1", "cluster is down", Severity.SEV1, postedAt));

        assertTrue(creation.created());
        assertEquals("T-1001", creation.ticket().id().toString());
        assertEquals(postedAt, creation.ticket().createdAt());
        assertEquals(postedAt.plus(Duration.ofHours(4)), creation.ticket().firstResponseDueAt());
        assertEquals(TicketStatus.OPEN, creation.ticket().status());
    }

    @Test
    void ticketNumbersAreSequential() {
        Ticket first = fixture.open("acme", Severity.SEV3, "typo");
        Ticket second = fixture.open("acme", Severity.SEV3, "another typo");

        assertEquals(first.id().number() + 1, second.id().number());
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheExistingTicketAndSaysItIsNotNew() {
        NewTicket request = new NewTicket("Ev9", "acme", "C1", "1.000001", "U1", "down", Severity.SEV1, fixture.now());
        Creation first = fixture.store().create(request);
        Creation again = fixture.store().create(request);

        assertTrue(first.created());
        assertFalse(again.created());
        assertEquals(first.ticket(), again.ticket());
        assertEquals(1, fixture.queries().list(StoreFixture.STAFF, TicketQuery.all()).size());
    }

    @Test
    void aSeverityChangeMovesTheDeadlineToTheOriginalStartPlusTheNewTarget() {
        Ticket ticket = fixture.open("acme", Severity.SEV1, "cluster is down");
        fixture.clock.advance(Duration.ofHours(1));

        Ticket changed = fixture.store().changeSeverity(ticket.id(), Severity.SEV2, StoreFixture.STAFF, "one node");

        assertEquals(Severity.SEV2, changed.severity());
        assertEquals(ticket.createdAt().plus(Duration.ofHours(8)), changed.firstResponseDueAt());
        TicketChange.SeverityChanged logged = (TicketChange.SeverityChanged) fixture.queries()
                .history(ticket.id(), StoreFixture.STAFF).getLast().change();
        assertEquals(new TicketChange.SeverityChanged(Severity.SEV1, Severity.SEV2, "one node",
                changed.firstResponseDueAt()), logged);
        assertEquals("dana", fixture.queries().history(ticket.id(), StoreFixture.STAFF).getLast().actor());
    }

    @Test
    void replayingTheLogGivesTheStoredRow() {
        Ticket ticket = fixture.open("acme", Severity.SEV2, "nodes drained");
        TicketStore store = fixture.store();
        store.assign(ticket.id(), "sam", StoreFixture.STAFF);
        store.moveTo(ticket.id(), TicketStatus.ACKNOWLEDGED, StoreFixture.STAFF);
        fixture.clock.advance(Duration.ofMinutes(20));
        store.reply(ticket.id(), StoreFixture.STAFF, fixture.replyBy("sam", AuthorRole.STAFF, Visibility.PUBLIC));
        store.changeSeverity(ticket.id(), Severity.SEV1, StoreFixture.STAFF, "all nodes now");
        store.moveTo(ticket.id(), TicketStatus.WAITING_ON_CUSTOMER, StoreFixture.STAFF);
        store.reply(ticket.id(), new Viewer.Customer("acme"),
                fixture.replyBy("U-reporter", AuthorRole.CUSTOMER, Visibility.PUBLIC));
        store.moveTo(ticket.id(), TicketStatus.RESOLVED, StoreFixture.STAFF);
        store.moveTo(ticket.id(), TicketStatus.OPEN, StoreFixture.STAFF);
        fixture.reopen();

        Ticket stored = fixture.queries().get(ticket.id(), StoreFixture.STAFF);
        List<TicketEvent> log = fixture.queries().history(ticket.id(), StoreFixture.STAFF);

        assertEquals(stored, TicketHistory.replay(log));
        assertEquals(List.of(EventType.CREATED, EventType.ASSIGNED, EventType.STATUS_CHANGED, EventType.COMMENT,
                EventType.FIRST_RESPONSE, EventType.SEVERITY_CHANGED, EventType.STATUS_CHANGED, EventType.COMMENT,
                EventType.RESOLVED, EventType.REOPENED), log.stream().map(TicketEvent::type).toList());
        assertEquals(Optional.of("sam"), stored.assignee());
        assertEquals(TicketStatus.OPEN, stored.status());
    }

    @Test
    void aClosedTicketCannotBeAcknowledgedButCanBeReopened() {
        Ticket ticket = fixture.open("acme", Severity.SEV3, "typo");
        fixture.store().moveTo(ticket.id(), TicketStatus.RESOLVED, StoreFixture.STAFF);
        fixture.store().moveTo(ticket.id(), TicketStatus.CLOSED, StoreFixture.STAFF);

        TicketException refused = assertThrows(TicketException.class,
                () -> fixture.store().moveTo(ticket.id(), TicketStatus.ACKNOWLEDGED, StoreFixture.STAFF));
        Ticket reopened = fixture.store().moveTo(ticket.id(), TicketStatus.OPEN, StoreFixture.STAFF);

        assertEquals("T-1001 is closed; it cannot become acknowledged", refused.getMessage());
        assertEquals(TicketStatus.OPEN, reopened.status());
    }

    @Test
    void theTicketOfAThreadIsFoundByChannelAndThreadTs() {
        Ticket ticket = fixture.open("acme", Severity.SEV2, "slow storage");

        assertEquals(Optional.of(ticket), fixture.queries().findByThread(ticket.channel(), ticket.threadTs(),
                StoreFixture.STAFF));
        assertEquals(Optional.empty(), fixture.queries().findByThread(ticket.channel(), ticket.threadTs(),
                new Viewer.Customer("globex")));
    }
}
