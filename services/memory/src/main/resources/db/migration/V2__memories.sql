-- Memories, their chunks with vectors (pgvector lives in schema public), history and audit.
CREATE TABLE memory (
    id              text PRIMARY KEY,
    owner           text        NOT NULL,
    kind            text        NOT NULL DEFAULT 'memory', -- memory | message | document
    content         text        NOT NULL,
    meta            jsonb       NOT NULL DEFAULT '{}'::jsonb,
    conversation_id text,
    message_id      text,
    version         integer     NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX memory_owner ON memory (owner, created_at);
CREATE INDEX memory_meta ON memory USING gin (meta jsonb_path_ops);
CREATE INDEX memory_conversation ON memory (conversation_id) WHERE conversation_id IS NOT NULL;

CREATE TABLE memory_chunk (
    id         bigserial PRIMARY KEY,
    memory_id  text        NOT NULL REFERENCES memory (id) ON DELETE CASCADE,
    owner      text        NOT NULL,
    seq        integer     NOT NULL,
    content    text        NOT NULL,
    tsv        tsvector    GENERATED ALWAYS AS (to_tsvector('english', content)) STORED,
    model      text        NOT NULL,
    embedding  public.vector(384) NOT NULL,
    UNIQUE (memory_id, seq)
);
-- Cosine HNSW: recall orders by `embedding <=> query` and filters owner and model afterwards
-- (with hnsw.iterative_scan so a filter never starves the result).
CREATE INDEX memory_chunk_embedding ON memory_chunk USING hnsw (embedding public.vector_cosine_ops);
CREATE INDEX memory_chunk_tsv ON memory_chunk USING gin (tsv);
CREATE INDEX memory_chunk_owner_model ON memory_chunk (owner, model);
CREATE INDEX memory_chunk_stale ON memory_chunk (model);

CREATE TABLE memory_version (
    memory_id   text        NOT NULL REFERENCES memory (id) ON DELETE CASCADE,
    version     integer     NOT NULL,
    content     text        NOT NULL,
    meta        jsonb       NOT NULL,
    replaced_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (memory_id, version)
);

-- What was deleted, by whom and when; the content and its vectors are gone.
CREATE TABLE memory_audit (
    id           bigserial PRIMARY KEY,
    memory_id    text        NOT NULL,
    owner        text        NOT NULL,
    action       text        NOT NULL,
    version      integer     NOT NULL,
    content_sha256 text      NOT NULL,
    at           timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX memory_audit_owner ON memory_audit (owner, at);
