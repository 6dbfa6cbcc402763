-- PostgreSQL twin of ../sqlite/0006_webhooks.sql.
ALTER TABLE orgs ADD COLUMN webhook_url TEXT;
ALTER TABLE orgs ADD COLUMN webhook_secret TEXT;
ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'email'
    CHECK (channel IN ('email', 'webhook'));
ALTER TABLE outbox ADD COLUMN payload TEXT;
