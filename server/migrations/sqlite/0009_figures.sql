-- Anonymous figures: the scores a person chose to share at the end of a
-- scan, and nothing else (no name, no answers, no device, no time finer
-- than the month the server gave it). `delete_from` is the month from which
-- the share is deleted: the month it came plus the organisation's
-- `keep_months`, as promised when it came; a month goes as a whole, on the
-- first day any of its shares is due. `id` keeps the order shares came in:
-- a month's figures are made from its first shares in groups of ten, so
-- no one share can be told apart by comparing two looks.
CREATE TABLE figures (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    org          TEXT NOT NULL REFERENCES orgs(name),
    widget       TEXT NOT NULL,
    month        TEXT NOT NULL,
    lang         TEXT NOT NULL,
    scores       TEXT NOT NULL,
    steps        TEXT NOT NULL,
    delete_from  TEXT NOT NULL
);
CREATE INDEX figures_by_month ON figures(org, widget, month);
CREATE INDEX figures_by_deletion ON figures(delete_from);
