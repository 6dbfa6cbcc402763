//! The test harness: a real server on `127.0.0.1:0` with its own folders.
#![allow(dead_code, reason = "each test crate uses part of the harness")]
#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

use std::io::Write as _;
use std::net::SocketAddr;
use std::path::PathBuf;

use reqwest::StatusCode;
use reqwest::header::CONTENT_TYPE;
use serde_json::{Value, json};
use tempfile::TempDir;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub const SCRIPTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts");
pub const WASM: &[u8] = b"\0asm\x01\0\0\0 a pretend module, repeated: a pretend module";

/// The folders a server runs on; dropped (deleted) with the test.
pub struct Dirs {
    pub data: TempDir,
    /// With `BONDGENOOT_TEST_POSTGRES` set (see [`fresh_database`]): this
    /// test's own PostgreSQL database; `None`: SQLite in `data`.
    pub database_url: Option<String>,
    pub bundle: TempDir,
    pub www: TempDir,
    /// Signups per client per minute; 0 (no limit) unless a test sets it.
    pub signup_rate: u32,
    /// The server's today; the system's unless a test fixes it.
    pub clock: server::clock::Clock,
    /// Reverse proxies the server believes `X-Forwarded-For` from.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// How long the server waits for slow clients.
    pub timeouts: server::listen::Timeouts,
    /// Where messages go out; none unless a test sets it.
    pub mail: Option<server::mail::MailConfig>,
}

impl Dirs {
    pub fn new() -> Self {
        let bundle = TempDir::new().expect("bundle dir");
        let v1 = bundle.path().join("v1");
        std::fs::create_dir(&v1).expect("v1 dir");
        std::fs::write(v1.join("bondgenoot_bg.wasm"), WASM).expect("wasm");
        std::fs::write(v1.join("bondgenoot_bg.wasm.br"), brotli_bytes(WASM)).expect("br");
        std::fs::write(v1.join("bondgenoot_bg.wasm.gz"), gzip_bytes(WASM)).expect("gz");
        let www = TempDir::new().expect("www dir");
        std::fs::write(
            www.path().join("index.html"),
            "<!doctype html><title>Demostad</title>",
        )
        .expect("index.html");
        Self {
            data: TempDir::new().expect("data dir"),
            database_url: fresh_database(),
            bundle,
            www,
            signup_rate: 0,
            clock: server::clock::Clock::system(),
            trusted_proxies: Vec::new(),
            timeouts: server::listen::Timeouts::DEFAULT,
            mail: None,
        }
    }

    pub fn config(&self) -> server::Config {
        server::Config {
            data_dir: self.data.path().to_owned(),
            database_url: self.database_url.clone(),
            www_dir: self.www.path().to_owned(),
            bundle_dir: self.bundle.path().to_owned(),
            scripts_dir: PathBuf::from(SCRIPTS),
            signup_rate_per_minute: self.signup_rate,
            trusted_proxies: self.trusted_proxies.clone(),
            demo: true,
            clock: self.clock,
            timeouts: self.timeouts,
            keep_days: plugin_host::contract::vacaturecafe::MAX_KEEP_DAYS,
            mail: self.mail.clone(),
            // Quick retries: a test waits seconds, not minutes.
            first_retry: std::time::Duration::from_millis(200),
        }
    }

    /// Where this test's data is kept.
    pub fn storage(&self) -> server::Storage {
        server::Storage {
            data_dir: self.data.path().to_owned(),
            database_url: self.database_url.clone(),
        }
    }

    /// The command-line flags that open this test's data.
    pub fn data_args(&self) -> Vec<std::ffi::OsString> {
        let mut args = vec!["--data-dir".into(), self.data.path().as_os_str().to_owned()];
        if let Some(url) = &self.database_url {
            args.extend(["--database-url".into(), url.into()]);
        }
        args
    }

    pub fn org_dir(&self, org: &str) -> PathBuf {
        self.data.path().join("orgs").join(org)
    }
}

/// A running server; [`Server::stop`] shuts it down gracefully.
pub struct Server {
    pub addr: SocketAddr,
    stop: oneshot::Sender<()>,
    task: JoinHandle<anyhow::Result<()>>,
    pub http: reqwest::Client,
}

