-- Tickets and their append-only event log. Times are milliseconds since the epoch, UTC.
-- A ticket row is always the replay of its events (TicketHistory); the log is the record.

CREATE TABLE tickets (
    number                 INTEGER PRIMARY KEY,
    idempotency_key        TEXT    NOT NULL UNIQUE,
    customer               TEXT    NOT NULL,
    channel                TEXT    NOT NULL,
    thread_ts              TEXT    NOT NULL,
    reporter               TEXT    NOT NULL,
    summary                TEXT    NOT NULL,
    severity               TEXT    NOT NULL CHECK (severity IN ('SEV1', 'SEV2', 'SEV3', 'SERVICE_REQUEST')),
    status                 TEXT    NOT NULL
        CHECK (status IN ('open', 'acknowledged', 'waiting_on_customer', 'resolved', 'closed')),
    assignee               TEXT,
    created_at             INTEGER NOT NULL,
    first_response_due_at  INTEGER NOT NULL CHECK (first_response_due_at >= created_at),
    first_response_at      INTEGER,
    first_responder        TEXT,
    sla_warnings           TEXT    NOT NULL DEFAULT '',
    sla_breached_at        INTEGER,
    CHECK ((first_response_at IS NULL) = (first_responder IS NULL))
);

CREATE INDEX tickets_by_customer ON tickets (customer, status, created_at);
CREATE INDEX tickets_by_thread ON tickets (channel, thread_ts);
CREATE INDEX tickets_with_running_clock ON tickets (first_response_due_at)
    WHERE first_response_at IS NULL AND sla_breached_at IS NULL;

CREATE TABLE ticket_events (
    ticket_number  INTEGER NOT NULL REFERENCES tickets (number),
    sequence       INTEGER NOT NULL CHECK (sequence >= 1),
    type           TEXT    NOT NULL,
    recorded_at    INTEGER NOT NULL,
    actor          TEXT    NOT NULL,
    payload        TEXT    NOT NULL,
    PRIMARY KEY (ticket_number, sequence)
) WITHOUT ROWID;

CREATE TRIGGER ticket_events_no_update BEFORE UPDATE ON ticket_events
BEGIN
    SELECT RAISE(ABORT, 'ticket_events is append-only');
END;

CREATE TRIGGER ticket_events_no_delete BEFORE DELETE ON ticket_events
BEGIN
    SELECT RAISE(ABORT, 'ticket_events is append-only');
END;
