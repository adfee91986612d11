-- A msgId is unique per enterprise, not platform-wide: the receipt key becomes (uscc, msg_id).
ALTER TABLE ingest.receipt DROP CONSTRAINT receipt_pkey;
ALTER TABLE ingest.receipt ADD PRIMARY KEY (uscc, msg_id);
