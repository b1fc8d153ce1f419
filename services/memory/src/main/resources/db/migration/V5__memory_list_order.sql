-- The memory list (GET /api/v1/memories) pages an owner's memories newest first, the id breaking
-- ties: this index yields them in that order, so a page reads its rows and stops, with no sort of
-- all the owner's rows. It covers (owner, created_at) too, so that index goes.
CREATE INDEX memory_owner_newest ON memory (owner, created_at DESC, id DESC);
DROP INDEX memory_owner;
