-- Vectors are indexed per owner only. The per-model HNSW index over every owner's rows made each
-- chunk insert cost 1.4-3.2 ms of graph search (0.38 ms without it; 5.4 ms for an owner who also had
-- an index of their own), so ingest could not keep up, and recall rarely gained from it: an owner
-- with few chunks is searched exactly through (owner, model) (a few thousand rows at most), and one
-- with many walks their own index (VectorIndex.ensureForOwner), which skips other owners' rows.
DO $$
DECLARE
    shared record;
BEGIN
    FOR shared IN
        SELECT n.nspname, c.relname
        FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE i.indrelid = 'memory_chunk'::regclass
          AND c.relname LIKE 'memory\_chunk\_hnsw\_%'
          AND c.relname NOT LIKE 'memory\_chunk\_hnsw\_o\_%'
    LOOP
        EXECUTE format('DROP INDEX %I.%I', shared.nspname, shared.relname);
    END LOOP;
END $$;
