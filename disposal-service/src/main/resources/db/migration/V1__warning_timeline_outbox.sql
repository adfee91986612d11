-- disposal-service schema: warning cases, their append-only timeline (处置记录), the transactional outbox.

CREATE TABLE disposal.warning (
    warning_id            text        PRIMARY KEY,
    uscc                  text        NOT NULL,
    enterprise_name       text,
    region_code           text        NOT NULL,
    colour                text        NOT NULL CHECK (colour IN ('BLUE', 'YELLOW', 'ORANGE', 'RED')),
    reason                text,
    hard_trigger          text,
    issued_at             timestamptz NOT NULL,
    supersedes            text,
    risk_config_version   text,
    state                 text        NOT NULL
        CHECK (state IN ('ISSUED', 'SIGNED_IN', 'FEEDBACK_SUBMITTED', 'CLEARED', 'SUPERSEDED')),
    verifying_tier        text        NOT NULL,
    sign_in_deadline      timestamptz NOT NULL,
    feedback_deadline     timestamptz NOT NULL,
    clear_deadline        timestamptz NOT NULL,
    limits_config_version text        NOT NULL,
    received_at           timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    version               bigint      NOT NULL DEFAULT 0
);
CREATE INDEX warning_region_issued ON disposal.warning (region_code text_pattern_ops, issued_at DESC);
CREATE INDEX warning_uscc_issued ON disposal.warning (uscc, issued_at DESC);

CREATE TABLE disposal.timeline_event (
    seq        bigserial   PRIMARY KEY,
    event_id   text        NOT NULL UNIQUE,
    warning_id text        NOT NULL REFERENCES disposal.warning (warning_id),
    action     text        NOT NULL,
    from_state text,
    to_state   text        NOT NULL,
    actor      text        NOT NULL,
    actor_tier text,
    note       text,
    at         timestamptz NOT NULL
);
CREATE INDEX timeline_event_warning ON disposal.timeline_event (warning_id, seq);

-- Nobody edits the record of what was done: UPDATE, DELETE and TRUNCATE raise.
CREATE FUNCTION disposal.refuse_timeline_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'disposal.timeline_event is append-only: % refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER timeline_event_append_only
    BEFORE UPDATE OR DELETE ON disposal.timeline_event
    FOR EACH ROW EXECUTE FUNCTION disposal.refuse_timeline_change();
CREATE TRIGGER timeline_event_no_truncate
    BEFORE TRUNCATE ON disposal.timeline_event
    FOR EACH STATEMENT EXECUTE FUNCTION disposal.refuse_timeline_change();

CREATE TABLE disposal.outbox (
    id           bigserial   PRIMARY KEY,
    event_id     text        NOT NULL UNIQUE,
    message_key  text        NOT NULL,
    payload      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_unpublished ON disposal.outbox (id) WHERE published_at IS NULL;
