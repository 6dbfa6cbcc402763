//! A PostgreSQL server of the tests' own: a new cluster in a temporary
//! folder on a free port on loopback, stopped and deleted when dropped.
//! `cargo xtask test` runs the server tests on it (beside SQLite), and
//! `cargo xtask bench` measures signups on it.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, bail};

/// The PostgreSQL server a run uses: the one the environment names, or a
/// throwaway one of its own (stopped when this is dropped).
pub struct Postgres {
    /// A superuser's URL.
    pub url: String,
    _own: Option<TempPostgres>,
}

impl Postgres {
    /// The server `var` names, else a new one; `None` when neither can be
    /// had here (see [`TempPostgres::start`]).
    pub fn named_or_own(var: &str) -> Result<Option<Self>> {
        if let Ok(url) = std::env::var(var) {
            return Ok(Some(Self { url, _own: None }));
        }
        Ok(TempPostgres::start()?.map(|own| Self {
            url: own.url.clone(),
            _own: Some(own),
        }))
    }
}

/// A running throwaway cluster.
pub struct TempPostgres {
    dir: tempfile::TempDir,
    bin: PathBuf,
    /// `postgres://postgres@127.0.0.1:PORT/postgres`: a superuser, who may
    /// create a database per test.
    pub url: String,
}

/// `initdb` from `PATH` or Debian's `/usr/lib/postgresql/<version>/bin`.
fn bin_dir() -> Option<PathBuf> {
    if let Ok(path) = std::env::var("PATH") {
        for dir in std::env::split_paths(&path) {
            if dir.join("initdb").is_file() && dir.join("pg_ctl").is_file() {
                return Some(dir);
            }
        }
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let version = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// Runs a PostgreSQL program as a user it accepts: PostgreSQL refuses to
/// run as root, so as root it runs as `postgres` (Debian's package makes
/// that user).
fn as_owner(program: &Path) -> Command {
    if rustix::process::geteuid().is_root() {
        let mut cmd = Command::new("runuser");
        cmd.args(["-u", "postgres", "--"]).arg(program);
        cmd
    } else {
        Command::new(program)
    }
}

impl TempPostgres {
    /// Starts one, or says why it cannot: `Ok(None)` when PostgreSQL is not
    /// installed here (an error on CI, which installs it).
    pub fn start() -> Result<Option<Self>> {
        let Some(bin) = bin_dir() else {
            if std::env::var_os("CI").is_some() {
                bail!(
                    "PostgreSQL is not installed: run `apt-get install -y postgresql` (as .ci/run does)"
                );
            }
            eprintln!(
                "xtask: PostgreSQL is not installed, so the server tests run on SQLite only \
                 (apt-get install postgresql, or set BONDGENOOT_TEST_POSTGRES to a server's URL)"
            );
            return Ok(None);
        };
        let dir = tempfile::Builder::new()
            .prefix("bondgenoot-pg-")
            .tempdir()
            .context("a folder for PostgreSQL")?;
        if rustix::process::geteuid().is_root() {
            crate::sh(
                Command::new("chown")
                    .args(["-R", "postgres"])
                    .arg(dir.path()),
            )?;
        }
        let data = dir.path().join("data");
        let initdb = as_owner(&bin.join("initdb"))
            .args(["--auth=trust", "--username=postgres", "--no-sync", "-D"])
            .arg(&data)
            .output()
            .context("running initdb")?;
        if !initdb.status.success() {
            bail!(
                "initdb failed: {}",
                String::from_utf8_lossy(&initdb.stderr).trim()
            );
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .context("a free port")?
            .port();
        // Durable as in production (fsync stays on): the tests count on
        // what was acknowledged surviving a killed server.
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=400",
            dir.path().display()
        );
        crate::sh(
            as_owner(&bin.join("pg_ctl"))
                .args(["-w", "-D"])
                .arg(&data)
                .args(["-o", &options, "-l"])
                .arg(dir.path().join("log"))
                .arg("start"),
        )
        .context("starting PostgreSQL")?;
        Ok(Some(Self {
            url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
            dir,
            bin,
        }))
    }
}

impl Drop for TempPostgres {
    fn drop(&mut self) {
        let _ = as_owner(&self.bin.join("pg_ctl"))
            .args(["-w", "-m", "immediate", "-D"])
            .arg(self.dir.path().join("data"))
            .arg("stop")
            .output();
    }
}