impl Server {
    pub async fn start(dirs: &Dirs) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind port 0");
        let addr = listener.local_addr().expect("bound address");
        let (stop, stopped) = oneshot::channel::<()>();
        let shutdown = async {
            let _ = stopped.await;
        };
        let task = tokio::spawn(server::serve(dirs.config(), listener, shutdown));
        Self {
            addr,
            stop,
            task,
            http: reqwest::Client::new(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// A request to `path` signed in with an admin `token`.
    pub fn as_admin(
        &self,
        token: &str,
        method: reqwest::Method,
        path: &str,
    ) -> reqwest::RequestBuilder {
        self.http.request(method, self.url(path)).bearer_auth(token)
    }

    /// A signup as the widget sends it: `body` is the whole request (`form`,
    /// `lang`, and the browser's `token` if it has one).
    pub async fn sign_up_raw(&self, org: &str, cafe: i64, body: &Value) -> reqwest::Response {
        self.post_json(&format!("/v1/orgs/{org}/cafes/{cafe}/signups"), body)
            .await
    }

    /// `body` as JSON to a public `path`, as a widget sends it.
    pub async fn post_json(&self, path: &str, body: &Value) -> reqwest::Response {
        self.http
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("request")
    }

    /// A walk-in at the door (`name`, `key`), by an admin of `org`.
    pub async fn walk_in(
        &self,
        token: &str,
        org: &str,
        cafe: i64,
        body: &Value,
    ) -> reqwest::Response {
        self.as_admin(
            token,
            reqwest::Method::POST,
            &format!("/v1/admin/orgs/{org}/cafes/{cafe}/walk-ins"),
        )
        .json(body)
        .send()
        .await
        .expect("request")
    }

    /// What a signup's link does: `POST /v1/orgs/{org}/signups/{action}`
    /// (`status` or `cancel`) with its token.
    pub async fn with_link(
        &self,
        org: &str,
        action: &str,
        token: impl serde::Serialize,
    ) -> reqwest::Response {
        self.http
            .post(self.url(&format!("/v1/orgs/{org}/signups/{action}")))
            .json(&serde_json::json!({ "token": token }))
            .send()
            .await
            .expect("request")
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http.get(self.url(path)).send().await.expect("request")
    }

    pub async fn get_with(&self, path: &str, name: &str, value: &str) -> reqwest::Response {
        self.http
            .get(self.url(path))
            .header(name, value)
            .send()
            .await
            .expect("request")
    }

    /// A GET with `path` sent exactly as written; the whole answer as text.
    pub async fn raw_get(&self, path: &str) -> String {
        use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
        let mut stream = tokio::net::TcpStream::connect(self.addr)
            .await
            .expect("connect");
        let request =
            format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).await.expect("send");
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).await.expect("answer");
        String::from_utf8_lossy(&answer).into_owned()
    }

    /// Publishes `source` (with `tests`) as `org`'s script for `widget`
    /// through the admin API, as the playground does.
    pub async fn publish(
        &self,
        org: &str,
        token: &str,
        widget: &str,
        source: &str,
        tests: &str,
    ) -> reqwest::Response {
        self.http
            .post(self.url(&format!("/v1/admin/orgs/{org}/scripts/{widget}/versions")))
            .bearer_auth(token)
            .json(&serde_json::json!({
                "source": source,
                "tests": tests,
                "note": "from a test",
                "author": "Test",
            }))
            .send()
            .await
            .expect("request")
    }

    /// A café on `date` with `capacity` places for `org`, made through the
    /// admin API; its id.
    pub async fn admin_cafe(&self, org: &str, token: &str, date: &str, capacity: i64) -> i64 {
        let response = self
            .http
            .post(self.url(&format!("/v1/admin/orgs/{org}/cafes")))
            .bearer_auth(token)
            .json(&serde_json::json!({
                "title": format!("Jobcafe {date}"), "date": date, "start": "14:00", "end": "16:00",
                "place": "Bibliotheek", "address": "Markt 1", "capacity": capacity,
            }))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), StatusCode::CREATED);
        json_of(response).await["id"].as_i64().expect("an id")
    }

    /// [`Server::publish`] without tests, which must go live.
    pub async fn publish_ok(&self, org: &str, token: &str, widget: &str, source: &str) {
        let published = self.publish(org, token, widget, source, "").await;
        assert_eq!(published.status(), StatusCode::CREATED, "{source}");
    }

    /// Shares `body` with `org`'s figures for `widget`, as a widget does.
    pub async fn share(&self, org: &str, widget: &str, body: &Value) -> reqwest::Response {
        self.post_json(&format!("/v1/orgs/{org}/figures/{widget}"), body)
            .await
    }

    pub async fn stop(self) {
        self.stop.send(()).expect("server still running");
        self.task
            .await
            .expect("server task")
            .expect("server stopped cleanly");
    }
}

