//! The database: organisations, their rule-script versions, job cafés and signups.
//!
//! Handlers only see [`Db`]'s methods and the domain types they take and
//! return; no SQL and no driver type leaves this module. One set of queries
//! runs on both databases through sqlx's `Any` driver: placeholders are
//! `$1, $2…` (both read them), integers are 64-bit and flags are 0/1 in both
//! schemas (`server/migrations/sqlite/` and `…/postgres/`, held equal by a
//! test).
//!
//! SQLite is the embedded default: one file, WAL (readers never wait for the
//! writer), `synchronous = FULL` (a signup that was answered survives a power
//! cut).
//!
//! PostgreSQL is for hosts that run several server processes on one database
//! (`--database-url`). Each process still commits its writes in groups (see
//! [`writer`]); what one process's single writer guaranteed on SQLite, row
//! locks guarantee across processes: a job that counts a café's places locks
//! the café's row first ([`lock_cafes`]), so two signups for the last place
//! at two instances are taken one after the other.
//!
//! Migrations are applied at start-up (on PostgreSQL under sqlx's advisory
//! lock, so two instances starting at once do not both apply them).

mod admins;
mod cafes;
mod copy;
mod door;
mod figures;
mod orgs;
mod outbox;
mod places;
mod retention;
mod scripts;
mod signups;
pub mod writer;

use std::path::{Path, PathBuf};
use std::str::FromStr as _;

use anyhow::Context as _;
use sqlx::AnyPool;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{AnyConnection, ConnectOptions as _, Connection as _};

pub use admins::AdminRow;
pub use cafes::CafeInput;
pub use figures::{FigureRow, NewFigures};
pub use orgs::Org;
pub use outbox::{Outgoing, Queued};
pub use retention::KeptCafe;
pub use scripts::{NewVersion, ScriptVersion};
pub use signups::{
    NewSignup, Notice, SignupError, SignupOutcome, SignupResult, SignupRow, SignupStart,
    SignupStatus, Status, takes_signups,
};

use writer::Writer;

/// A database failure; details go to the log, never to the client.
#[derive(Debug, Clone, thiserror::Error)]
pub enum DbError {
    /// A query failed.
    #[error("database error: {0}")]
    Query(String),
    /// The writer task has stopped (the server is shutting down).
    #[error("the database writer has stopped")]
    WriterStopped,
}

impl DbError {
    fn from_commit(e: &sqlx::Error) -> Self {
        Self::Query(e.to_string())
    }
}

impl From<sqlx::Error> for DbError {
    fn from(e: sqlx::Error) -> Self {
        Self::Query(e.to_string())
    }
}

impl From<serde_json::Error> for DbError {
    fn from(e: serde_json::Error) -> Self {
        Self::Query(format!("stored JSON: {e}"))
    }
}

/// Where the data lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// An SQLite file (created if missing).
    File(PathBuf),
    /// A PostgreSQL database, as a `postgres://user:password@host/db` URL.
    Postgres(String),
}

/// Which database a [`Db`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// One file, one process.
    Sqlite,
    /// A server, possibly shared by several processes.
    Postgres,
}

impl Backend {
    /// What `conn` talks to: the few statements that differ between the
    /// two dialects ask this, not the driver's name.
    pub(crate) fn of(conn: &AnyConnection) -> Self {
        if conn.backend_name() == "PostgreSQL" {
            Self::Postgres
        } else {
            Self::Sqlite
        }
    }
}

/// The database: a pool of readers and the one [`Writer`].
#[derive(Debug, Clone)]
pub struct Db {
    read: AnyPool,
    writer: Writer,
    /// Whether changes to signups write messages to the outbox (the server
    /// has a mail server; see [`Db::with_messages`]).
    messages: bool,
    backend: Backend,
    /// How to open more connections (PostgreSQL: a leader lock).
    options: AnyConnectOptions,
    /// PostgreSQL's URL (for its listener); `None` on SQLite.
    url: Option<String>,
}

/// The PostgreSQL channel that carries, at each publish or rollback, the
/// organisation whose scripts changed.
pub const SCRIPTS_CHANNEL: &str = "bondgenoot_scripts";

