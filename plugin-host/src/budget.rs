//! Time budgets: besides the operation count, every hook call has a wall-clock
//! budget, and a whole review has one too. Operations alone are not enough:
//! one operation on large nested data (a copy, a size check, a comparison)
//! can cost thousands of times more than one on a number, so a script within
//! the operation limit could still run for minutes.
//!
//! The engine's progress callback ([`crate::sandbox`]) asks [`exceeded`] now
//! and then. Deadlines are per thread: the server calls hooks of the same
//! compiled rules on many threads at once, and a hook runs start to finish
//! on the thread that called it. The clock is `web_time::Instant`: std's
//! `Instant` natively, `performance.now()` in the browser.

use std::cell::Cell;
use std::time::Duration;

use web_time::Instant;

thread_local! {
    /// When the hook running on this thread must stop.
    static HOOK: Cell<Option<Instant>> = const { Cell::new(None) };
    /// When everything in the current review must stop.
    static TOTAL: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// Which budget ran out; the text is the token Rhai carries in its
/// `ErrorTerminated`, so the error can say which one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Budget {
    /// One hook call's budget.
    Hook,
    /// The whole review's budget.
    Total,
}

impl Budget {
    pub(crate) const fn token(self) -> &'static str {
        match self {
            Self::Hook => "bondgenoot:hook-time",
            Self::Total => "bondgenoot:total-time",
        }
    }

    pub(crate) fn from_token(token: &str) -> Option<Self> {
        [Self::Hook, Self::Total]
            .into_iter()
            .find(|b| b.token() == token)
    }
}

/// The budget that has run out on this thread, if any.
pub(crate) fn exceeded() -> Option<Budget> {
    let now = Instant::now();
    if TOTAL.get().is_some_and(|end| now >= end) {
        return Some(Budget::Total);
    }
    if HOOK.get().is_some_and(|end| now >= end) {
        return Some(Budget::Hook);
    }
    None
}

/// Restores the deadline that was in force before, when dropped.
pub(crate) struct Scope {
    cell: &'static std::thread::LocalKey<Cell<Option<Instant>>>,
    previous: Option<Instant>,
}

impl Drop for Scope {
    fn drop(&mut self) {
        self.cell.set(self.previous);
    }
}

fn start(cell: &'static std::thread::LocalKey<Cell<Option<Instant>>>, budget: Duration) -> Scope {
    // A clock that cannot add the budget (far future) means no deadline.
    let end = Instant::now().checked_add(budget);
    let previous = cell.get();
    // A budget inside another never extends it.
    let end = match (previous, end) {
        (Some(p), Some(e)) => Some(p.min(e)),
        (p, e) => e.or(p),
    };
    cell.set(end);
    Scope { cell, previous }
}

/// Starts one hook call's budget on this thread until the guard is dropped.
pub(crate) fn hook(budget: Duration) -> Scope {
    start(&HOOK, budget)
}

/// Runs `f` with an overall budget for every hook it calls on this thread.
pub(crate) fn total<T>(budget: Duration, f: impl FnOnce() -> T) -> T {
    let _scope = start(&TOTAL, budget);
    f()
}
