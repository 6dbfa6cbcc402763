//! The organisation's admins: each with their own token (only its hash is
//! kept) and a role. The organisation's own token (`orgs.token_hash`) is an
//! `all` admin without a name.

use sqlx::Row as _;
use wire::console::{Me, Role};

use super::{Db, DbError, now};

/// An admin as `bondgenoot org admins` lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminRow {
    /// Their name.
    pub name: String,
    /// What they may do.
    pub role: Role,
    /// When their token was made.
    pub created_at: String,
}

impl Db {
    /// Adds admin `name` to the organisation with a token hash, or gives an
    /// existing one a new token and role (the old token stops working).
    pub async fn put_admin(
        &self,
        org: &str,
        name: &str,
        role: Role,
        token_hash: Vec<u8>,
    ) -> Result<(), DbError> {
        let (org, name) = (org.to_owned(), name.to_owned());
        self.write(move |conn| {
            Box::pin(async move {
                sqlx::query(
                    "INSERT INTO admins (org, name, role, token_hash, created_at) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (org, name) DO UPDATE \
                     SET role = excluded.role, token_hash = excluded.token_hash, \
                     created_at = excluded.created_at",
                )
                .bind(org)
                .bind(name)
                .bind(role.as_str())
                .bind(token_hash)
                .bind(now())
                .execute(conn)
                .await?;
                Ok(())
            })
        })
        .await
    }

    /// Removes admin `name` (their token stops working at once); whether
    /// there was one.
    pub async fn remove_admin(&self, org: &str, name: &str) -> Result<bool, DbError> {
        let (org, name) = (org.to_owned(), name.to_owned());
        self.write(move |conn| {
            Box::pin(async move {
                let done = sqlx::query("DELETE FROM admins WHERE org = $1 AND name = $2")
                    .bind(org)
                    .bind(name)
                    .execute(conn)
                    .await?;
                Ok(done.rows_affected() == 1)
            })
        })
        .await
    }

    /// The organisation's admins, by name.
    pub async fn admins(&self, org: &str) -> Result<Vec<AdminRow>, DbError> {
        let rows =
            sqlx::query("SELECT name, role, created_at FROM admins WHERE org = $1 ORDER BY name")
                .bind(org)
                .fetch_all(&self.read)
                .await?;
        rows.iter()
            .map(|row| {
                Ok(AdminRow {
                    name: row.try_get("name")?,
                    role: role(row.try_get("role")?)?,
                    created_at: row.try_get("created_at")?,
                })
            })
            .collect()
    }

    /// The organisation's admin whose token hashes to `token_hash`, if any.
    /// (Found by the hash, which tells nothing about the token.)
    pub async fn admin_by_token(
        &self,
        org: &str,
        token_hash: Vec<u8>,
    ) -> Result<Option<Me>, DbError> {
        let row = sqlx::query("SELECT name, role FROM admins WHERE org = $1 AND token_hash = $2")
            .bind(org)
            .bind(token_hash)
            .fetch_optional(&self.read)
            .await?;
        row.map(|row| {
            Ok(Me {
                name: Some(row.try_get("name")?),
                role: role(row.try_get("role")?)?,
            })
        })
        .transpose()
    }
}

fn role(text: &str) -> Result<Role, DbError> {
    Role::parse(text).ok_or_else(|| DbError::Query(format!("unknown admin role {text}")))
}