/// Settings every SQLite connection needs: they are per connection.
const SQLITE_PRAGMAS: &str =
    "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL";

impl Db {
    /// Opens (creating if needed) the database at `at`, applies the
    /// migrations and starts the writer.
    pub async fn open(at: &Location) -> anyhow::Result<Self> {
        sqlx::any::install_default_drivers();
        match at {
            Location::File(path) => Self::open_sqlite(path).await,
            Location::Postgres(url) => Self::open_postgres(url).await,
        }
    }

    async fn open_sqlite(path: &Path) -> anyhow::Result<Self> {
        let url = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .to_url_lossy();
        let options = AnyConnectOptions::from_str(url.as_str())
            .context("SQLite options")?
            // Every query at debug level would drown the request log.
            .disable_statement_logging();
        let opening = || format!("opening the database {}", path.display());
        let mut writer = AnyConnection::connect_with(&options)
            .await
            .with_context(opening)?;
        // The writer never checkpoints itself: a checkpoint's fsyncs in the
        // middle of a commit would hold up every signup waiting on it.
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
            "PRAGMA journal_mode = WAL; {SQLITE_PRAGMAS}; PRAGMA wal_autocheckpoint = 0"
        )))
        .execute(&mut writer)
        .await
        .with_context(opening)?;
        // `run_direct` on the connection itself: `run` is generic over
        // `Acquire<'a>`, which makes the future not `Send` for `tokio::spawn`.
        sqlx::migrate!("./migrations/sqlite")
            .run_direct(None, &mut writer, false)
            .await
            .with_context(|| format!("updating the database {}", path.display()))?;
        let read = AnyPoolOptions::new()
            .max_connections(8)
            .after_connect(|conn, _| {
                Box::pin(async move {
                    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                        "{SQLITE_PRAGMAS}; PRAGMA query_only = ON"
                    )))
                    .execute(conn)
                    .await
                    .map(|_| ())
                })
            })
            .connect_with(options.clone())
            .await
            .with_context(|| format!("opening the database {} for reading", path.display()))?;
        let mut checkpointer = AnyConnection::connect_with(&options)
            .await
            .with_context(opening)?;
        sqlx::raw_sql(SQLITE_PRAGMAS)
            .execute(&mut checkpointer)
            .await
            .with_context(opening)?;
        let writer = Writer::start(writer);
        writer.checkpoint_in_background(checkpointer);
        Ok(Self {
            read,
            writer,
            messages: false,
            backend: Backend::Sqlite,
            options,
            url: None,
        })
    }

    async fn open_postgres(url: &str) -> anyhow::Result<Self> {
        anyhow::ensure!(
            url.starts_with("postgres://") || url.starts_with("postgresql://"),
            "the PostgreSQL URL (--database-url; --to for copy-data) should look like \
             postgres://user:password@host/database"
        );
        let options = AnyConnectOptions::from_str(url)
            .context("reading the PostgreSQL URL")?
            .disable_statement_logging();
        let shown = crate::shown_url(url);
        let mut setup = writer_connection(&options)
            .await
            .with_context(|| format!("connecting to the database {shown}"))?;
        sqlx::migrate!("./migrations/postgres")
            .run_direct(None, &mut setup, false)
            .await
            .with_context(|| format!("updating the database {shown}"))?;
        let _ = setup.close().await;
        // Every reading connection opened at start, and one retired (idle,
        // or at the end of its life) replaced at once: opened on demand, the
        // first burst of signups paid for eight new backends (a process
        // each) within its first few hundred milliseconds, at up to 200 ms
        // a signup (two instances, measured), and so did the first burst
        // after a quiet spell.
        let read = AnyPoolOptions::new()
            .max_connections(8)
            .min_connections(8)
            .connect_with(options.clone())
            .await
            .with_context(|| format!("connecting to the database {shown}"))?;
        let writer = Writer::start_on_own_thread(options.clone())
            .await
            .with_context(|| format!("connecting to the database {shown}"))?;
        Ok(Self {
            read,
            writer,
            messages: false,
            backend: Backend::Postgres,
            options,
            url: Some(url.to_owned()),
        })
    }

    /// PostgreSQL's URL; `None` on SQLite.
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    /// Which database this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A connection of its own, outside the pools (PostgreSQL's listener and
    /// leader lock hold one for as long as they run).
    pub async fn own_connection(&self) -> Result<AnyConnection, DbError> {
        Ok(AnyConnection::connect_with(&self.options).await?)
    }

    /// With `on`, signups that change (taken, moved up, cancelled, a day
    /// before their café) write a message for the person to the outbox.
    #[must_use]
    pub fn with_messages(mut self, on: bool) -> Self {
        self.messages = on;
        self
    }

    /// Whether changes write messages (see [`Db::with_messages`]).
    pub fn messages(&self) -> bool {
        self.messages
    }

    /// Runs `job` in the writer's transaction (see [`writer`]).
    async fn write<T, F>(&self, job: F) -> Result<T, DbError>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&'c mut AnyConnection) -> writer::JobFuture<'c, T> + Send + 'static,
    {
        self.writer.write(job, Vec::new()).await
    }

    /// Like [`Db::write`] for a job that changes the counts of `cafes`: on
    /// PostgreSQL the writer locks their rows before its group runs, every
    /// group in id order, so two instances never wait on each other in a
    /// circle.
    async fn write_for<T, F>(&self, cafes: Vec<i64>, job: F) -> Result<T, DbError>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&'c mut AnyConnection) -> writer::JobFuture<'c, T> + Send + 'static,
    {
        self.writer.write(job, cafes).await
    }
}

