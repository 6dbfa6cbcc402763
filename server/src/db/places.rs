//! The waiting list's one rule: a free place goes to the person waiting
//! longest. Used wherever places free up (a cancellation, a deletion, more
//! places in a café), so cafés and signups share it without importing each
//! other.

use sqlx::SqliteConnection;

use super::{DbError, now};

/// Gives free places of the café to the people waiting longest.
pub(super) async fn fill_places(conn: &mut SqliteConnection, cafe_id: i64) -> Result<(), DbError> {
    let free: i64 = sqlx::query_scalar("SELECT capacity - confirmed FROM cafes WHERE id = ?")
        .bind(cafe_id)
        .fetch_one(&mut *conn)
        .await?;
    if free > 0 {
        sqlx::query(
            "UPDATE signups SET status = 'confirmed', updated_at = ? WHERE id IN \
             (SELECT id FROM signups WHERE cafe_id = ? AND status = 'waitlist' ORDER BY id LIMIT ?)",
        )
        .bind(now())
        .bind(cafe_id)
        .bind(free)
        .execute(conn)
        .await?;
    }
    Ok(())
}
