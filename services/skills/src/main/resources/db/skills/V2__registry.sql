-- The files of each version, stored once per content hash (a .tar.gz of the skill folder).
CREATE TABLE skill_content (
    hash        text PRIMARY KEY,
    archive     bytea NOT NULL,
    file_count  integer NOT NULL,
    total_bytes bigint NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- A skill of one owner ('' = shared with every user) from one source (upload, repo, home).
CREATE TABLE skill (
    id           bigserial PRIMARY KEY,
    owner        text NOT NULL,
    source       text NOT NULL,
    name         text NOT NULL,
    current_hash text NOT NULL REFERENCES skill_content (hash),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (owner, source, name)
);
CREATE INDEX skill_by_name ON skill (name, owner);

-- Every version ever installed of a skill; immutable.
CREATE TABLE skill_version (
    skill_id     bigint NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
    hash         text NOT NULL REFERENCES skill_content (hash),
    manifest     jsonb NOT NULL,
    warnings     jsonb NOT NULL DEFAULT '[]',
    installed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (skill_id, hash)
);

-- Runs of skill scripts, with their capped output.
CREATE TABLE skill_run (
    id               text PRIMARY KEY,
    owner            text NOT NULL,
    skill            text NOT NULL,
    version          text NOT NULL,
    script           text NOT NULL,
    exit_code        integer NOT NULL,
    duration_ms      bigint NOT NULL,
    output           jsonb,
    stderr           text NOT NULL,
    stdout_truncated boolean NOT NULL,
    stderr_truncated boolean NOT NULL,
    timed_out        boolean NOT NULL,
    request_id       text,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX skill_run_by_owner ON skill_run (owner, created_at DESC);
CREATE UNIQUE INDEX skill_run_by_request ON skill_run (request_id) WHERE request_id IS NOT NULL;
