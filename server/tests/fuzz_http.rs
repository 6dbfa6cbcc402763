//! Fuzzing the HTTP API of the real server: mutated methods, paths, headers
//! and bodies of every kind of request, sent raw over TCP. Whatever arrives,
//! the answer is a complete HTTP answer below 500, and nothing panics.
//!
//! `FUZZ_HTTP_REQUESTS` and `FUZZ_SEED` lengthen or repeat a run.
#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

mod support;
use support::*;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::json;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

/// A request before mutation.
#[derive(Clone)]
struct Request {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn request(
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<serde_json::Value>,
) -> Request {
    let mut headers = vec![("Content-Type".to_owned(), "application/json".to_owned())];
    if let Some(token) = token {
        headers.push(("Authorization".to_owned(), format!("Bearer {token}")));
    }
    Request {
        method: method.to_owned(),
        path: path.to_owned(),
        headers,
        body: body.map(|b| b.to_string().into_bytes()).unwrap_or_default(),
    }
}

/// One of every kind of request the API takes, each valid as it stands.
fn templates(token: &str, cafe_id: i64) -> Vec<Request> {
    let signup = json!({ "form": { "name": "Amina", "email": "amina@example.nl", "consent": true }, "lang": "ar" });
    let cafe = json!({
        "title": "Vacaturecafé", "date": "2030-01-01", "start": "14:00", "end": "16:00",
        "place": "Bibliotheek", "address": "Markt 1", "sectors": ["Zorg"], "employers": [],
        "languages": ["nl"], "capacity": 10,
    });
    let publish = json!({ "source": "fn waitlist_size(cafe) { 5 }", "tests": "", "note": "n", "author": "a" });
    vec![
        request("GET", "/healthz", None, None),
        request("GET", "/v1/embed.js", None, None),
        request("GET", "/v1/scripts/netwerkscan.rhai", None, None),
        request("GET", "/v1/orgs/acme/rules/vacaturecafe", None, None),
        request("GET", "/v1/orgs/acme/scripts/vacaturecafe.rhai", None, None),
        request("GET", "/v1/orgs/acme/cafes", None, None),
        request("GET", &format!("/v1/orgs/acme/cafes/{cafe_id}"), None, None),
        request(
            "GET",
            &format!("/v1/orgs/acme/cafes/{cafe_id}/calendar.ics"),
            None,
            None,
        ),
        request(
            "POST",
            &format!("/v1/orgs/acme/cafes/{cafe_id}/signups"),
            None,
            Some(signup),
        ),
        request(
            "POST",
            "/v1/orgs/acme/signups/status",
            None,
            Some(json!({ "token": "a".repeat(43) })),
        ),
        request(
            "POST",
            "/v1/orgs/acme/signups/cancel",
            None,
            Some(json!({ "token": "x" })),
        ),
        request("GET", "/v1/admin/orgs/acme/cafes", Some(token), None),
        request(
            "POST",
            "/v1/admin/orgs/acme/cafes",
            Some(token),
            Some(cafe.clone()),
        ),
        request(
            "PUT",
            &format!("/v1/admin/orgs/acme/cafes/{cafe_id}"),
            Some(token),
            Some(cafe),
        ),
        request(
            "GET",
            &format!("/v1/admin/orgs/acme/signups?cafe={cafe_id}"),
            Some(token),
            None,
        ),
        request("GET", "/v1/admin/orgs/acme/signups.csv", Some(token), None),
        request("DELETE", "/v1/admin/orgs/acme/signups/2", Some(token), None),
        request(
            "POST",
            "/v1/admin/orgs/acme/forget",
            Some(token),
            Some(json!({ "email": "x@example.nl" })),
        ),
        request("GET", "/v1/admin/orgs/acme", Some(token), None),
        request(
            "GET",
            "/v1/admin/orgs/acme/scripts/vacaturecafe",
            Some(token),
            None,
        ),
        request(
            "POST",
            "/v1/admin/orgs/acme/scripts/vacaturecafe/versions",
            Some(token),
            Some(publish),
        ),
        request(
            "PUT",
            "/v1/admin/orgs/acme/scripts/vacaturecafe/live",
            Some(token),
            Some(json!({ "number": 1 })),
        ),
    ]
}

const PATH_PIECES: &[&str] = &[
    "/..",
    "/%2e%2e",
    "%00",
    "%ff",
    "%",
    "/",
    "//",
    "?",
    "?cafe=-1",
    "?cafe=x",
    "#",
    "é",
    "\u{202e}",
    "/999999999999999999999",
    "/-1",
    "/0",
    "/1.5",
    "/%20",
    ";",
    "/orgs",
    "/admin",
    "/v1",
    "*",
];
const BODY_PIECES: &[&str] = &[
    "null",
    "[]",
    "{}",
    "\"",
    "\\u0000",
    "\\ud800",
    "1e999",
    "-0",
    "99999999999999999999",
    "true",
    ",",
    ":",
    "{\"a\":",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "\u{200b}",
    "\u{202e}",
    "\"lang\":\"xx\"",
    "\"form\":{}",
    "\"capacity\":-5",
    "\"date\":\"2020-02-30\"",
    "\"extra\":1",
];
const HEADERS: &[(&str, &str)] = &[
    ("Content-Type", "text/plain"),
    ("Content-Type", "application/json; charset=latin1"),
    ("Authorization", "Bearer "),
    ("Authorization", "Basic Zm9vOmJhcg=="),
    ("Origin", "http://evil.example"),
    ("X-Forwarded-For", "not an address"),
    ("Accept-Encoding", "br;q=x, *"),
    ("If-None-Match", "\"x\", W/\"y\""),
    ("Transfer-Encoding", "chunked"),
    ("Expect", "100-continue"),
    ("Range", "bytes=5-1"),
    ("Host", ""),
];

fn pick<'a, T>(rng: &mut fastrand::Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(0..items.len())]
}

