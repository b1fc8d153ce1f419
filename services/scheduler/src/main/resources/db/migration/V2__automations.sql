-- Automations and their fire history. next_run_at is the next occurrence still to fire; the
-- ticker claims due rows with FOR UPDATE SKIP LOCKED, and the unique (automation, occurrence)
-- constraint makes a second firing of one occurrence impossible whatever the replicas do.
CREATE TABLE automation (
    id          uuid PRIMARY KEY,
    owner       text        NOT NULL,
    title       text        NOT NULL,
    rrule       text        NOT NULL,
    dtstart     timestamp   NOT NULL,
    tzid        text        NOT NULL,
    exdates     text        NOT NULL DEFAULT '',
    action      text        NOT NULL,
    active      boolean     NOT NULL,
    catch_up    text        NOT NULL,
    next_run_at timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX automation_owner ON automation (owner, created_at);
CREATE INDEX automation_due ON automation (next_run_at) WHERE active AND next_run_at IS NOT NULL;

CREATE TABLE automation_run (
    id               uuid PRIMARY KEY,
    automation_id    uuid        NOT NULL REFERENCES automation (id) ON DELETE CASCADE,
    owner            text        NOT NULL,
    occurrence_at    timestamptz NOT NULL,
    occurrence_local timestamp   NOT NULL,
    fired_at         timestamptz NOT NULL,
    status           text        NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    detail           text,
    CONSTRAINT automation_run_once UNIQUE (automation_id, occurrence_at)
);

CREATE INDEX automation_run_history ON automation_run (automation_id, occurrence_at DESC);
CREATE INDEX automation_run_pending ON automation_run (next_attempt_at) WHERE status = 'PENDING';
