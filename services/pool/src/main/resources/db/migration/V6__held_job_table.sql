-- The jobs nodes hold (LEASED, RUNNING) listed in a small table of their own, so that job's
-- indexes cover no column a lease or a completion changes. The partial index job_held (node_id,
-- over status) made each of these two updates write a new entry into every index of job (its
-- key, owner and creation time, and job_held itself): five index entries per job. Now both can be
-- HOT updates (the new row version on the same page, no index entry), which needs room on the
-- page, so job leaves part of each page free. held_job has one row per held job, inserted by the
-- lease and deleted in the same statement as the job's change that ends the attempt; a node's
-- free slots count it, and the reaper checks the job rows it lists. The service vacuums it with
-- the ready queue.
CREATE TABLE held_job (
    id      text PRIMARY KEY,
    node_id text NOT NULL
) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
        autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 2000,
        autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 2000,
        autovacuum_vacuum_cost_delay = 0);

-- A node's free slots and the jobs it holds.
CREATE INDEX held_job_node ON held_job (node_id);

INSERT INTO held_job (id, node_id)
SELECT id, node_id FROM job WHERE status IN ('LEASED', 'RUNNING');

DROP INDEX job_held;

-- Room on each page for a job's new row versions (lease, completion); pages written from now on.
ALTER TABLE job SET (fillfactor = 60);
