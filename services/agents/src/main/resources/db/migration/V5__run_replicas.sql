-- Runs belong to the replica that runs them; a replica proves it is alive by its heartbeat, and only
-- the unfinished runs of a replica whose heartbeat expired are failed (issue 19).
CREATE TABLE agent_replica (
    id           text PRIMARY KEY,
    started_at   timestamptz NOT NULL DEFAULT now(),
    heartbeat_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE agent_run ADD COLUMN replica_id text;
CREATE INDEX agent_run_unfinished_replica ON agent_run (replica_id)
    WHERE status IN ('QUEUED', 'RUNNING');
