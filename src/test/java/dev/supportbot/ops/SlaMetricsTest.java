package dev.supportbot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportbot.TestClock;
import dev.supportbot.policy.Policy;
import dev.supportbot.policy.Severity;
import dev.supportbot.sla.Deadlines;
import dev.supportbot.sla.SlaSettings;
import dev.supportbot.sla.WarningLevel;
import dev.supportbot.tickets.Database;
import dev.supportbot.tickets.NewTicket;
import dev.supportbot.tickets.SlaListener;
import dev.supportbot.tickets.SlaMonitor;
import dev.supportbot.tickets.Ticket;
import dev.supportbot.tickets.TicketStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlaMetricsTest {
    private static String scrape(Metrics metrics) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void slaWarningsAndTheBreachAreCountedAndStillReachTheListener(@TempDir Path dir) throws IOException {
        TestClock clock = TestClock.at("2025-03-03T10:00:00Z");
        List<String> told = new ArrayList<>();
        SlaListener recording = new SlaListener() {
            @Override
            public void warned(Ticket ticket, WarningLevel level) {
                told.add(ticket.id() + " " + level);
            }

            @Override
            public void breached(Ticket ticket) {
                told.add(ticket.id() + " breached");
            }
        };
        Metrics metrics = new Metrics();
        try (Database database = Database.open(dir)) {
            TicketStore store = new TicketStore(database,
                    new Deadlines(Policy.load(Path.of("knowledge")), SlaSettings.defaults()), clock);
            metrics.watchTickets(store.queries());
            store.create(new NewTicket(NewTicket.messageKey("C0ACME", "1.0"), "acme", "C0ACME", "1.0", "U0ALICE",
                    "cluster down", Severity.SEV1, clock.instant()));
            SlaMonitor monitor = new SlaMonitor(store, clock, metrics.counting(recording));
            clock.advance(Duration.ofMinutes(150)); // past half of Severity 1's 4 hours
            monitor.checkNow();
            clock.advance(Duration.ofHours(3)); // past the deadline
            monitor.checkNow();
            String text = scrape(metrics);
            assertEquals(List.of("T-1001 50%", "T-1001 breached"), told);
            assertTrue(text.contains("supportbot_sla_signals_total{level=\"50%\",signal=\"warning\"} 1.0"), text);
            assertTrue(text.contains("supportbot_sla_signals_total{level=\"100%\",signal=\"breach\"} 1.0"), text);
            assertTrue(text.contains("supportbot_tickets{severity=\"SEV1\",status=\"open\"} 1.0"), text);
        }
    }
}
