//! Signups: taking one (the rules decide outside the writer, the capacity is
//! held and the signup stored inside it), cancelling,
//! promoting from the waiting list, and an organisation's lists and deletions.

use std::future::Future;

use plugin_host::contract::vacaturecafe::{Cafe, CafeListing, Decision, MessageKind, Outcome};
use serde::{Deserialize, Serialize};
use sqlx::{AnyConnection, Row as _};
use tokio::sync::oneshot;

use super::cafes::{CAFE_COLUMNS, Known, listing_of};
use super::orgs::{ORG_COLUMNS, org_row};
use super::outbox::{self, Outgoing};
use super::{Db, DbError, now, places::fill_places};

/// Where a signup stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Has a place.
    Confirmed,
    /// Waits for a place.
    Waitlist,
    /// Cancelled by the person; their details are gone.
    Cancelled,
}

impl Status {
    /// As the API sends it.
    pub const fn as_wire(self) -> wire::SignupStatus {
        match self {
            Self::Confirmed => wire::SignupStatus::Confirmed,
            Self::Waitlist => wire::SignupStatus::Waitlist,
            Self::Cancelled => wire::SignupStatus::Cancelled,
        }
    }

    /// As stored: the API's spelling.
    fn as_str(self) -> &'static str {
        self.as_wire().as_str()
    }

    fn parse(s: &str) -> Result<Self, DbError> {
        match wire::SignupStatus::parse(s) {
            Some(wire::SignupStatus::Confirmed) => Ok(Self::Confirmed),
            Some(wire::SignupStatus::Waitlist) => Ok(Self::Waitlist),
            Some(wire::SignupStatus::Cancelled) => Ok(Self::Cancelled),
            Some(wire::SignupStatus::Rejected) | None => {
                Err(DbError::Query(format!("unknown signup status {s}")))
            }
        }
    }
}

/// How many times a signup is decided: again when the place the rules gave
/// went to someone else between deciding and storing (see [`Db::signup`]).
const DECIDE_ROUNDS: usize = 3;

/// A signup to take, already cleaned and validated.
pub struct NewSignup {
    /// The organisation.
    pub org: String,
    /// The café.
    pub cafe_id: i64,
    /// Today (`YYYY-MM-DD`): cafés before it take no signups.
    pub today: String,
    /// The person's name, for the organisation's lists.
    pub name: String,
    /// See [`plugin_host::contract::vacaturecafe::email_key`].
    pub email_key: Option<String>,
    /// See [`plugin_host::contract::vacaturecafe::phone_key`].
    pub phone_key: Option<String>,
    /// The cleaned form as JSON.
    pub form: String,
    /// The language the person used.
    pub lang: String,
    /// SHA-256 of the cancellation token given to the person.
    pub cancel_hash: Vec<u8>,
    /// The key for its door code, random.
    pub door_key: String,
    /// The page the person signed up on, for the links in messages.
    pub page: Option<String>,
    /// With messages on and an e-mail address: who gets the confirmation.
    pub notice: Option<Notice>,
    /// Whether the organisation has a webhook (read with the organisation,
    /// so the writer does not look it up for every signup).
    pub events: bool,
}

/// What [`Db::signup_start`] reads.
#[derive(Debug)]
pub struct SignupStart {
    /// The café with its counts as read (the writer reads them again).
    pub listing: CafeListing,
    /// Its organisation.
    pub org: super::Org,
    /// The signup this browser's token made for the café, when it was sent
    /// before.
    pub sent: Option<SignupStatus>,
    /// The token belongs to a signup for another café: refused before the
    /// writer (where it would make the signups stored with it go one at a
    /// time, see `take_run`).
    pub token_elsewhere: bool,
}

/// Who is told that their signup was taken, and with which link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The e-mail address.
    pub recipient: String,
    /// The cancellation token, for the link (the signup stores its hash).
    pub token: String,
}

/// A signup as the person sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupStatus {
    /// The signup's id.
    pub id: i64,
    /// The café.
    pub cafe_id: i64,
    /// Where it stands.
    pub status: Status,
    /// Place on the waiting list (1 = next), when waiting.
    pub position: Option<i64>,
    /// The key in its door code (see `crate::door_code`); none once cancelled.
    pub door_key: Option<String>,
}

/// What became of a signup request, with the café's counts right after it.
#[derive(Debug)]
pub struct SignupResult {
    /// What became of it.
    pub outcome: SignupOutcome,
    /// The café, counting this signup.
    pub cafe: CafeListing,
}

/// What became of a signup request.
#[derive(Debug)]
pub enum SignupOutcome {
    /// A new signup, confirmed or waiting; `message` from the rules.
    Created {
        /// The signup.
        signup: SignupStatus,
        /// What the rules said.
        message: String,
    },
    /// This signup was sent before with the same token: that signup.
    Existing(SignupStatus),
    /// The rules did not take the signup; nothing was stored.
    Rejected(String),
}

/// Why a signup could not be taken.
#[derive(Debug)]
pub enum SignupError {
    /// No such café for this organisation.
    CafeNotFound,
    /// The organisation closed the café.
    CafeClosed,
    /// The café was before today.
    CafePast,
    /// The browser's token belongs to a signup for another café.
    TokenInUse,
}

/// What the writer made of a signup and its decision.
#[allow(
    clippy::large_enum_variant,
    reason = "one value per signup, moved once out of the writer"
)]
enum Taken {
    /// Taken, recognised or refused.
    Done(Result<SignupResult, SignupError>),
    /// The rules' `confirmed` no longer fits: decide again with these counts.
    Again(NewSignup, CafeListing),
}

pub use wire::console::SignupRow;

