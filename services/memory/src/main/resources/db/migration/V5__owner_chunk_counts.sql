-- How many chunks each owner has of each model, kept by statement triggers on memory_chunk, so the
-- owner index pass (OwnerIndexes, every 30 s) reads the heavy owners from this small table instead
-- of counting every chunk with GROUP BY owner. One statement per insert, delete or update statement
-- (a JDBC batch of chunks, a cascade from memory), not one per row.
-- One row per owner and model, so the pass reads the whole table; no index on chunks and room on
-- each page, so the frequent updates of a count stay heap-only (no index entry per update).
CREATE TABLE memory_owner_chunks (
    model  text   NOT NULL,
    owner  text   NOT NULL,
    chunks bigint NOT NULL,
    PRIMARY KEY (model, owner)
) WITH (fillfactor = 50);

INSERT INTO memory_owner_chunks (model, owner, chunks)
SELECT model, owner, count(*) FROM memory_chunk GROUP BY model, owner;

-- Rows of one statement, grouped: new rows count up, old rows down (an update that moves a chunk
-- to another model moves its count); the rows locked in one order so two writers never deadlock.
CREATE FUNCTION memory_owner_chunks_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO memory_owner_chunks AS t (model, owner, chunks)
    SELECT model, owner, count(*) FROM new_rows GROUP BY model, owner ORDER BY model, owner
    ON CONFLICT (model, owner) DO UPDATE SET chunks = t.chunks + excluded.chunks;
    RETURN NULL;
END $$;

CREATE FUNCTION memory_owner_chunks_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO memory_owner_chunks AS t (model, owner, chunks)
    SELECT model, owner, -count(*) FROM old_rows GROUP BY model, owner ORDER BY model, owner
    ON CONFLICT (model, owner) DO UPDATE SET chunks = t.chunks + excluded.chunks;
    RETURN NULL;
END $$;

CREATE FUNCTION memory_owner_chunks_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO memory_owner_chunks AS t (model, owner, chunks)
    SELECT model, owner, sum(n) FROM (
        SELECT model, owner, 1 AS n FROM new_rows
        UNION ALL SELECT model, owner, -1 FROM old_rows) moved
    GROUP BY model, owner HAVING sum(n) <> 0 ORDER BY model, owner
    ON CONFLICT (model, owner) DO UPDATE SET chunks = t.chunks + excluded.chunks;
    RETURN NULL;
END $$;

CREATE TRIGGER memory_owner_chunks_insert AFTER INSERT ON memory_chunk
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION memory_owner_chunks_insert();
CREATE TRIGGER memory_owner_chunks_delete AFTER DELETE ON memory_chunk
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION memory_owner_chunks_delete();
CREATE TRIGGER memory_owner_chunks_update AFTER UPDATE ON memory_chunk
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION memory_owner_chunks_update();