/// `rows` rows of `columns` placeholders each, for a multi-row insert:
/// `($1, $2), ($3, $4)`. The same in both dialects. Not sqlx's
/// `QueryBuilder::push_values`: through the `Any` driver it writes `?`,
/// which PostgreSQL does not take.
fn rows_of_marks(rows: usize, columns: usize) -> String {
    (0..rows)
        .map(|row| {
            let marks = (1..=columns)
                .map(|column| format!("${}", row * columns + column))
                .collect::<Vec<_>>()
                .join(", ");
            format!("({marks})")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The writer's connection to PostgreSQL. Its waits are bounded: a lock
/// held longer than 10 s (another instance frozen in the middle of a
/// group) fails the group, which its callers may send again, instead of
/// stopping this instance's every write; and a transaction left open by a
/// frozen writer is ended after a minute, freeing its locks for the others.
pub(crate) async fn writer_connection(
    options: &AnyConnectOptions,
) -> Result<AnyConnection, sqlx::Error> {
    let mut conn = AnyConnection::connect_with(options).await?;
    sqlx::raw_sql("SET lock_timeout = '10s'; SET idle_in_transaction_session_timeout = '60s'")
        .execute(&mut conn)
        .await?;
    Ok(conn)
}

/// Locks the rows of `cafes` until the transaction ends, in id order
/// (PostgreSQL; on SQLite the one writer already runs jobs one by one).
/// Counting a café's places and then writing a signup is safe after it,
/// whichever instance the other signups arrive at.
pub(crate) async fn lock_cafes(conn: &mut AnyConnection, cafes: &[i64]) -> Result<(), DbError> {
    if Backend::of(conn) == Backend::Sqlite {
        return Ok(());
    }
    let Some(lock) = lock_statement(cafes) else {
        return Ok(());
    };
    // A new list each time: not worth a prepared statement in the cache.
    sqlx::raw_sql(sqlx::AssertSqlSafe(lock))
        .execute(conn)
        .await?;
    Ok(())
}

/// The statement that locks the rows of `cafes` in id order (PostgreSQL)
/// and reads them (see [`cafes::Known::of_rows`]); `None` for none. Numbers
/// only: nothing from outside is pasted into it.
fn lock_statement(cafes: &[i64]) -> Option<String> {
    if cafes.is_empty() {
        return None;
    }
    let mut ids = cafes.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let list = ids
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    Some(format!(
        "SELECT {} FROM cafes c WHERE c.id IN ({list}) ORDER BY c.id FOR UPDATE",
        cafes::CAFE_COLUMNS
    ))
}

/// Now, as stored: RFC 3339 in UTC.
fn now() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}