fn signup_row(row: &sqlx::any::AnyRow) -> Result<SignupRow, DbError> {
    let status = Status::parse(row.try_get("status")?)?;
    Ok(SignupRow {
        id: row.try_get("id")?,
        cafe_id: row.try_get("cafe_id")?,
        cafe_title: row.try_get("title")?,
        cafe_date: row.try_get("date")?,
        status: status.as_wire(),
        position: row.try_get("position")?,
        name: row.try_get("name")?,
        form: serde_json::from_str(row.try_get("form")?)?,
        lang: row.try_get("lang")?,
        created_at: row.try_get("created_at")?,
        moved_up_at: row.try_get("moved_up_at")?,
        cancelled_at: if status == Status::Cancelled {
            row.try_get("updated_at")?
        } else {
            None
        },
        present_at: row.try_get("present_at")?,
        door_key: row.try_get("door_key")?,
        duplicate_of: row.try_get("duplicate_of")?,
    })
}

async fn position(conn: &mut AnyConnection, cafe_id: i64, id: i64) -> Result<i64, DbError> {
    Ok(sqlx::query_scalar(
        "SELECT count(*) FROM signups WHERE cafe_id = $1 AND status = 'waitlist' AND id <= $2",
    )
    .bind(cafe_id)
    .bind(id)
    .fetch_one(conn)
    .await?)
}

async fn status_of(
    conn: &mut AnyConnection,
    id: i64,
    cafe_id: i64,
    status: Status,
) -> Result<SignupStatus, DbError> {
    let position = match status {
        Status::Waitlist => Some(position(conn, cafe_id, id).await?),
        _ => None,
    };
    let door_key: Option<String> = sqlx::query_scalar("SELECT door_key FROM signups WHERE id = $1")
        .bind(id)
        .fetch_one(conn)
        .await?;
    Ok(SignupStatus {
        id,
        cafe_id,
        status,
        position,
        door_key,
    })
}

/// Whether the café takes signups on `today`: not closed, not past.
pub fn takes_signups(cafe: &Cafe, today: &str) -> Result<(), SignupError> {
    if cafe.details.closed {
        Err(SignupError::CafeClosed)
    } else if cafe.details.date.as_str() < today {
        Err(SignupError::CafePast)
    } else {
        Ok(())
    }
}

/// (id, café, status) of the organisation's signup with this token hash.
async fn find_by_token(
    conn: &mut AnyConnection,
    org: &str,
    cancel_hash: Vec<u8>,
) -> Result<Option<(i64, i64, Status)>, DbError> {
    let row = sqlx::query(
        "SELECT s.id, s.cafe_id, s.status FROM signups s JOIN cafes c ON c.id = s.cafe_id \
         WHERE s.cancel_hash = $1 AND c.org = $2",
    )
    .bind(cancel_hash)
    .bind(org)
    .fetch_optional(conn)
    .await?;
    row.map(|row| {
        Ok((
            row.try_get("id")?,
            row.try_get("cafe_id")?,
            Status::parse(row.try_get("status")?)?,
        ))
    })
    .transpose()
}

/// The signup made with this token hash, if this one was sent before.
async fn sent_before(
    conn: &mut AnyConnection,
    s: &NewSignup,
) -> Result<Option<SignupStatus>, DbError> {
    let row = sqlx::query("SELECT id, status FROM signups WHERE cafe_id = $1 AND cancel_hash = $2")
        .bind(s.cafe_id)
        .bind(&s.cancel_hash)
        .fetch_optional(&mut *conn)
        .await?;
    match row {
        Some(row) => {
            let status = Status::parse(row.try_get("status")?)?;
            Ok(Some(
                status_of(conn, row.try_get("id")?, s.cafe_id, status).await?,
            ))
        }
        None => Ok(None),
    }
}

/// A signup as the handler hands it to the writer: what the person sent,
/// what the rules decided, and whether the rules may decide again.
struct Item {
    s: NewSignup,
    decision: Decision,
    last_round: bool,
}

/// A signup waiting in the writer's queue, with the channel its handler
/// hears on once the group's commit is known.
pub(super) struct Pending {
    item: Item,
    reply: oneshot::Sender<Result<Taken, DbError>>,
}

impl Pending {
    /// Its café, whose row the writer locks (PostgreSQL).
    pub(super) const fn cafe(&self) -> i64 {
        self.item.s.cafe_id
    }
}

/// What [`plan`] made of one signup, before anything is stored.
enum Step {
    /// Answered without storing anything.
    Done(Result<SignupResult, SignupError>),
    /// The rules must decide again with these counts.
    Again(CafeListing),
    /// To store with this status (and place on the waiting list), the café
    /// as it was before it.
    Insert {
        status: Status,
        position: Option<i64>,
        before: CafeListing,
    },
}

/// The café counting one more signup with `status`.
fn counting(mut listing: CafeListing, status: Status) -> CafeListing {
    let counts = &mut listing.counts;
    match status {
        Status::Confirmed => {
            counts.confirmed += 1;
            counts.places_left -= 1;
        }
        _ => counts.waitlist += 1,
    }
    listing
}

