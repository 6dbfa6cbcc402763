-- The day the personal details of a café's signups were deleted (see
-- server/src/retention.rs); NULL while they are kept. The signups stay, with
-- their status, so the counts do.
ALTER TABLE cafes ADD COLUMN details_deleted_on TEXT;
