-- Named sessions' cookies and local storage (Playwright storageState), AES-GCM encrypted.
CREATE TABLE session_state (
    owner       TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    ciphertext  BYTEA       NOT NULL,
    nonce       BYTEA       NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, name)
);

-- Which replica holds each live session, so any replica can forward a request to it.
CREATE TABLE session_directory (
    id          TEXT        PRIMARY KEY,
    owner       TEXT        NOT NULL,
    replica_url TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX session_directory_replica ON session_directory (replica_url);
