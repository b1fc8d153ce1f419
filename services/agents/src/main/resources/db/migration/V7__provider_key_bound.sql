-- Provider keys are sealed with their owner and name as associated data; rows sealed before are
-- re-sealed at start (KeyBinding) and then marked bound.
ALTER TABLE provider_key ADD COLUMN bound boolean NOT NULL DEFAULT false;
