-- Nothing silently dropped: a receipt keeps the SHA-256 of the accepted message (a reused msgId with other
-- content is a conflict); a reading keeps the value and unit as the gateway sent them (converted on intake).
ALTER TABLE ingest.receipt ADD COLUMN content_hash CHAR(64);
ALTER TABLE ingest.reading ADD COLUMN original_value DOUBLE PRECISION;
ALTER TABLE ingest.reading ADD COLUMN original_unit VARCHAR(32);

-- Registry depth (reference §2.3): gateways and cameras beside the collectors (which now carry their points),
-- and the site's position for the region map.
ALTER TABLE ingest.enterprise ADD COLUMN gateways JSONB NOT NULL DEFAULT '[]';
ALTER TABLE ingest.enterprise ADD COLUMN cameras JSONB NOT NULL DEFAULT '[]';
ALTER TABLE ingest.enterprise ADD COLUMN longitude DOUBLE PRECISION;
ALTER TABLE ingest.enterprise ADD COLUMN latitude DOUBLE PRECISION;
