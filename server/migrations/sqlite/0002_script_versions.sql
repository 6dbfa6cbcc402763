-- Each organisation's rule scripts, per widget, as numbered versions that are
-- never changed or deleted: publishing adds one, rolling back points the live
-- marker at an older one. The widgets load the live version.

CREATE TABLE script_versions (
    org         TEXT NOT NULL REFERENCES orgs(name),
    widget      TEXT NOT NULL,
    -- 1, 2, 3… per organisation and widget.
    number      INTEGER NOT NULL CHECK (number >= 1),
    source      TEXT NOT NULL,
    -- The script's own test cases (JSON), run before it may go live.
    tests       TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    -- Who published it, as they signed in to the playground.
    author      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    PRIMARY KEY (org, widget, number)
) WITHOUT ROWID;

CREATE TABLE live_scripts (
    org     TEXT NOT NULL,
    widget  TEXT NOT NULL,
    number  INTEGER NOT NULL,
    PRIMARY KEY (org, widget),
    FOREIGN KEY (org, widget, number) REFERENCES script_versions (org, widget, number)
) WITHOUT ROWID;
