-- Users' process definitions, their desired and observed state, and which replica runs each one.
CREATE TABLE process (
  id                text PRIMARY KEY,
  owner             text NOT NULL,
  name              text NOT NULL,
  command           text NOT NULL,
  args              jsonb NOT NULL DEFAULT '[]',
  env               jsonb NOT NULL DEFAULT '{}',
  workdir           text,
  mode              text NOT NULL,
  port              int,
  restart           text NOT NULL,
  max_restarts      int NOT NULL,
  start_seconds     int NOT NULL,
  stop_grace_ms     int NOT NULL,
  backoff_ms        int NOT NULL,
  visibility        text NOT NULL,
  -- RUNNING or STOPPED: what the owner asked for last.
  desired           text NOT NULL,
  -- Bumped by each restart request; the running replica restarts when it sees a new value.
  restart_requests  bigint NOT NULL DEFAULT 0,
  -- Set by DELETE while another replica still runs it; that replica stops it and removes the row.
  deleted           boolean NOT NULL DEFAULT false,
  status            text NOT NULL,
  reason            text,
  pid               bigint,
  bound_port        int,
  restarts          int NOT NULL DEFAULT 0,
  exit_code         int,
  started_at        timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  -- The lease: the replica running the process, until when, under which fencing token.
  replica_id        text,
  replica_host      text,
  fencing_token     bigint NOT NULL DEFAULT 0,
  lease_expires_at  timestamptz,
  UNIQUE (owner, name)
);

CREATE INDEX process_by_replica ON process (replica_id);
