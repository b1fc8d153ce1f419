-- Users and their API tokens. V1 is the platform's (outbox, processed_event).
CREATE TABLE users (
    id         text PRIMARY KEY,
    name       text        NOT NULL UNIQUE,
    admin      boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Only a token's hash is stored. SHA-256 without salt or stretching is enough here because tokens
-- are 32 random bytes: nobody can guess one from its hash, and an unsalted hash keeps the lookup
-- a single index probe per request.
CREATE TABLE tokens (
    id           text PRIMARY KEY,
    user_id      text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    hash         text        NOT NULL UNIQUE,
    name         text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz
);

CREATE INDEX tokens_user ON tokens (user_id);
