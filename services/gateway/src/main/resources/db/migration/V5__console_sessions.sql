-- Web console sessions (issue 17). The cookie holds 32 random bytes; only their SHA-256 is stored.
-- A session is tied to the token it was signed in with: revoking the token deletes its sessions.
CREATE TABLE console_sessions (
    hash       text PRIMARY KEY,
    token_id   text        NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);

CREATE INDEX console_sessions_token ON console_sessions (token_id);
CREATE INDEX console_sessions_expiry ON console_sessions (expires_at);
