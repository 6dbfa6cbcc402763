//! Signup throughput and latency at 64 concurrent clients (`cargo xtask bench`).
//!
//! The server is the release binary (`target/release/bondgenoot`, built
//! first by xtask) in its own process, pinned to the first core with
//! `taskset`; this load generator pins itself to the last core, so neither
//! takes the other's CPU time and the latencies are the server's (on a
//! machine with one core both share it, and the report says so). A
//! PostgreSQL server on this machine is moved to the load generator's core
//! for the PostgreSQL runs, off the server's, as a database on a machine of
//! its own would be (see `pin_postgres`): the load generator then shares
//! its core with the database, which if anything adds to the latencies.
//!
//! Runs against a fresh SQLite file each (WAL, synchronous = FULL, the
//! group-committing writer), so the cost of each layer shows:
//! 0. **HTTP at 2,000/s**: the real path at a steady 2,000 signups a second
//!    from 64 clients, after a warm-up of [`PACED_WARMUP`] signups a client
//!    at that pace, each latency counted from when the signup was due
//!    (a late answer delays the client's next signup, and that delay counts
//!    too). The budget: p99 ≤ 25 ms.
//! 1. **HTTP + rules**: the real path as fast as 64 clients can go, each
//!    sending its next signup when the last is answered;
//!    `POST …/signups` over loopback HTTP:
//!    fields, form check and `validate` in Rhai, then `decide` (each on a
//!    blocking thread, within the organisation's share), then the capacity
//!    check and the insert in one transaction.
//! 2. **rules, no HTTP**: the same rules and the same database call, in this
//!    process (on its one core).
//! 3. **bare insert**: the same database call with a fixed decision and no
//!    script at all.
//!
//! With `BENCH_POSTGRES` set to a PostgreSQL server's URL (a superuser's:
//! each run makes a database; `cargo xtask bench` starts a server of its
//! own), runs 0 and 1 again on PostgreSQL, with one server instance and with
//! two (both on the server's core, the signups sent to them in turn, as a
//! round-robin load balancer does); first all for one café, then spread over
//! [`MANY_CAFES`] cafés of the organisation, as a host with many cafés sees
//! them. Two instances on the one server core are a test of their working
//! as one (the café's row lock, taken in turns), not of more room: they
//! share that core, and each has its runtime, connections and rules.
//!
//! `BENCH_ONLY=postgres` leaves out the SQLite runs, for work on PostgreSQL.
//!
//! Numbers are printed, not asserted: they depend on the machine.
#![allow(
    clippy::expect_used,
    reason = "a benchmark that cannot set up should stop loudly"
)]
#![allow(missing_docs, reason = "an example binary")]

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use plugin_host::contract::vacaturecafe::{self, Decision, Form, Outcome, Value};
use plugin_host::contract::{Ctx, Lang};
use plugin_host::{Layer, Rules};
use server::db::{Db, NewSignup};

const CLIENTS: usize = 64;
/// The cafés the second PostgreSQL runs spread their signups over.
const MANY_CAFES: usize = 32;
const PER_CLIENT: usize = 60;
/// Every signup is kept: a long waiting list.
const ORG_SCRIPT: &str = "fn waitlist_size(cafe) { 1000000 }";

fn scripts_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts"))
}

fn cafe() -> server::db::CafeInput {
    let mut cafe = vacaturecafe::Cafe::example().details;
    cafe.date = "2999-01-01".into();
    cafe.capacity = 100;
    cafe
}

fn form(n: usize) -> Form {
    [
        ("name".to_owned(), Value::Text(format!("Person {n}"))),
        ("email".to_owned(), Value::Text(format!("p{n}@example.nl"))),
        ("consent".to_owned(), Value::Check(true)),
    ]
    .into()
}

/// Prints a run's line; its rate (per second) and p99 (ms).
fn report(label: &str, mut latencies: Vec<Duration>, wall: Duration) -> (f64, f64) {
    latencies.sort_unstable();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    let rate = latencies.len() as f64 / wall.as_secs_f64();
    println!(
        "{label:<22} {:>6} signups  {:>8.0}/s  p50 {:>6.2} ms  p99 {:>6.2} ms",
        latencies.len(),
        rate,
        at(0.50).as_secs_f64() * 1000.0,
        at(0.99).as_secs_f64() * 1000.0,
    );
    (rate, at(0.99).as_secs_f64() * 1000.0)
}

