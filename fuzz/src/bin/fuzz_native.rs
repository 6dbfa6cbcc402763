//! `fuzz_native [SECONDS] [SEED]`: random mutations for a while, without
//! instrumentation; prints what ran and, on a failure, where the input was
//! kept. `fuzz_native --write-seeds DIR`: the seeds as files, for AFL++.

use std::time::{Duration, Instant};

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1).peekable();
    if args.peek().is_some_and(|a| a == "--write-seeds") {
        let dir = std::path::PathBuf::from(args.nth(1).unwrap_or_else(|| "seeds".into()));
        let written = std::fs::create_dir_all(&dir).and_then(|()| {
            fuzz::seeds()
                .iter()
                .enumerate()
                .try_for_each(|(i, seed)| std::fs::write(dir.join(format!("{i:03}.input")), seed))
        });
        return match written {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("cannot write the seeds to {}: {e}", dir.display());
                std::process::ExitCode::FAILURE
            }
        };
    }
    let seconds = args.next().and_then(|s| s.parse().ok()).unwrap_or(60);
    let seed = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    eprintln!("fuzz seed {seed}");
    let started = Instant::now();
    let report = fuzz::run_for(Duration::from_secs(seconds), seed);
    let took = started.elapsed().as_secs_f64();
    println!(
        "fuzz (random mutations, seed {seed}): {} executions in {took:.0} s ({:.0}/s), {} passed their review",
        report.execs,
        report.execs as f64 / took,
        report.passed
    );
    match report.failure {
        None => {
            println!("0 failures");
            std::process::ExitCode::SUCCESS
        }
        Some((input, why)) => {
            let path = fuzz::keep_failure(&input);
            eprintln!("FAILED: {why}\n  input kept in {}", path.display());
            std::process::ExitCode::FAILURE
        }
    }
}
