-- PostgreSQL twin of ../sqlite/0008_door_key.sql (a new database has no
-- signups to give a key, so there is nothing to fill in).
ALTER TABLE signups ADD COLUMN door_key TEXT;
CREATE UNIQUE INDEX signups_by_door_key ON signups(door_key) WHERE door_key IS NOT NULL;
