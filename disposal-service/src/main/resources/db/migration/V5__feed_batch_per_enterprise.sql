-- A message id (the event id of a ReadingBatch) is unique per enterprise only (ingest's receipt key is
-- (uscc, msg_id)): keyed by the id alone, another enterprise's message with the same id was taken for a
-- redelivery and not counted. The retention job deletes by received_at.
ALTER TABLE disposal.feed_batch DROP CONSTRAINT feed_batch_pkey;
ALTER TABLE disposal.feed_batch ADD PRIMARY KEY (uscc, event_id);
CREATE INDEX feed_batch_received ON disposal.feed_batch (received_at);
