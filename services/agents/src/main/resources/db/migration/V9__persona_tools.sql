-- A persona's default tool groups for its asks (comma-separated group names); null: every group.
ALTER TABLE persona ADD COLUMN tools text;
