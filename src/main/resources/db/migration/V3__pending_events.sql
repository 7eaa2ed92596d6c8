-- The body of an event acknowledged but not yet processed; NULL once processed (or for events with no work).
-- Events still pending after a crash are processed again at the next start.

ALTER TABLE slack_deliveries ADD COLUMN pending_body TEXT;
