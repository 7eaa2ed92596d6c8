package dev.supportbot.tickets;

import dev.supportbot.sla.SlaClock;
import dev.supportbot.sla.SlaSignal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the first-response clocks of open tickets: each check records the warnings and breaches that are due
 * and tells the listener. Every clock is read from the store on every check, so a restart loses nothing and a
 * breach missed during downtime is recorded on the first check after it, stamped with the deadline.
 * {@link #checkNow()} runs one check on the caller's thread (tests drive it with their own clock);
 * {@link #start(Duration)} runs checks periodically on one background thread. Thread-safe.
 */
public final class SlaMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlaMonitor.class);

    private final TicketStore store;
    private final Clock clock;
    private final SlaListener listener;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sla-monitor");
        thread.setDaemon(true);
        return thread;
    });

    public SlaMonitor(TicketStore store, Clock clock, SlaListener listener) {
        this.store = store;
        this.clock = clock;
        this.listener = listener;
    }

    /** Checks every running clock once; returns what was recorded. */
    public synchronized List<SlaNotice> checkNow() {
        List<SlaNotice> notices = new ArrayList<>();
        for (Ticket ticket : store.queries().running()) {
            SlaClock slaClock = ticket.slaClock(store.deadlines().calendarFor(ticket.customer()));
            if (slaClock.due(store.deadlines().warnings(), clock.instant()).isEmpty()) {
                continue;
            }
            SlaUpdate update = store.recordDueSla(ticket.id());
            for (SlaSignal signal : update.recorded()) {
                notices.add(new SlaNotice(update.ticket(), signal));
                tell(update.ticket(), signal);
            }
        }
        return notices;
    }

    /** Starts periodic checks, the first at once. */
    public void start(Duration period) {
        scheduler.scheduleWithFixedDelay(this::checkLogged, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tell(Ticket ticket, SlaSignal signal) {
        switch (signal) {
            case SlaSignal.Warning warning -> listener.warned(ticket, warning.level());
            case SlaSignal.Breach breach -> listener.breached(ticket);
        }
    }

    private void checkLogged() {
        try {
            checkNow();
        } catch (StoreException | TicketException e) {
            // A failed check is retried on the next tick; a thrown exception would cancel the schedule.
            LOG.warn("SLA check failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
