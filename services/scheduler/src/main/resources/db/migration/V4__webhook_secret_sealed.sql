-- A webhook's signing secret is kept out of the action JSON and sealed with AES-256-GCM under the
-- master key, bound to the row ("webhook", owner, automation id) as associated data, so a row moved
-- to another owner does not decrypt. secret_key is the fingerprint of the master key that sealed it.
-- Rows stored before this migration still hold the secret in action; the service seals them at start.
ALTER TABLE automation ADD COLUMN secret_ciphertext bytea;
ALTER TABLE automation ADD COLUMN secret_nonce bytea;
ALTER TABLE automation ADD COLUMN secret_key text;
