-- alert-service's own data (schema alert). Numbering: this helper V1, V2, …; the console stream uses V100+.

-- warnings as read from dust.warning, with what dust.disposal-events said about them since
create table known_warning (
    warning_id      text primary key,
    uscc            text not null,
    enterprise_name text,
    region_code     text not null,
    colour          text not null,
    issued_at       timestamptz not null,
    supersedes      text,
    superseded_by   text,
    signed_in_at    timestamptz,
    cleared_at      timestamptz,
    received_at     timestamptz not null
);

-- 推送路由表: (region, colour, event kind) → recipient tiers; append-only, the highest version is in force.
-- region_code '' is every region; otherwise the rule holds inside that region (the most specific region wins).
create table routing_rule (
    id              bigserial primary key,
    region_code     text not null,
    colour          text not null,        -- BLUE … RED, or ANY (alarm overdue carries no colour)
    event_kind      text not null,        -- WARNING, ESCALATION, ALARM_OVERDUE
    recipient_tiers text not null,        -- comma list of ENTERPRISE, TOWN, DISTRICT, CITY, PROVINCE, TARGET
    version         int not null,
    changed_by      text not null,
    changed_at      timestamptz not null,
    reason          text not null,
    unique (region_code, colour, event_kind, version)
);

-- the plan's table (莆田市荔城区 implementation plan 三(三); domain reference §4.3/§4.5) for every region
insert into routing_rule (region_code, colour, event_kind, recipient_tiers, version, changed_by, changed_at, reason) values
  ('', 'BLUE',   'WARNING', 'ENTERPRISE',                        1, 'seed', now(), 'plan 三(三)3: the enterprise disposes of blue warnings'),
  ('', 'YELLOW', 'WARNING', 'ENTERPRISE,TOWN',                   1, 'seed', now(), 'plan 三(三)2: the town organises the check of yellow warnings'),
  ('', 'ORANGE', 'WARNING', 'ENTERPRISE,DISTRICT',               1, 'seed', now(), 'plan 三(三)1: the district organises the check of orange warnings'),
  ('', 'RED',    'WARNING', 'ENTERPRISE,DISTRICT,CITY,PROVINCE', 1, 'seed', now(), 'reference §4.3: red as orange + city + province'),
  ('', 'BLUE',   'ESCALATION', 'ENTERPRISE,TARGET', 1, 'seed', now(), 'reference §4.5: the tier that must act, the enterprise informed'),
  ('', 'YELLOW', 'ESCALATION', 'ENTERPRISE,TARGET', 1, 'seed', now(), 'reference §4.5: the tier that must act, the enterprise informed'),
  ('', 'ORANGE', 'ESCALATION', 'ENTERPRISE,TARGET', 1, 'seed', now(), 'reference §4.5: the tier that must act, the enterprise informed'),
  ('', 'RED',    'ESCALATION', 'ENTERPRISE,TARGET,CITY', 1, 'seed', now(), 'reference §4.5: the tier that must act, the city informed'),
  ('', 'ANY',    'ALARM_OVERDUE', 'ENTERPRISE,TOWN', 1, 'seed', now(), 'reference §4.5 step 1: the enterprise, copy to the next tier');

-- 值班单位: a government unit (region code) or an enterprise (USCC), with the default contact of an unstaffed slot
create table duty_unit (
    unit_code      text primary key,
    name           text not null,
    default_name   text not null,
    default_phone  text,
    default_email  text,
    webhook_url    text,
    webhook_secret text
);

create table duty_staff (
    unit_code text not null references duty_unit on delete cascade,
    staff_id  text not null,
    name      text not null,
    phone     text,
    email     text,
    primary key (unit_code, staff_id)
);

-- 值班表: weekly shifts (weekday 1 = Monday) or shifts on one date, China time; an end at or before the start runs past midnight
create table duty_shift (
    id        bigserial primary key,
    unit_code text not null references duty_unit on delete cascade,
    staff_id  text not null,
    weekday   int,
    on_date   date,
    starts    time not null,
    ends      time not null,
    check ((weekday is null) <> (on_date is null))
);

-- holidays: the weekly shifts do not apply, only the dated ones
create table duty_holiday (
    unit_code text not null references duty_unit on delete cascade,
    on_date   date not null,
    name      text not null,
    primary key (unit_code, on_date)
);

-- 代班: a substitute covers a staff member's shifts between two instants
create table duty_substitute (
    id            bigserial primary key,
    unit_code     text not null references duty_unit on delete cascade,
    staff_id      text not null,
    substitute_id text not null,
    from_at       timestamptz not null,
    to_at         timestamptz not null
);

-- 值班空档: nobody on duty when a message was to go out; the default contact got it
create table roster_gap (
    id         bigserial primary key,
    unit_code  text not null,
    subject_id text not null,
    step       text not null,
    at         timestamptz not null
);

-- 推送记录: one row per (subject, step, recipient) — de-duplicated — and every attempt under it
create table delivery (
    id             bigserial primary key,
    subject_id     text not null,         -- the warning id (the alarm id for ALARM_OVERDUE)
    step           text not null,         -- WARNING, REMINDER-1, SUPERVISION_NOTICE, ALARM_OVERDUE, …
    recipient      text not null,         -- unit code / staff id
    event_kind     text not null,
    colour         text,
    unit_tier      text not null,
    unit_code      text not null,
    person         text not null,
    phone          text,
    email          text,
    status         text not null,
    channel_index  int not null default 0,
    routing_why    text not null,
    uscc           text,
    region_code    text,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    read_at        timestamptz,
    unique (subject_id, step, recipient)
);
create index delivery_subject on delivery (subject_id);

create table delivery_attempt (
    id          bigserial primary key,
    delivery_id bigint not null references delivery,
    channel     text not null,
    outcome     text not null,
    receipt     text,
    detail      text,
    at          timestamptz not null
);
create index delivery_attempt_delivery on delivery_attempt (delivery_id);

-- 检修窗口: approved by the district; warnings of the enterprise inside it are recorded, not dispatched
create table maintenance_window (
    id          bigserial primary key,
    uscc        text not null,
    region_code text not null,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    reason      text not null,
    approved_by text not null,
    approved_at timestamptz not null
);

-- 离线抑制: enterprises reported offline (dust.offline, scope ENTERPRISE)
create table offline_hold (
    uscc  text primary key,
    since timestamptz not null
);

-- who changed routing, rosters and maintenance windows
create table audit_entry (
    id      bigserial primary key,
    at      timestamptz not null,
    actor   text not null,
    action  text not null,
    subject text not null,
    detail  text
);

-- duty units of the demo region (莆田市荔城区) with their default contacts
insert into duty_unit (unit_code, name, default_name, default_phone, default_email) values
  ('350000',    '福建省应急管理厅值班室', '省厅值班员', '13900000001', 'duty@fujian.example'),
  ('350300',    '莆田市应急管理局值班室', '市局值班员', '13900000002', 'duty@putian.example'),
  ('350304',    '荔城区应急管理局值班室', '区局值班员', '13900000003', 'duty@licheng.example'),
  ('350304101', '黄石镇应急办值班室',     '镇应急办值班员', '13900000004', 'duty@huangshi.example'),
  ('350304102', '新度镇应急办值班室',     '镇应急办值班员', '13900000005', 'duty@xindu.example');
