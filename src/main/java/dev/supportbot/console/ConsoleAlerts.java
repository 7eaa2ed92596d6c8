package dev.supportbot.console;

import dev.supportbot.sla.DurationText;
import dev.supportbot.sla.WarningLevel;
import dev.supportbot.tickets.SlaListener;
import dev.supportbot.tickets.Ticket;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;

/**
 * Prints SLA warnings and breaches as the triage channel would show them. Called from the monitor's thread as
 * well as the console's, so each alert is printed whole under the writer's lock.
 */
final class ConsoleAlerts implements SlaListener {
    private final PrintWriter out;
    private final Clock clock;

    ConsoleAlerts(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void warned(Ticket ticket, WarningLevel level) {
        print("⚠ SLA warning: " + ticket.id() + " (" + ticket.severity().label() + ", " + ticket.customer()
                + ") has used " + level + " of its first-response target; "
                + DurationText.timeLeft(Duration.between(clock.instant(), ticket.firstResponseDueAt()))
                + ", due " + ticket.firstResponseDueAt());
    }

    @Override
    public void breached(Ticket ticket) {
        print("✖ SLA breached: " + ticket.id() + " (" + ticket.severity().label() + ", " + ticket.customer()
                + ") had no first response by " + ticket.firstResponseDueAt());
    }

    private void print(String alert) {
        synchronized (out) {
            out.println(alert);
            out.flush();
        }
    }
}
