//! The database: organisations, their rule-script versions, job cafés and signups.
//!
//! Handlers only see [`Db`]'s methods and the domain types they take and
//! return; no SQL and no SQLite type leaves this module. Adding PostgreSQL
//! means a second implementation of these methods (with row locks on the café
//! instead of the single [`writer`]), not a change to any handler.
//!
//! SQLite is the embedded default: one file, WAL (readers never wait for the
//! writer), `synchronous = FULL` (a signup that was answered survives a power
//! cut), migrations from `server/migrations/` applied at start-up.

mod admins;
mod cafes;
mod door;
mod orgs;
mod outbox;
mod places;
mod retention;
mod scripts;
mod signups;
pub mod writer;

use std::path::Path;
use std::str::FromStr as _;
use std::time::Duration;

use anyhow::Context as _;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{ConnectOptions as _, SqliteConnection};

pub use admins::AdminRow;
pub use cafes::CafeInput;
pub use orgs::Org;
pub use outbox::{Outgoing, Queued};
pub use retention::KeptCafe;
pub use scripts::{NewVersion, ScriptVersion};
pub use signups::{
    NewSignup, Notice, SignupError, SignupOutcome, SignupResult, SignupRow, SignupStatus, Status,
    takes_signups,
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

/// The database: a pool of readers and the one [`Writer`].
#[derive(Debug, Clone)]
pub struct Db {
    read: SqlitePool,
    writer: Writer,
    /// Whether changes to signups write messages to the outbox (the server
    /// has a mail server; see [`Db::with_messages`]).
    messages: bool,
}

impl Db {
    /// Opens (creating if needed) `path`, applies the migrations and starts the writer.
    pub async fn open(path: &Path) -> anyhow::Result<Self> {
        let options = SqliteConnectOptions::from_str("sqlite:")
            .context("SQLite options")?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5))
            // Every query at debug level would drown the request log.
            .disable_statement_logging();
        // The writer never checkpoints itself: a checkpoint's fsyncs in the
        // middle of a commit would hold up every signup waiting on it.
        let mut writer: SqliteConnection = options
            .clone()
            .pragma("wal_autocheckpoint", "0")
            .connect()
            .await
            .with_context(|| format!("opening the database {}", path.display()))?;
        // `run_direct` on the connection itself: `run` is generic over
        // `Acquire<'a>`, which makes the future not `Send` for `tokio::spawn`.
        sqlx::migrate!("./migrations")
            .run_direct(None, &mut writer, false)
            .await
            .with_context(|| format!("updating the database {}", path.display()))?;
        let read = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options.clone().read_only(true))
            .await
            .with_context(|| format!("opening the database {} for reading", path.display()))?;
        let checkpointer = options
            .connect()
            .await
            .with_context(|| format!("opening the database {}", path.display()))?;
        let writer = Writer::start(writer);
        writer.checkpoint_in_background(checkpointer);
        Ok(Self {
            read,
            writer,
            messages: false,
        })
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
        F: for<'c> FnOnce(&'c mut SqliteConnection) -> writer::JobFuture<'c, T> + Send + 'static,
    {
        self.writer.write(job).await
    }

    /// Runs `job` in the writer's transaction without a savepoint: for a
    /// job that reads and then writes, whose failure rolls back the group
    /// (see [`writer`]).
    async fn write_single<T, F>(&self, job: F) -> Result<T, DbError>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&'c mut SqliteConnection) -> writer::JobFuture<'c, T> + Send + 'static,
    {
        self.writer.write_single(job).await
    }
}

/// Now, as stored: RFC 3339 in UTC.
fn now() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}
