-- Vectors of any dimension: the column is untyped, and each embedding model gets its own partial
-- HNSW index on the expression embedding::halfvec(N) WHERE model = '<its name>' (VectorIndex creates
-- it when the service starts with that model; searches use the same expression). Half precision
-- halves the index, which then stays in shared_buffers longer; the stored vectors keep full
-- precision. m 24 and ef_construction 128 (pgvector's defaults are 16 and 64): recall@10 0.986
-- instead of 0.948 at 100k (docs/BENCHMARKS.md), for a build about three times as long.
DROP INDEX memory_chunk_embedding;
ALTER TABLE memory_chunk ALTER COLUMN embedding TYPE public.vector;
-- The default model's index, so an upgraded database has one before the service first starts.
CREATE INDEX memory_chunk_hnsw_all_minilm_l6_v2_384 ON memory_chunk
    USING hnsw ((embedding::public.halfvec(384)) public.halfvec_cosine_ops)
    WITH (m = 24, ef_construction = 128)
    WHERE model = 'all-minilm-l6-v2';
