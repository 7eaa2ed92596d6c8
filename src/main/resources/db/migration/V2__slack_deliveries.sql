-- Slack event ids seen, recorded before the event is acknowledged, so a retried delivery is recognised.

CREATE TABLE slack_deliveries (
    event_id     TEXT    PRIMARY KEY,
    received_at  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX slack_deliveries_by_time ON slack_deliveries (received_at);