/// Inside the writer, one signup: checks the café again and holds the
/// rules' decision to the counts as the group's earlier signups left them
/// ([`Known`], which then counts this one too). Reads only for a café the
/// group has not seen yet (SQLite) and for a refused signup (was it sent
/// before?).
async fn plan(conn: &mut AnyConnection, known: &mut Known, item: &Item) -> Result<Step, DbError> {
    let s = &item.s;
    let Some(listing) = known.cafe(conn, &s.org, s.cafe_id).await? else {
        return Ok(Step::Done(Err(SignupError::CafeNotFound)));
    };
    if let Err(e) = takes_signups(&listing.cafe, &s.today) {
        return Ok(Step::Done(Err(e)));
    }
    // The one rule no script can change: never more confirmed than places.
    let outcome = item.decision.outcome.within(&listing.counts);
    if outcome != item.decision.outcome {
        if !item.last_round {
            // The rules' message speaks of a place: let them see it is gone.
            return Ok(Step::Again(listing));
        }
        tracing::warn!(
            org = s.org,
            cafe = s.cafe_id,
            "places kept going to others while the rules decided: wait-listed with the rules' last message"
        );
    }
    let status = match outcome {
        Outcome::Rejected => {
            // A signup sent again gets its first answer's signup, not a refusal.
            let outcome = match sent_before(conn, s).await? {
                Some(signup) => SignupOutcome::Existing(signup),
                None => SignupOutcome::Rejected(item.decision.message.clone()),
            };
            return Ok(Step::Done(Ok(SignupResult {
                outcome,
                cafe: listing,
            })));
        }
        Outcome::Confirmed => Status::Confirmed,
        Outcome::Waitlist => Status::Waitlist,
    };
    // The newest signup: last on the list, no need to count.
    let position = (status == Status::Waitlist).then(|| listing.counts.waitlist.saturating_add(1));
    known.keep(&s.org, counting(listing.clone(), status));
    Ok(Step::Insert {
        status,
        position,
        before: listing,
    })
}

/// The columns a new signup is stored in, in the order of [`values_of`].
const SIGNUP_COLUMNS: &str = "cafe_id, status, name, email_key, phone_key, form, lang, \
                              cancel_hash, page, created_at, updated_at, door_key";

/// One value of a new signup's row.
enum Column<'a> {
    Number(i64),
    Text(Option<&'a str>),
    Bytes(&'a [u8]),
}

/// The row a new signup is stored as, in [`SIGNUP_COLUMNS`]' order: the one
/// place both inserts ([`insert`], [`insert_and_commit`]) take it from.
fn values_of<'a>(s: &'a NewSignup, status: Status, at: &'a str) -> [Column<'a>; 12] {
    [
        Column::Number(s.cafe_id),
        Column::Text(Some(status.as_str())),
        Column::Text(Some(&s.name)),
        Column::Text(s.email_key.as_deref()),
        Column::Text(s.phone_key.as_deref()),
        Column::Text(Some(&s.form)),
        Column::Text(Some(&s.lang)),
        Column::Bytes(&s.cancel_hash),
        Column::Text(s.page.as_deref()),
        Column::Text(Some(at)),
        Column::Text(Some(at)),
        Column::Text(Some(&s.door_key)),
    ]
}

/// The ids of the signups an insert returned, by token hash.
fn ids_by_token(
    rows: &[sqlx::any::AnyRow],
) -> Result<std::collections::HashMap<Vec<u8>, i64>, DbError> {
    rows.iter()
        .map(|row| Ok((row.try_get("cancel_hash")?, row.try_get("id")?)))
        .collect()
}

/// Stores `rows` with one statement and returns the ids of those stored, by
/// token hash. A signup sent again meets the unique token hash and is not
/// stored (no query for it on the common path); so is one whose token
/// belongs to another café's signup.
async fn insert(
    conn: &mut AnyConnection,
    rows: &[(&NewSignup, Status)],
) -> Result<std::collections::HashMap<Vec<u8>, i64>, DbError> {
    if rows.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    let at = now();
    let rows: Vec<_> = rows
        .iter()
        .map(|(s, status)| values_of(s, *status, &at))
        .collect();
    let marks = super::rows_of_marks(rows.len(), rows[0].len());
    let sql = format!(
        "INSERT INTO signups ({SIGNUP_COLUMNS}) \
         VALUES {marks} ON CONFLICT DO NOTHING RETURNING id, cancel_hash"
    );
    // Placeholders only: everything from outside is bound.
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for value in rows.iter().flatten() {
        query = match *value {
            Column::Number(n) => query.bind(n),
            Column::Text(text) => query.bind(text),
            Column::Bytes(bytes) => query.bind(bytes),
        };
    }
    ids_by_token(&query.fetch_all(&mut *conn).await?)
}

/// Whether a run of signups may end its transaction (see [`take_run`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ending {
    /// Other writes come after it: the writer commits.
    Open,
    /// The run is the whole transaction, on PostgreSQL: it may commit with
    /// its insert.
    MayCommit,
}

