-- Whether asks with a persona may list and use the caller's skills (additive: existing personas keep them).
ALTER TABLE persona ADD COLUMN skills boolean NOT NULL DEFAULT true;