/// Unmeasured calls per client first: connections, prepared statements, the
/// first compile of the rules.
const WARMUP: usize = 3;

/// Runs `CLIENTS` tasks of `PER_CLIENT` measured calls each (after a warm-up
/// and all starting together); latencies and wall time.
async fn load<F, Fut>(call: F) -> (Vec<Duration>, Duration)
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let call = Arc::new(call);
    let start = Arc::new(tokio::sync::Barrier::new(CLIENTS));
    let tasks: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let (call, start) = (Arc::clone(&call), Arc::clone(&start));
            tokio::spawn(async move {
                let per = WARMUP + PER_CLIENT;
                for i in 0..WARMUP {
                    call(client * per + i).await;
                }
                start.wait().await;
                let began = Instant::now();
                let mut times = Vec::with_capacity(PER_CLIENT);
                for i in WARMUP..per {
                    let t = Instant::now();
                    call(client * per + i).await;
                    times.push(t.elapsed());
                }
                (began, Instant::now(), times)
            })
        })
        .collect();
    let mut all = Vec::with_capacity(CLIENTS * PER_CLIENT);
    let (mut first, mut last) = (None::<Instant>, None::<Instant>);
    for task in tasks {
        let (began, ended, times) = task.await.expect("client task");
        first = Some(first.map_or(began, |f| f.min(began)));
        last = Some(last.map_or(ended, |l| l.max(ended)));
        all.extend(times);
    }
    let wall = match (first, last) {
        (Some(f), Some(l)) => l - f,
        _ => Duration::ZERO,
    };
    (all, wall)
}

/// Signups each client sends at the steady pace before those measured: the
/// first tenth of a second after a process starts is slower (new database
/// connections, cold caches, the first groups), and 64 clients at 2,000/s
/// send 200 signups in it, enough to set the p99 of 7,680 on their own. A
/// server runs for days; the budget is for the pace it keeps.
const PACED_WARMUP: usize = 16;
/// Signups each client sends at the steady pace, measured.
const PACED: usize = 2 * PER_CLIENT;

/// Like [`load`], but each client sends at a steady pace so that all send
/// `rate` signups a second together, [`PACED_WARMUP`] and then `count`
/// measured each; a latency counts from when the signup was due.
async fn paced<F, Fut>(call: F, rate: f64, count: usize) -> (Vec<Duration>, Duration)
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let call = Arc::new(call);
    let every = Duration::from_secs_f64(CLIENTS as f64 / rate);
    for client in 0..CLIENTS {
        call(1_000_000 + client).await;
    }
    let began = tokio::time::Instant::now() + Duration::from_millis(50);
    let tasks: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let call = Arc::clone(&call);
            tokio::spawn(async move {
                // Spread over the interval, not all at once.
                let first = began + every.mul_f64(client as f64 / CLIENTS as f64);
                let mut times = Vec::with_capacity(count);
                for i in 0..PACED_WARMUP + count {
                    let due = first + every * i as u32;
                    tokio::time::sleep_until(due).await;
                    // Numbered in the order they are due, so the call
                    // spreads them over the instances in turn, as a load
                    // balancer does (numbered by client, every client sent
                    // its signup to the same instance in each interval: a
                    // burst at the full rate at one instance, then one at
                    // the other).
                    call(i * CLIENTS + client).await;
                    if i >= PACED_WARMUP {
                        times.push(due.elapsed());
                    }
                }
                times
            })
        })
        .collect();
    let mut all = Vec::with_capacity(CLIENTS * count);
    for task in tasks {
        all.extend(task.await.expect("client task"));
    }
    (all, (began + every * PACED_WARMUP as u32).elapsed())
}

/// The release server binary, beside this example's folder.
fn server_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("this example's path");
    let release = exe
        .parent()
        .and_then(|examples| examples.parent())
        .expect("target/release");
    let binary = release.join("bondgenoot");
    assert!(
        binary.is_file(),
        "{} is missing: build it with `cargo build --release -p server` (cargo xtask bench does)",
        binary.display()
    );
    binary
}

