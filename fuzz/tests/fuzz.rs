//! Every input that once broke a rule still passes, and a short fuzzing run
//! finds nothing (`cargo xtask bench` runs the long, coverage-guided one).
#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

use std::time::Duration;

#[test]
fn every_kept_regression_input_now_keeps_the_rules() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("regressions");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz/regressions") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "input") {
            let input = std::fs::read(&path).expect("readable");
            if let Err(why) = fuzz::exercise(&input) {
                panic!("{}: {why}", path.display());
            }
            count += 1;
        }
    }
    assert!(count > 0, "the regressions folder has inputs");
}

#[test]
fn a_short_run_of_random_mutations_finds_nothing() {
    // FUZZ_SECONDS and FUZZ_SEED repeat or lengthen a run.
    let seconds = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let seed = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    // Printed first: a crash that ends the process (a stack overflow) still
    // leaves the seed that repeats it.
    eprintln!("fuzz seed {seed} (FUZZ_SEED={seed} repeats this run)");
    let report = fuzz::run_for(Duration::from_secs(seconds), seed);
    eprintln!(
        "fuzz seed {seed}: {} executions, {} passed their review",
        report.execs, report.passed
    );
    if let Some((input, why)) = report.failure {
        let path = fuzz::keep_failure(&input);
        panic!(
            "seed {seed}: {why}\n  input kept in {} (rerun with FUZZ_SEED={seed})",
            path.display()
        );
    }
    assert!(report.execs > fuzz::seeds().len() as u64, "mutations ran");
}
