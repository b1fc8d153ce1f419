-- Per-user overrides of the gateway's default rate limit (zo.gateway.rate-limit.*), set by an admin.
CREATE TABLE user_rate_limits (
    user_id             text PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    requests_per_second double precision NOT NULL CHECK (requests_per_second > 0),
    burst               integer          NOT NULL CHECK (burst > 0),
    updated_at          timestamptz      NOT NULL DEFAULT now()
);
