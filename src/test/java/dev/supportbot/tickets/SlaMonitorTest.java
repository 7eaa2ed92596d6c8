package dev.supportbot.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportbot.TestClock;
import dev.supportbot.policy.Severity;
import dev.supportbot.sla.SlaSignal;
import dev.supportbot.sla.WarningLevel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlaMonitorTest {
    @TempDir
    Path dataDir;
    private StoreFixture fixture;
    private final List<String> told = new ArrayList<>();

    @BeforeEach
    void openStore() {
        fixture = new StoreFixture(dataDir, TestClock.at("2025-03-03T10:00:00Z"));
    }

    @AfterEach
    void closeStore() {
        fixture.close();
    }

    private SlaMonitor monitor() {
        return new SlaMonitor(fixture.store(), fixture.clock, new SlaListener() {
            @Override
            public void warned(Ticket ticket, WarningLevel level) {
                told.add(ticket.id() + " warned " + level);
            }

            @Override
            public void breached(Ticket ticket) {
                told.add(ticket.id() + " breached");
            }
        });
    }

    private List<EventType> slaEvents(Ticket ticket) {
        return fixture.queries().history(ticket.id(), StoreFixture.STAFF).stream().map(TicketEvent::type)
                .filter(type -> type == EventType.SLA_WARNING || type == EventType.SLA_BREACHED).toList();
    }

    @Test
    void eachWarningFiresExactlyOnceAtItsFractionOfTheTarget() {
        Ticket ticket = fixture.open("acme", Severity.SEV1, "cluster down");
        try (SlaMonitor monitor = monitor()) {
            fixture.clock.advance(Duration.ofMinutes(119));
            assertEquals(List.of(), monitor.checkNow());
            fixture.clock.advance(Duration.ofMinutes(1));
            monitor.checkNow();
            monitor.checkNow();
            fixture.clock.advance(Duration.ofMinutes(60));
            monitor.checkNow();
            fixture.clock.advance(Duration.ofMinutes(36));
            monitor.checkNow();
            monitor.checkNow();
        }

        assertEquals(List.of("T-1001 warned 50%", "T-1001 warned 75%", "T-1001 warned 90%"), told);
        assertEquals(List.of(EventType.SLA_WARNING, EventType.SLA_WARNING, EventType.SLA_WARNING), slaEvents(ticket));
        TicketChange.SlaWarned last = (TicketChange.SlaWarned) fixture.queries()
                .history(ticket.id(), StoreFixture.STAFF).getLast().change();
        assertEquals(new TicketChange.SlaWarned(new WarningLevel(90), ticket.createdAt().plus(Duration.ofMinutes(216))),
                last);
    }

    @Test
    void aBreachFoundLateAfterDowntimeIsRecordedOnceAndStampedAtTheDeadline() {
        Ticket ticket = fixture.open("acme", Severity.SEV1, "cluster down");
        fixture.clock.advance(Duration.ofHours(30));

        List<SlaNotice> notices;
        try (SlaMonitor monitor = monitor()) {
            notices = monitor.checkNow();
            fixture.clock.advance(Duration.ofHours(1));
            monitor.checkNow();
        }

        assertEquals(List.of(new SlaSignal.Breach(ticket.firstResponseDueAt())),
                notices.stream().map(SlaNotice::signal).toList());
        assertEquals(List.of("T-1001 breached"), told);
        assertEquals(List.of(EventType.SLA_BREACHED), slaEvents(ticket));
        assertEquals(Optional.of(ticket.createdAt().plus(Duration.ofHours(4))),
                fixture.queries().get(ticket.id(), StoreFixture.STAFF).slaBreachedAt());
    }

    @Test
    void aBotReplyOrAnInternalNoteDoesNotStopTheClockButAStaffReplyDoes() {
        Ticket ticket = fixture.open("acme", Severity.SEV1, "cluster down");
        fixture.clock.advance(Duration.ofMinutes(5));
        fixture.store().reply(ticket.id(), StoreFixture.STAFF,
                fixture.replyBy("supportbot", AuthorRole.BOT, Visibility.PUBLIC));
        fixture.store().reply(ticket.id(), StoreFixture.STAFF,
                fixture.replyBy("dana", AuthorRole.STAFF, Visibility.INTERNAL));
        Ticket afterBot = fixture.queries().get(ticket.id(), StoreFixture.STAFF);
        fixture.clock.advance(Duration.ofMinutes(10));
        Instant staffRepliedAt = fixture.now();
        Ticket afterStaff = fixture.store().reply(ticket.id(), StoreFixture.STAFF,
                fixture.replyBy("sam", AuthorRole.STAFF, Visibility.PUBLIC));
        fixture.clock.advance(Duration.ofHours(10));

        try (SlaMonitor monitor = monitor()) {
            assertEquals(List.of(), monitor.checkNow());
        }

        assertTrue(afterBot.clockRunning());
        assertEquals(Optional.of(new FirstResponse(staffRepliedAt, "sam")), afterStaff.firstResponse());
        assertEquals(List.of(), told);
    }

    @Test
    void aSecondStaffReplyLeavesTheFirstResponseAsItWas() {
        Ticket ticket = fixture.open("acme", Severity.SEV2, "drained nodes");
        fixture.store().reply(ticket.id(), StoreFixture.STAFF, fixture.replyBy("sam", AuthorRole.STAFF,
                Visibility.PUBLIC));
        Instant first = fixture.now();
        fixture.clock.advance(Duration.ofMinutes(3));

        Ticket after = fixture.store().reply(ticket.id(), StoreFixture.STAFF, fixture.replyBy("dana",
                AuthorRole.STAFF, Visibility.PUBLIC));

        assertEquals(Optional.of(new FirstResponse(first, "sam")), after.firstResponse());
    }

    @Test
    void aRestartRebuildsTheSameDeadlinesAndFiresNoWarningTwice() {
        Ticket sev1 = fixture.open("acme", Severity.SEV1, "cluster down");
        Ticket request = fixture.open("globex", Severity.SERVICE_REQUEST, "add a user");
        Ticket sev3 = fixture.open("acme", Severity.SEV3, "typo");
        fixture.store().changeSeverity(sev3.id(), Severity.SEV2, StoreFixture.STAFF, "worse than it looked");
        fixture.clock.advance(Duration.ofHours(2));
        try (SlaMonitor monitor = monitor()) {
            monitor.checkNow();
        }
        List<Ticket> before = fixture.queries().list(StoreFixture.STAFF, TicketQuery.all());

        fixture.reopen();
        try (SlaMonitor monitor = monitor()) {
            monitor.checkNow();
        }
        List<Ticket> after = fixture.queries().list(StoreFixture.STAFF, TicketQuery.all());

        assertEquals(before, after);
        assertEquals(List.of(sev1.createdAt().plus(Duration.ofHours(4)),
                        request.createdAt().plus(Duration.ofHours(24)), sev3.createdAt().plus(Duration.ofHours(8))),
                after.stream().map(Ticket::firstResponseDueAt).toList());
        assertEquals(List.of("T-1001 warned 50%"), told);
    }

    @Test
    void theBackgroundScheduleRecordsABreachWithoutATestDrivingIt() throws InterruptedException {
        Ticket ticket = fixture.open("acme", Severity.SEV1, "cluster down");
        fixture.clock.advance(Duration.ofHours(5));
        CountDownLatch breached = new CountDownLatch(1);
        SlaListener listener = new SlaListener() {
            @Override
            public void warned(Ticket warnedTicket, WarningLevel level) {
                // only the breach is awaited
            }

            @Override
            public void breached(Ticket breachedTicket) {
                breached.countDown();
            }
        };

        try (SlaMonitor monitor = new SlaMonitor(fixture.store(), fixture.clock, listener)) {
            monitor.start(Duration.ofMillis(20));
            assertTrue(breached.await(10, TimeUnit.SECONDS));
        }
        assertTrue(fixture.queries().get(ticket.id(), StoreFixture.STAFF).slaBreachedAt().isPresent());
    }
}