/// Stores `rows` and commits, in one round trip (PostgreSQL): the insert
/// and `COMMIT` as one simple query. Returns the ids by token hash, or
/// `None` when the insert or the commit failed and the transaction was
/// rolled back (a token stored meanwhile, which here is an error rather
/// than a row left out, so no signup after it was counted wrong; the
/// caller takes the run again the usual way).
///
/// Why: the café's row stays locked from the group's first round trip to
/// its commit, and another instance's signups for that café wait all that
/// time. With the insert and the commit apart, the lock was held for two
/// round trips after the read: two instances on one café at a steady 2,000
/// signups a second answered 99 in 100 within 20 to 33 ms, and with them
/// together within 13 to 14 ms. (Staging the signups in a session table
/// before the lock, so that the statement holds numbers only, kept the
/// lock as short but cost the writer a round trip per group: 16 to 32 ms.)
///
/// A simple query takes no parameters, so the values are written into it,
/// each as hexadecimal digits that `decode` turns back into its bytes:
/// nothing from outside is pasted in as text, whatever it holds. A
/// statement that fails is written to PostgreSQL's log with its text by
/// default, so then that group's details would be there: the README's
/// "More than one machine" says how to keep them out
/// (`log_min_error_statement`).
async fn insert_and_commit(
    conn: &mut AnyConnection,
    rows: &[(&NewSignup, Status)],
) -> Result<Option<std::collections::HashMap<Vec<u8>, i64>>, DbError> {
    use std::fmt::Write as _;
    fn hex(out: &mut String, bytes: &[u8]) {
        out.push_str("decode('");
        for b in bytes {
            let _ = write!(out, "{b:02x}");
        }
        out.push_str("', 'hex')");
    }
    let at = now();
    let mut sql = format!("INSERT INTO signups ({SIGNUP_COLUMNS}) VALUES ");
    for (i, (s, status)) in rows.iter().enumerate() {
        sql.push_str(if i == 0 { "(" } else { ", (" });
        for (j, value) in values_of(s, *status, &at).iter().enumerate() {
            if j > 0 {
                sql.push_str(", ");
            }
            match *value {
                Column::Number(n) => {
                    let _ = write!(sql, "{n}");
                }
                Column::Text(Some(text)) => {
                    sql.push_str("convert_from(");
                    hex(&mut sql, text.as_bytes());
                    sql.push_str(", 'UTF8')");
                }
                Column::Text(None) => sql.push_str("NULL"),
                Column::Bytes(bytes) => hex(&mut sql, bytes),
            }
        }
        sql.push(')');
    }
    sql.push_str(" RETURNING id, cancel_hash; COMMIT");
    match sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
        .fetch_all(&mut *conn)
        .await
    {
        Ok(stored) => Ok(Some(ids_by_token(&stored)?)),
        Err(e) => {
            tracing::info!(error = %e, "a group of signups with its commit; taken again");
            sqlx::query("ROLLBACK").execute(&mut *conn).await?;
            Ok(None)
        }
    }
}

/// Inside the writer, a run of signups that followed one another in its
/// queue: each is decided in order ([`plan`]), then all are stored with one
/// insert, then their messages with one more.
///
/// A token twice in the run (the same signup sent twice at once), or one
/// already stored (sent again while its first was being stored), would
/// leave the counts of the signups after it wrong: the run is then taken
/// one signup at a time, after giving back what the insert did store.
///
/// With [`Ending::MayCommit`] (PostgreSQL, the run is the whole
/// transaction) and no messages or events to write, the insert carries the
/// commit (see [`insert_and_commit`]); the answer says whether it did.
async fn take_run(
    conn: &mut AnyConnection,
    known: &mut Known,
    items: Vec<Item>,
    ending: Ending,
) -> Result<(Vec<Taken>, bool), DbError> {
    let mut tokens = std::collections::HashSet::new();
    if !items.iter().all(|item| tokens.insert(&item.s.cancel_hash)) {
        return Ok((one_at_a_time(conn, known, items).await?, false));
    }
    let mut steps = Vec::with_capacity(items.len());
    for item in &items {
        steps.push(plan(conn, known, item).await?);
    }
    let rows: Vec<(&NewSignup, Status)> = items
        .iter()
        .zip(&steps)
        .filter_map(|(item, step)| match step {
            Step::Insert { status, .. } => Some((&item.s, *status)),
            _ => None,
        })
        .collect();
    let commit_here = ending == Ending::MayCommit
        && !rows.is_empty()
        && items.iter().all(|i| !i.s.events && i.s.notice.is_none());
    let (stored, committed) = if commit_here {
        if let Some(stored) = insert_and_commit(conn, &rows).await? {
            (stored, true)
        } else {
            // Rolled back, nothing stored (a token stored already: rare):
            // once more the usual way, in a new transaction, the cafés
            // locked and read again.
            let cafes: Vec<i64> = items.iter().map(|item| item.s.cafe_id).collect();
            *known = super::writer::begin(conn, &cafes).await?;
            return Box::pin(take_run(conn, known, items, Ending::Open)).await;
        }
    } else {
        (insert(conn, &rows).await?, false)
    };
    if stored.len() < rows.len() {
        // `Known` counted a signup that is not stored.
        known.forget();
        if let ([item], Some(Step::Insert { before, .. })) = (items.as_slice(), steps.pop()) {
            let taken = Taken::Done(match sent_before(conn, &item.s).await? {
                Some(signup) => Ok(SignupResult {
                    outcome: SignupOutcome::Existing(signup),
                    cafe: before,
                }),
                // The same token for another café: a client error, not ours.
                None => Err(SignupError::TokenInUse),
            });
            return Ok((vec![taken], false));
        }
        // Undone: the triggers give the places back.
        let ids: Vec<String> = stored.values().map(i64::to_string).collect();
        // Numbers only: nothing from outside is pasted in. Not prepared:
        // its text is new each time.
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
            "DELETE FROM signups WHERE id IN ({})",
            ids.join(", ")
        )))
        .execute(&mut *conn)
        .await?;
        return Ok((one_at_a_time(conn, known, items).await?, false));
    }
    // The ids in the order the signups were decided in. The places in line
    // told below follow that order, and the ids order the waiting list:
    // both databases insert a list of rows in order; checked, not assumed
    // (out of order, the group fails and may be sent again).
    let ids: Vec<i64> = rows
        .iter()
        .filter_map(|(s, _)| stored.get(&s.cancel_hash).copied())
        .collect();
    if ids.len() < rows.len() || !ids.windows(2).all(|pair| pair[0] < pair[1]) {
        let e = "a group of signups was not stored in the order decided";
        if !committed {
            return Err(DbError::Query(e.into()));
        }
        // Stored for good: its people are answered, not told it failed.
        tracing::error!("{e}; committed, places in line as decided");
    }
    let mut ids = ids.into_iter();
    let mut messages = Vec::new();
    let mut taken = Vec::with_capacity(items.len());
    for (item, step) in items.into_iter().zip(steps) {
        let (status, position, before) = match step {
            Step::Done(result) => {
                taken.push(Taken::Done(result));
                continue;
            }
            Step::Again(listing) => {
                taken.push(Taken::Again(item.s, listing));
                continue;
            }
            Step::Insert {
                status,
                position,
                before,
            } => (status, position, before),
        };
        let (Some(id), s) = (ids.next(), item.s) else {
            return Err(DbError::Query("a stored signup has no id".into()));
        };
        // Its messages: more writes in the run; if one fails, the writer
        // rolls back the whole group, these signups too.
        let kind = match status {
            Status::Confirmed => MessageKind::Confirmed,
            _ => MessageKind::Waitlist,
        };
        if s.events {
            outbox::put_event(conn, id, kind).await?;
        }
        if let Some(notice) = s.notice {
            messages.push(Outgoing {
                org: s.org,
                cafe_id: s.cafe_id,
                kind,
                recipient: notice.recipient,
                name: s.name,
                lang: s.lang,
                position,
                cancel_token: Some(notice.token),
                page: s.page,
            });
        }
        taken.push(Taken::Done(Ok(SignupResult {
            outcome: SignupOutcome::Created {
                signup: SignupStatus {
                    id,
                    cafe_id: s.cafe_id,
                    status,
                    position,
                    door_key: Some(s.door_key),
                },
                message: item.decision.message,
            },
            cafe: counting(before, status),
        })));
    }
    outbox::put_all(conn, &messages).await?;
    Ok((taken, committed))
}

