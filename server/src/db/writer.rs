//! Every write goes through one task that owns the one write connection and
//! commits in groups.
//!
//! Why: SQLite has one writer at a time, and a durable commit costs an fsync
//! (~2.6 ms on our machines), so one transaction per signup caps out near 400
//! signups a second. The writer takes every job waiting in its queue (up to
//! [`MAX_BATCH`]), runs each in its own SAVEPOINT inside one transaction, and
//! commits them with one fsync. Jobs still run one after another, so a job
//! that counts places and inserts sees every earlier job's rows: no
//! overbooking, without locks in the handlers.
//!
//! A job that fails is rolled back to its savepoint and only it fails. If the
//! commit itself fails, every job of the group is told so; nothing of the group
//! was written, so a client may safely try again.
//!
//! Signups are not closures but data ([`Pending`]): the writer takes each
//! run of signups that follow one another in its queue and hands them to
//! [`super::signups::take_group`], which decides every one against the
//! cafés as the group's earlier signups left them ([`Known`]; on PostgreSQL
//! as read when the group locked them) and stores them all with one
//! multi-row insert. So a group of signups costs the writer three round
//! trips whatever its size (begin with the locks, the insert, the commit;
//! one more for their e-mails, and two per signup for an organisation with
//! a webhook), where one insert per signup held the cafés' locks for as
//! many round trips as the group had signups (on a busy machine each waits
//! for the writer's thread to get a core). On PostgreSQL a group of
//! signups alone, with no e-mails or events, sends its insert and its
//! commit as one (see `signups::insert_and_commit`): two round trips, and
//! its cafés are locked for one after the read. A token that comes twice, or
//! was stored meanwhile, makes its run go one at a time (see `take_run`).
//! Signups run without a savepoint: they fail only when the database does,
//! and then the whole group is rolled back (SQLite may have ended the
//! transaction itself). Any other job empties [`Known`] first.
//!
//! On PostgreSQL each server process has its own writer, and several
//! processes write to one database. A job that counts a café's places says
//! which cafés (see [`super::Db::write_for`]); before a group runs, the writer
//! locks all of its cafés' rows in id order ([`super::lock_cafes`]), in the
//! round trip that begins the transaction. Another
//! instance's group that wants one of them waits for this commit, and then
//! reads the counts as they are: no overbooking across processes, and no two
//! groups ever wait on each other in a circle. A writer whose connection
//! broke (the database restarted) connects again before its next group.
//!
//! There the writer also runs on a thread of its own: every statement is a
//! network round trip, and a writer task on the server's runtime waited for
//! its turn behind every request in flight after each of them (on this
//! 2-core machine, about 60% of its time). SQLite's writer stays a task:
//! sqlx already talks to SQLite from a thread of its own, and one more
//! thread between them made signups slower.

use std::future::Future;
use std::pin::Pin;

use sqlx::any::AnyConnectOptions;
use sqlx::{AnyConnection, Connection as _};
use tokio::sync::{mpsc, oneshot};

use super::DbError;
pub use super::cafes::Known;
use super::signups::{Ending, Pending, take_group};

/// The most jobs committed together.
pub const MAX_BATCH: usize = 256;

/// A future borrowing the write connection.
pub type JobFuture<'c, T> = Pin<Box<dyn Future<Output = Result<T, DbError>> + Send + 'c>>;

/// Tells a job's caller how it went, once the group's commit is known.
pub(super) type Reply = Box<dyn FnOnce(Result<(), DbError>) + Send>;

/// A job's work: runs on the write connection, returns whether it succeeded
/// and the reply to send after the commit.
type Work = Box<
    dyn for<'c> FnOnce(
            &'c mut AnyConnection,
        ) -> Pin<Box<dyn Future<Output = (bool, Reply)> + Send + 'c>>
        + Send,
>;

/// What a job is: a signup (data, taken with the signups next to it) or
/// any other work (in a savepoint of its own).
#[allow(
    clippy::large_enum_variant,
    reason = "most jobs are signups: boxing them would cost each an allocation"
)]
enum Kind {
    Signup(Pending),
    Other(Work),
}

/// A job and the cafés whose rows it needs locked (PostgreSQL).
struct Job {
    kind: Kind,
    cafes: Vec<i64>,
}

/// A handle to the writer task; cheap to clone.
#[derive(Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Writer")
    }
}

impl Writer {
    /// Starts the writer task on `conn` (SQLite).
    pub fn start(conn: AnyConnection) -> Self {
        let (jobs, queue) = mpsc::channel(4 * MAX_BATCH);
        tokio::spawn(run(conn, None, queue));
        Self { jobs }
    }

