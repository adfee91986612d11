-- The valid-data rate's counts by enterprise and China calendar day of receipt: one row per enterprise and day
-- instead of one per message (national scale: ~4,300 messages/s). feed_batch keeps the event ids only as long as a
-- redelivery can come (dustwatch.disposal.supervision.feed-dedupe-window), so a message is counted once.
CREATE TABLE disposal.feed_samples_day (
    uscc    text   NOT NULL,
    day     date   NOT NULL,
    samples bigint NOT NULL,
    good    bigint NOT NULL,
    PRIMARY KEY (uscc, day)
);

INSERT INTO disposal.feed_samples_day (uscc, day, samples, good)
SELECT uscc, (received_at AT TIME ZONE 'Asia/Shanghai')::date, sum(samples), sum(good)
FROM disposal.feed_batch GROUP BY 1, 2;
