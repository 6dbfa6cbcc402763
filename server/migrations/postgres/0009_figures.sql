-- PostgreSQL twin of ../sqlite/0009_figures.sql.
CREATE TABLE figures (
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
