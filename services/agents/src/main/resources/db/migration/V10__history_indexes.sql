-- The runs history (GET /api/v1/agents/runs) pages an owner's runs newest first, and the daily
-- usage (GET /api/v1/usage/daily) reads an owner's rows from a day on: both by owner and time.
CREATE INDEX agent_run_owner_created ON agent_run (owner, created_at DESC, id DESC);
CREATE INDEX usage_record_owner_created ON usage_record (owner, created_at);
DROP INDEX usage_record_owner;