/// The run's signups one by one, each a run of its own (which settles a
/// stored token itself).
async fn one_at_a_time(
    conn: &mut AnyConnection,
    known: &mut Known,
    items: Vec<Item>,
) -> Result<Vec<Taken>, DbError> {
    let mut taken = Vec::with_capacity(items.len());
    for item in items {
        taken.extend(
            Box::pin(take_run(conn, known, vec![item], Ending::Open))
                .await?
                .0,
        );
    }
    Ok(taken)
}

/// Inside the writer: takes `group`, signups that followed one another in
/// its queue, in order (see [`take_run`]), and returns the replies to send
/// once the commit is known, and whether the group was committed here
/// (see [`Ending`]). On `Err` the writer rolls back the group.
pub(super) async fn take_group(
    conn: &mut AnyConnection,
    known: &mut Known,
    group: Vec<Pending>,
    ending: Ending,
) -> (Vec<super::writer::Reply>, Result<bool, DbError>) {
    let (senders, items): (Vec<_>, Vec<_>) = group.into_iter().map(|p| (p.reply, p.item)).unzip();
    let taken = take_run(conn, known, items, ending).await;
    let stored = taken
        .as_ref()
        .map(|(_, committed)| *committed)
        .map_err(Clone::clone);
    let replies = match taken.map(|(taken, _)| taken) {
        Ok(taken) => senders
            .into_iter()
            .zip(taken)
            .map(|(sender, taken)| reply(sender, Ok(taken)))
            .collect(),
        Err(e) => senders
            .into_iter()
            .map(|sender| reply(sender, Err(e.clone())))
            .collect(),
    };
    (replies, stored)
}

/// Tells a signup's handler what became of it once the commit is known.
fn reply(
    sender: oneshot::Sender<Result<Taken, DbError>>,
    taken: Result<Taken, DbError>,
) -> super::writer::Reply {
    // The handler may have gone (client hung up); the signup stands.
    Box::new(move |commit| {
        let _ = sender.send(commit.and(taken));
    })
}

impl Db {
    /// Takes a signup with the rules' `decision`, made with a café and its
    /// counts as last read.
    ///
    /// The rules decide *outside* the writer: a hook may take milliseconds,
    /// and every organisation's writes wait for the one writer. Inside it, in
    /// one transaction: the café is checked again, the one rule no script can
    /// change is held to the counts of that instant ([`Outcome::within`]),
    /// and the signup is stored (a second one of the same person gets the
    /// first back). When that rule would turn the rules' `confirmed` into
    /// `waitlist` (the last place went to someone else meanwhile), `redecide`
    /// runs the rules again with the new counts, so the message fits.
    ///
    /// Other decisions stand on the counts the rules saw: a rule such as
    /// "at most ten waiting" can be passed by as many signups as arrive in
    /// the same few milliseconds. Capacity never can.
    pub async fn signup<E, F, Fut>(
        &self,
        mut s: NewSignup,
        mut decision: Decision,
        mut redecide: F,
    ) -> Result<Result<SignupResult, SignupError>, E>
    where
        E: From<DbError>,
        F: FnMut(CafeListing) -> Fut,
        Fut: Future<Output = Result<Decision, E>>,
    {
        let mut round = 1;
        loop {
            let last_round = round == DECIDE_ROUNDS;
            let (reply, answer) = oneshot::channel();
            let item = Item {
                s,
                decision,
                last_round,
            };
            self.writer.signup(Pending { item, reply }).await?;
            match answer.await.map_err(|_| DbError::WriterStopped)?? {
                Taken::Done(result) => return Ok(result),
                Taken::Again(back, fresh) => {
                    s = back;
                    decision = redecide(fresh).await?;
                }
            }
            round += 1;
        }
    }

    /// The signup with this cancellation token hash, if it is the organisation's.
    pub async fn signup_by_token(
        &self,
        org: &str,
        cancel_hash: Vec<u8>,
    ) -> Result<Option<SignupStatus>, DbError> {
        let org = org.to_owned();
        // Through the writer: the position must agree with the last write.
        self.write(move |conn| {
            Box::pin(async move {
                match find_by_token(conn, &org, cancel_hash).await? {
                    None => Ok(None),
                    Some((id, cafe_id, status)) => {
                        Ok(Some(status_of(conn, id, cafe_id, status).await?))
                    }
                }
            })
        })
        .await
    }

