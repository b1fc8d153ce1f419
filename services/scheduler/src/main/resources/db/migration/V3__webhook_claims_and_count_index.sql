-- Webhook deliveries are claimed (claimed_until) in one short transaction and attempted outside
-- it; a claim that outlives its deadline (a replica died mid-attempt) is taken again. Automations
-- with COUNT keep the index of their next run, so expansion resumes there instead of at dtstart.
ALTER TABLE automation_run ADD COLUMN claimed_until timestamptz;
CREATE INDEX automation_run_in_flight ON automation_run (owner)
    WHERE status = 'PENDING' AND claimed_until IS NOT NULL;

ALTER TABLE automation ADD COLUMN count_index bigint;
ALTER TABLE automation ADD COLUMN count_local timestamp;
