-- Fewer index entries per job state change (each lease and completion writes a new row version
-- into every index whose predicate it matches):
-- * idempotency keys are unique only where a job has one; jobs without a key leave no entry;
-- * one small index over held jobs serves the node's slot count, the heartbeat and the reaper
--   (which scans all held jobs for an expired lease or deadline).
CREATE UNIQUE INDEX job_idempotency_key ON job (owner, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
ALTER TABLE job DROP CONSTRAINT job_idempotency;
DROP INDEX job_lease_expiry;
