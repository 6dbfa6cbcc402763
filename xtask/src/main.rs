//! `cargo xtask serve | test | bench`: the project's build and test driver, so
//! the README needs only two commands and CI runs exactly what developers run.

mod bundle;
mod fresh;
mod fuzz;
mod postgres;
mod tools;
mod wordpress;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

fn main() {
    if let Err(e) = run() {
        eprintln!("xtask: {e:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let root = root();
    std::env::set_current_dir(&root).context("entering the workspace root")?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("test") => test(),
        Some("bench") => bench(),
        Some("bundle") => bundle::build().map(|_| ()),
        _ => {
            eprintln!("usage: cargo xtask serve [--port N] | test | bench | bundle");
            bail!("unknown command")
        }
    }
}

/// The workspace root (the parent of xtask/).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Runs a command, failing with its name when it fails; says how long it took,
/// so a slow CI run shows where its time went.
pub fn sh(cmd: &mut Command) -> Result<()> {
    let shown = format!("{cmd:?}").replace('"', "");
    println!("xtask: $ {shown}");
    let started = std::time::Instant::now();
    let status = cmd
        .status()
        .with_context(|| format!("could not start {shown}"))?;
    let took = started.elapsed().as_secs_f64();
    if !status.success() {
        bail!("{shown} failed ({status}) after {took:.0} s");
    }
    if took >= 1.0 {
        println!("xtask: took {took:.0} s");
    }
    Ok(())
}

/// `cargo`, the one running xtask when there is one.
pub fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// Builds the bundle and the server, then serves the demo site.
fn serve(args: &[String]) -> Result<()> {
    bundle::build()?;
    sh(cargo().args(["build", "--package", "server"]))?;
    sh(&mut server_command(args)?)
}

/// How `cargo xtask serve` starts the server once it is built: with the
/// demo organisation, and the repository's folders relative to the current
/// one. The fresh-checkout check starts it the same way.
pub fn server_command(args: &[String]) -> Result<Command> {
    let bin = std::path::absolute(server_bin()).context("the server binary's path")?;
    let mut cmd = Command::new(bin);
    cmd.args(["serve", "--demo"]).args(args);
    Ok(cmd)
}

/// The server binary built by `cargo build -p server`.
fn server_bin() -> PathBuf {
    server_bin_in("debug")
}

/// The server binary of a profile folder (`debug`, `release`).
fn server_bin_in(profile: &str) -> PathBuf {
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    Path::new(&target).join(profile).join("bondgenoot")
}

/// Every check and test: formatting, lints, native and wasm tests, end-to-end.
fn test() -> Result<()> {
    tools::ensure_wasm_toolchain()?;
    sh(cargo().args(["fmt", "--all", "--", "--check"]))?;
    // Widgets included: their unit tests run natively, so they are linted so.
    sh(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    sh(cargo().args([
        "clippy",
        "--package",
        "widgets",
        "--package",
        "plugin-host",
        "--package",
        "engine",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;
    sh(cargo().args(["test", "--workspace", "--exclude", "widgets"]))?;
    // The server's whole suite again on PostgreSQL: every test its own
    // database on a server of its own (or the one BONDGENOOT_TEST_POSTGRES
    // names), and the tests of several instances on one database.
    if let Some(pg) = postgres::Postgres::named_or_own("BONDGENOOT_TEST_POSTGRES")? {
        eprintln!("xtask: the server tests again, on PostgreSQL");
        for test in server_test_binaries()? {
            sh(Command::new(&test)
                .current_dir("server")
                .env("BONDGENOOT_TEST_POSTGRES", &pg.url))?;
        }
    }
    // The widgets' pure parts (reducers, answers files, share links), natively.
    sh(cargo().args(["test", "--package", "widgets", "--lib"]))?;
    // The plugin host runs in the browser too: its tests run again as wasm32 (in Node).
    sh(cargo().args([
        "test",
        "--package",
        "plugin-host",
        "--target",
        "wasm32-unknown-unknown",
    ]))?;
    bundle::build()?;
    // No `cargo build -p server` here: `cargo test` above built the binary its
    // CLI tests run (target/debug/bondgenoot). A separate build resolves the
    // dependencies' features without the dev-dependencies and so compiled
    // tokio, hyper, sqlx and the rest a second time (2 minutes on CI).
    // What a newcomer does first: the demo from a clean copy, without data/.
    fresh::check()?;
    e2e("test", &server_bin())
}

/// The server's test programs, as `cargo test --workspace --exclude widgets`
/// built them (already built: asking for them builds nothing). Running
/// them directly, not through `cargo test --package server`: that selects
/// other packages, so cargo unifies the dependencies' features differently
/// and compiles sqlx, tokio and the rest again (3 minutes on CI).
fn server_test_binaries() -> Result<Vec<PathBuf>> {
    let out = cargo()
        .args([
            "test",
            "--workspace",
            "--exclude",
            "widgets",
            "--no-run",
            "--message-format=json",
        ])
        .stderr(std::process::Stdio::inherit())
        .output()
        .context("cargo test --no-run")?;
    anyhow::ensure!(out.status.success(), "cargo test --no-run failed");
    let server = std::fs::canonicalize("server").context("the server folder")?;
    let mut found = Vec::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let of_server = message["target"]["src_path"]
            .as_str()
            .is_some_and(|p| Path::new(p).starts_with(&server));
        if message["reason"] == "compiler-artifact"
            && message["profile"]["test"] == true
            && of_server
            && let Some(exe) = message["executable"].as_str()
        {
            found.push(PathBuf::from(exe));
        }
    }
    anyhow::ensure!(!found.is_empty(), "found no server test programs");
    Ok(found)
}

/// Runs the Node end-to-end suite (`test`) or the browser bench (`bench`)
/// against the server binary `bin`.
fn e2e(what: &str, bin: &Path) -> Result<()> {
    let dir = Path::new("tests/e2e");
    tools::ensure_npm_packages(dir)?;
    let chromium = tools::chromium()?;
    let bin = std::fs::canonicalize(bin).context("the server binary is missing")?;
    let mut cmd = Command::new("node");
    if what == "test" {
        cmd.args([
            "--test",
            "--test-concurrency=1",
            "--test-reporter=spec",
            "e2e.test.mjs",
            "cafe.test.mjs",
            "admin.test.mjs",
            "sandbox.test.mjs",
            "demo.test.mjs",
            "console.test.mjs",
            "reading.test.mjs",
            "size.test.mjs",
            "wordpress.test.mjs",
        ]);
    } else {
        cmd.arg("bench.mjs");
    }
    cmd.current_dir(dir)
        .env("BONDGENOOT_BIN", bin)
        .env("CHROMIUM", chromium);
    sh(&mut cmd)
}

/// Bundle size, time to a rendered widget, and how fast hostile scripts stop.
fn bench() -> Result<()> {
    let sizes = bundle::build()?;
    println!("\n== bundle size (bytes) ==");
    println!(
        "{:<24} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip -9", "brotli 11"
    );
    let mut total = (0, 0, 0);
    for s in &sizes {
        println!(
            "{:<24} {:>10} {:>10} {:>10}",
            s.name, s.raw, s.gzip, s.brotli
        );
        total = (total.0 + s.raw, total.1 + s.gzip, total.2 + s.brotli);
    }
    println!(
        "{:<24} {:>10} {:>10} {:>10}",
        "total over the wire", total.0, total.1, total.2
    );
    println!("\n== hostile scripts: time until stopped (release, native) ==");
    sh(cargo().args([
        "run",
        "--quiet",
        "--release",
        "--package",
        "plugin-host",
        "--example",
        "hostile_timings",
    ]))?;
    println!(
        "\n== signups: rate and latency at 64 concurrent clients (release, SQLite and PostgreSQL) =="
    );
    // The bench starts the release server binary in its own process.
    sh(cargo().args([
        "build",
        "--quiet",
        "--release",
        "--package",
        "server",
        "--bin",
        "bondgenoot",
    ]))?;
    // And on PostgreSQL, with one instance and with two, on a server of
    // the bench's own (or the one BENCH_POSTGRES names).
    let pg = postgres::Postgres::named_or_own("BENCH_POSTGRES")?;
    let mut bench = cargo();
    bench.args([
        "run",
        "--quiet",
        "--release",
        "--package",
        "server",
        "--example",
        "signup_bench",
    ]);
    if let Some(pg) = &pg {
        bench.env("BENCH_POSTGRES", &pg.url);
    }
    sh(&mut bench)?;
    drop(pg);
    println!("\n== fuzzing the rule-script sandbox (release) ==");
    fuzz::run()?;
    // The release server, built above for the signups: what a host runs.
    println!(
        "\n== navigation to widget rendered (headless Chromium, localhost, release server) =="
    );
    e2e("bench", &server_bin_in("release"))
}
