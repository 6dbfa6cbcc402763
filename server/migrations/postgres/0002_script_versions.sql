-- PostgreSQL twin of ../sqlite/0002_script_versions.sql.

CREATE TABLE script_versions (
    org         TEXT NOT NULL REFERENCES orgs(name),
    widget      TEXT NOT NULL,
    number      BIGINT NOT NULL CHECK (number >= 1),
    source      TEXT NOT NULL,
    tests       TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    author      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    PRIMARY KEY (org, widget, number)
);

CREATE TABLE live_scripts (
    org     TEXT NOT NULL,
    widget  TEXT NOT NULL,
    number  BIGINT NOT NULL,
    PRIMARY KEY (org, widget),
    FOREIGN KEY (org, widget, number) REFERENCES script_versions (org, widget, number)
);