    /// What a signup needs before its rules run, in one read (a signup is
    /// the busiest request, and on a database server every statement is a
    /// round trip): the organisation's café with its counts, the
    /// organisation, and the signup this token made for the café before, if
    /// it was sent before (its first answer lost). `None`: no such café of
    /// this organisation.
    ///
    /// The café is found by its id and the earlier signup by its token hash
    /// alone, and both are checked here, so each has one index to use (see
    /// `cafes::listing_of`): joined on `s.cafe_id = c.id`, a plan made while the
    /// tables were new walked all of the café's signups for each new one.
    pub async fn signup_start(
        &self,
        org: &str,
        cafe_id: i64,
        cancel_hash: Vec<u8>,
    ) -> Result<Option<SignupStart>, DbError> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {CAFE_COLUMNS}, {ORG_COLUMNS}, \
             s.id AS sent_id, s.cafe_id AS sent_cafe, s.status AS sent_status \
             FROM cafes c JOIN orgs o ON o.name = c.org \
             LEFT JOIN signups s ON s.cancel_hash = $2 \
             WHERE c.id = $1"
        )))
        .bind(cafe_id)
        .bind(cancel_hash)
        .fetch_optional(&self.read)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let Some(listing) = listing_of(&row, org)? else {
            return Ok(None);
        };
        // The token of a signup for another café is not this café's.
        let sent_cafe = row.try_get::<Option<i64>, _>("sent_cafe")?;
        let sent_here = sent_cafe == Some(cafe_id);
        let sent = match row
            .try_get::<Option<i64>, _>("sent_id")?
            .filter(|_| sent_here)
        {
            Some(id) => {
                let status = Status::parse(row.try_get("sent_status")?)?;
                let mut conn = self.read.acquire().await?;
                Some(status_of(&mut conn, id, cafe_id, status).await?)
            }
            None => None,
        };
        Ok(Some(SignupStart {
            listing,
            org: org_row(&row)?,
            sent,
            token_elsewhere: sent_cafe.is_some() && !sent_here,
        }))
    }

    /// Cancels the signup with this token hash: its details are wiped, and a
    /// freed place goes to the first person waiting. Cancelling twice is fine.
    pub async fn cancel(
        &self,
        org: &str,
        cancel_hash: Vec<u8>,
    ) -> Result<Option<SignupStatus>, DbError> {
        let org = org.to_owned();
        let messages = self.messages;
        // Its café, to lock before the writer frees the place (a signup's
        // café never changes; one not found here is found nowhere).
        let cafe = {
            let mut conn = self.read.acquire().await?;
            find_by_token(&mut conn, &org, cancel_hash.clone()).await?
        };
        let Some((_, cafe, _)) = cafe else {
            return Ok(None);
        };
        self.write_for(vec![cafe], move |conn| {
            Box::pin(async move {
                let Some((id, cafe_id, status)) = find_by_token(conn, &org, cancel_hash).await?
                else {
                    return Ok(None);
                };
                if status != Status::Cancelled {
                    outbox::put_event(conn, id, MessageKind::Cancelled).await?;
                }
                // The details go; the message that says so is the last use
                // of the address (and leaves the outbox once sent).
                let person = sqlx::query("SELECT email_key, name, lang FROM signups WHERE id = $1")
                    .bind(id)
                    .fetch_one(&mut *conn)
                    .await?;
                sqlx::query(
                    "UPDATE signups SET status = 'cancelled', name = '', email_key = NULL, \
                     phone_key = NULL, form = '{}', page = NULL, present_at = NULL, \
                     door_key = NULL, updated_at = $1 WHERE id = $2",
                )
                .bind(now())
                .bind(id)
                .execute(&mut *conn)
                .await?;
                let recipient: Option<String> = person.try_get("email_key")?;
                if let (true, Some(recipient), false) =
                    (messages, recipient, status == Status::Cancelled)
                {
                    let message = Outgoing {
                        org: org.clone(),
                        cafe_id,
                        kind: MessageKind::Cancelled,
                        recipient,
                        name: person.try_get("name")?,
                        lang: person.try_get("lang")?,
                        position: None,
                        cancel_token: None,
                        page: None,
                    };
                    outbox::put(conn, &message).await?;
                }
                fill_places(conn, cafe_id, messages).await?;
                Ok(Some(SignupStatus {
                    id,
                    cafe_id,
                    status: Status::Cancelled,
                    position: None,
                    door_key: None,
                }))
            })
        })
        .await
    }

    /// The organisation's signups, of one café or all, by café date and
    /// signup order; cancelled ones only with `cancelled`.
    pub async fn signups(
        &self,
        org: &str,
        cafe_id: Option<i64>,
        cancelled: bool,
    ) -> Result<Vec<SignupRow>, DbError> {
        let rows = sqlx::query(
            "SELECT s.id, s.cafe_id, c.title, c.date, s.status, s.name, s.form, s.lang, \
             s.created_at, s.updated_at, s.moved_up_at, s.present_at, s.door_key, \
             CASE WHEN s.status = 'waitlist' THEN (SELECT count(*) FROM signups w \
               WHERE w.cafe_id = s.cafe_id AND w.status = 'waitlist' AND w.id <= s.id) END \
               AS position, \
             (SELECT min(o.id) FROM signups o WHERE o.cafe_id = s.cafe_id AND o.id < s.id \
               AND o.status != 'cancelled' AND (o.email_key = s.email_key OR o.phone_key = s.phone_key)) \
               AS duplicate_of \
             FROM signups s JOIN cafes c ON c.id = s.cafe_id \
             WHERE c.org = $1 AND ($2 IS NULL OR c.id = $3) AND ($4 OR s.status != 'cancelled') \
             ORDER BY c.date, c.id, s.id",
        )
        .bind(org)
        .bind(cafe_id)
        .bind(cafe_id)
        .bind(cancelled)
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(signup_row).collect()
    }

    /// Ticks signup `id` present at `at` (or, with `None`, takes the tick
    /// back); the row as it is now, or `None` if the organisation has no
    /// such signup. A cancelled signup cannot be ticked present.
    pub async fn set_presence(
        &self,
        org: &str,
        id: i64,
        at: Option<String>,
    ) -> Result<Option<Result<(), Status>>, DbError> {
        let org = org.to_owned();
        // Its café declared (PostgreSQL): the tick takes the signup's row,
        // which another instance moving people up holds with the café's.
        let cafe: Option<i64> = sqlx::query_scalar("SELECT cafe_id FROM signups WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.read)
            .await?;
        self.write_for(cafe.into_iter().collect(), move |conn| {
            Box::pin(async move {
                let status: Option<String> = sqlx::query_scalar(
                    "SELECT s.status FROM signups s JOIN cafes c ON c.id = s.cafe_id \
                     WHERE s.id = $1 AND c.org = $2",
                )
                .bind(id)
                .bind(&org)
                .fetch_optional(&mut *conn)
                .await?;
                let Some(status) = status else {
                    return Ok(None);
                };
                let status = Status::parse(&status)?;
                // A cancelled signup has no tick (cancelling clears it): taking
                // one back is fine, giving one is not.
                if status == Status::Cancelled && at.is_some() {
                    return Ok(Some(Err(status)));
                }
                // A tick sent again (offline, then online) keeps its first time.
                sqlx::query(
                    "UPDATE signups SET present_at = CASE WHEN $1 IS NULL THEN NULL \
                     ELSE coalesce(present_at, $2) END WHERE id = $3",
                )
                .bind(&at)
                .bind(&at)
                .bind(id)
                .execute(&mut *conn)
                .await?;
                Ok(Some(Ok(())))
            })
        })
        .await
    }

    /// One signup of the organisation, as its lists show it.
    pub async fn signup_row(&self, org: &str, id: i64) -> Result<Option<SignupRow>, DbError> {
        let cafe: Option<i64> = sqlx::query_scalar(
            "SELECT s.cafe_id FROM signups s JOIN cafes c ON c.id = s.cafe_id \
             WHERE s.id = $1 AND c.org = $2",
        )
        .bind(id)
        .bind(org)
        .fetch_optional(&self.read)
        .await?;
        let Some(cafe) = cafe else { return Ok(None) };
        Ok(self
            .signups(org, Some(cafe), true)
            .await?
            .into_iter()
            .find(|row| row.id == id))
    }

    /// Deletes one signup of the organisation; its place goes to the next person waiting.
    pub async fn delete_signup(&self, org: &str, id: i64) -> Result<bool, DbError> {
        let org = org.to_owned();
        let messages = self.messages;
        let cafe: Option<i64> = sqlx::query_scalar("SELECT cafe_id FROM signups WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.read)
            .await?;
        self.write_for(cafe.into_iter().collect(), move |conn| {
            Box::pin(async move {
                let cafe_id: Option<i64> = sqlx::query_scalar(
                    "DELETE FROM signups WHERE id = $1 AND cafe_id IN \
                     (SELECT id FROM cafes WHERE org = $2) RETURNING cafe_id",
                )
                .bind(id)
                .bind(org)
                .fetch_optional(&mut *conn)
                .await?;
                match cafe_id {
                    Some(cafe_id) => {
                        fill_places(conn, cafe_id, messages).await?;
                        Ok(true)
                    }
                    None => Ok(false),
                }
            })
        })
        .await
    }

    /// Deletes every signup of one person (by e-mail or phone key) at the
    /// organisation's cafés; returns how many. Freed places are filled.
    pub async fn forget(
        &self,
        org: &str,
        email_key: Option<String>,
        phone_key: Option<String>,
    ) -> Result<u64, DbError> {
        let org = org.to_owned();
        let messages = self.messages;
        // The person's cafés, declared (PostgreSQL): deleting changes their
        // counts. One signed up meanwhile is still deleted; its café is
        // then locked inside the group (see `fill_places`).
        let declared: Vec<i64> = sqlx::query_scalar(
            "SELECT DISTINCT cafe_id FROM signups WHERE cafe_id IN \
             (SELECT id FROM cafes WHERE org = $1) \
             AND ((email_key IS NOT NULL AND email_key = $2) \
               OR (phone_key IS NOT NULL AND phone_key = $3))",
        )
        .bind(&org)
        .bind(&email_key)
        .bind(&phone_key)
        .fetch_all(&self.read)
        .await?;
        self.write_for(declared, move |conn| {
            Box::pin(async move {
                let cafes: Vec<i64> = sqlx::query_scalar(
                    "DELETE FROM signups WHERE cafe_id IN (SELECT id FROM cafes WHERE org = $1) \
                     AND ((email_key IS NOT NULL AND email_key = $2) \
                       OR (phone_key IS NOT NULL AND phone_key = $3)) RETURNING cafe_id",
                )
                .bind(org)
                .bind(email_key)
                .bind(phone_key)
                .fetch_all(&mut *conn)
                .await?;
                let mut touched = cafes.clone();
                touched.sort_unstable();
                touched.dedup();
                for cafe_id in touched {
                    fill_places(conn, cafe_id, messages).await?;
                }
                Ok(cafes.len() as u64)
            })
        })
        .await
    }
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "a failed expectation is a failed test")]
mod tests {
    use sqlx::Connection as _;

