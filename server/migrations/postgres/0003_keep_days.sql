-- PostgreSQL twin of ../sqlite/0003_keep_days.sql.
ALTER TABLE cafes ADD COLUMN details_deleted_on TEXT;
