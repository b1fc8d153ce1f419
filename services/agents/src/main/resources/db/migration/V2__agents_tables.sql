-- Provider keys, encrypted at rest: the database holds only AES-256-GCM ciphertext.
CREATE TABLE provider_key (
    id                 text PRIMARY KEY,
    owner              text        NOT NULL,
    name               text        NOT NULL,
    provider           text        NOT NULL,
    base_url           text,
    default_model      text,
    ciphertext         bytea,
    nonce              bytea,
    master_fingerprint text,
    masked             text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (owner, name)
);

CREATE TABLE persona (
    id            text PRIMARY KEY,
    owner         text        NOT NULL,
    name          text        NOT NULL,
    system_prompt text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX persona_owner ON persona (owner);

CREATE TABLE agent_run (
    id          text PRIMARY KEY,
    owner       text        NOT NULL,
    prompt      text        NOT NULL,
    model_name  text,
    status      text        NOT NULL,
    output      text,
    error       text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    started_at  timestamptz,
    finished_at timestamptz
);
CREATE INDEX agent_run_status ON agent_run (status);

CREATE TABLE usage_record (
    id            bigserial PRIMARY KEY,
    owner         text        NOT NULL,
    key_name      text        NOT NULL,
    model         text        NOT NULL,
    input_tokens  integer     NOT NULL,
    output_tokens integer     NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX usage_record_owner ON usage_record (owner);