pub fn header(response: &reqwest::Response, name: impl reqwest::header::AsHeaderName) -> String {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

pub async fn json_of(response: reqwest::Response) -> Value {
    response.json().await.expect("a JSON body")
}

/// Asserts a JSON error answer with `status` and `code`; returns the message.
pub async fn assert_error(response: reqwest::Response, status: StatusCode, code: &str) -> String {
    assert_eq!(response.status(), status, "{}", response.url());
    assert_eq!(header(&response, CONTENT_TYPE), "application/json");
    let body = json_of(response).await;
    assert_eq!(body["error"]["code"], code, "{body}");
    let message = body["error"]["message"].as_str().expect("a message");
    assert!(!message.is_empty());
    message.to_owned()
}

pub fn brotli_bytes(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(data).expect("brotli");
    }
    out
}

pub fn gzip_bytes(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).expect("gzip");
    encoder.finish().expect("gzip")
}

impl Dirs {
    /// Adds organisation `name` with these allowed origins; returns its admin token.
    pub async fn add_org(&self, name: &str, origins: &[&str]) -> String {
        let org = server::names::OrgName::parse(name).expect("a valid name");
        server::org_add(
            &self.storage(),
            std::path::Path::new(SCRIPTS),
            &org,
            origins.iter().map(|o| (*o).to_owned()).collect(),
            None,
        )
        .await
        .expect("org added")
    }

    /// Adds organisation `name` whose cafés are in time zone `zone`; its token.
    pub async fn add_org_in_zone(&self, name: &str, zone: &str) -> String {
        let org = server::names::OrgName::parse(name).expect("a valid name");
        server::org_add(
            &self.storage(),
            std::path::Path::new(SCRIPTS),
            &org,
            Vec::new(),
            Some(zone),
        )
        .await
        .expect("org added")
    }

    /// Gives organisation `org` an admin `name` with `role`; their own token.
    pub async fn add_admin(&self, org: &str, name: &str, role: wire::console::Role) -> String {
        let org = server::names::OrgName::parse(org).expect("a valid name");
        server::org_add_admin(&self.storage(), &org, name, role)
            .await
            .expect("admin added")
    }
}

/// `YYYY-MM-DD` as a date.
pub fn day(text: &str) -> time::Date {
    server::clock::parse_day(text).expect("a date")
}

impl Dirs {
    /// The real binary serving these folders on port 0, with `extra` flags,
    /// under a soft open-file limit when one is given; its address. It is
    /// killed when the returned [`Running`] is dropped.
    pub fn serve_binary(
        &self,
        extra: &[&str],
        open_files: Option<u32>,
    ) -> (Running, std::net::SocketAddr) {
        use std::io::BufRead as _;
        let bin = env!("CARGO_BIN_EXE_bondgenoot");
        let mut command = match open_files {
            Some(n) => {
                let mut sh = std::process::Command::new("sh");
                sh.args(["-c", &format!("ulimit -Sn {n} && exec \"$0\" \"$@\""), bin]);
                sh
            }
            None => std::process::Command::new(bin),
        };
        let mut child = command
            .args(["serve", "--port", "0"])
            .args(self.data_args())
            .arg("--www-dir")
            .arg(self.www.path())
            .arg("--bundle-dir")
            .arg(self.bundle.path())
            .args(["--scripts-dir", SCRIPTS])
            .args(extra)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("the server starts");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("its first line");
        let addr = server::serving_address(&line)
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"));
        (Running(child), addr)
    }
}

