-- What supervision needs from other services' topics (reference §6.2): the registry (access rate), readings
-- (points reported, valid-data rate), offline events (online rate), cleaning plans and check-ins (check-in rate).
CREATE TABLE disposal.feed_enterprise (
    uscc          text PRIMARY KEY,
    name          text        NOT NULL,
    region_code   text NOT NULL,
    dust_type     text NOT NULL,
    dust_workers  int         NOT NULL,
    collectors    text        NOT NULL,  -- collector codes, comma-separated
    points        text        NOT NULL,  -- registered point codes, comma-separated (may be empty)
    registered_at timestamptz NOT NULL,  -- first version seen
    updated_at    timestamptz NOT NULL
);
CREATE INDEX feed_enterprise_region ON disposal.feed_enterprise (region_code text_pattern_ops);

CREATE TABLE disposal.feed_point_seen (
    uscc       text NOT NULL,
    point_code text NOT NULL,
    first_seen timestamptz NOT NULL,
    PRIMARY KEY (uscc, point_code)
);

-- one row per accepted REALTIME message: idempotent on its event id, counts its samples
CREATE TABLE disposal.feed_batch (
    event_id    text PRIMARY KEY,
    uscc        text        NOT NULL,
    received_at timestamptz  NOT NULL,
    samples     int          NOT NULL,
    good        int          NOT NULL
);
CREATE INDEX feed_batch_uscc_time ON disposal.feed_batch (uscc, received_at);

CREATE TABLE disposal.feed_offline (
    event_id text PRIMARY KEY,
    uscc     text        NOT NULL,
    offline  boolean      NOT NULL,  -- START (true) or END (false) of an enterprise-wide outage
    at       timestamptz  NOT NULL
);
CREATE INDEX feed_offline_uscc_time ON disposal.feed_offline (uscc, at);

CREATE TABLE disposal.feed_cleaning_plan (
    uscc       text PRIMARY KEY,
    areas      text        NOT NULL,  -- AREA:FREQUENCY, comma-separated
    shifts     int         NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE disposal.feed_check_in (
    check_in_id   text PRIMARY KEY,
    uscc          text        NOT NULL,
    area_code     text        NOT NULL,
    checked_in_at timestamptz  NOT NULL
);
CREATE INDEX feed_check_in_uscc_time ON disposal.feed_check_in (uscc, checked_in_at);
