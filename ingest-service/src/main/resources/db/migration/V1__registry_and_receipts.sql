-- Enterprise registry (企业基础信息) and push receipts (idempotency on msgId).
CREATE TABLE ingest.enterprise (
    uscc                   CHAR(18)     PRIMARY KEY,
    name                   TEXT         NOT NULL,
    region_code            VARCHAR(9)   NOT NULL,
    dust_type              VARCHAR(32)  NOT NULL,
    dust_workers           INTEGER      NOT NULL CHECK (dust_workers >= 0),
    ignition_prone_process BOOLEAN      NOT NULL,
    collectors             JSONB        NOT NULL,
    updated_at             TIMESTAMPTZ  NOT NULL,
    updated_by             TEXT         NOT NULL
);
CREATE INDEX enterprise_region ON ingest.enterprise (region_code);

CREATE TABLE ingest.receipt (
    msg_id      TEXT        PRIMARY KEY,
    uscc        CHAR(18)    NOT NULL,
    msg_type    VARCHAR(16) NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX receipt_received ON ingest.receipt (received_at);
