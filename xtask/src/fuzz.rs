//! The long fuzzing run of `cargo xtask bench`: AFL++ (coverage-guided)
//! when `cargo afl` is installed, and always the random-mutation fuzzer, each
//! with its executions counted. Any failure fails the bench, with the input
//! kept in `target/fuzz-failures/`.

use std::path::Path;

use anyhow::{Context as _, Result, bail};

use crate::{cargo, root, sh};

/// Seconds for the AFL++ run (`FUZZ_AFL_SECONDS`), then the random one
/// (`FUZZ_SECONDS`).
fn seconds(var: &str, default: u64) -> u64 {
    std::env::var(var)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// Runs both fuzzers; see the module comment.
pub fn run() -> Result<()> {
    if afl_installed() {
        afl(seconds("FUZZ_AFL_SECONDS", 180))?;
    } else {
        println!(
            "AFL++ is not installed (`cargo install cargo-afl`): skipping the coverage-guided run"
        );
    }
    sh(cargo().args([
        "run",
        "--quiet",
        "--release",
        "--package",
        "fuzz",
        "--bin",
        "fuzz_native",
        "--",
        &seconds("FUZZ_SECONDS", 60).to_string(),
    ]))
}

fn afl_installed() -> bool {
    cargo()
        .args(["afl", "--version"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn afl(seconds: u64) -> Result<()> {
    let dir = root().join("target/afl");
    // Its own target folder: AFL's instrumentation flags would otherwise
    // throw away the ordinary build.
    sh(cargo()
        .args(["afl", "build", "--quiet", "--release", "--package", "fuzz"])
        .args(["--features", "afl", "--bin", "fuzz_afl"])
        .env("CARGO_TARGET_DIR", &dir))?;
    let seeds = dir.join("in");
    let out = dir.join("out");
    for folder in [&seeds, &out] {
        if folder.exists() {
            std::fs::remove_dir_all(folder)
                .with_context(|| format!("clearing {}", folder.display()))?;
        }
    }
    sh(cargo()
        .args(["run", "--quiet", "--release", "--package", "fuzz"])
        .args(["--bin", "fuzz_native", "--", "--write-seeds"])
        .arg(&seeds))?;
    let log = dir.join("afl.log");
    let log_file = std::fs::File::create(&log).context("creating the AFL++ log")?;
    println!(
        "AFL++ for {seconds} s (its screen goes to {})",
        log.display()
    );
    sh(cargo()
        .args([
            "afl",
            "fuzz",
            "-V",
            &seconds.to_string(),
            "-t",
            "5000",
            "-i",
        ])
        .arg(&seeds)
        .arg("-o")
        .arg(&out)
        .arg(dir.join("release/fuzz_afl"))
        .env("AFL_NO_UI", "1")
        .env("AFL_SKIP_CPUFREQ", "1")
        .env("AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES", "1")
        .stderr(log_file.try_clone().context("the AFL++ log")?)
        .stdout(log_file))?;
    report(&out.join("default"))
}

/// Prints AFL++'s counts; fails when it kept a crash or a hang.
fn report(out: &Path) -> Result<()> {
    let stats =
        std::fs::read_to_string(out.join("fuzzer_stats")).context("AFL++ wrote no fuzzer_stats")?;
    let stat = |name: &str| {
        stats
            .lines()
            .find_map(|l| {
                let (key, value) = l.split_once(':')?;
                (key.trim() == name).then(|| value.trim().to_owned())
            })
            .unwrap_or_default()
    };
    println!(
        "fuzz (AFL++, coverage-guided): {} executions ({} /s), {} inputs kept, {} of the map covered; {} crashes, {} hangs",
        stat("execs_done"),
        stat("execs_per_sec"),
        stat("corpus_count"),
        stat("bitmap_cvg"),
        stat("saved_crashes"),
        stat("saved_hangs"),
    );
    let kept = |folder: &str| -> Result<usize> {
        let mut n = 0;
        for entry in std::fs::read_dir(out.join(folder)).into_iter().flatten() {
            let path = entry?.path();
            if path.file_name().is_some_and(|n| n != "README.txt") {
                let failures = root().join("target/fuzz-failures");
                std::fs::create_dir_all(&failures)?;
                let name = format!("afl-{folder}-{n}.input");
                std::fs::copy(&path, failures.join(name))?;
                n += 1;
            }
        }
        Ok(n)
    };
    let (crashes, hangs) = (kept("crashes")?, kept("hangs")?);
    if crashes + hangs > 0 {
        bail!("AFL++ found {crashes} crashes and {hangs} hangs: inputs in target/fuzz-failures/");
    }
    Ok(())
}
