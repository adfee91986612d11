-- The readings store. With TimescaleDB available: a hypertable on collect_time (7-day chunks).
-- Otherwise: a table range-partitioned by month on collect_time, partitions from 3 months back to
-- 3 months ahead plus a DEFAULT partition, so that no insert fails for lack of a partition.
DO $$
DECLARE
    month_start DATE;
    i INTEGER;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') THEN
        EXECUTE 'CREATE EXTENSION IF NOT EXISTS timescaledb';
        EXECUTE $ddl$
            CREATE TABLE ingest.reading (
                point_code   TEXT             NOT NULL,
                collect_time TIMESTAMPTZ      NOT NULL,
                uscc         CHAR(18)         NOT NULL,
                param_code   VARCHAR(32)      NOT NULL,
                value        DOUBLE PRECISION NOT NULL,
                quality      SMALLINT         NOT NULL,
                event_id     TEXT             NOT NULL,
                received_at  TIMESTAMPTZ      NOT NULL,
                PRIMARY KEY (point_code, collect_time)
            )$ddl$;
        EXECUTE $ddl$SELECT create_hypertable('ingest.reading', 'collect_time',
                                              chunk_time_interval => INTERVAL '7 days')$ddl$;
    ELSE
        EXECUTE $ddl$
            CREATE TABLE ingest.reading (
                point_code   TEXT             NOT NULL,
                collect_time TIMESTAMPTZ      NOT NULL,
                uscc         CHAR(18)         NOT NULL,
                param_code   VARCHAR(32)      NOT NULL,
                value        DOUBLE PRECISION NOT NULL,
                quality      SMALLINT         NOT NULL,
                event_id     TEXT             NOT NULL,
                received_at  TIMESTAMPTZ      NOT NULL,
                PRIMARY KEY (point_code, collect_time)
            ) PARTITION BY RANGE (collect_time)$ddl$;
        FOR i IN -3..3 LOOP
            month_start := (date_trunc('month', now()) + make_interval(months => i))::date;
            EXECUTE format('CREATE TABLE ingest.reading_%s PARTITION OF ingest.reading FOR VALUES FROM (%L) TO (%L)',
                           to_char(month_start, 'YYYYMM'), month_start, (month_start + INTERVAL '1 month')::date);
        END LOOP;
        EXECUTE 'CREATE TABLE ingest.reading_default PARTITION OF ingest.reading DEFAULT';
    END IF;
    EXECUTE 'CREATE INDEX reading_uscc_time ON ingest.reading (uscc, collect_time DESC)';
END
$$;
