-- The MCP servers each user connects their asks to (issue 16). Header values are secrets: only
-- their AES-256-GCM ciphertext (a JSON object sealed with the agents master key) is stored.
CREATE TABLE mcp_server (
    owner              text        NOT NULL,
    name               text        NOT NULL,
    url                text        NOT NULL,
    transport          text        NOT NULL DEFAULT 'streamable_http',
    headers_ciphertext bytea,
    headers_nonce      bytea,
    master_fingerprint text,
    header_names       text        NOT NULL DEFAULT '[]',
    enabled_tools      text,
    enabled            boolean     NOT NULL DEFAULT true,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, name)
);
