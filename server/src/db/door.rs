//! At the door: walk-ins, and who came to each café (check-in itself is a
//! signup's `present_at`, see [`Db::set_presence`]).

use sqlx::Row as _;
use wire::console::{Attendance, WalkIn};

use super::{Db, DbError, now};

impl Db {
    /// Adds a walk-in to the organisation's café, or finds the one added
    /// before with the same `key`; `None` if the organisation has no such café.
    pub async fn add_walk_in(
        &self,
        org: &str,
        cafe_id: i64,
        name: String,
        key: String,
    ) -> Result<Option<WalkIn>, DbError> {
        let org = org.to_owned();
        // Its café declared: the walk-in's reference to it must not take
        // the café's row in the middle of the writer's group (PostgreSQL).
        self.write_for(vec![cafe_id], move |conn| {
            Box::pin(async move {
                let cafe: Option<Option<String>> = sqlx::query_scalar(
                    "SELECT details_deleted_on FROM cafes WHERE id = $1 AND org = $2",
                )
                .bind(cafe_id)
                .bind(&org)
                .fetch_optional(&mut *conn)
                .await?;
                let Some(deleted) = cafe else {
                    return Ok(None);
                };
                // Added after the café's personal details were deleted (a
                // tick sent days late): that they came, not who.
                let name = if deleted.is_some() {
                    String::new()
                } else {
                    name
                };
                sqlx::query(
                    "INSERT INTO walk_ins (cafe_id, name, key, at) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (cafe_id, key) DO NOTHING",
                )
                .bind(cafe_id)
                .bind(&name)
                .bind(&key)
                .bind(now())
                .execute(&mut *conn)
                .await?;
                let row = sqlx::query(
                    "SELECT id, cafe_id, name, at FROM walk_ins WHERE cafe_id = $1 AND key = $2",
                )
                .bind(cafe_id)
                .bind(&key)
                .fetch_one(&mut *conn)
                .await?;
                Ok(Some(walk_in(&row)?))
            })
        })
        .await
    }

    /// The walk-ins of the organisation's café, in the order they came.
    pub async fn walk_ins(&self, org: &str, cafe_id: i64) -> Result<Vec<WalkIn>, DbError> {
        let rows = sqlx::query(
            "SELECT w.id, w.cafe_id, w.name, w.at FROM walk_ins w JOIN cafes c ON c.id = w.cafe_id \
             WHERE c.org = $1 AND w.cafe_id = $2 ORDER BY w.id",
        )
        .bind(org)
        .bind(cafe_id)
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(walk_in).collect()
    }

    /// Deletes a walk-in added by mistake; whether the organisation had it.
    pub async fn delete_walk_in(&self, org: &str, id: i64) -> Result<bool, DbError> {
        let org = org.to_owned();
        self.write(move |conn| {
            Box::pin(async move {
                let done = sqlx::query(
                    "DELETE FROM walk_ins WHERE id = $1 AND cafe_id IN \
                     (SELECT id FROM cafes WHERE org = $2)",
                )
                .bind(id)
                .bind(org)
                .execute(conn)
                .await?;
                Ok(done.rows_affected() == 1)
            })
        })
        .await
    }

    /// Per café of the organisation, by date: people with a place, how many
    /// came (with a place, or from the waiting list anyway), how many with a
    /// place did not, and the walk-ins.
    ///
    /// `did_not_come` only for cafés on or before `today` (the
    /// organisation's): before its day, nobody has not come yet.
    pub async fn attendance(&self, org: &str, today: &str) -> Result<Vec<Attendance>, DbError> {
        let rows = sqlx::query(
            "SELECT c.id, c.title, c.date, \
               (SELECT count(*) FROM signups s WHERE s.cafe_id = c.id AND s.status = 'confirmed') \
                 AS signed_up, \
               (SELECT count(*) FROM signups s WHERE s.cafe_id = c.id AND s.status = 'confirmed' \
                 AND s.present_at IS NOT NULL) AS came, \
               (SELECT count(*) FROM signups s WHERE s.cafe_id = c.id AND s.status = 'waitlist' \
                 AND s.present_at IS NOT NULL) AS came_waiting, \
               (SELECT count(*) FROM walk_ins w WHERE w.cafe_id = c.id) AS walk_ins \
             FROM cafes c WHERE c.org = $1 ORDER BY c.date, c.start_time, c.id",
        )
        .bind(org)
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|row| {
                let (signed_up, came): (i64, i64) =
                    (row.try_get("signed_up")?, row.try_get("came")?);
                // Someone from the waiting list who came anyway came.
                let came_waiting: i64 = row.try_get("came_waiting")?;
                let date: String = row.try_get("date")?;
                Ok(Attendance {
                    cafe_id: row.try_get("id")?,
                    title: row.try_get("title")?,
                    did_not_come: (date.as_str() <= today).then_some(signed_up - came),
                    date,
                    signed_up,
                    came: came + came_waiting,
                    walk_ins: row.try_get("walk_ins")?,
                })
            })
            .collect()
    }
}

fn walk_in(row: &sqlx::any::AnyRow) -> Result<WalkIn, DbError> {
    Ok(WalkIn {
        id: row.try_get("id")?,
        cafe_id: row.try_get("cafe_id")?,
        name: row.try_get("name")?,
        at: row.try_get("at")?,
    })
}
