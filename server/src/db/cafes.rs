//! Job cafés and their counts.

use plugin_host::contract::vacaturecafe::{Cafe, CafeListing, Counts};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row as _};

use super::{Db, DbError, places};

/// A café as an admin creates or edits it (everything but the id).
pub use plugin_host::contract::vacaturecafe::CafeDetails as CafeInput;

/// The columns [`listing`] and [`listing_of`] read, of `cafes c`.
pub(super) const CAFE_COLUMNS: &str = "c.id, c.org, c.title, c.description, c.date, \
    c.start_time, c.end_time, c.place, c.address, c.sectors, c.employers, c.languages, \
    c.capacity, c.closed, c.texts, c.confirmed, c.waitlist";

/// The café of a row read by its id alone, if it is `org`'s.
///
/// Why not `WHERE org = $1 AND id = $2`: while the tables are new (no
/// statistics yet) PostgreSQL rates the (org, date) index as good as the
/// primary key, may pick it for a plan it then keeps for the connection's
/// life, and walks every café of the organisation, and every version of a
/// busy café's row, on each signup. By id alone there is one way to look.
pub(super) fn listing_of(row: &AnyRow, org: &str) -> Result<Option<CafeListing>, DbError> {
    if row.try_get::<&str, _>("org")? != org {
        return Ok(None);
    }
    listing(row).map(Some)
}

pub(super) fn listing(row: &AnyRow) -> Result<CafeListing, DbError> {
    let cafe = Cafe {
        id: row.try_get("id")?,
        details: CafeInput {
            title: row.try_get("title")?,
            description: row.try_get("description")?,
            date: row.try_get("date")?,
            start: row.try_get("start_time")?,
            end: row.try_get("end_time")?,
            place: row.try_get("place")?,
            address: row.try_get("address")?,
            sectors: serde_json::from_str(row.try_get("sectors")?)?,
            employers: serde_json::from_str(row.try_get("employers")?)?,
            languages: serde_json::from_str(row.try_get("languages")?)?,
            capacity: row.try_get("capacity")?,
            closed: row.try_get::<i64, _>("closed")? != 0,
            texts: serde_json::from_str(row.try_get("texts")?)?,
        },
    };
    let counts = counts(&cafe, row.try_get("confirmed")?, row.try_get("waitlist")?);
    Ok(CafeListing { cafe, counts })
}

fn counts(cafe: &Cafe, confirmed: i64, waitlist: i64) -> Counts {
    Counts {
        confirmed,
        waitlist,
        places_left: cafe.details.capacity.saturating_sub(confirmed).max(0),
    }
}

/// Cafés as the signups of the writer's group so far left them, so that the
/// next signup for the same café reads nothing: on a database server every
/// read is a round trip, and the writer's round trips are what each signup
/// waits for (see [`super::writer`]).
///
/// What is kept stays true for the whole group: the group holds the café's
/// row lock (PostgreSQL) or the one write lock (SQLite) from its start; a
/// signup changes a café's counts only as kept here (its insert's trigger
/// counts the same one); the writer empties this before any other job; and
/// a signup that fails rolls back its whole group.
#[derive(Debug, Default)]
pub struct Known {
    cafes: std::collections::HashMap<i64, (String, CafeListing)>,
}

impl Known {
    /// The cafés of `rows` (of [`CAFE_COLUMNS`]), read under their locks.
    pub(super) fn of_rows(rows: &[AnyRow]) -> Result<Self, DbError> {
        let mut known = Self::default();
        for row in rows {
            known.keep(row.try_get("org")?, listing(row)?);
        }
        Ok(known)
    }

    /// Forgets every café: the next job may change them.
    pub(super) fn forget(&mut self) {
        self.cafes.clear();
    }

    /// The café as the group left it, or as read now (and then kept).
    pub(super) async fn cafe(
        &mut self,
        conn: &mut AnyConnection,
        org: &str,
        id: i64,
    ) -> Result<Option<CafeListing>, DbError> {
        if let Some((of, listing)) = self.cafes.get(&id) {
            return Ok((of == org).then(|| listing.clone()));
        }
        let listing = cafe_in(conn, org, id).await?;
        if let Some(listing) = &listing {
            self.keep(org, listing.clone());
        }
        Ok(listing)
    }

