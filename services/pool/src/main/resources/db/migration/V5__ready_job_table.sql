-- The ready queue in a small table of its own. A lease used to walk the partial index job_ready on
-- job, whose head kept the entries of every job leased since job's last vacuum (killed, not
-- removed); on a table of a million jobs autovacuum comes rarely, so each lease read hundreds of
-- index pages and the rate fell as the database filled. ready_job holds one row per PENDING job
-- (inserted with it, deleted when it is leased, cancelled or released to a terminal state), so
-- vacuuming it costs little whatever job's size: the service vacuums it itself every few seconds
-- (QueueVacuum) and autovacuum's thresholds here are absolute, not a fraction of the table.
CREATE TABLE ready_job (
    id           text PRIMARY KEY,
    owner        text        NOT NULL,
    priority     integer     NOT NULL,
    seq          bigint      NOT NULL,
    kind         text        NOT NULL,
    requirements jsonb       NOT NULL,
    run_at       timestamptz NOT NULL
) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
        autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 2000,
        autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 2000,
        autovacuum_vacuum_cost_delay = 0);

-- The lease query's order: highest priority first, then FIFO.
CREATE INDEX ready_job_order ON ready_job (owner, priority DESC, seq);

INSERT INTO ready_job (id, owner, priority, seq, kind, requirements, run_at)
SELECT id, owner, priority, seq, kind, requirements, run_at FROM job WHERE status = 'PENDING';

DROP INDEX job_ready;
