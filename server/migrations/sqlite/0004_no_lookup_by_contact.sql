-- A second signup with the same e-mail address or phone number is a signup
-- of its own (answering with the first one told anyone who knew an address
-- whether that person had signed up). The organisation's list marks it as a
-- possible duplicate instead; a signup sent again is found by its token.
DROP INDEX signups_one_per_email;
DROP INDEX signups_one_per_phone;
CREATE INDEX signups_by_email ON signups(cafe_id, email_key) WHERE email_key IS NOT NULL;
CREATE INDEX signups_by_phone ON signups(cafe_id, phone_key) WHERE phone_key IS NOT NULL;
