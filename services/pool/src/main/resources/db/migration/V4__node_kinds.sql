-- The job kinds a node runs; a lease hands it only these, and a pending job whose kind no live
-- node of its owner runs says so. Nodes registered before kept leasing any kind they asked for.
ALTER TABLE node ADD COLUMN kinds text[] NOT NULL DEFAULT '{shell,http,agent,skill}';
