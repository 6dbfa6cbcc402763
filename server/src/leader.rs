//! Which server process runs the background jobs (sending the outbox,
//! reminders, deleting past cafés' details) when several share one
//! PostgreSQL database: exactly one at a time, the holder of an advisory
//! lock. With SQLite there is one process, always the leader.
//!
//! Why a lock held by a connection: when the leader dies (`kill -9`, a lost
//! machine), PostgreSQL ends its session and frees the lock, and another
//! instance takes it within [`TRY_EVERY`]; nothing has to expire.

use std::time::Duration;

use sqlx::Connection as _;
use tokio::sync::watch;

use crate::db::{Backend, Db};

/// How often a follower tries to become leader, and the leader checks its
/// connection.
pub const TRY_EVERY: Duration = Duration::from_secs(1);

/// The advisory lock's key (any number the other users of the database do
/// not use; advisory locks are per database).
const KEY: i64 = 0x426f_6e64_6765_6e6f; // "Bondgeno"

/// Whether this process is the leader; cheap to clone.
#[derive(Debug, Clone)]
pub struct Leader {
    lead: watch::Receiver<bool>,
    /// [`Leader::alone`]'s sender, kept so that `wait` never sees it closed.
    _always: Option<std::sync::Arc<watch::Sender<bool>>>,
}

impl Leader {
    /// Always the leader: for a database only one process uses.
    pub fn alone() -> Self {
        let (tx, lead) = watch::channel(true);
        Self {
            lead,
            _always: Some(std::sync::Arc::new(tx)),
        }
    }

    /// Elects among the processes on `db` until `stop`'s sender is dropped.
    pub fn elect(db: &Db, stop: watch::Receiver<()>) -> Self {
        if db.backend() == Backend::Sqlite {
            return Self::alone();
        }
        let (tx, lead) = watch::channel(false);
        tokio::spawn(hold(db.clone(), tx, stop));
        Self {
            lead,
            _always: None,
        }
    }

    /// Whether this process leads now.
    pub fn is_leader(&self) -> bool {
        *self.lead.borrow()
    }

    /// Completes once this process leads (at once if it does).
    pub async fn wait(&mut self) {
        if self.lead.wait_for(|lead| *lead).await.is_err() {
            // The election stopped (the server is stopping): never.
            std::future::pending::<()>().await;
        }
    }
}

async fn hold(db: Db, lead: watch::Sender<bool>, mut stop: watch::Receiver<()>) {
    let mut conn = None;
    loop {
        let leads = match conn.as_mut() {
            None => match db.own_connection().await {
                Ok(fresh) => {
                    conn = Some(fresh);
                    continue;
                }
                Err(e) => {
                    tracing::warn!(error = %e, "connecting for the leader lock");
                    false
                }
            },
            Some(c) if *lead.borrow() => {
                // Leading: the lock lasts as long as this connection.
                if c.ping().await.is_ok() {
                    true
                } else {
                    conn = None;
                    false
                }
            }
            Some(c) => match sqlx::query_scalar::<_, bool>("SELECT pg_try_advisory_lock($1)")
                .bind(KEY)
                .fetch_one(&mut *c)
                .await
            {
                Ok(got) => got,
                Err(e) => {
                    tracing::warn!(error = %e, "trying the leader lock");
                    conn = None;
                    false
                }
            },
        };
        if leads != *lead.borrow() {
            tracing::info!(
                "{}",
                if leads {
                    "this instance now runs the background jobs (outbox, reminders, retention)"
                } else {
                    "this instance no longer runs the background jobs"
                }
            );
            lead.send_replace(leads);
        }
        tokio::select! {
            () = tokio::time::sleep(TRY_EVERY) => {}
            _ = stop.changed() => break,
        }
    }
    // No longer leading, then closing the connection frees the lock for
    // another instance.
    lead.send_replace(false);
    if let Some(c) = conn {
        let _ = c.close().await;
    }
}
