//! The waiting list's one rule: a free place goes to the person waiting
//! longest, and is told so. Used wherever places free up (a cancellation, a
//! deletion, more places in a café), so cafés and signups share it without
//! importing each other.

use plugin_host::contract::vacaturecafe::MessageKind;
use sqlx::{AnyConnection, Row as _};

use super::outbox::{self, Outgoing};
use super::{DbError, now};

/// Gives free places of the café to the people waiting longest; with
/// `messages`, each of them with an e-mail address gets a `moved_up`
/// message with a new cancellation link.
pub(super) async fn fill_places(
    conn: &mut AnyConnection,
    cafe_id: i64,
    messages: bool,
) -> Result<(), DbError> {
    // Mostly locked already by the writer (see `super::Db::write_for`);
    // where not, this is what keeps two instances from filling one place.
    super::lock_cafes(conn, &[cafe_id]).await?;
    let free: i64 = sqlx::query_scalar("SELECT capacity - confirmed FROM cafes WHERE id = $1")
        .bind(cafe_id)
        .fetch_one(&mut *conn)
        .await?;
    if free <= 0 {
        return Ok(());
    }
    let moved = sqlx::query(
        "UPDATE signups SET status = 'confirmed', updated_at = $1, moved_up_at = $1 WHERE id IN \
         (SELECT id FROM signups WHERE cafe_id = $2 AND status = 'waitlist' ORDER BY id LIMIT $3) \
         RETURNING id, email_key, name, lang, page",
    )
    .bind(now())
    .bind(cafe_id)
    .bind(free)
    .fetch_all(&mut *conn)
    .await?;
    for row in &moved {
        outbox::put_event(conn, row.try_get("id")?, MessageKind::MovedUp).await?;
    }
    if !messages {
        return Ok(());
    }
    for row in moved {
        let Some(recipient) = row.try_get::<Option<String>, _>("email_key")? else {
            continue;
        };
        tell(
            conn,
            row.try_get("id")?,
            cafe_id,
            MessageKind::MovedUp,
            recipient,
            row.try_get("name")?,
            row.try_get("lang")?,
            row.try_get("page")?,
        )
        .await?;
    }
    Ok(())
}

/// Writes a message about signup `id` with a new cancellation link: the
/// server keeps only tokens' hashes, so a message after the first gets a
/// new token (and the older links stop working).
#[allow(clippy::too_many_arguments, reason = "one row's columns")]
pub(super) async fn tell(
    conn: &mut AnyConnection,
    id: i64,
    cafe_id: i64,
    kind: MessageKind,
    recipient: String,
    name: String,
    lang: String,
    page: Option<String>,
) -> Result<(), DbError> {
    let token = crate::tokens::new_token().map_err(|e| DbError::Query(e.to_string()))?;
    sqlx::query("UPDATE signups SET cancel_hash = $1 WHERE id = $2")
        .bind(crate::tokens::hash(&token))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let org: String = sqlx::query_scalar("SELECT org FROM cafes WHERE id = $1")
        .bind(cafe_id)
        .fetch_one(&mut *conn)
        .await?;
    outbox::put(
        conn,
        &Outgoing {
            org,
            cafe_id,
            kind,
            recipient,
            name,
            lang,
            position: None,
            cancel_token: Some(token),
            page,
        },
    )
    .await
}
