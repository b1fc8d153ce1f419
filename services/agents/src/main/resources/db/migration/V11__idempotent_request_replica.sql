-- The agents replica that runs a key's first request: when that replica dies (its heartbeat in
-- agent_replica expires), the unfinished key is freed at once for the client's retry, instead of
-- answering 409 until it is stale (V6).
ALTER TABLE idempotent_request ADD COLUMN replica_id text;
