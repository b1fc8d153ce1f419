-- The compute pool: nodes, and the durable priority-FIFO job queue leased with SKIP LOCKED.
CREATE TABLE node (
    id            text PRIMARY KEY,
    owner         text        NOT NULL,
    name          text        NOT NULL,
    labels        jsonb       NOT NULL DEFAULT '{}',
    slots         integer     NOT NULL CHECK (slots > 0),
    registered_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX node_owner ON node (owner, registered_at);

-- Fencing tokens: every lease takes a new, larger one.
CREATE SEQUENCE lease_token_seq;

CREATE TABLE job (
    id               text PRIMARY KEY,
    -- FIFO order within a priority; a sequence, not a clock, so ties cannot happen.
    seq              bigserial   NOT NULL,
    owner            text        NOT NULL,
    kind             text        NOT NULL,
    payload          jsonb       NOT NULL,
    priority         integer     NOT NULL DEFAULT 0,
    requirements     jsonb       NOT NULL DEFAULT '{}',
    idempotency_key  text,
    max_attempts     integer     NOT NULL,
    timeout_s        integer,
    status           text        NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    node_id          text,
    lease_token      bigint,
    lease_expires_at timestamptz,
    deadline_at      timestamptz,
    result           jsonb,
    error            text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    run_at           timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    CONSTRAINT job_status CHECK (status IN
        ('PENDING', 'LEASED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'DEAD', 'CANCELLED')),
    CONSTRAINT job_idempotency UNIQUE (owner, idempotency_key)
);

-- The lease query's order: highest priority first, then FIFO.
CREATE INDEX job_ready ON job (owner, priority DESC, seq) WHERE status = 'PENDING';
-- The reaper's scans and the heartbeat's renewal.
CREATE INDEX job_held ON job (node_id) WHERE status IN ('LEASED', 'RUNNING');
CREATE INDEX job_lease_expiry ON job (lease_expires_at) WHERE status IN ('LEASED', 'RUNNING');
CREATE INDEX job_owner_created ON job (owner, created_at DESC);
