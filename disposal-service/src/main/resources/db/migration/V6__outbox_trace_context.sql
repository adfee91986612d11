-- The trace context (W3C traceparent by default) of the transaction that queued an outbox row, so that the relay's
-- send continues that trace. NULL for rows queued before this version or outside any trace.
ALTER TABLE disposal.outbox ADD COLUMN trace_context jsonb;
