//! Time budgets: besides the operation count, every hook call has a time
//! budget, and a whole review has one too. Operations alone are not enough:
//! one operation on large nested data (a copy, a size check, a comparison)
//! can cost thousands of times more than one on a number, so a script within
//! the operation limit could still run for minutes.
//!
//! The engine's progress callback ([`crate::sandbox`]) asks [`exceeded`] now
//! and then. Deadlines are per thread: the server calls hooks of the same
//! compiled rules on many threads at once, and a hook runs start to finish
//! on the thread that called it.
//!
//! What counts is the time the script itself ran: on the server, the calling
//! thread's CPU time. A script cannot wait (no I/O, no sleep), so all its time
//! is CPU time; but a server busier than its cores makes threads wait their
//! turn, and a budget on the wall clock then stopped a plain hook as if its
//! script had run away (a "rules broken" answer under load). Reading a
//! thread's CPU time is a system call: once when a budget starts, and at a
//! look only past the wall-clock deadline (`web_time::Instant`: std's
//! `Instant` natively, `performance.now()` in the browser), which is read
//! first: a thread's CPU time never runs ahead of the wall clock, so until
//! then the budget cannot be spent. So a hook's time on the wall clock is
//! bounded only by how busy the machine is. In the browser (and where there
//! is no thread clock) the wall clock is all there is.

use std::cell::Cell;
use std::time::Duration;

use web_time::Instant;

/// When a budget runs out: the wall-clock deadline, which comes first, and
/// the deadline on the thread's own CPU time.
#[derive(Clone, Copy)]
struct Deadline {
    wall: Instant,
    cpu: Duration,
}

impl Deadline {
    /// `budget` from now, or `None` when a clock cannot add it (far future:
    /// no deadline).
    fn after(budget: Duration) -> Option<Self> {
        Some(Self {
            wall: Instant::now().checked_add(budget)?,
            cpu: thread_time().checked_add(budget)?,
        })
    }

    /// The earlier of two deadlines, clock by clock.
    fn min(self, other: Self) -> Self {
        Self {
            wall: self.wall.min(other.wall),
            cpu: self.cpu.min(other.cpu),
        }
    }

    /// Whether it has passed; `cpu_now` is the thread's CPU time, read here
    /// the first time it is needed.
    fn passed(self, wall_now: Instant, cpu_now: &mut Option<Duration>) -> bool {
        wall_now >= self.wall && *cpu_now.get_or_insert_with(thread_time) >= self.cpu
    }
}

/// The CPU time the calling thread has run: what a hook's script costs, for
/// its budget here and for its organisation's share of the server.
#[cfg(all(unix, not(target_arch = "wasm32")))]
pub fn thread_time() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(
        u64::try_from(t.tv_sec).unwrap_or(0),
        u32::try_from(t.tv_nsec).unwrap_or(0),
    )
}

/// Without a thread clock, the wall clock's time since the thread first asked.
#[cfg(not(all(unix, not(target_arch = "wasm32"))))]
pub fn thread_time() -> Duration {
    thread_local! {
        static SINCE: Instant = Instant::now();
    }
    SINCE.with(Instant::elapsed)
}

thread_local! {
    /// When the hook running on this thread must stop.
    static HOOK: Cell<Option<Deadline>> = const { Cell::new(None) };
    /// When everything in the current review must stop.
    static TOTAL: Cell<Option<Deadline>> = const { Cell::new(None) };
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
    // Read once, and only past a wall-clock deadline.
    let mut cpu = None;
    if TOTAL.get().is_some_and(|end| end.passed(now, &mut cpu)) {
        return Some(Budget::Total);
    }
    if HOOK.get().is_some_and(|end| end.passed(now, &mut cpu)) {
        return Some(Budget::Hook);
    }
    None
}

/// Restores the deadline that was in force before, when dropped.
pub(crate) struct Scope {
    cell: &'static std::thread::LocalKey<Cell<Option<Deadline>>>,
    previous: Option<Deadline>,
}

impl Drop for Scope {
    fn drop(&mut self) {
        self.cell.set(self.previous);
    }
}

fn start(cell: &'static std::thread::LocalKey<Cell<Option<Deadline>>>, budget: Duration) -> Scope {
    // A clock that cannot add the budget (far future) means no deadline.
    let end = Deadline::after(budget);
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