fn mutate(rng: &mut fastrand::Rng, mut r: Request) -> Request {
    for _ in 0..rng.usize(1..=3) {
        match rng.u8(0..7) {
            0 => {
                r.method = pick(
                    rng,
                    &[
                        "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "FOO",
                    ],
                )
                .to_string()
            }
            1 | 2 => {
                let at = rng.usize(0..=r.path.len());
                let at = (0..=at)
                    .rev()
                    .find(|i| r.path.is_char_boundary(*i))
                    .unwrap_or(0);
                let piece: &&str = pick(rng, PATH_PIECES);
                r.path.insert_str(at, piece);
            }
            3 => {
                let (name, value) = *pick(rng, HEADERS);
                r.headers.push((name.to_owned(), value.to_owned()));
            }
            4 => r
                .headers
                .push(("X-Long".to_owned(), "a".repeat(rng.usize(0..20_000)))),
            _ => {
                let at = rng.usize(0..=r.body.len());
                match rng.u8(0..4) {
                    0 => {
                        r.body.splice(at..at, pick(rng, BODY_PIECES).bytes());
                    }
                    1 => r.body.truncate(at),
                    2 if at < r.body.len() => r.body[at] = rng.u8(..),
                    _ => r.body = vec![b'['; rng.usize(0..40_000)],
                }
            }
        }
    }
    if !r.path.starts_with('/') {
        r.path.insert(0, '/');
    }
    // Paths are sent as bytes; spaces and line ends would end the request line.
    r.path = r.path.replace([' ', '\r', '\n'], "%20");
    r
}

/// Sends `r` raw; the status of a complete answer, or why there was none.
async fn send(addr: std::net::SocketAddr, r: &Request) -> Result<u16, String> {
    let mut head = format!(
        "{} {} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n",
        r.method, r.path
    );
    for (name, value) in &r.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if !r.headers.iter().any(|(n, _)| n == "Transfer-Encoding") {
        head.push_str(&format!("Content-Length: {}\r\n", r.body.len()));
    }
    head.push_str("\r\n");
    let mut stream = tokio::net::TcpStream::connect(addr)
        .await
        .map_err(|e| e.to_string())?;
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(&r.body);
    // The server may answer (and close) before it has read everything.
    let _ = stream.write_all(&bytes).await;
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .map_err(|_| "no answer within 10 s".to_owned())?
        .or_else(|e| {
            if answer.is_empty() {
                Err(e.to_string())
            } else {
                Ok(0)
            }
        })?;
    let mut text = String::from_utf8_lossy(&answer).into_owned();
    // After `Expect: 100-continue` the final answer follows the interim one.
    while let Some(rest) = text.strip_prefix("HTTP/1.1 100 Continue\r\n\r\n") {
        text = rest.to_owned();
    }
    text.strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| {
            format!(
                "not an HTTP answer: {:?}",
                text.chars().take(80).collect::<String>()
            )
        })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mutated_requests_never_get_a_5xx_and_never_panic_the_server() {
    let panics = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&panics);
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        counted.fetch_add(1, Ordering::SeqCst);
        default_hook(info);
    }));

    let mut dirs = Dirs::new();
    // Bodies that promise more than they send are cut off quickly.
    dirs.timeouts.body_idle = Duration::from_millis(200);
    let token = dirs.add_org("acme", &["http://partner.example"]).await;
    let server = Server::start(&dirs).await;
    let cafe = &templates(&token, 0)[12];
    let created = server
        .http
        .post(server.url(&cafe.path))
        .bearer_auth(&token)
        .body(cafe.body.clone())
        .header("content-type", "application/json")
        .send()
        .await
        .expect("a café");
    assert_eq!(created.status(), reqwest::StatusCode::CREATED);
    let cafe_id = json_of(created).await["id"].as_i64().expect("an id");
    let templates = templates(&token, cafe_id);
    assert_eq!(send(server.addr, &templates[8]).await, Ok(201), "a signup");

    let count: usize = std::env::var("FUZZ_HTTP_REQUESTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1500);
    let seed = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
    for n in 0..count {
        let template = pick(&mut rng, &templates).clone();
        let r = mutate(&mut rng, template);
        let status = send(server.addr, &r).await;
        let shown = || {
            format!(
                "request {n} (FUZZ_SEED={seed}): {} {} {:?}",
                r.method,
                r.path,
                String::from_utf8_lossy(&r.body)
                    .chars()
                    .take(200)
                    .collect::<String>()
            )
        };
        match status {
            Ok(code) if code < 500 => *statuses.entry(code).or_default() += 1,
            Ok(code) => panic!("{code} for {}", shown()),
            Err(why) => panic!("{why} for {}", shown()),
        }
    }
    eprintln!("{count} mutated requests (FUZZ_SEED={seed}): {statuses:?}");
    assert_eq!(panics.load(Ordering::SeqCst), 0, "a panic in the server");
    assert_eq!(
        server.get("/healthz").await.status(),
        reqwest::StatusCode::OK
    );
    // The mutations reach past the first checks: some are taken, some refused.
    assert!(
        statuses.keys().any(|c| (200..300).contains(c)),
        "{statuses:?}"
    );
    assert!(
        statuses.keys().filter(|c| (400..500).contains(*c)).count() >= 5,
        "{statuses:?}"
    );
    server.stop().await;
}
