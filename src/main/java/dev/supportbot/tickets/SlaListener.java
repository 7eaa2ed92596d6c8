package dev.supportbot.tickets;

import dev.supportbot.sla.WarningLevel;

/**
 * Told when the SLA monitor records a warning or a breach, after it is stored; an adapter posts it to the
 * triage channel. Called on the monitor's thread: keep it quick and do not throw.
 */
public interface SlaListener {
    void warned(Ticket ticket, WarningLevel level);

    void breached(Ticket ticket);

    /** A listener for when nobody needs to be told. */
    static SlaListener none() {
        return new SlaListener() {
            @Override
            public void warned(Ticket ticket, WarningLevel level) {
                // nobody to tell
            }

            @Override
            public void breached(Ticket ticket) {
                // nobody to tell
            }
        };
    }
}
