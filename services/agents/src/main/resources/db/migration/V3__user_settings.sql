-- Each user's defaults for ask: the model used when a request names none, and the fallbacks tried
-- in order when a request lists none (a JSON array of model names).
CREATE TABLE user_settings (
    owner         text PRIMARY KEY,
    default_model text,
    fallbacks     text        NOT NULL DEFAULT '[]',
    updated_at    timestamptz NOT NULL DEFAULT now()
);
