//! Organisations' rule scripts as numbered versions, and which one is live.

use serde::Serialize;
use sqlx::Row as _;
use sqlx::any::AnyRow;

use super::{Db, DbError, now};
use crate::names::Widget;

/// A version to add: what the admin publishes.
#[derive(Debug, Clone)]
pub struct NewVersion {
    /// The Rhai source of the organisation's layer.
    pub source: String,
    /// Its test cases (JSON), possibly empty.
    pub tests: String,
    /// What changed, in the admin's words.
    pub note: String,
    /// Who published it.
    pub author: String,
}

/// One stored version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScriptVersion {
    /// 1, 2, 3… per organisation and widget.
    pub number: i64,
    /// The Rhai source.
    pub source: String,
    /// Its test cases (JSON).
    pub tests: String,
    /// What changed.
    pub note: String,
    /// Who published it.
    pub author: String,
    /// When, RFC 3339 UTC.
    pub created_at: String,
    /// Whether the widgets load this one.
    pub live: bool,
}

/// `SELECT` of versions with whether each is live, then `$where`: literal SQL.
macro_rules! versions_where {
    ($where:literal) => {
        concat!(
            "SELECT v.number, v.source, v.tests, v.note, v.author, v.created_at, ",
            "CASE WHEN l.number IS NULL THEN 0 ELSE 1 END AS live ",
            "FROM script_versions v LEFT JOIN live_scripts l ",
            "ON l.org = v.org AND l.widget = v.widget AND l.number = v.number ",
            $where
        )
    };
}

fn version(row: &AnyRow) -> Result<ScriptVersion, DbError> {
    Ok(ScriptVersion {
        number: row.try_get("number")?,
        source: row.try_get("source")?,
        tests: row.try_get("tests")?,
        note: row.try_get("note")?,
        author: row.try_get("author")?,
        created_at: row.try_get("created_at")?,
        live: row.try_get::<i64, _>("live")? != 0,
    })
}

/// How often a publish tries the next number when other instances take it
/// first (see [`Db::publish_script`]).
const PUBLISH_TRIES: usize = 8;

impl Db {
    /// The live version of the organisation's script for `widget`, if any.
    pub async fn live_script(
        &self,
        org: &str,
        widget: Widget,
    ) -> Result<Option<ScriptVersion>, DbError> {
        let sql = versions_where!("WHERE l.org = $1 AND l.widget = $2");
        let row = sqlx::query(sql)
            .bind(org)
            .bind(widget.name())
            .fetch_optional(&self.read)
            .await?;
        row.as_ref().map(version).transpose()
    }

    /// Every version, newest first.
    pub async fn script_versions(
        &self,
        org: &str,
        widget: Widget,
    ) -> Result<Vec<ScriptVersion>, DbError> {
        let sql = versions_where!("WHERE v.org = $1 AND v.widget = $2 ORDER BY v.number DESC");
        let rows = sqlx::query(sql)
            .bind(org)
            .bind(widget.name())
            .fetch_all(&self.read)
            .await?;
        rows.iter().map(version).collect()
    }

    /// One version, if it exists.
    pub async fn script_version(
        &self,
        org: &str,
        widget: Widget,
        number: i64,
    ) -> Result<Option<ScriptVersion>, DbError> {
        let sql = versions_where!("WHERE v.org = $1 AND v.widget = $2 AND v.number = $3");
        let row = sqlx::query(sql)
            .bind(org)
            .bind(widget.name())
            .bind(number)
            .fetch_optional(&self.read)
            .await?;
        row.as_ref().map(version).transpose()
    }

    /// Adds a version and makes it live; `only_if_none` adds it only when the
    /// organisation has no version yet for `widget` (seeding at start-up).
    /// Returns the new version's number, or `None` when nothing was added.
    pub async fn publish_script(
        &self,
        org: &str,
        widget: Widget,
        new: NewVersion,
        only_if_none: bool,
    ) -> Result<Option<i64>, DbError> {
        let (org, widget) = (org.to_owned(), widget.name());
        self.write(move |conn| {
            Box::pin(async move {
                // Another instance may take the next number between our read
                // and our insert (two admins publishing at once). Its insert
                // then wins the unique number: ours waits for its commit,
                // adds nothing, and reads the next number again (a handful
                // of tries; each loser sees the winner's row once it waits).
                for _ in 0..PUBLISH_TRIES {
                    // Numbers start at 1: a next number above 1 means a
                    // version exists (ours to seed or not).
                    let number: i64 = sqlx::query_scalar(
                        "SELECT coalesce(max(number), 0) + 1 FROM script_versions \
                         WHERE org = $1 AND widget = $2",
                    )
                    .bind(&org)
                    .bind(widget)
                    .fetch_one(&mut *conn)
                    .await?;
                    if only_if_none && number > 1 {
                        return Ok(None);
                    }
                    let added: Option<i64> = sqlx::query_scalar(
                        "INSERT INTO script_versions \
                         (org, widget, number, source, tests, note, author, created_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                         ON CONFLICT DO NOTHING RETURNING number",
                    )
                    .bind(&org)
                    .bind(widget)
                    .bind(number)
                    .bind(&new.source)
                    .bind(&new.tests)
                    .bind(&new.note)
                    .bind(&new.author)
                    .bind(now())
                    .fetch_optional(&mut *conn)
                    .await?;
                    if added.is_some() {
                        set_live(conn, &org, widget, number).await?;
                        return Ok(Some(number));
                    }
                }
                Err(DbError::Query(format!(
                    "publishing a version: {PUBLISH_TRIES} other publishes took the next number first"
                )))
            })
        })
        .await
    }

    /// Makes an existing version live; `false` if there is no such version.
    pub async fn set_live_script(
        &self,
        org: &str,
        widget: Widget,
        number: i64,
    ) -> Result<bool, DbError> {
        let (org, widget) = (org.to_owned(), widget.name());
        self.write(move |conn| {
            Box::pin(async move {
                let exists: Option<i64> = sqlx::query_scalar(
                    "SELECT number FROM script_versions WHERE org = $1 AND widget = $2 AND number = $3",
                )
                .bind(&org)
                .bind(widget)
                .bind(number)
                .fetch_optional(&mut *conn)
                .await?;
                if exists.is_none() {
                    return Ok(false);
                }
                set_live(conn, &org, widget, number).await?;
                Ok(true)
            })
        })
        .await
    }
}

async fn set_live(
    conn: &mut sqlx::AnyConnection,
    org: &str,
    widget: &str,
    number: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO live_scripts (org, widget, number) VALUES ($1, $2, $3) \
         ON CONFLICT (org, widget) DO UPDATE SET number = excluded.number",
    )
    .bind(org)
    .bind(widget)
    .bind(number)
    .execute(&mut *conn)
    .await?;
    if super::Backend::of(conn) == super::Backend::Postgres {
        // Delivered at commit to every instance listening (see
        // `crate::rules_cache`): the new version is live there at once.
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(super::SCRIPTS_CHANNEL)
            .bind(org)
            .execute(conn)
            .await?;
    }
    Ok(())
}
