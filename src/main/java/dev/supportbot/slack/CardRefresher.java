package dev.supportbot.slack;

import dev.supportbot.tickets.Ticket;
import dev.supportbot.tickets.TicketQuery;
import dev.supportbot.tickets.TicketStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the countdown on cards current: on a schedule, every ticket whose first-response clock still runs gets
 * its card re-rendered when the outgoing queue has nothing more urgent (and posted at once if its first post
 * failed). Thread-safe.
 */
final class CardRefresher implements AutoCloseable {
    private final TicketStore store;
    private final Cards cards;
    private final WorkQueue work;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().name("card-refresher").daemon().unstarted(runnable));

    CardRefresher(TicketStore store, Cards cards, WorkQueue work) {
        this.store = store;
        this.cards = cards;
        this.work = work;
    }

    void start(Duration period) {
        scheduler.scheduleWithFixedDelay(() -> work.submit("card refresh", this::refreshNow),
                period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    void refreshNow() {
        for (Ticket ticket : store.queries().list(Intake.BOT, TicketQuery.all())) {
            if (ticket.clockRunning() || (ticket.status().isActive() && !cards.hasCard(ticket.id()))) {
                cards.refresh(ticket);
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
