-- Alarm handling (报警处置), structured warning feedback and review, the escalation ladder's persisted timers.

-- Warning: who signed it in (the verifier must be someone else), the verification deadline, the target tier
-- of escalation entries on the timeline.
ALTER TABLE disposal.warning ADD COLUMN signed_in_by text;
ALTER TABLE disposal.warning ADD COLUMN verify_deadline timestamptz;
ALTER TABLE disposal.timeline_event ADD COLUMN target_tier text;

-- Structured feedback (反馈) of warnings: one row per submission (a rejected one stays on record).
CREATE TABLE disposal.warning_feedback (
    id         bigserial   PRIMARY KEY,
    warning_id text        NOT NULL REFERENCES disposal.warning (warning_id),
    cause      text        NOT NULL,
    measures   text        NOT NULL,
    evidence   jsonb       NOT NULL DEFAULT '[]',
    actor      text        NOT NULL,
    at         timestamptz NOT NULL
);
CREATE INDEX warning_feedback_warning ON disposal.warning_feedback (warning_id, id);

-- Regulator review (核查) of warnings: remote or on site, accepted (消警) or rejected (驳回).
CREATE TABLE disposal.warning_review (
    id         bigserial   PRIMARY KEY,
    warning_id text        NOT NULL REFERENCES disposal.warning (warning_id),
    mode       text        NOT NULL CHECK (mode IN ('REMOTE', 'ON_SITE')),
    accepted   boolean     NOT NULL,
    remark     text,
    actor      text        NOT NULL,
    actor_tier text        NOT NULL,
    at         timestamptz NOT NULL
);
CREATE INDEX warning_review_warning ON disposal.warning_review (warning_id, id);

-- Escalation timers: one row per warning and rule, armed when the warning is received; a tick fires or
-- drops each due row exactly once (state PENDING → FIRED | MOOT by compare-and-set).
CREATE TABLE disposal.escalation_timer (
    warning_id text        NOT NULL REFERENCES disposal.warning (warning_id),
    rule       text        NOT NULL,
    check_at   timestamptz NOT NULL,
    due_at     timestamptz NOT NULL,
    state      text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'FIRED', 'MOOT')),
    decided_at timestamptz,
    event_id   text,
    PRIMARY KEY (warning_id, rule)
);
CREATE INDEX escalation_timer_due ON disposal.escalation_timer (due_at) WHERE state = 'PENDING';

-- Alarm cases (报警处置), one per alarm id.
CREATE TABLE disposal.alarm_case (
    alarm_id            text        PRIMARY KEY,
    uscc                text        NOT NULL,
    region_code         text        NOT NULL,
    collector_code      text,
    point_code          text,
    rule                text,
    severity            text        NOT NULL CHECK (severity IN ('CRITICAL', 'MAJOR', 'MINOR')),
    description         text,
    started_at          timestamptz NOT NULL,
    state               text        NOT NULL CHECK (state IN ('OPEN', 'SIGNED_IN', 'AUTO_RECOVERED', 'CLOSED')),
    sign_in_due         timestamptz NOT NULL,
    feedback_due        timestamptz NOT NULL,
    signed_in_by        text,
    signed_in_at        timestamptz,
    recovered_at        timestamptz,
    cause               text,
    measures            text,
    evidence            jsonb,
    feedback_by         text,
    closed_at           timestamptz,
    sign_in_overdue_at  timestamptz,
    feedback_overdue_at timestamptz,
    version             bigint      NOT NULL DEFAULT 0
);
CREATE INDEX alarm_case_region_started ON disposal.alarm_case (region_code text_pattern_ops, started_at DESC);
CREATE INDEX alarm_case_uscc_started ON disposal.alarm_case (uscc, started_at DESC);
CREATE INDEX alarm_case_open ON disposal.alarm_case (sign_in_due) WHERE state <> 'CLOSED';

-- The record of what was done to an alarm: append-only like the warning timeline.
CREATE TABLE disposal.alarm_event (
    seq        bigserial   PRIMARY KEY,
    alarm_id   text        NOT NULL REFERENCES disposal.alarm_case (alarm_id),
    action     text        NOT NULL,
    from_state text,
    to_state   text,
    actor      text        NOT NULL,
    note       text,
    at         timestamptz NOT NULL
);
CREATE INDEX alarm_event_alarm ON disposal.alarm_event (alarm_id, seq);
CREATE TRIGGER alarm_event_append_only
    BEFORE UPDATE OR DELETE ON disposal.alarm_event
    FOR EACH ROW EXECUTE FUNCTION disposal.refuse_timeline_change();

-- Online patrol (线上巡查): random samples of enterprises and their recorded results.
CREATE TABLE disposal.patrol_item (
    id          bigserial   PRIMARY KEY,
    patrol_id   text        NOT NULL,
    region_code text        NOT NULL,
    uscc        text        NOT NULL,
    drawn_by    text        NOT NULL,
    drawn_at    timestamptz NOT NULL,
    result      text,
    remark      text,
    checked_by  text,
    checked_at  timestamptz,
    UNIQUE (patrol_id, uscc)
);
