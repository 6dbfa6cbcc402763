-- The organiser console (admin/): a sign-in per admin, cafés in several
-- languages and in the organisation's time zone, the waiting list's history,
-- and check-in at the door.

-- Each admin's own token (its SHA-256) and what they may do; removing the
-- row revokes it. The organisation's own token (orgs.token_hash) stays an
-- `all` admin without a name.
CREATE TABLE admins (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    org         TEXT NOT NULL REFERENCES orgs(name),
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('scripts', 'cafes', 'all')),
    token_hash  BLOB NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    UNIQUE (org, name)
);

-- Who did it: the admin's name, empty for the organisation's token.
ALTER TABLE admin_log ADD COLUMN who TEXT NOT NULL DEFAULT '';

-- Cafés' dates and times are local to this zone (an IANA name).
ALTER TABLE orgs ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/Amsterdam';

-- A café's title, description, sectors and employers in more languages:
-- JSON {"en": {"title": …}, …}; the columns hold the first language.
ALTER TABLE cafes ADD COLUMN texts TEXT NOT NULL DEFAULT '{}';

-- When a person got a place from the waiting list, and when they were
-- ticked present at the door.
ALTER TABLE signups ADD COLUMN moved_up_at TEXT;
ALTER TABLE signups ADD COLUMN present_at TEXT;

-- People who came without signing up, added at the door. `key` is made by
-- the console, so a walk-in sent twice (offline, a lost answer) is one.
CREATE TABLE walk_ins (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    cafe_id  INTEGER NOT NULL REFERENCES cafes(id),
    name     TEXT NOT NULL,
    key      TEXT NOT NULL,
    at       TEXT NOT NULL,
    UNIQUE (cafe_id, key)
);
