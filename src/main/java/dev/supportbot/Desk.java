package dev.supportbot;

import dev.supportbot.knowledge.DocSource;
import dev.supportbot.knowledge.KnowledgeBase;
import dev.supportbot.sla.Deadlines;
import dev.supportbot.sla.SlaSettings;
import dev.supportbot.tickets.Database;
import dev.supportbot.tickets.DeliveryLog;
import dev.supportbot.tickets.SlaListener;
import dev.supportbot.tickets.SlaMonitor;
import dev.supportbot.tickets.TicketStore;
import dev.supportbot.triage.Triage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The support desk's core, wired once: the knowledge base and triage engine, the ticket store and its delivery
 * log, and the SLA monitor. Adapters (the console, Slack) and tests build it with {@link #open} and close it
 * when done; it closes in reverse order of opening. Thread-safe as its parts are.
 */
public final class Desk implements AutoCloseable {
    private final KnowledgeBase knowledge;
    private final Triage triage;
    private final Database database;
    private final TicketStore tickets;
    private final DeliveryLog deliveries;
    private final SlaMonitor monitor;

    private Desk(KnowledgeBase knowledge, Triage triage, Database database, TicketStore tickets,
                 DeliveryLog deliveries, SlaMonitor monitor) {
        this.knowledge = knowledge;
        this.triage = triage;
        this.database = database;
        this.tickets = tickets;
        this.deliveries = deliveries;
        this.monitor = monitor;
    }

    /**
     * Builds the desk from a knowledge folder (docs, policy, SLA settings) and a data folder (the ticket
     * database). The SLA monitor is built but not started: call {@code monitor().start(period)} to run it.
     */
    public static Desk open(Path dataDir, Path knowledgeDir, List<DocSource> extraSources, Clock clock,
                            SlaListener listener) {
        KnowledgeBase knowledge = KnowledgeBase.open(knowledgeDir, extraSources);
        Database database = null;
        try {
            Triage triage = Triage.load(knowledgeDir, knowledge);
            Deadlines deadlines = new Deadlines(triage.policy(), SlaSettings.load(knowledgeDir));
            database = Database.open(dataDir);
            TicketStore tickets = new TicketStore(database, deadlines, clock);
            return new Desk(knowledge, triage, database, tickets, new DeliveryLog(database, clock),
                    new SlaMonitor(tickets, clock, listener));
        } catch (RuntimeException e) {
            try {
                if (database != null) {
                    database.close();
                }
            } finally {
                knowledge.close();
            }
            throw e;
        }
    }

    public static Desk open(Path dataDir, Path knowledgeDir, Clock clock, SlaListener listener) {
        return open(dataDir, knowledgeDir, List.of(), clock, listener);
    }

    public Triage triage() {
        return triage;
    }

    public TicketStore tickets() {
        return tickets;
    }

    public DeliveryLog deliveries() {
        return deliveries;
    }

    public SlaMonitor monitor() {
        return monitor;
    }

    @Override
    public void close() {
        monitor.close();
        try {
            database.close();
        } finally {
            knowledge.close();
        }
    }
}
