-- A disabled user keeps their data and tokens, but no token of theirs authenticates until an admin
-- enables them again.
ALTER TABLE users ADD COLUMN disabled_at timestamptz;
