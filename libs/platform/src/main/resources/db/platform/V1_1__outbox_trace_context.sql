-- The W3C traceparent of the transaction that queued an event: the relay sends the event's record
-- within that trace, so a trace runs on from a request through Kafka to the consumer.
ALTER TABLE outbox ADD COLUMN trace_parent text;
