//! The outbox: messages written with the change they tell about, taken by
//! the sender in `crate::mail`. A message is deleted once the mail server
//! has it, so it holds personal data only until then.

use plugin_host::contract::vacaturecafe::MessageKind;
use sqlx::{AnyConnection, Row as _};

use super::{Db, DbError, now};

/// A message to write to the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// The organisation.
    pub org: String,
    /// The café it is about.
    pub cafe_id: i64,
    /// Which message.
    pub kind: MessageKind,
    /// The e-mail address.
    pub recipient: String,
    /// The person's name.
    pub name: String,
    /// Their language.
    pub lang: String,
    /// Their place on the waiting list.
    pub position: Option<i64>,
    /// The token for the cancellation link.
    pub cancel_token: Option<String>,
    /// The page the link goes to.
    pub page: Option<String>,
}

/// A message in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    /// Its id.
    pub id: i64,
    /// How many times sending it failed.
    pub attempts: i64,
    /// The message.
    pub message: Outgoing,
    /// For the organisation's webhook: the event as JSON; `None`: an e-mail.
    pub event: Option<String>,
}

/// Writes the organisation's webhook event about signup `id` (`kind`), if
/// it has a webhook; inside the caller's transaction, with the signup as it
/// is now (so before its details are deleted).
pub(super) async fn put_event(
    conn: &mut AnyConnection,
    id: i64,
    kind: MessageKind,
) -> Result<(), DbError> {
    let row = sqlx::query(
        "SELECT c.org, c.id AS cafe_id, c.title, c.date, c.start_time, c.end_time, c.place, \
         s.status, s.name, s.form, s.lang, \
         (SELECT count(*) FROM signups w WHERE w.cafe_id = s.cafe_id AND w.status = 'waitlist' \
            AND w.id <= s.id AND s.status = 'waitlist') AS position \
         FROM signups s JOIN cafes c ON c.id = s.cafe_id JOIN orgs o ON o.name = c.org \
         WHERE s.id = $1 AND o.webhook_url IS NOT NULL",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(());
    };
    let position: i64 = row.try_get("position")?;
    let form: serde_json::Value = serde_json::from_str(row.try_get("form")?)?;
    let event = serde_json::json!({
        "event": kind.as_str(),
        "org": row.try_get::<String, _>("org")?,
        "cafe": {
            "id": row.try_get::<i64, _>("cafe_id")?,
            "title": row.try_get::<String, _>("title")?,
            "date": row.try_get::<String, _>("date")?,
            "start": row.try_get::<String, _>("start_time")?,
            "end": row.try_get::<String, _>("end_time")?,
            "place": row.try_get::<String, _>("place")?,
        },
        "signup": {
            "id": id,
            "status": if kind == MessageKind::Cancelled {
                "cancelled".to_owned()
            } else {
                row.try_get::<String, _>("status")?
            },
            "position": (position > 0).then_some(position),
            "name": row.try_get::<String, _>("name")?,
            "lang": row.try_get::<String, _>("lang")?,
            "form": form,
        },
        "at": now(),
    });
    let at = now();
    sqlx::query(
        "INSERT INTO outbox (org, cafe_id, kind, recipient, name, lang, channel, payload, \
         next_at, created_at) VALUES ($1, $2, $3, '', '', '', 'webhook', $4, $5, $6)",
    )
    .bind(row.try_get::<String, _>("org")?)
    .bind(row.try_get::<i64, _>("cafe_id")?)
    .bind(kind.as_str())
    .bind(event.to_string())
    .bind(&at)
    .bind(&at)
    .execute(conn)
    .await?;
    Ok(())
}

fn queued(row: &sqlx::any::AnyRow) -> Result<Queued, DbError> {
    let kind: String = row.try_get("kind")?;
    let channel: String = row.try_get("channel")?;
    Ok(Queued {
        event: if channel == "webhook" {
            row.try_get("payload")?
        } else {
            None
        },
        id: row.try_get("id")?,
        attempts: row.try_get("attempts")?,
        message: Outgoing {
            org: row.try_get("org")?,
            cafe_id: row.try_get("cafe_id")?,
            kind: MessageKind::parse(&kind)
                .ok_or_else(|| DbError::Query(format!("unknown message kind {kind}")))?,
            recipient: row.try_get("recipient")?,
            name: row.try_get("name")?,
            lang: row.try_get("lang")?,
            position: row.try_get("position")?,
            cancel_token: row.try_get("cancel_token")?,
            page: row.try_get("page")?,
        },
    })
}

/// Writes `m` to the outbox, due now; inside the caller's transaction.
pub(super) async fn put(conn: &mut AnyConnection, m: &Outgoing) -> Result<(), DbError> {
    put_all(conn, std::slice::from_ref(m)).await
}

/// Writes `messages` to the outbox with one statement, due now;
/// inside the caller's transaction.
pub(super) async fn put_all(
    conn: &mut AnyConnection,
    messages: &[Outgoing],
) -> Result<(), DbError> {
    const COLUMNS: usize = 11;
    if messages.is_empty() {
        return Ok(());
    }
    let values = super::rows_of_marks(messages.len(), COLUMNS);
    let at = now();
    // Placeholders only: everything from outside is bound.
    let mut query = sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO outbox (org, cafe_id, kind, recipient, name, lang, position, cancel_token, \
         page, next_at, created_at) VALUES {values}"
    )));
    for m in messages {
        query = query
            .bind(&m.org)
            .bind(m.cafe_id)
            .bind(m.kind.as_str())
            .bind(&m.recipient)
            .bind(&m.name)
            .bind(&m.lang)
            .bind(m.position)
            .bind(&m.cancel_token)
            .bind(&m.page)
            .bind(&at)
            .bind(&at);
    }
    query.execute(conn).await?;
    Ok(())
}

