-- An organisation's webhook: signup, cancellation and moved-up events are
-- POSTed there, signed with the secret (see server/src/webhook.rs).
ALTER TABLE orgs ADD COLUMN webhook_url TEXT;
ALTER TABLE orgs ADD COLUMN webhook_secret TEXT;
-- Outbox rows for a webhook carry their event as JSON; e-mail rows write
-- their text when they are sent.
ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'email'
    CHECK (channel IN ('email', 'webhook'));
ALTER TABLE outbox ADD COLUMN payload TEXT;