/// The server binary on port 0, pinned to the first core when there are
/// two or more; killed when dropped.
struct ServerProcess {
    child: std::process::Child,
    addr: std::net::SocketAddr,
    _www: tempfile::TempDir,
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_server(data: &server::Storage) -> ServerProcess {
    use std::io::BufRead as _;
    let www = tempfile::TempDir::new().expect("temp dir");
    let mut command = if cores() > 1 {
        let mut taskset = std::process::Command::new("taskset");
        taskset.args(["-c", "0"]).arg(server_binary());
        taskset
    } else {
        std::process::Command::new(server_binary())
    };
    let mut child = command
        .args(["serve", "--port", "0", "--signup-rate", "0", "--data-dir"])
        .arg(&data.data_dir)
        .args(
            data.database_url
                .iter()
                .flat_map(|url| ["--database-url", url.as_str()]),
        )
        .arg("--www-dir")
        .arg(www.path())
        .arg("--bundle-dir")
        .arg(www.path())
        .arg("--scripts-dir")
        .arg(scripts_dir())
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start the server (is taskset installed?)");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("the server's first line");
    let addr =
        server::serving_address(&line).unwrap_or_else(|| panic!("unexpected first line {line:?}"));
    ServerProcess {
        child,
        addr,
        _www: www,
    }
}

/// The machine's cores, read once: after pinning, this process sees one.
fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Keeps this process (the load) off the server's core: call before any
/// thread starts, as threads inherit it.
fn pin_to_last_core() {
    let cores = cores();
    if cores < 2 {
        return;
    }
    let mut set = rustix::thread::CpuSet::new();
    set.set(cores - 1);
    if let Err(e) = rustix::thread::sched_setaffinity(None, &set) {
        eprintln!("cannot pin the load generator to a core: {e}");
    }
}

/// Moves the PostgreSQL server at `base` (its postmaster, and so every
/// backend it starts from now on, and the processes it has now) to this
/// load generator's core, off the server's: in production the database has
/// a machine of its own, and on two cores its backends otherwise woke up on
/// the server's core and took a third of it (two instances at a steady
/// 2,000/s: the server's core 88-99% busy, p99 16-62 ms between runs; with
/// the database moved, 20-33 ms, and 3,500/s instead of 2,300 as fast as
/// they go). The load generator's timings then include waiting for the
/// database's processes on its core: if anything, they come out higher.
///
/// Found through the server it names: `data_directory` and its
/// `postmaster.pid`, and only if this session's own backend is among that
/// postmaster's processes (so a remote server is never mistaken for a local
/// one with the same folder); only with the right to move its processes
/// (root, or its owner). Returns what it did, and the postmaster and the
/// cores it had, for [`unpin_postgres`].
async fn pin_postgres(base: &str) -> (String, Option<(i32, rustix::thread::CpuSet)>) {
    use sqlx::Connection as _;
    let cores = cores();
    if cores < 2 {
        return ("one core: PostgreSQL shares it".to_owned(), None);
    }
    let found: Result<(i32, rustix::thread::CpuSet), String> = async {
        let mut conn = sqlx::PgConnection::connect(base)
            .await
            .map_err(|e| e.to_string())?;
        let (dir, own): (String, i32) = sqlx::query_as(
            "SELECT setting, pg_backend_pid() FROM pg_settings WHERE name = 'data_directory'",
        )
        .fetch_one(&mut conn)
        .await
        .map_err(|e| e.to_string())?;
        let pid_file = std::path::Path::new(&dir).join("postmaster.pid");
        let postmaster: i32 = std::fs::read_to_string(&pid_file)
            .map_err(|e| format!("{}: {e}", pid_file.display()))?
            .lines()
            .next()
            .and_then(|line| line.trim().parse().ok())
            .ok_or("postmaster.pid without a pid")?;
        if !postgres_processes(postmaster).contains(&own) {
            return Err("not the server on this machine".to_owned());
        }
        let pid = rustix::process::Pid::from_raw(postmaster).ok_or("pid 0")?;
        let had = rustix::thread::sched_getaffinity(Some(pid))
            .map_err(|e| format!("reading PostgreSQL's cores: {e}"))?;
        Ok((postmaster, had))
    }
    .await;
    let (postmaster, had) = match found {
        Ok(found) => found,
        Err(why) => {
            return (
                format!("PostgreSQL not pinned ({why}): it may share the server's core"),
                None,
            );
        }
    };
    let mut set = rustix::thread::CpuSet::new();
    set.set(cores - 1);
    match move_postgres(postmaster, &set) {
        Ok(n) => (
            format!(
                "PostgreSQL ({n} processes, and every backend it starts) pinned to core {} beside this load generator",
                cores - 1
            ),
            Some((postmaster, had)),
        ),
        Err(why) => (
            format!("PostgreSQL not pinned ({why}): it may share the server's core"),
            Some((postmaster, had)),
        ),
    }
}

/// Gives PostgreSQL back the cores it had before [`pin_postgres`].
fn unpin_postgres(pinned: Option<(i32, rustix::thread::CpuSet)>) {
    if let Some((postmaster, had)) = pinned
        && let Err(why) = move_postgres(postmaster, &had)
    {
        eprintln!("cannot give PostgreSQL its cores back: {why}");
    }
}

/// The postmaster `postmaster` and its children now (their parent is field
/// 4 of /proc/PID/stat, after the name in parentheses).
fn postgres_processes(postmaster: i32) -> Vec<i32> {
    let mut pids = vec![postmaster];
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<i32>().ok())
        else {
            continue;
        };
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        let parent = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|ppid| ppid.parse::<i32>().ok());
        if parent == Some(postmaster) {
            pids.push(pid);
        }
    }
    pids
}