    use super::*;

    /// A signup as the writer stores it, with `name`, for café 7.
    fn new_signup(name: &str, hash: u8) -> NewSignup {
        NewSignup {
            org: "acme".into(),
            cafe_id: 7,
            today: "2026-12-04".into(),
            name: name.into(),
            email_key: None,
            phone_key: Some("+31 6 1234'5678".into()),
            form: serde_json::json!({ "name": name }).to_string(),
            lang: "ar".into(),
            cancel_hash: vec![hash, 0, b'\'', b'\\', 0xff],
            door_key: format!("{hash:032x}"),
            page: None,
            notice: None,
            events: false,
        }
    }

    /// A database of the test's own on the server `BONDGENOOT_TEST_POSTGRES`
    /// names (as `cargo xtask test` sets it), with the server's schema and
    /// café 7 of organisation acme, of one place; `None` without a server.
    async fn database_with_cafe() -> Option<AnyConnection> {
        let Ok(base) = std::env::var("BONDGENOOT_TEST_POSTGRES") else {
            eprintln!("BONDGENOOT_TEST_POSTGRES is not set: no PostgreSQL to test against");
            return None;
        };
        sqlx::any::install_default_drivers();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let name = format!("unit_{}_{nanos}", std::process::id());
        let mut admin = AnyConnection::connect(&base).await.expect("PostgreSQL");
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await
            .expect("a database");
        let mut url = reqwest::Url::parse(&base).expect("a URL");
        url.set_path(&name);
        let mut conn = AnyConnection::connect(url.as_str())
            .await
            .expect("the new database");
        sqlx::migrate!("./migrations/postgres")
            .run_direct(None, &mut conn, false)
            .await
            .expect("the schema");
        sqlx::raw_sql(
            "INSERT INTO orgs (name, created_at) VALUES ('acme', 'now'); \
             INSERT INTO cafes (id, org, title, date, start_time, end_time, place, address, \
             capacity) VALUES (7, 'acme', 'Jobcafé', '2026-12-11', '14:00', '16:00', \
             'Bibliotheek', 'Markt 1', 1)",
        )
        .execute(&mut conn)
        .await
        .expect("a café");
        Some(conn)
    }

