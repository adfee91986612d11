-- The console-unread fallback (未读转发) lives in the delivery table, not in process memory, so an alert-service restart
-- loses none: console_sent_at is when the console took a message at a chain position with further channels (null
-- otherwise), and the message's title and text are kept so that the next channel can send it after a restart.
alter table delivery add column console_sent_at timestamptz;
alter table delivery add column message_title   text;
alter table delivery add column message_text    text;

-- messages the console took before this migration (their in-memory timers are gone): the sweep takes them on; it
-- checks the chain position against the configured chain itself. Roster-gap notices are console-only.
update delivery d set console_sent_at = (select max(a.at) from delivery_attempt a
                                         where a.delivery_id = d.id and a.channel = 'CONSOLE' and a.outcome = 'SENT')
where d.status = 'SENT' and d.read_at is null and d.step not like 'ROSTER_GAP/%';

create index delivery_console_unread on delivery (console_sent_at) where status = 'SENT' and console_sent_at is not null;
