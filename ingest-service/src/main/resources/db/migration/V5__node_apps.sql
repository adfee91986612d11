-- The national SM4 envelope: per city node an appId, the SHA-256 of its appSecret, and its SM4 key and IV sealed
-- with the platform's master key (AES-256-GCM); never a key or secret in clear.
CREATE TABLE ingest.node_app (
    app_id        VARCHAR(64) PRIMARY KEY,
    region_code   VARCHAR(6)  NOT NULL,
    secret_sha256 BYTEA       NOT NULL,
    key_sealed    BYTEA       NOT NULL,
    iv_sealed     BYTEA       NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    updated_by    TEXT        NOT NULL
);

-- The transactional outbox: registry changes are announced on Kafka after their transaction commits.
CREATE TABLE ingest.outbox (
    id          BIGSERIAL   PRIMARY KEY,
    topic       TEXT        NOT NULL,
    message_key TEXT        NOT NULL,
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Claims of the readings accepted by pushes, until the store holds them: a conflicting value for the same point
-- and second is told even while the first is still on its way through Kafka to the store.
CREATE TABLE ingest.reading_claim (
    point_code   TEXT             NOT NULL,
    collect_time TIMESTAMPTZ      NOT NULL,
    value        DOUBLE PRECISION NOT NULL,
    quality      SMALLINT         NOT NULL,
    claimed_at   TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (point_code, collect_time)
);
CREATE INDEX reading_claim_claimed ON ingest.reading_claim (claimed_at);