    /// Starts the writer on a thread of its own, with a connection made
    /// there (a connection belongs to the runtime that made it), connecting
    /// again after its connection broke (PostgreSQL; see above).
    pub async fn start_on_own_thread(options: AnyConnectOptions) -> Result<Self, sqlx::Error> {
        let (jobs, queue) = mpsc::channel(4 * MAX_BATCH);
        let (connected_tx, connected) = oneshot::channel();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        std::thread::Builder::new()
            .name("bondgenoot-writer".into())
            .spawn(move || {
                runtime.block_on(async move {
                    match super::writer_connection(&options).await {
                        Ok(conn) => {
                            let _ = connected_tx.send(Ok(()));
                            run(conn, Some(options), queue).await;
                        }
                        Err(e) => {
                            let _ = connected_tx.send(Err(e));
                        }
                    }
                });
            })?;
        connected.await.map_err(|_| sqlx::Error::WorkerCrashed)??;
        Ok(Self { jobs })
    }

    /// Copies the write-ahead log into the database file every half second,
    /// from its own connection, beside the writer (a PASSIVE checkpoint never
    /// waits for or blocks it). Stops when the writer stops.
    pub fn checkpoint_in_background(&self, mut conn: AnyConnection) {
        let alive = self.jobs.downgrade();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_millis(500));
            loop {
                tick.tick().await;
                if alive.upgrade().is_none() {
                    break;
                }
                if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
                    .execute(&mut conn)
                    .await
                {
                    tracing::warn!(error = %e, "checkpointing the database");
                }
            }
            let _ = conn.close().await;
        });
    }

    /// Runs `job` inside a transaction and returns its result once committed.
    /// On PostgreSQL, `cafes`' rows are locked first (see above).
    pub async fn write<T, F>(&self, job: F, cafes: Vec<i64>) -> Result<T, DbError>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&'c mut AnyConnection) -> JobFuture<'c, T> + Send + 'static,
    {
        let (tx, rx) = oneshot::channel::<Result<T, DbError>>();
        let work: Work = Box::new(move |conn| {
            Box::pin(async move {
                let result = job(conn).await;
                let ok = result.is_ok();
                let reply: Reply = Box::new(move |commit: Result<(), DbError>| {
                    // The caller may have gone (client hung up); the write stands.
                    let _ = tx.send(commit.and(result));
                });
                (ok, reply)
            })
        });
        self.queue(Kind::Other(work), cafes).await?;
        rx.await.map_err(|_| DbError::WriterStopped)?
    }

    /// Queues a signup, taken with the signups next to it in the queue (see
    /// above); its caller hears through the signup's own channel. Its café's
    /// row is locked first (PostgreSQL).
    pub(super) async fn signup(&self, pending: Pending) -> Result<(), DbError> {
        let cafes = vec![pending.cafe()];
        self.queue(Kind::Signup(pending), cafes).await
    }

    async fn queue(&self, kind: Kind, cafes: Vec<i64>) -> Result<(), DbError> {
        self.jobs
            .send(Job { kind, cafes })
            .await
            .map_err(|_| DbError::WriterStopped)
    }
}

async fn run(
    mut conn: AnyConnection,
    reconnect: Option<AnyConnectOptions>,
    mut queue: mpsc::Receiver<Job>,
) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    let mut failed = false;
    while queue.recv_many(&mut batch, MAX_BATCH).await > 0 {
        if failed {
            connect_again(&mut conn, reconnect.as_ref()).await;
        }
        // Let the tasks that were just answered send their next job, so it
        // joins this commit instead of waiting a whole fsync for the next.
        tokio::task::yield_now().await;
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        // No job has run if the group could not begin (a connection the
        // database closed, another instance's locks given up on): once more
        // on a good connection; then its callers are told the write failed.
        let cafes: Vec<i64> = batch
            .iter()
            .flat_map(|job| job.cafes.iter().copied())
            .collect();
        let mut begun = begin(&mut conn, &cafes).await;
        if let Err(e) = &begun {
            tracing::warn!(error = %e, "starting a group of writes; trying again");
            connect_again(&mut conn, reconnect.as_ref()).await;
            begun = begin(&mut conn, &cafes).await;
        }
        let known = match begun {
            Ok(known) => known,
            Err(e) => {
                tracing::error!(error = %e, "starting a group of writes");
                failed = true;
                batch.clear();
                continue;
            }
        };
        // A group of signups only, on PostgreSQL, may commit with its
        // insert (see `signups::insert_and_commit`).
        let ending = if super::Backend::of(&conn) == super::Backend::Postgres
            && batch.iter().all(|job| matches!(job.kind, Kind::Signup(_)))
        {
            Ending::MayCommit
        } else {
            Ending::Open
        };
        let replies = run_batch(&mut conn, known, batch.drain(..), ending).await;
        let (replies, commit) = match replies {
            Ok((replies, true)) => (replies, Ok(())),
            Ok((replies, false)) => {
                let commit = sqlx::query("COMMIT")
                    .execute(&mut conn)
                    .await
                    .map(|_| ())
                    .map_err(|e| DbError::from_commit(&e));
                if commit.is_err() {
                    let _ = sqlx::query("ROLLBACK").execute(&mut conn).await;
                }
                (replies, commit)
            }
            Err((replies, e)) => (replies, Err(e)),
        };
        if let Err(e) = &commit {
            tracing::error!(error = %e, "a group of writes failed");
        }
        failed = commit.is_err();
        for reply in replies {
            reply(commit.clone());
        }
    }
    // All senders are gone: the server is shutting down.
    let _ = conn.close().await;
}

