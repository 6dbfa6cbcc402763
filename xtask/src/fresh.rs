//! The check that a fresh clone runs the demo: the files a `git clone` would
//! have (no `data/`, no `node_modules/`, nothing ignored), plus the bundle
//! `cargo xtask serve` builds, and the server started exactly as
//! `cargo xtask serve` starts it ([`crate::server_command`]). Then it fetches
//! what a newcomer opens first and signs in with the printed demo link.
//!
//! Every other test runs the server with folders made for it, so none of them
//! would notice a server that cannot start in a fresh checkout.

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{Context as _, Result, bail, ensure};

use crate::bundle;

/// Runs the check; fails with what went wrong.
pub fn check() -> Result<()> {
    let started = std::time::Instant::now();
    let copy = tempfile::Builder::new()
        .prefix("bondgenoot-fresh-")
        .tempdir()
        .context("making a folder for the fresh copy")?;
    copy_checkout(copy.path())?;
    ensure!(
        !copy.path().join("data").exists(),
        "the fresh copy has a data/ folder"
    );
    let mut server = Running::start(copy.path())?;
    let outcome = fetch_everything(&server.origin, server.sign_in.as_deref());
    server.stop();
    outcome.with_context(|| format!("the server's log:\n{}", server.log()))?;
    ensure!(
        copy.path().join("data/bondgenoot.sqlite3").is_file(),
        "the server did not keep its database in data/"
    );
    println!(
        "xtask: a fresh checkout serves the demo ({} ms)",
        started.elapsed().as_millis()
    );
    Ok(())
}

/// The files `git clone` gives: tracked and new files, not ignored ones;
/// then the built bundle, as `cargo xtask serve` would make it.
fn copy_checkout(to: &Path) -> Result<()> {
    let listed = Command::new("git")
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .output()
        .context("listing the checkout's files with git")?;
    ensure!(listed.status.success(), "git ls-files failed");
    for name in listed.stdout.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let name = Path::new(std::str::from_utf8(name).context("a file name")?);
        // Listed but deleted in the working tree: a clone of the next commit lacks it too.
        if !name.is_file() {
            continue;
        }
        let target = to.join(name);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(name, &target).with_context(|| format!("copying {}", name.display()))?;
    }
    let bundle = Path::new(bundle::OUT)
        .parent()
        .context("the bundle folder")?;
    copy_dir(bundle, &to.join(bundle))
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()))?;
        } else {
            std::fs::copy(&path, to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

/// The server started in the fresh copy.
struct Running {
    child: Child,
    origin: String,
    sign_in: Option<String>,
    stderr: mpsc::Receiver<String>,
    lines: Vec<String>,
}

impl Running {
    fn start(dir: &Path) -> Result<Self> {
        let mut cmd = crate::server_command(&["--port".to_owned(), "0".to_owned()])?;
        let mut child = cmd
            .current_dir(dir)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .context("starting the server in the fresh copy")?;
        let (out_tx, out_rx) = mpsc::channel();
        let stdout = child.stdout.take().context("the server's stdout")?;
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if out_tx.send(line).is_err() {
                    break;
                }
            }
        });
        let (err_tx, stderr) = mpsc::channel();
        let err = child.stderr.take().context("the server's stderr")?;
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                let _ = err_tx.send(line);
            }
        });
        let mut running = Self {
            child,
            origin: String::new(),
            sign_in: None,
            stderr,
            lines: Vec::new(),
        };
        // The sign-in link comes a few lines after "serving"; both within 30 s.
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while running.sign_in.is_none() {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            let Ok(line) = out_rx.recv_timeout(left) else {
                let log = running.log();
                running.stop();
                bail!(
                    "the server in a fresh copy did not print its address and sign-in link \
                     within 30 s:\n{}\n{log}",
                    running.lines.join("\n")
                );
            };
            if let Some(url) = line.strip_prefix("Bondgenoot is serving ") {
                running.origin = url.trim_end_matches('/').to_owned();
            }
            if let Some(at) = line.find("/admin/#") {
                running.sign_in = Some(line[at..].trim().to_owned());
            }
            running.lines.push(line);
        }
        Ok(running)
    }

    fn log(&self) -> String {
        self.stderr.try_iter().collect::<Vec<_>>().join("\n")
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What a newcomer's browser fetches first, and the playground sign-in.
fn fetch_everything(origin: &str, sign_in: Option<&str>) -> Result<()> {
    let page = get(origin, "/")?;
    ensure!(page.contains("embed.js"), "the demo page has no widget tag");
    let embed = get(origin, "/v1/embed.js")?;
    ensure!(
        embed.contains("buildWidgets"),
        "/v1/embed.js is not the loader"
    );
    let wasm = get_bytes(origin, "/v1/bondgenoot_bg.wasm")?;
    ensure!(
        wasm.starts_with(b"\0asm"),
        "/v1/bondgenoot_bg.wasm is not WebAssembly"
    );
    let rules = get(origin, "/v1/orgs/demo/rules/netwerkscan")?;
    ensure!(
        rules.contains("\"org:demo\""),
        "the demo's rules lack its own script layer: {rules}"
    );
    get(origin, "/admin/")?;
    // The link's fragment is what the playground signs in with.
    let link = sign_in.context("no sign-in link")?;
    let fragment = link.split_once('#').map(|(_, f)| f).unwrap_or_default();
    let field = |name: &str| {
        fragment
            .split('&')
            .find_map(|kv| kv.strip_prefix(name).and_then(|v| v.strip_prefix('=')))
            .map(str::to_owned)
    };
    let (org, token) = (field("org"), field("token"));
    let (Some(org), Some(token)) = (org, token) else {
        bail!("the sign-in link {link} lacks org or token");
    };
    let mut answer = ureq::get(format!("{origin}/v1/admin/orgs/{org}"))
        .header("Authorization", format!("Bearer {token}"))
        .call()
        .with_context(|| format!("signing in as {org} with the printed demo token"))?;
    let body = answer.body_mut().read_to_string()?;
    ensure!(body.contains("netwerkscan"), "the admin overview: {body}");
    Ok(())
}

fn get(origin: &str, path: &str) -> Result<String> {
    ureq::get(format!("{origin}{path}"))
        .call()
        .with_context(|| format!("GET {path}"))?
        .body_mut()
        .read_to_string()
        .with_context(|| format!("reading GET {path}"))
}

fn get_bytes(origin: &str, path: &str) -> Result<Vec<u8>> {
    ureq::get(format!("{origin}{path}"))
        .call()
        .with_context(|| format!("GET {path}"))?
        .body_mut()
        .with_config()
        .limit(64 * 1024 * 1024)
        .read_to_vec()
        .with_context(|| format!("reading GET {path}"))
}