/// Sets the cores of the postmaster and its children; a child that ended
/// meanwhile is passed over. The postmaster's failing is the error.
fn move_postgres(postmaster: i32, set: &rustix::thread::CpuSet) -> Result<usize, String> {
    let mut moved = 0;
    for pid in postgres_processes(postmaster) {
        let Some(id) = rustix::process::Pid::from_raw(pid) else {
            continue;
        };
        match rustix::thread::sched_setaffinity(Some(id), set) {
            Ok(()) => moved += 1,
            Err(e) if pid == postmaster => return Err(format!("moving PostgreSQL: {e}")),
            Err(_) => {}
        }
    }
    Ok(moved)
}

/// How an HTTP run sends its signups.
#[derive(Clone, Copy)]
enum Pace {
    /// Each client sends its next signup as soon as the last is answered.
    Flat,
    /// All clients together send this many a second.
    Steady(f64),
}

/// Where an HTTP run's servers keep their data.
#[derive(Clone)]
enum Target {
    /// A new SQLite file, one server.
    Sqlite,
    /// A new database on this PostgreSQL server, with this many servers,
    /// signups spread over this many cafés.
    Postgres {
        base: String,
        instances: usize,
        cafes: usize,
    },
}

impl Target {
    /// How many server processes share the data.
    fn instances(&self) -> usize {
        match self {
            Self::Postgres { instances, .. } => *instances,
            Self::Sqlite => 1,
        }
    }

    /// How many cafés the signups are spread over.
    fn cafes(&self) -> usize {
        match self {
            Self::Postgres { cafes, .. } => *cafes,
            Self::Sqlite => 1,
        }
    }

    fn label(&self) -> String {
        let (instances, cafes) = (self.instances(), self.cafes());
        match self {
            Self::Sqlite => "SQLite".to_owned(),
            Self::Postgres { .. } => format!(
                "PostgreSQL, {instances} instance{}{}",
                if instances == 1 { "" } else { "s" },
                if cafes == 1 {
                    String::new()
                } else {
                    format!(", {cafes} cafés")
                }
            ),
        }
    }

    /// A new, empty place for a run's data.
    async fn fresh(&self, data: &tempfile::TempDir) -> server::Storage {
        use sqlx::{Connection as _, Executor as _};
        static RUN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let database_url = match self {
            Self::Sqlite => None,
            Self::Postgres { base, .. } => {
                let name = format!(
                    "bench_{}_{}",
                    std::process::id(),
                    RUN.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
                );
                let mut conn = sqlx::PgConnection::connect(base)
                    .await
                    .expect("BENCH_POSTGRES answers");
                conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .await
                    .expect("a bench database");
                let mut url = reqwest::Url::parse(base).expect("BENCH_POSTGRES is a URL");
                url.set_path(&name);
                Some(url.to_string())
            }
        };
        server::Storage {
            data_dir: data.path().to_owned(),
            database_url,
        }
    }
}

