//! Each organisation's fair share of the machine for its rule hooks.
//!
//! Why: a hook may take up to `LIMITS.hook_time` (80 ms), and an organisation
//! may get many signups at once. Without a share, one organisation with a slow
//! script fills every thread and every other organisation waits. So:
//!
//! - hooks run on blocking threads, never on the async workers that answer
//!   every organisation's requests;
//! - one organisation runs one hook at a time (its requests queue in arrival
//!   order), so it can take at most one core;
//! - over time it may use [`Share::rate`] of script time (CPU time of the
//!   hook's thread) per second, after a burst of [`Share::burst`]; beyond
//!   that its next hook waits;
//! - a request that would wait longer than [`Share::max_wait`] is answered
//!   "busy, try again" (503 with `Retry-After`) at once instead.
//!
//! Ordinary scripts take microseconds per hook and never come near the share;
//! only a script that burns time is slowed, and only its own organisation.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::Semaphore;
use tokio::time::Instant;

/// How much script time each organisation gets.
#[derive(Debug, Clone, Copy)]
pub struct Share {
    /// Script time per second of wall time, once the burst is used: 0.5 is
    /// half a core.
    pub rate: f64,
    /// Script time an organisation may use at once before the rate applies.
    pub burst: Duration,
    /// The longest a request waits for its turn before it is told to try again.
    pub max_wait: Duration,
}

impl Share {
    /// Half a core per organisation after a one-second burst; three seconds
    /// of waiting at most (a person sending a form waits that long, not more).
    pub const DEFAULT: Self = Self {
        rate: 0.5,
        burst: Duration::from_secs(1),
        max_wait: Duration::from_secs(3),
    };
}

/// The organisation has used its share and its queue is too long to wait in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the organisation's rules are busy")]
pub struct Busy;

/// Why a hook did not give an answer. A value, so the requests that waited
/// for one answer all get the same (`Kept::get_or_make`).
#[derive(Debug, Clone, thiserror::Error)]
pub enum RunError {
    /// See [`Busy`].
    #[error(transparent)]
    Busy(#[from] Busy),
    /// The blocking thread panicked or was cancelled at shutdown: what it said.
    #[error("running a rule hook: {0}")]
    Thread(String),
}

/// The shares of every organisation that has run a hook since start-up.
#[derive(Debug)]
pub struct ScriptShares {
    share: Share,
    orgs: Mutex<HashMap<String, Arc<OrgShare>>>,
}

#[derive(Debug)]
struct OrgShare {
    /// One hook at a time; tokio's semaphore queues waiters fairly (FIFO).
    /// The permit goes to the blocking thread with the hook, so a request
    /// given up half-way (a client gone, a timeout) still holds the turn
    /// until its hook has finished, and is still charged for it.
    turn: Arc<Semaphore>,
    debt: Mutex<Debt>,
}

/// Script time used beyond what the rate has paid back.
#[derive(Debug, Clone, Copy)]
struct Debt {
    owed: Duration,
    at: Instant,
}

impl Debt {
    /// Pays back what `rate` has earned since the last look.
    fn settle(&mut self, now: Instant, rate: f64) {
        let earned = now.saturating_duration_since(self.at).mul_f64(rate);
        self.owed = self.owed.saturating_sub(earned);
        self.at = now;
    }

    /// How long to wait until the debt is within the burst again.
    fn wait(&self, share: &Share) -> Duration {
        self.owed
            .saturating_sub(share.burst)
            .div_f64(share.rate.max(f64::EPSILON))
    }
}

impl ScriptShares {
    /// Shares of `share` each.
    pub fn new(share: Share) -> Self {
        Self {
            share,
            orgs: Mutex::new(HashMap::new()),
        }
    }

    /// Runs `hook` for `org` on a blocking thread, in the organisation's turn
    /// and within its share. Call only for an organisation that exists: the
    /// map keeps one small entry per organisation.
    pub async fn run<T, F>(&self, org: &str, hook: F) -> Result<T, RunError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let share = self.of(org);
        let deadline = Instant::now() + self.share.max_wait;
        let turn = tokio::time::timeout_at(deadline, Arc::clone(&share.turn).acquire_owned())
            .await
            .map_err(|_| Busy)?
            // The semaphore is never closed.
            .map_err(|_| Busy)?;
        let now = Instant::now();
        let wait = {
            let mut debt = share.debt.lock().unwrap_or_else(PoisonError::into_inner);
            debt.settle(now, self.share.rate);
            debt.wait(&self.share)
        };
        if now + wait > deadline {
            return Err(Busy.into());
        }
        // Not a zero sleep: tokio's timer would still wait for its next tick (1 ms).
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
        let rate = self.share.rate;
        let result = tokio::task::spawn_blocking(move || {
            let started = plugin_host::thread_time();
            let out = hook();
            // CPU time, not wall time: on a busy machine a hook's thread
            // waits for a core, and the organisation is not to blame.
            let used = plugin_host::thread_time().saturating_sub(started);
            let mut debt = share.debt.lock().unwrap_or_else(PoisonError::into_inner);
            debt.settle(Instant::now(), rate);
            debt.owed = debt.owed.saturating_add(used);
            drop(turn);
            out
        })
        .await;
        result.map_err(|e| RunError::Thread(e.to_string()))
    }

