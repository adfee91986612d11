-- Filings (报备): one row per filing, its lifecycle state and who decided it. EXPIRED is not stored: a SUBMITTED
-- or APPROVED filing whose planned end has passed is shown EXPIRED on read.
CREATE TABLE ingest.filing (
    filing_id      UUID        PRIMARY KEY,
    uscc           VARCHAR(18) NOT NULL,
    region_code    VARCHAR(9)  NOT NULL,
    kind           TEXT        NOT NULL,
    collector_code TEXT,
    start_at       TIMESTAMPTZ NOT NULL,
    planned_end    TIMESTAMPTZ NOT NULL,
    reason         TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    source         TEXT        NOT NULL,
    msg_id         TEXT,
    filed_by       TEXT        NOT NULL,
    filed_at       TIMESTAMPTZ NOT NULL,
    decided_by     TEXT,
    decided_tier   TEXT,
    decided_at     TIMESTAMPTZ,
    remark         TEXT,
    closed_at      TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX filing_region ON ingest.filing (region_code, filed_at DESC);
CREATE INDEX filing_uscc ON ingest.filing (uscc, filed_at DESC);

-- Cleaning plans (清扫计划): the latest per enterprise, as JSON (areas and shifts).
CREATE TABLE ingest.cleaning_plan (
    uscc        VARCHAR(18) PRIMARY KEY,
    region_code VARCHAR(9)  NOT NULL,
    plan        JSONB       NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- Cleaning check-ins (清扫打卡), server time.
CREATE TABLE ingest.cleaning_check_in (
    check_in_id   UUID             PRIMARY KEY,
    uscc          VARCHAR(18)      NOT NULL,
    region_code   VARCHAR(9)       NOT NULL,
    area_code     TEXT             NOT NULL,
    method        TEXT             NOT NULL,
    photo_hashes  JSONB            NOT NULL,
    person        TEXT             NOT NULL,
    latitude      DOUBLE PRECISION NOT NULL,
    longitude     DOUBLE PRECISION NOT NULL,
    checked_in_at TIMESTAMPTZ      NOT NULL,
    source        TEXT             NOT NULL
);
CREATE INDEX cleaning_check_in_uscc ON ingest.cleaning_check_in (uscc, checked_in_at);

-- A photo is evidence once: its content hash is kept per enterprise; the same photo again is refused.
CREATE TABLE ingest.cleaning_photo (
    uscc        VARCHAR(18) NOT NULL,
    sha256      CHAR(64)    NOT NULL,
    check_in_id UUID        NOT NULL,
    PRIMARY KEY (uscc, sha256)
);
