-- PostgreSQL twin of ../sqlite/0004_no_lookup_by_contact.sql.
DROP INDEX signups_one_per_email;
DROP INDEX signups_one_per_phone;
CREATE INDEX signups_by_email ON signups(cafe_id, email_key) WHERE email_key IS NOT NULL;
CREATE INDEX signups_by_phone ON signups(cafe_id, phone_key) WHERE phone_key IS NOT NULL;