/// A process the test started, killed when dropped: a failing test leaves
/// no server running.
pub struct Running(pub std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The server tests run on SQLite, and again on PostgreSQL when
/// `BONDGENOOT_TEST_POSTGRES` holds a server's URL (as `cargo xtask test`
/// sets it): each test then gets a new database of its own there, so tests
/// run side by side as they do on their own SQLite files.
pub fn fresh_database() -> Option<String> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static MADE: AtomicU64 = AtomicU64::new(0);
    let base = std::env::var("BONDGENOOT_TEST_POSTGRES").ok()?;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let name = format!(
        "test_{}_{}_{nanos}",
        std::process::id(),
        MADE.fetch_add(1, Ordering::Relaxed)
    );
    let mut url = reqwest::Url::parse(&base).expect("BONDGENOOT_TEST_POSTGRES is a URL");
    // Its own thread and runtime: tests call this from inside theirs.
    let create = format!("CREATE DATABASE {name}");
    std::thread::spawn(move || {
        use sqlx::{Connection as _, Executor as _};
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(async {
            let mut conn = sqlx::PgConnection::connect(&base)
                .await
                .expect("connecting to BONDGENOOT_TEST_POSTGRES");
            conn.execute(sqlx::AssertSqlSafe(create))
                .await
                .expect("creating a test database");
        });
    })
    .join()
    .expect("creating a test database");
    url.set_path(&name);
    Some(url.to_string())
}

/// `bondgenoot retention run --today TODAY` on this test's data, as an
/// operator would run it (the real binary); what it printed. Awaited, not
/// blocked on: a server the test stopped may still finish a write on this
/// runtime, and a blocked runtime would hold that write's lock.
pub async fn retention_run(dirs: &Dirs, today: &str, extra: &[&str]) -> String {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_bondgenoot"));
    command
        .args(["retention", "run", "--today", today])
        .args(dirs.data_args())
        .arg("--scripts-dir")
        .arg(SCRIPTS)
        .args(extra);
    let output = tokio::task::spawn_blocking(move || command.output())
        .await
        .expect("the thread runs")
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Holds the database's write lock for café `cafe` from outside the server,
/// as a slow writer would (SQLite: the one write lock; PostgreSQL: the
/// café's row), until [`WriteLock::release`].
pub enum WriteLock {
    /// SQLite's one write lock.
    Sqlite(sqlx::SqliteConnection),
    /// The café's row.
    Postgres(sqlx::PgConnection),
}

impl WriteLock {
    /// Takes it.
    pub async fn take(dirs: &Dirs, cafe: i64) -> Self {
        use sqlx::{Connection as _, Executor as _};
        match &dirs.database_url {
            Some(url) => {
                let mut conn = sqlx::PgConnection::connect(url).await.expect("connect");
                conn.execute("BEGIN").await.expect("begin");
                sqlx::query("SELECT id FROM cafes WHERE id = $1 FOR UPDATE")
                    .bind(cafe)
                    .execute(&mut conn)
                    .await
                    .expect("lock the café");
                Self::Postgres(conn)
            }
            None => {
                let file = server::database_path(dirs.data.path());
                let mut conn =
                    sqlx::SqliteConnection::connect(&format!("sqlite://{}", file.display()))
                        .await
                        .expect("open the file");
                conn.execute("BEGIN IMMEDIATE")
                    .await
                    .expect("the write lock");
                Self::Sqlite(conn)
            }
        }
    }

    /// Lets go of it.
    pub async fn release(self) {
        use sqlx::Executor as _;
        match self {
            Self::Sqlite(mut conn) => drop(conn.execute("ROLLBACK").await.expect("rollback")),
            Self::Postgres(mut conn) => drop(conn.execute("ROLLBACK").await.expect("rollback")),
        }
    }
}

/// The default Netwerkscan's scores, in its order.
pub const DIMENSIONS: [&str; 6] = [
    "bonding",
    "bridging",
    "linking",
    "awareness",
    "support",
    "diversity",
];

/// A Netwerkscan share with every score at `value` (bonding at `bonding`).
pub fn share(bonding: i64, value: i64, steps: &[&str]) -> Value {
    let mut scores = serde_json::Map::new();
    for id in DIMENSIONS {
        scores.insert(
            id.into(),
            json!(if id == "bonding" { bonding } else { value }),
        );
    }
    json!({ "lang": "ar", "scores": scores, "steps": steps })
}
