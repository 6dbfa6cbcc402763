-- Messages to people, written in the same transaction as the signup change
-- they tell about, and deleted once the mail server has taken them (see
-- server/src/mail.rs). They hold personal data only until then.
CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    org           TEXT NOT NULL,
    cafe_id       INTEGER NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('confirmed', 'waitlist', 'moved_up', 'reminder', 'cancelled')),
    recipient     TEXT NOT NULL,   -- the e-mail address
    name          TEXT NOT NULL,
    lang          TEXT NOT NULL,
    position      INTEGER,         -- on the waiting list
    cancel_token  TEXT,            -- for the link in the message, until it is sent
    page          TEXT,            -- the page the person signed up on
    attempts      INTEGER NOT NULL DEFAULT 0,
    next_at       TEXT NOT NULL,   -- RFC 3339: not before
    last_error    TEXT,
    created_at    TEXT NOT NULL
);
CREATE INDEX outbox_due ON outbox(next_at);

-- The page a signup was made on (for the links in its messages), and
-- whether its reminder has been written.
ALTER TABLE signups ADD COLUMN page TEXT;
ALTER TABLE signups ADD COLUMN reminded INTEGER NOT NULL DEFAULT 0;