async fn http_run(target: &Target, pace: Pace) -> (f64, f64) {
    let data = tempfile::TempDir::new().expect("temp dir");
    let storage = target.fresh(&data).await;
    let org = server::names::OrgName::parse("bench").expect("name");
    let token = server::org_add(&storage, &scripts_dir(), &org, vec![], None)
        .await
        .expect("org");
    let servers: Vec<ServerProcess> = (0..target.instances())
        .map(|_| start_server(&storage))
        .collect();
    let addrs: Vec<std::net::SocketAddr> = servers.iter().map(|s| s.addr).collect();
    let addr = addrs[0];
    let http = reqwest::Client::new();
    // The org layer goes live the way an admin publishes it.
    let published = http
        .post(format!(
            "http://{addr}/v1/admin/orgs/bench/scripts/vacaturecafe/versions"
        ))
        .bearer_auth(&token)
        .json(&serde_json::json!({ "source": ORG_SCRIPT, "note": "bench: keep everyone" }))
        .send()
        .await
        .expect("publish");
    assert_eq!(
        published.status(),
        201,
        "publish: {}",
        published.text().await.unwrap_or_default()
    );
    // Each café at every instance: a signup goes to the next instance, and
    // to the next café after one at each.
    let mut urls = Vec::new();
    for _ in 0..target.cafes() {
        let created: serde_json::Value = http
            .post(format!("http://{addr}/v1/admin/orgs/bench/cafes"))
            .bearer_auth(&token)
            .json(&cafe())
            .send()
            .await
            .expect("create café")
            .json()
            .await
            .expect("café");
        for addr in &addrs {
            urls.push(format!(
                "http://{addr}/v1/orgs/bench/cafes/{}/signups",
                created["id"]
            ));
        }
    }
    let signup = move |n: usize| {
        // Spread over the instances, as a load balancer does.
        let (http, url) = (http.clone(), urls[n % urls.len()].clone());
        async move {
            let response = http
                .post(&url)
                .json(&serde_json::json!({ "form": form(n), "lang": "nl" }))
                .send()
                .await
                .expect("signup");
            assert_eq!(
                response.status(),
                201,
                "{}",
                response.text().await.unwrap_or_default()
            );
        }
    };
    let result = match pace {
        Pace::Flat => {
            let (latencies, wall) = load(signup).await;
            report(
                &format!("{}: HTTP + rules", target.label()),
                latencies,
                wall,
            )
        }
        Pace::Steady(rate) => {
            let (latencies, wall) = paced(signup, rate, PACED).await;
            report(
                &format!("{}: HTTP at {rate:.0}/s", target.label()),
                latencies,
                wall,
            )
        }
    };
    drop(servers);
    result
}

/// A database with one café; its id.
async fn db_with_cafe(dir: &tempfile::TempDir) -> (Db, i64) {
    let db = Db::open(&server::db::Location::File(
        dir.path().join("bench.sqlite3"),
    ))
    .await
    .expect("db");
    db.ensure_org("bench").await.expect("org");
    let cafe = db.create_cafe("bench", cafe()).await.expect("café");
    (db, cafe.cafe.id)
}

fn new_signup(cafe_id: i64, n: usize, form: &Form) -> NewSignup {
    NewSignup {
        org: "bench".into(),
        cafe_id,
        today: "2026-01-01".into(),
        name: format!("Person {n}"),
        email_key: Some(format!("p{n}@example.nl")),
        phone_key: None,
        form: serde_json::to_string(form).expect("json"),
        lang: "nl".into(),
        cancel_hash: server::tokens::hash(&format!("token {n}")),
        door_key: format!("{n:032x}"),
        page: None,
        notice: None,
        events: false,
    }
}

async fn direct_run(with_rules: bool) -> (f64, f64) {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let (db, cafe_id) = db_with_cafe(&dir).await;
    let rules = Arc::new(
        Rules::compile(&[
            Layer::new(
                "default",
                std::fs::read_to_string(scripts_dir().join("vacaturecafe.rhai")).expect("script"),
            ),
            Layer::new("org:bench", ORG_SCRIPT),
        ])
        .expect("rules"),
    );
    let cafe = db
        .cafe("bench", cafe_id)
        .await
        .expect("read")
        .expect("café")
        .cafe;
    let ctx = Ctx {
        lang: Lang::Nl,
        org: "bench".into(),
        today: "2026-01-01".into(),
    };
    let (latencies, wall) = load(move |n| {
        let (db, rules, cafe, ctx) = (db.clone(), Arc::clone(&rules), cafe.clone(), ctx.clone());
        async move {
            let form = form(n);
            let listing = db
                .cafe("bench", cafe_id)
                .await
                .expect("read")
                .expect("café");
            // In process, on this task: the rules' cost without threads or shares.
            let clean = with_rules.then(|| {
                let fields = vacaturecafe::fields(&*rules, &cafe, &ctx).expect("fields");
                let clean = vacaturecafe::clean_form(&fields, &form).expect("clean");
                assert!(
                    vacaturecafe::validate(&*rules, &clean, &cafe, &ctx)
                        .expect("validate")
                        .is_empty()
                );
                clean
            });
            let decide = |listing: &vacaturecafe::CafeListing| match &clean {
                Some(clean) => {
                    vacaturecafe::decide(&*rules, clean, &listing.cafe, &listing.counts, &ctx)
                        .expect("decide")
                }
                // No script: only the rule no script can change.
                None => Decision {
                    outcome: if listing.counts.places_left > 0 {
                        Outcome::Confirmed
                    } else {
                        Outcome::Waitlist
                    },
                    message: String::new(),
                },
            };
            let first = decide(&listing);
            let redecide =
                |listing| std::future::ready(Ok::<_, server::db::DbError>(decide(&listing)));
            let outcome = db
                .signup(new_signup(cafe_id, n, &form), first, redecide)
                .await
                .expect("db");
            assert!(outcome.is_ok());
        }
    })
    .await;
    report(
        if with_rules {
            "rules, no HTTP"
        } else {
            "bare insert"
        },
        latencies,
        wall,
    )
}