    /// Keeps `org`'s café as a signup just left it.
    pub(super) fn keep(&mut self, org: &str, listing: CafeListing) {
        self.cafes
            .insert(listing.cafe.id, (org.to_owned(), listing));
    }
}

/// The café with its counts, if it is `org`'s (in the writer's transaction,
/// or on a reading connection).
pub(super) async fn cafe_in(
    conn: &mut AnyConnection,
    org: &str,
    id: i64,
) -> Result<Option<CafeListing>, DbError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {CAFE_COLUMNS} FROM cafes c WHERE c.id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|row| listing_of(&row, org)).transpose()?.flatten())
}

fn bind_input<'q>(
    query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    c: CafeInput,
) -> Result<sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>, DbError> {
    Ok(query
        .bind(c.title)
        .bind(c.description)
        .bind(c.date)
        .bind(c.start)
        .bind(c.end)
        .bind(c.place)
        .bind(c.address)
        .bind(serde_json::to_string(&c.sectors)?)
        .bind(serde_json::to_string(&c.employers)?)
        .bind(serde_json::to_string(&c.languages)?)
        .bind(c.capacity)
        .bind(i64::from(c.closed))
        .bind(serde_json::to_string(&c.texts)?))
}

impl Db {
    /// The organisation's cafés on or after `from` (all when `None`), by date;
    /// closed ones only when `closed` is true.
    pub async fn cafes(
        &self,
        org: &str,
        from: Option<&str>,
        closed: bool,
    ) -> Result<Vec<CafeListing>, DbError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {CAFE_COLUMNS} FROM cafes c WHERE c.org = $1 AND ($2 IS NULL OR c.date >= $3) AND ($4 OR c.closed = 0) \
             ORDER BY c.date, c.start_time, c.id"
        )))
        .bind(org)
        .bind(from)
        .bind(from)
        .bind(closed)
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(listing).collect()
    }

    /// One café of the organisation, with its counts.
    pub async fn cafe(&self, org: &str, id: i64) -> Result<Option<CafeListing>, DbError> {
        let mut conn = self.read.acquire().await?;
        cafe_in(&mut conn, org, id).await
    }

    /// Adds a café; returns it with its new id.
    pub async fn create_cafe(&self, org: &str, input: CafeInput) -> Result<CafeListing, DbError> {
        let org = org.to_owned();
        self.write(move |conn| {
            Box::pin(async move {
                let query = sqlx::query(
                    "INSERT INTO cafes (org, title, description, date, start_time, end_time, place, \
                     address, sectors, employers, languages, capacity, closed, texts) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) \
                     RETURNING id",
                )
                .bind(org.clone());
                let id: i64 = bind_input(query, input)?
                    .fetch_one(&mut *conn)
                    .await?
                    .try_get("id")?;
                cafe_in(conn, &org, id)
                    .await?
                    .ok_or_else(|| DbError::Query("the new café is missing".into()))
            })
        })
        .await
    }

    /// Replaces a café's details; more capacity gives places to people waiting.
    /// `None` if the organisation has no such café.
    pub async fn update_cafe(
        &self,
        org: &str,
        id: i64,
        input: CafeInput,
    ) -> Result<Option<CafeListing>, DbError> {
        let org = org.to_owned();
        let messages = self.messages;
        self.write_for(vec![id], move |conn| {
            Box::pin(async move {
                // A café moved to another date starts a new keeping time for
                // its signups' details (see `retention`).
                let new_date = input.date.clone();
                sqlx::query(
                    "UPDATE cafes SET details_deleted_on = NULL \
                     WHERE id = $1 AND org = $2 AND date != $3",
                )
                .bind(id)
                .bind(&org)
                .bind(&new_date)
                .execute(&mut *conn)
                .await?;
                let query = sqlx::query(
                    "UPDATE cafes SET title = $1, description = $2, date = $3, start_time = $4, \
                     end_time = $5, place = $6, address = $7, sectors = $8, employers = $9, \
                     languages = $10, capacity = $11, closed = $12, texts = $13 WHERE id = $14 AND org = $15",
                );
                let done = bind_input(query, input)?
                    .bind(id)
                    .bind(org.clone())
                    .execute(&mut *conn)
                    .await?;
                if done.rows_affected() == 0 {
                    return Ok(None);
                }
                places::fill_places(conn, id, messages).await?;
                cafe_in(conn, &org, id).await
            })
        })
        .await
    }
}