/// A database server's connection that stopped answering is replaced.
async fn connect_again(conn: &mut AnyConnection, reconnect: Option<&AnyConnectOptions>) {
    let Some(options) = reconnect else { return };
    if conn.ping().await.is_ok() {
        return;
    }
    match super::writer_connection(options).await {
        Ok(fresh) => *conn = fresh,
        Err(e) => tracing::error!(error = %e, "connecting the writer again"),
    }
}

/// Opens the group's transaction and, on PostgreSQL, locks the `cafes` its
/// jobs declared (see above), in one round trip that also reads them as
/// they are now: the group's signups start out knowing their cafés. Rolled
/// back if the locks cannot be had.
pub(super) async fn begin(conn: &mut AnyConnection, cafes: &[i64]) -> Result<Known, DbError> {
    // IMMEDIATE: take SQLite's write lock now, not half-way through a job.
    // READ COMMITTED: each statement after the locks sees what other
    // instances committed before it, whatever the server's default.
    let begin = if super::Backend::of(conn) == super::Backend::Postgres {
        match super::lock_statement(cafes) {
            Some(lock) => format!("BEGIN ISOLATION LEVEL READ COMMITTED; {lock}"),
            None => "BEGIN ISOLATION LEVEL READ COMMITTED".to_owned(),
        }
    } else {
        "BEGIN IMMEDIATE".to_owned()
    };
    // Numbers only (see `lock_statement`): nothing from outside is pasted in.
    let locked = sqlx::raw_sql(sqlx::AssertSqlSafe(begin))
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| DbError::from_commit(&e))
        .and_then(|rows| Known::of_rows(&rows));
    if locked.is_err() {
        let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
    }
    locked
}

/// Runs the jobs in the open transaction: each run of signups together
/// ([`super::signups::take_group`]), any other job in a savepoint of its
/// own. On a database failure outside any job, rolls back and returns the
/// error for the jobs that ran; jobs that did not run are dropped, which
/// tells their callers the write failed. Says whether the signups committed
/// the transaction themselves (`ending`, see [`Ending`]).
async fn run_batch(
    conn: &mut AnyConnection,
    mut known: Known,
    jobs: impl Iterator<Item = Job>,
    ending: Ending,
) -> Result<(Vec<Reply>, bool), (Vec<Reply>, DbError)> {
    let mut replies = Vec::new();
    let mut jobs = jobs.peekable();
    while let Some(Job { kind, .. }) = jobs.next() {
        let work = match kind {
            Kind::Signup(first) => {
                let mut group = vec![first];
                while let Some(Job {
                    kind: Kind::Signup(next),
                    ..
                }) = jobs.next_if(|job| matches!(job.kind, Kind::Signup(_)))
                {
                    group.push(next);
                }
                let (taken, stored) = take_group(conn, &mut known, group, ending).await;
                replies.extend(taken);
                if let Ok(true) = stored {
                    // Committed: `ending` allows it only when the group is
                    // all there is.
                    return Ok((replies, true));
                }
                if let Err(e) = stored {
                    // Without a savepoint we cannot tell whether SQLite rolled
                    // back the whole transaction (it does on a full disk or an
                    // I/O error): give up the group, so no later job runs
                    // outside it. Every job of the group fails; nothing of it
                    // was written, so trying again is safe.
                    tracing::error!(error = %e, "storing a group of signups");
                    let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
                    return Err((
                        replies,
                        DbError::Query(
                            "a write in the group failed; the group was rolled back".into(),
                        ),
                    ));
                }
                continue;
            }
            Kind::Other(work) => work,
        };
        // Any other job may change a café (its places, its signups).
        known.forget();
        if let Err(e) = sqlx::query("SAVEPOINT job").execute(&mut *conn).await {
            let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
            return Err((replies, DbError::from_commit(&e)));
        }
        let (ok, reply) = work(conn).await;
        replies.push(reply);
        let end = if ok {
            "RELEASE job"
        } else {
            "ROLLBACK TO job; RELEASE job"
        };
        if let Err(e) = sqlx::raw_sql(end).execute(&mut *conn).await {
            let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
            return Err((replies, DbError::from_commit(&e)));
        }
    }
    Ok((replies, false))
}