    fn of(&self, org: &str) -> Arc<OrgShare> {
        let mut orgs = self.orgs.lock().unwrap_or_else(PoisonError::into_inner);
        Arc::clone(orgs.entry(org.to_owned()).or_insert_with(|| {
            Arc::new(OrgShare {
                turn: Arc::new(Semaphore::new(1)),
                debt: Mutex::new(Debt {
                    owed: Duration::ZERO,
                    at: Instant::now(),
                }),
            })
        }))
    }
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "a failed expectation is a failed test")]
mod tests {
    use super::*;

    const SHARE: Share = Share {
        rate: 0.5,
        burst: Duration::from_millis(100),
        max_wait: Duration::from_millis(400),
    };

    /// Uses `ms` of CPU time (a sleeping hook costs none; and counted in
    /// CPU time, a busy test machine cannot make it cost less).
    fn burn(ms: u64) -> impl FnOnce() + Send + 'static {
        move || {
            let until = plugin_host::thread_time() + Duration::from_millis(ms);
            while plugin_host::thread_time() < until {
                std::hint::spin_loop();
            }
        }
    }

    #[tokio::test]
    async fn an_org_beyond_its_burst_waits_and_then_is_told_it_is_busy() {
        let shares = ScriptShares::new(SHARE);
        // 150 ms used: 50 ms beyond the burst, so the next hook waits ~100 ms.
        shares.run("slow", burn(150)).await.expect("first run");
        let started = std::time::Instant::now();
        shares.run("slow", burn(0)).await.expect("second run");
        let waited = started.elapsed();
        assert!(
            waited >= Duration::from_millis(80),
            "waited only {waited:?} after using more than its burst"
        );
        // 900 ms more: paying that back takes longer than anyone may wait.
        shares.run("slow", burn(900)).await.expect("long run");
        let refused = shares.run("slow", burn(0)).await;
        assert!(matches!(refused, Err(RunError::Busy(Busy))), "{refused:?}");
        // Another organisation is not held up by any of this.
        let started = std::time::Instant::now();
        shares.run("other", burn(0)).await.expect("other org");
        assert!(started.elapsed() < Duration::from_millis(50));
    }

    #[tokio::test]
    async fn a_request_given_up_half_way_keeps_the_turn_until_its_hook_ends() {
        let shares = Arc::new(ScriptShares::new(Share::DEFAULT));
        let first = {
            let shares = Arc::clone(&shares);
            tokio::spawn(async move { shares.run("one", burn(300)).await })
        };
        tokio::time::sleep(Duration::from_millis(50)).await;
        // The client hangs up: the request's future is dropped.
        first.abort();
        let started = std::time::Instant::now();
        shares.run("one", burn(0)).await.expect("second run");
        assert!(
            started.elapsed() >= Duration::from_millis(200),
            "the next hook waited for the first to end: {:?}",
            started.elapsed()
        );
    }

    #[tokio::test]
    async fn one_org_runs_one_hook_at_a_time() {
        let shares = Arc::new(ScriptShares::new(Share::DEFAULT));
        let running = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let most = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for _ in 0..8 {
            let (shares, running, most) = (shares.clone(), running.clone(), most.clone());
            tasks.push(tokio::spawn(async move {
                shares
                    .run("one", move || {
                        use std::sync::atomic::Ordering::SeqCst;
                        let now = running.fetch_add(1, SeqCst) + 1;
                        most.fetch_max(now, SeqCst);
                        std::thread::sleep(Duration::from_millis(5));
                        running.fetch_sub(1, SeqCst);
                    })
                    .await
            }));
        }
        for task in tasks {
            task.await.expect("task").expect("run");
        }
        assert_eq!(most.load(std::sync::atomic::Ordering::SeqCst), 1);
    }
}
