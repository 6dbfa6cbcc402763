-- Organisations, their job cafés and the signups for them.
-- Lists (sectors, employers, languages, origins) are JSON arrays in TEXT:
-- they are only ever read and written whole.

CREATE TABLE orgs (
    name        TEXT PRIMARY KEY,
    -- SHA-256 of the admin token; NULL until `bondgenoot org add` sets one.
    token_hash  BLOB,
    -- Origins whose pages may call the public API from the browser (CORS).
    origins     TEXT NOT NULL DEFAULT '[]',
    created_at  TEXT NOT NULL
);

CREATE TABLE cafes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    org          TEXT NOT NULL REFERENCES orgs(name),
    title        TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    date         TEXT NOT NULL,   -- YYYY-MM-DD, sorts as text
    start_time   TEXT NOT NULL,   -- HH:MM
    end_time     TEXT NOT NULL,
    place        TEXT NOT NULL,
    address      TEXT NOT NULL,
    sectors      TEXT NOT NULL DEFAULT '[]',
    employers    TEXT NOT NULL DEFAULT '[]',
    languages    TEXT NOT NULL DEFAULT '[]',
    capacity     INTEGER NOT NULL CHECK (capacity >= 0),
    closed       INTEGER NOT NULL DEFAULT 0,
    -- Live counts of its signups, kept by the triggers below: a signup reads
    -- them in O(1) inside its transaction instead of counting every row.
    confirmed    INTEGER NOT NULL DEFAULT 0,
    waitlist     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX cafes_by_org_date ON cafes(org, date);

CREATE TABLE signups (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    cafe_id      INTEGER NOT NULL REFERENCES cafes(id),
    status       TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlist', 'cancelled')),
    name         TEXT NOT NULL,
    email_key    TEXT,            -- lower-case e-mail, to recognise a second signup
    phone_key    TEXT,            -- digits of the phone number, idem
    form         TEXT NOT NULL,   -- the cleaned form as JSON
    lang         TEXT NOT NULL,
    cancel_hash  BLOB NOT NULL UNIQUE,  -- SHA-256 of the cancellation token
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
-- One live signup per person per café, whatever the application does.
CREATE UNIQUE INDEX signups_one_per_email ON signups(cafe_id, email_key)
    WHERE status != 'cancelled' AND email_key IS NOT NULL;
CREATE UNIQUE INDEX signups_one_per_phone ON signups(cafe_id, phone_key)
    WHERE status != 'cancelled' AND phone_key IS NOT NULL;
CREATE INDEX signups_by_cafe_status ON signups(cafe_id, status, id);

CREATE TRIGGER signups_count_insert AFTER INSERT ON signups BEGIN
    UPDATE cafes SET confirmed = confirmed + (NEW.status = 'confirmed'),
                     waitlist = waitlist + (NEW.status = 'waitlist')
    WHERE id = NEW.cafe_id;
END;
CREATE TRIGGER signups_count_delete AFTER DELETE ON signups BEGIN
    UPDATE cafes SET confirmed = confirmed - (OLD.status = 'confirmed'),
                     waitlist = waitlist - (OLD.status = 'waitlist')
    WHERE id = OLD.cafe_id;
END;
CREATE TRIGGER signups_count_update AFTER UPDATE OF status ON signups BEGIN
    UPDATE cafes SET confirmed = confirmed - (OLD.status = 'confirmed') + (NEW.status = 'confirmed'),
                     waitlist = waitlist - (OLD.status = 'waitlist') + (NEW.status = 'waitlist')
    WHERE id = NEW.cafe_id;
END;

-- Every admin action, for the organisation's own accountability.
CREATE TABLE admin_log (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    org     TEXT NOT NULL,
    action  TEXT NOT NULL,
    detail  TEXT NOT NULL,
    at      TEXT NOT NULL
);
