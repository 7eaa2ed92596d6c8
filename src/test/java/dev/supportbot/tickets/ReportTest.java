package dev.supportbot.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supportbot.CommandRun;
import dev.supportbot.TestClock;
import dev.supportbot.policy.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @TempDir
    Path dataDir;

    /** acme: SEV1 answered in 1h, 2h and 5h (breached), one SEV1 unanswered past its deadline; globex: one SR. */
    private void storeHistory() {
        try (StoreFixture fixture = new StoreFixture(dataDir, TestClock.at("2025-03-03T10:00:00Z"))) {
            for (int hours : new int[] {1, 2, 5}) {
                Ticket ticket = fixture.open("acme", Severity.SEV1, "down " + hours);
                fixture.clock.advance(Duration.ofHours(hours));
                fixture.store().reply(ticket.id(), StoreFixture.STAFF,
                        fixture.replyBy("sam", AuthorRole.STAFF, Visibility.PUBLIC));
            }
            fixture.open("acme", Severity.SEV1, "down and nobody answered");
            fixture.open("glo,bex", Severity.SERVICE_REQUEST, "add a user");
        }
    }

    @Test
    void theReportCountsMetBreachedAndPendingWithMedianAndP90TimeToFirstResponse() {
        storeHistory();

        CommandRun run = CommandRun.of("report", "--data-dir", dataDir.toString(), "--csv");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(
                "customer,severity,tickets,sla_met,sla_breached,sla_pending,median_first_response_seconds,"
                        + "p90_first_response_seconds",
                "acme,SEV1,4,2,2,0,7200,18000",
                "\"glo,bex\",SERVICE_REQUEST,1,0,1,0,,",
                "all,all,5,2,3,0,7200,18000"), run.out().lines().toList());
    }

    @Test
    void sinceAndCustomerNarrowTheReport() {
        storeHistory();

        CommandRun later = CommandRun.of("report", "--data-dir", dataDir.toString(), "--csv", "--since",
                "2025-03-03T12:00:00Z", "--customer", "acme");
        CommandRun future = CommandRun.of("report", "--data-dir", dataDir.toString(), "--since", "2030-01-01");

        assertEquals(List.of("acme,SEV1,2,0,2,0,18000,18000", "all,all,2,0,2,0,18000,18000"),
                later.out().lines().skip(1).toList());
        assertEquals("no tickets\n", future.out());
    }

    @Test
    void aBadDateSaysWhatItExpected() {
        CommandRun run = CommandRun.of("report", "--data-dir", dataDir.toString(), "--since", "last week");

        assertEquals(2, run.exitCode());
        assertEquals("supportbot: --since 'last week' is not a date such as 2025-03-01 or an instant such as"
                + " 2025-03-01T09:00:00Z\n", run.err());
    }

    @Test
    void percentilesTakeTheNearestRank() {
        List<Duration> minutes = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).stream().map(m -> Duration.ofMinutes(m))
                .toList();

        assertEquals(Optional.of(Duration.ofMinutes(5)), TicketReport.percentile(minutes, 0.5));
        assertEquals(Optional.of(Duration.ofMinutes(9)), TicketReport.percentile(minutes, 0.9));
        assertEquals(Optional.of(Duration.ofMinutes(1)), TicketReport.percentile(minutes.subList(0, 1), 0.9));
        assertEquals(Optional.empty(), TicketReport.percentile(List.of(), 0.5));
    }
}