impl Db {
    /// Claims up to `limit` messages due at `now` (RFC 3339), oldest first:
    /// each is due again only at `until`, so no other sender (another
    /// server on the same database, a sender of a server being replaced)
    /// takes it meanwhile. Cheap when nothing is due: a read, no write.
    pub async fn outbox_claim(
        &self,
        now: &str,
        until: &str,
        limit: i64,
    ) -> Result<Vec<Queued>, DbError> {
        let due: Option<i64> =
            sqlx::query_scalar("SELECT id FROM outbox WHERE next_at <= $1 LIMIT 1")
                .bind(now)
                .fetch_optional(&self.read)
                .await?;
        if due.is_none() {
            return Ok(Vec::new());
        }
        let (now, until) = (now.to_owned(), until.to_owned());
        self.write(move |conn| {
            Box::pin(async move {
                let rows = sqlx::query(
                    // `next_at <= $2` again outside: on PostgreSQL a second
                    // claimer that waited for the first's rows re-checks
                    // only the outer condition, and must find them taken.
                    "UPDATE outbox SET next_at = $1 WHERE next_at <= $2 AND id IN \
                     (SELECT id FROM outbox WHERE next_at <= $2 ORDER BY id LIMIT $3) \
                     RETURNING id, attempts, org, cafe_id, kind, recipient, name, lang, \
                     position, cancel_token, page, channel, payload",
                )
                .bind(until)
                .bind(now)
                .bind(limit)
                .fetch_all(conn)
                .await?;
                let mut claimed = rows.iter().map(queued).collect::<Result<Vec<_>, _>>()?;
                claimed.sort_by_key(|q| q.id);
                Ok(claimed)
            })
        })
        .await
    }

    /// The mail server took message `id`: it leaves the outbox.
    pub async fn outbox_sent(&self, id: i64) -> Result<(), DbError> {
        self.write(move |conn| {
            Box::pin(async move {
                sqlx::query("DELETE FROM outbox WHERE id = $1")
                    .bind(id)
                    .execute(conn)
                    .await?;
                Ok(())
            })
        })
        .await
    }

    /// Sending message `id` failed: try again from `next_at`.
    pub async fn outbox_retry(
        &self,
        id: i64,
        next_at: String,
        error: String,
    ) -> Result<(), DbError> {
        self.write(move |conn| {
            Box::pin(async move {
                sqlx::query(
                    "UPDATE outbox SET attempts = attempts + 1, next_at = $1, last_error = $2 WHERE id = $3",
                )
                .bind(next_at)
                // A script's error text may hold a NUL, which PostgreSQL
                // cannot store: the retry would fail, and so on forever.
                .bind(error.replace('\0', "\u{fffd}"))
                .bind(id)
                .execute(conn)
                .await?;
                Ok(())
            })
        })
        .await
    }

    /// The time zones organisations are in (each gets its own "tomorrow").
    pub async fn time_zones(&self) -> Result<Vec<String>, DbError> {
        Ok(sqlx::query_scalar("SELECT DISTINCT time_zone FROM orgs")
            .fetch_all(&self.read)
            .await?)
    }

    /// Writes a reminder for each person with a place and an e-mail address
    /// at the open cafés of `date` (the day after today there) of the
    /// organisations in time zone `zone`, once per signup; returns how many.
    pub async fn write_reminders(&self, zone: &str, date: &str) -> Result<u64, DbError> {
        let (zone, date) = (zone.to_owned(), date.to_owned());
        self.write(move |conn| {
            Box::pin(async move {
                let due = sqlx::query(
                    "SELECT s.id, s.cafe_id, s.email_key, s.name, s.lang, s.page \
                     FROM signups s JOIN cafes c ON c.id = s.cafe_id JOIN orgs o ON o.name = c.org \
                     WHERE c.date = $1 AND o.time_zone = $2 AND c.closed = 0 \
                       AND s.status = 'confirmed' AND s.reminded = 0 AND s.email_key IS NOT NULL",
                )
                .bind(&date)
                .bind(&zone)
                .fetch_all(&mut *conn)
                .await?;
                let mut written = 0;
                for row in &due {
                    let id: i64 = row.try_get("id")?;
                    // Checked again as it is marked: another instance (a
                    // leader that did not yet know it lost the lock) may
                    // have reminded or cancelled it since the SELECT.
                    let marked = sqlx::query(
                        "UPDATE signups SET reminded = 1 \
                         WHERE id = $1 AND reminded = 0 AND status = 'confirmed'",
                    )
                    .bind(id)
                    .execute(&mut *conn)
                    .await?
                    .rows_affected();
                    if marked == 0 {
                        continue;
                    }
                    written += 1;
                    super::places::tell(
                        conn,
                        id,
                        row.try_get("cafe_id")?,
                        MessageKind::Reminder,
                        row.try_get("email_key")?,
                        row.try_get("name")?,
                        row.try_get("lang")?,
                        row.try_get("page")?,
                    )
                    .await?;
                }
                Ok(written)
            })
        })
        .await
    }

    /// How many messages wait in the outbox.
    pub async fn outbox_len(&self) -> Result<i64, DbError> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM outbox")
            .fetch_one(&self.read)
            .await?)
    }
}
