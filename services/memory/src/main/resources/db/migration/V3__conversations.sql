-- Conversations, their turns and the rolling summary.
CREATE TABLE conversation (
    id                   text PRIMARY KEY,
    owner                text        NOT NULL,
    title                text,
    summary              text,
    summary_covers_until bigint      NOT NULL DEFAULT 0,
    created_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at           timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX conversation_owner ON conversation (owner, created_at DESC, id DESC);

CREATE TABLE message (
    seq             bigserial PRIMARY KEY,
    id              text        NOT NULL UNIQUE,
    conversation_id text        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    role            text        NOT NULL,
    content         text        NOT NULL,
    tool_calls      jsonb,
    tool_call_id    text,
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX message_conversation ON message (conversation_id, seq);
