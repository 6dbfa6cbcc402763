//! Deleting the personal details of a past café's signups (see
//! [`crate::retention`] for when).

use sqlx::Row as _;

use super::{Db, DbError, now};

/// A past café whose signups still have their personal details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptCafe {
    /// The organisation.
    pub org: String,
    /// The café's id.
    pub id: i64,
    /// Its date when it was read: an admin who moves it meanwhile wins.
    pub date: String,
}

impl Db {
    /// Cafés before `today` whose signups' personal details are still kept.
    pub async fn cafes_with_details_before(&self, today: &str) -> Result<Vec<KeptCafe>, DbError> {
        let rows = sqlx::query(
            "SELECT org, id, date FROM cafes WHERE date < $1 AND details_deleted_on IS NULL \
             ORDER BY date, id",
        )
        .bind(today)
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(KeptCafe {
                    org: row.try_get("org")?,
                    id: row.try_get("id")?,
                    date: row.try_get("date")?,
                })
            })
            .collect()
    }

    /// Deletes the personal details of the café's signups — name, e-mail
    /// and phone keys, answers, cancellation token — keeping each signup's
    /// status (so the counts stay), marks the café done on `today`, and
    /// records it in the organisation's admin log: one transaction, and only
    /// if the café still has the date it was read with (moving a café to a
    /// new date gives its new signups their own keeping time). Returns how
    /// many signups had details.
    pub async fn delete_details(
        &self,
        cafe: KeptCafe,
        today: String,
        why: String,
    ) -> Result<u64, DbError> {
        self.write_for(vec![cafe.id], move |conn| {
            Box::pin(async move {
                let still = sqlx::query(
                    "UPDATE cafes SET details_deleted_on = $1 \
                     WHERE id = $2 AND date = $3 AND details_deleted_on IS NULL",
                )
                .bind(&today)
                .bind(cafe.id)
                .bind(&cafe.date)
                .execute(&mut *conn)
                .await?
                .rows_affected();
                if still == 0 {
                    return Ok(0);
                }
                // A random token hash: the column is unique and required, and
                // no token can match it any more.
                let random = if super::Backend::of(conn) == super::Backend::Postgres {
                    "sha256(gen_random_uuid()::text::bytea)"
                } else {
                    "randomblob(32)"
                };
                let cleared = sqlx::query(sqlx::AssertSqlSafe(format!(
                    "UPDATE signups SET name = '', email_key = NULL, phone_key = NULL, \
                     form = '{{}}', page = NULL, cancel_hash = {random}, door_key = NULL, \
                     updated_at = $1 \
                     WHERE cafe_id = $2 AND (name != '' OR form != '{{}}' \
                       OR email_key IS NOT NULL OR phone_key IS NOT NULL OR door_key IS NOT NULL)"
                )))
                .bind(now())
                .bind(cafe.id)
                .execute(&mut *conn)
                .await?
                .rows_affected();
                // Walk-ins keep only that they came.
                sqlx::query("UPDATE walk_ins SET name = '' WHERE cafe_id = $1")
                    .bind(cafe.id)
                    .execute(&mut *conn)
                    .await?;
                // Messages not sent by now hold the same details.
                sqlx::query("DELETE FROM outbox WHERE cafe_id = $1")
                    .bind(cafe.id)
                    .execute(&mut *conn)
                    .await?;
                sqlx::query(
                    "INSERT INTO admin_log (org, action, detail, at) VALUES ($1, 'retention', $2, $3)",
                )
                .bind(&cafe.org)
                .bind(format!(
                    "deleted the personal details of {cleared} signups of café {} ({why})",
                    cafe.id
                ))
                .bind(now())
                .execute(&mut *conn)
                .await?;
                Ok(cleared)
            })
        })
        .await
    }
}
