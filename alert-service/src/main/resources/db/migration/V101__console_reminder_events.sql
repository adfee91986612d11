-- Reminders (催办) join the console event log as their own kind: the enterprise's console shows each one live, and a
-- console reconnecting with Last-Event-ID is replayed those it missed.
alter table console_event drop constraint console_event_kind_check;
alter table console_event add constraint console_event_kind_check check (kind in ('WARNING', 'STATE', 'ESCALATION', 'REMINDER'));
