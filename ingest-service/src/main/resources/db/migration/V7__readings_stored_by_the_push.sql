-- An accepted push now stores its readings in its own transaction (ingest.reading), so the claims that covered
-- readings still on their way through Kafka to the sink are no longer needed.
DROP TABLE IF EXISTS ingest.reading_claim;
