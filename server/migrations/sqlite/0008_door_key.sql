-- The key in a signup's door code (the QR on its confirmation): random, so
-- the code tells nobody how many signups there are (the numeric id would).
-- Cleared when the signup is cancelled or its details are deleted.
ALTER TABLE signups ADD COLUMN door_key TEXT;
UPDATE signups SET door_key = lower(hex(randomblob(16)))
    WHERE status != 'cancelled'
      AND cafe_id IN (SELECT id FROM cafes WHERE details_deleted_on IS NULL);
CREATE UNIQUE INDEX signups_by_door_key ON signups(door_key) WHERE door_key IS NOT NULL;
