//! A hook's time budget counts the time its script ran, not the time its
//! thread waited for a core: on a server busier than its cores, a plain hook
//! must not be stopped as if its script had run away.
//!
//! Its own test binary, so its busy threads slow no other test's clock.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test should fail loudly"
)]

mod support;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use plugin_host::LIMITS;
use plugin_host::contract::netwerkscan::{self, Answers};

/// A `score` that counts to `n`: about `n` times three operations of work.
fn counting(n: u64) -> String {
    format!(
        "fn score(answers, ctx) {{ let x = 0; for i in 0..{n} {{ x += 1; }} \
         #{{ dimensions: [], summary: `${{x}}`, steps: [] }} }}"
    )
}

/// How long `score` takes on this thread, and whether it was answered.
fn timed(rules: &plugin_host::Rules) -> (Duration, bool) {
    let started = Instant::now();
    let answered = netwerkscan::score(rules, &Answers::default(), &support::ctx()).is_ok();
    (started.elapsed(), answered)
}

/// `score` while `threads` busy threads (all running first) share the cores.
fn crowded(rules: &plugin_host::Rules, threads: usize) -> (Duration, bool) {
    let stop = AtomicBool::new(false);
    let running = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                running.fetch_add(1, Ordering::Relaxed);
                while !stop.load(Ordering::Relaxed) {
                    std::hint::black_box(0_u64.wrapping_add(1));
                }
            });
        }
        while running.load(Ordering::Relaxed) < threads {
            std::thread::yield_now();
        }
        let outcome = timed(rules);
        stop.store(true, Ordering::Relaxed);
        outcome
    })
}

#[test]
fn a_hook_on_a_thread_that_waits_for_a_core_is_not_stopped_for_the_wait() {
    // A script a quarter of the budget long, in its thread's own time (the
    // budget's clock), as far as the operation limit allows: crowded cores
    // run slower, and a quarter leaves room for that.
    let probe = 20_000;
    let rules = support::with_org("busy", &counting(probe)).unwrap();
    let started = plugin_host::thread_time();
    let (_, answered) = timed(&rules);
    let took = plugin_host::thread_time().saturating_sub(started);
    assert!(answered, "the probe itself is answered");
    let quarter = LIMITS.hook_time / 4;
    let n = (u128::from(probe) * quarter.as_nanos() / took.as_nanos().max(1))
        .min(u128::from(LIMITS.operations / 4));
    let rules = support::with_org("busy", &counting(u64::try_from(n).unwrap())).unwrap();
    let (alone, answered) = timed(&rules);
    assert!(answered, "answered on an idle machine ({alone:?})");

    // Then among more busy threads than there are cores, until its quarter
    // of the budget takes longer than the whole budget on the wall clock (the
    // scheduler does not always share the cores evenly at once).
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    let mut last = Duration::ZERO;
    for threads in [cores * 6, cores * 12, cores * 24] {
        let (took, answered) = crowded(&rules, threads);
        last = took;
        if took > LIMITS.hook_time {
            assert!(
                answered,
                "a hook that ran {alone:?} on an idle machine was stopped after {took:?} of waiting its turn"
            );
            return;
        }
    }
    panic!("the machine was never crowded enough to test this: {last:?} (alone {alone:?})");
}
