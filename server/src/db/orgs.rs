//! Organisations: their admin token (hashed) and allowed origins.

use sqlx::Row as _;

use super::{Db, DbError, now};

/// An organisation as stored.
#[derive(Debug, Clone)]
pub struct Org {
    /// Its name, as in URLs.
    pub name: String,
    /// SHA-256 of its admin token, if one was set.
    pub token_hash: Option<Vec<u8>>,
    /// Origins allowed to call the public API from a browser.
    pub origins: Vec<String>,
    /// Whether it has a webhook for its events.
    pub webhook: bool,
    /// Where its cafés are: their dates and times are local to this zone
    /// (an IANA name such as `Europe/Amsterdam`).
    pub time_zone: String,
}

/// An organisation from a row with its columns under these names (see
/// [`ORG_COLUMNS`]).
pub(super) fn org_row(row: &sqlx::any::AnyRow) -> Result<Org, DbError> {
    Ok(Org {
        name: row.try_get("name")?,
        token_hash: row.try_get("token_hash")?,
        origins: serde_json::from_str(row.try_get("origins")?)?,
        webhook: row.try_get::<i64, _>("webhook")? != 0,
        time_zone: row.try_get("time_zone")?,
    })
}

/// The columns [`org_row`] reads, of `orgs o`.
pub(super) const ORG_COLUMNS: &str = "o.name, o.token_hash, o.origins, \
    CASE WHEN o.webhook_url IS NULL THEN 0 ELSE 1 END AS webhook, o.time_zone";

impl Db {
    /// Creates the organisation if it does not exist; returns whether it was created.
    pub async fn ensure_org(&self, name: &str) -> Result<bool, DbError> {
        let name = name.to_owned();
        self.write(move |conn| {
            Box::pin(async move {
                let done = sqlx::query(
                    "INSERT INTO orgs (name, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                )
                .bind(name)
                .bind(now())
                .execute(conn)
                .await?;
                Ok(done.rows_affected() == 1)
            })
        })
        .await
    }

    /// Sets (or replaces) the organisation's admin token hash and allowed origins.
    pub async fn set_org_access(
        &self,
        name: &str,
        token_hash: Option<Vec<u8>>,
        origins: Option<Vec<String>>,
    ) -> Result<(), DbError> {
        let name = name.to_owned();
        let origins = origins.map(|o| serde_json::to_string(&o)).transpose()?;
        self.write(move |conn| {
            Box::pin(async move {
                sqlx::query(
                    "UPDATE orgs SET token_hash = coalesce($1, token_hash), \
                     origins = coalesce($2, origins) WHERE name = $3",
                )
                .bind(token_hash)
                .bind(origins)
                .bind(name)
                .execute(conn)
                .await?;
                Ok(())
            })
        })
        .await
    }

    /// Sets (or with `None`, removes) the organisation's webhook: where its
    /// events go and the secret they are signed with.
    pub async fn set_webhook(
        &self,
        name: &str,
        webhook: Option<(String, String)>,
    ) -> Result<(), DbError> {
        let name = name.to_owned();
        let (url, secret) = webhook.unzip();
        self.write(move |conn| {
            Box::pin(async move {
                sqlx::query(
                    "UPDATE orgs SET webhook_url = $1, webhook_secret = $2 WHERE name = $3",
                )
                .bind(url)
                .bind(secret)
                .bind(name)
                .execute(conn)
                .await?;
                Ok(())
            })
        })
        .await
    }

    /// The organisation's webhook (URL, secret), if it has one.
    pub async fn webhook(&self, name: &str) -> Result<Option<(String, String)>, DbError> {
        let row: Option<(Option<String>, Option<String>)> =
            sqlx::query_as("SELECT webhook_url, webhook_secret FROM orgs WHERE name = $1")
                .bind(name)
                .fetch_optional(&self.read)
                .await?;
        Ok(row.and_then(|(url, secret)| url.zip(secret)))
    }

    /// How many organisations there are.
    pub async fn org_count(&self) -> Result<i64, DbError> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM orgs")
            .fetch_one(&self.read)
            .await?)
    }

    /// The organisation called `name`, if it exists.
    pub async fn org(&self, name: &str) -> Result<Option<Org>, DbError> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {ORG_COLUMNS} FROM orgs o WHERE o.name = $1"
        )))
        .bind(name)
        .fetch_optional(&self.read)
        .await?;
        row.as_ref().map(org_row).transpose()
    }

    /// The time zone of the organisation's cafés (empty if there is no such
    /// organisation; [`crate::clock::Clock::today_in`] then counts in UTC).
    pub async fn time_zone(&self, name: &str) -> Result<String, DbError> {
        Ok(self
            .org(name)
            .await?
            .map(|o| o.time_zone)
            .unwrap_or_default())
    }

    /// Sets the time zone of the organisation's cafés (checked by the caller).
    pub async fn set_time_zone(&self, name: &str, zone: &str) -> Result<(), DbError> {
        let (name, zone) = (name.to_owned(), zone.to_owned());
        self.write(move |conn| {
            Box::pin(async move {
                sqlx::query("UPDATE orgs SET time_zone = $1 WHERE name = $2")
                    .bind(zone)
                    .bind(name)
                    .execute(conn)
                    .await?;
                Ok(())
            })
        })
        .await
    }

    /// The organisation's admin log, oldest first: (action, detail).
    pub async fn admin_log(&self, org: &str) -> Result<Vec<(String, String)>, DbError> {
        Ok(
            sqlx::query_as("SELECT action, detail FROM admin_log WHERE org = $1 ORDER BY id")
                .bind(org)
                .fetch_all(&self.read)
                .await?,
        )
    }

    /// The organisation's last `limit` admin log entries, newest first.
    pub async fn admin_log_entries(
        &self,
        org: &str,
        limit: i64,
    ) -> Result<Vec<wire::console::LogEntry>, DbError> {
        let rows = sqlx::query(
            "SELECT at, who, action, detail FROM admin_log WHERE org = $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(org)
        .bind(limit)
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(wire::console::LogEntry {
                    at: row.try_get("at")?,
                    who: row.try_get("who")?,
                    action: row.try_get("action")?,
                    detail: row.try_get("detail")?,
                })
            })
            .collect()
    }

    /// Records an admin action by `who` (empty: the organisation's token).
    pub async fn log_admin(
        &self,
        org: &str,
        who: &str,
        action: &str,
        detail: String,
    ) -> Result<(), DbError> {
        let (org, who, action) = (org.to_owned(), who.to_owned(), action.to_owned());
        self.write(move |conn| {
            Box::pin(async move {
                sqlx::query(
                    "INSERT INTO admin_log (org, who, action, detail, at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(org)
                .bind(who)
                .bind(action)
                .bind(detail)
                .bind(now())
                .execute(conn)
                .await?;
                Ok(())
            })
        })
        .await
    }
}
