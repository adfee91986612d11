-- The console event log (值班台推送记录): every event pushed to duty consoles, in the order consoles see it, so that
-- a console reconnecting with Last-Event-ID is replayed exactly what it missed, across restarts.
create sequence console_event_seq;

create table console_event (
    id          bigint primary key,
    -- what the event was made from: 'warning:<warningId>' or 'disposal:<eventId>'; a redelivery is not logged twice
    source_key  text        not null unique,
    kind        text        not null check (kind in ('WARNING', 'STATE', 'ESCALATION')),
    warning_id  text        not null,
    -- who receives it: 'TIER:code' per audience (routing at the time of logging)
    audiences   text[]      not null,
    -- the event's JSON as consoles receive it (without the per-send fields state and replay)
    data        text        not null,
    logged_at   timestamptz not null default now()
);
create index console_event_audiences on console_event using gin (audiences);
create index console_event_warning on console_event (warning_id);

-- The current state of each warning consoles know of, from dust.disposal-events.
create table console_warning (
    warning_id       text primary key,
    state            text        not null,
    audiences        text[]      not null,
    -- the WARNING event of the warning, null until dust.warning delivered it
    warning_event_id bigint references console_event (id),
    updated_at       timestamptz not null default now()
);
create index console_warning_open on console_warning using gin (audiences) where state not in ('CLEARED', 'SUPERSEDED');
