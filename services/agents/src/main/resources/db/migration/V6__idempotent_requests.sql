-- Answers of ask and spawn requests sent with an Idempotency-Key: the same key of the same user on
-- the same route gets the same answer for a day. status is null while the first request runs.
CREATE TABLE idempotent_request (
    owner        text        NOT NULL,
    route        text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    status       integer,
    body         text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, route, key)
);
CREATE INDEX idempotent_request_created ON idempotent_request (created_at);