    /// [`insert_and_commit`] in a transaction of its own.
    async fn store(
        conn: &mut AnyConnection,
        rows: &[(&NewSignup, Status)],
    ) -> Option<std::collections::HashMap<Vec<u8>, i64>> {
        sqlx::query("BEGIN")
            .execute(&mut *conn)
            .await
            .expect("begin");
        insert_and_commit(conn, rows)
            .await
            .expect("no database error")
    }

    /// The insert that carries its commit, on PostgreSQL with the server's
    /// schema: odd text is stored as sent, the café's counts follow, and it
    /// commits itself. A token stored already rolls the group back
    /// (`None`), leaving the connection usable and the first signups in
    /// place: the writer then takes the group again the usual way. Without
    /// this, a broken statement would only ever show as every group taking
    /// the slow way.
    #[tokio::test]
    async fn the_insert_with_its_commit_stores_odd_text_as_sent() {
        let Some(mut conn) = database_with_cafe().await else {
            return;
        };
        let odd = [
            r#"Zoë O'Brien-\ "Bo"'); DELETE FROM signups; --"#,
            "زهرة \u{1F337} $$ E'\\n' \\x00",
        ];
        let (first, second) = (new_signup(odd[0], 1), new_signup(odd[1], 2));
        let stored = store(
            &mut conn,
            &[(&first, Status::Confirmed), (&second, Status::Waitlist)],
        )
        .await
        .expect("stored and committed, not rolled back");
        assert_eq!(stored.len(), 2);
        // Committed: a ROLLBACK now has nothing to take back.
        sqlx::query("ROLLBACK")
            .execute(&mut conn)
            .await
            .expect("rollback");
        let rows = sqlx::query(
            "SELECT id, status, name, phone_key, form, lang, cancel_hash, page, door_key \
             FROM signups ORDER BY id",
        )
        .fetch_all(&mut conn)
        .await
        .expect("read back");
        assert_eq!(rows.len(), 2, "both signups stayed");
        for (row, (s, status)) in rows
            .iter()
            .zip([(&first, "confirmed"), (&second, "waitlist")])
        {
            let id: i64 = row.try_get("id").expect("id");
            assert_eq!(stored.get(&s.cancel_hash), Some(&id));
            assert_eq!(row.try_get::<String, _>("status").expect("status"), status);
            assert_eq!(row.try_get::<String, _>("name").expect("name"), s.name);
            assert_eq!(
                row.try_get::<Option<String>, _>("phone_key")
                    .expect("phone"),
                s.phone_key
            );
            assert_eq!(row.try_get::<String, _>("form").expect("form"), s.form);
            assert_eq!(row.try_get::<String, _>("lang").expect("lang"), s.lang);
            assert_eq!(
                row.try_get::<Vec<u8>, _>("cancel_hash").expect("hash"),
                s.cancel_hash
            );
            assert_eq!(
                row.try_get::<Option<String>, _>("page").expect("page"),
                None
            );
            assert_eq!(
                row.try_get::<String, _>("door_key").expect("key"),
                s.door_key
            );
        }
        let counts: (i64, i64) =
            sqlx::query_as("SELECT confirmed, waitlist FROM cafes WHERE id = 7")
                .fetch_one(&mut conn)
                .await
                .expect("the café");
        assert_eq!(counts, (1, 1), "the café's counts follow");

        // The first again (sent twice): rolled back, nothing more stored.
        let again = new_signup("Someone else", 1);
        let third = new_signup("A third", 3);
        let taken = store(
            &mut conn,
            &[(&third, Status::Waitlist), (&again, Status::Waitlist)],
        )
        .await;
        assert!(taken.is_none(), "a stored token rolls the group back");
        let count: i64 = sqlx::query_scalar("SELECT count(*) FROM signups")
            .fetch_one(&mut conn)
            .await
            .expect("the connection is usable");
        assert_eq!(count, 2, "the third was not kept either");
    }
}