/// Each run is repeated: on a shared 2-core machine one run can be off by a
/// third. The summary uses each kind's median rate.
const RUNS: usize = 3;

fn main() {
    pin_to_last_core();
    tokio::runtime::Runtime::new()
        .expect("a runtime")
        .block_on(run());
}

async fn run() {
    println!(
        "{CLIENTS} concurrent clients, {PER_CLIENT} signups each after {WARMUP} warm-up \
         (at a steady pace: {PACED} each after {PACED_WARMUP} at that pace); \
         SQLite WAL, synchronous=FULL, group commit; {RUNS} runs each"
    );
    println!(
        "{}",
        if cores() > 1 {
            format!(
                "server pinned to core 0, this load generator to core {}",
                cores() - 1
            )
        } else {
            "one core: server and load generator share it".to_owned()
        }
    );
    let mut rates = [Vec::new(), Vec::new(), Vec::new()];
    let mut steady_p99 = Vec::new();
    // BENCH_ONLY=postgres: the PostgreSQL runs alone, while working on them.
    let sqlite = std::env::var("BENCH_ONLY").map_or(true, |only| only != "postgres");
    for _ in 0..if sqlite { RUNS } else { 0 } {
        steady_p99.push(http_run(&Target::Sqlite, Pace::Steady(2000.0)).await.1);
        rates[0].push(http_run(&Target::Sqlite, Pace::Flat).await.0);
        rates[1].push(direct_run(true).await.0);
        rates[2].push(direct_run(false).await.0);
    }
    let median = |mut r: Vec<f64>| {
        r.sort_by(f64::total_cmp);
        r[r.len() / 2]
    };
    match std::env::var("BENCH_POSTGRES") {
        Ok(base) => {
            let (said, pinned) = pin_postgres(&base).await;
            println!("{said}");
            for (cafes, instances) in [(1, 1), (1, 2), (MANY_CAFES, 1), (MANY_CAFES, 2)] {
                let target = Target::Postgres {
                    base: base.clone(),
                    instances,
                    cafes,
                };
                let (mut flat, mut p99) = (Vec::new(), Vec::new());
                for _ in 0..RUNS {
                    p99.push(http_run(&target, Pace::Steady(2000.0)).await.1);
                    flat.push(http_run(&target, Pace::Flat).await.0);
                }
                println!(
                    "{}: median {:.0} signups/s as fast as 64 clients go (budget ≥ 2000/s); \
                     median p99 at a steady 2000/s {:.1} ms (budget 25 ms)",
                    target.label(),
                    median(flat),
                    median(p99)
                );
            }
            unpin_postgres(pinned);
        }
        Err(_) => println!("no BENCH_POSTGRES: PostgreSQL not measured"),
    }
    if !sqlite {
        println!("BENCH_ONLY=postgres: SQLite not measured");
        return;
    }
    println!(
        "median p99 at a steady 2000 signups/s over HTTP: {:.1} ms (budget 25 ms)",
        median(steady_p99)
    );
    let [http, rules, bare] = rates.map(median);
    println!(
        "median rates: HTTP + rules {http:.0}/s, rules without HTTP {rules:.0}/s, bare insert {bare:.0}/s; \
         with the rules the rate is {:.0}% of the bare insert's in process, {:.0}% over HTTP",
        100.0 * rules / bare,
        100.0 * http / bare
    );
}
