-- State changed by the outbox tests, committed together with outbox rows.
CREATE TABLE test_order (id text PRIMARY KEY, status text NOT NULL);
CREATE TABLE test_delivery (event_id text PRIMARY KEY, handled integer NOT NULL);
