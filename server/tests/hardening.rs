//! One organisation cannot slow another, and slow clients cannot starve the
//! server: over real HTTP, against a real database file.
#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

mod support;
use support::*;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};

/// One test at a time: these measure times and hold hundreds of sockets, and
/// must not measure each other.
async fn one_at_a_time() -> tokio::sync::MutexGuard<'static, ()> {
    static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    SERIAL.lock().await
}

/// A `decide` that burns time (~30 ms in a test build, well within the
/// limits) before it gives the usual answer.
const SLOW_DECIDE: &str = r#"
fn decide(form, cafe, counts, ctx) {
    let n = 0;
    for i in 0..50000 { n += 1; }
    if counts.places_left > 0 {
        #{ outcome: "confirmed", message: "Welcome." }
    } else {
        #{ outcome: "waitlist", message: "You are on the waiting list." }
    }
}
"#;

async fn cafe(server: &Server, org: &str, token: &str) -> i64 {
    let response = server
        .http
        .post(server.url(&format!("/v1/admin/orgs/{org}/cafes")))
        .bearer_auth(token)
        .json(&json!({
            "title": "Vacaturecafé",
            "date": (time::OffsetDateTime::now_utc().date() + time::Duration::days(7)).to_string(),
            "start": "14:00",
            "end": "16:00",
            "place": "Bibliotheek",
            "address": "Markt 1",
            "capacity": 10000,
        }))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::CREATED);
    json_of(response).await["id"].as_i64().expect("an id")
}

async fn sign_up(server: &Server, org: &str, cafe: i64, n: usize) -> (StatusCode, Duration) {
    let started = Instant::now();
    let body = json!({
        "form": { "name": format!("Person {n}"), "email": format!("p{n}@example.nl"), "consent": true },
        "lang": "en",
    });
    let response = server.sign_up_raw(org, cafe, &body).await;
    let status = response.status();
    let _: Value = response.json().await.expect("a JSON answer");
    (status, started.elapsed())
}

/// The median time of `count` signups one after another, from `first` on.
async fn median_signup(server: &Server, org: &str, cafe: i64, first: usize) -> Duration {
    const COUNT: usize = 60;
    let mut times = Vec::with_capacity(COUNT);
    for n in first..first + COUNT {
        let (status, took) = sign_up(server, org, cafe, n).await;
        assert_eq!(status, StatusCode::CREATED);
        times.push(took);
    }
    times.sort();
    times[COUNT / 2]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_org_with_a_slow_script_does_not_slow_another_orgs_signups() {
    let _serial = one_at_a_time().await;
    let dirs = Dirs::new();
    let quick_token = dirs.add_org("quick", &[]).await;
    let slow_token = dirs.add_org("slow", &[]).await;
    let server = Arc::new(Server::start(&dirs).await);
    let published = server
        .publish("slow", &slow_token, "vacaturecafe", SLOW_DECIDE, "")
        .await;
    assert_eq!(
        published.status(),
        StatusCode::CREATED,
        "{}",
        published.text().await.unwrap_or_default()
    );
    let quick = cafe(&server, "quick", &quick_token).await;
    let slow = cafe(&server, "slow", &slow_token).await;
    // Warm up both (rules compiled, connections open), then time the quick
    // org alone.
    assert_eq!(
        sign_up(&server, "slow", slow, 0).await.0,
        StatusCode::CREATED
    );
    median_signup(&server, "quick", quick, 0).await;
    let alone = median_signup(&server, "quick", quick, 1000).await;
    // What one slow-org signup takes: a quick signup that had to wait for
    // the slow org's scripts would take at least this long.
    let slow_alone = median_signup(&server, "slow", slow, 1).await;

    // Eight clients keep the slow org busy the whole time.
    let stop = Arc::new(AtomicBool::new(false));
    let slow_taken = Arc::new(AtomicUsize::new(0));
    let mut load = Vec::new();
    for client in 0..8 {
        let (server, stop, slow_taken) = (server.clone(), stop.clone(), slow_taken.clone());
        load.push(tokio::spawn(async move {
            let mut n = 10_000 * (client + 1);
            while !stop.load(Ordering::Relaxed) {
                let (status, _) = sign_up(&server, "slow", slow, n).await;
                // Taken, or "busy, try again": never anything else.
                assert!(
                    status == StatusCode::CREATED || status == StatusCode::SERVICE_UNAVAILABLE,
                    "{status}"
                );
                if status == StatusCode::CREATED {
                    slow_taken.fetch_add(1, Ordering::Relaxed);
                }
                n += 1;
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let beside_slow = median_signup(&server, "quick", quick, 2000).await;
    stop.store(true, Ordering::Relaxed);
    for task in load {
        task.await.expect("load client");
    }
    assert!(
        slow_taken.load(Ordering::Relaxed) > 0,
        "the slow org's signups still go through"
    );
    eprintln!(
        "quick org's median signup: {alone:?} alone, {beside_slow:?} beside the slow org \
         (whose own signups take {slow_alone:?})"
    );
    // Beside eight busy clients of the slow org, the quick org shares the
    // CPU (two cores here: a little slower, by how much depends on the
    // machine), but it never queues behind the slow org's scripts: its
    // signups stay quicker than a single one of the slow org's.
    assert!(
        beside_slow < slow_alone,
        "the quick org's median signup went from {alone:?} to {beside_slow:?} beside a slow org, \
         no quicker than the slow org's own {slow_alone:?}: it waited for the slow org's scripts"
    );
    Arc::into_inner(server).expect("one server").stop().await;
}

/// Sends `bytes` on a new connection and keeps it open.
async fn half_sent(addr: std::net::SocketAddr, bytes: &[u8]) -> tokio::net::TcpStream {
    use tokio::io::AsyncWriteExt as _;
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    stream.write_all(bytes).await.expect("send");
    stream
}

/// Everything the server sends until it closes the connection (or `limit`).
async fn answer_within(stream: &mut tokio::net::TcpStream, limit: Duration) -> Option<String> {
    use tokio::io::AsyncReadExt as _;
    let mut answer = Vec::new();
    tokio::time::timeout(limit, stream.read_to_end(&mut answer))
        .await
        .ok()
        .map(|_| String::from_utf8_lossy(&answer).into_owned())
}

#[tokio::test]
async fn slow_headers_slow_bodies_and_slow_requests_are_cut_off_with_a_clear_answer() {
    let _serial = one_at_a_time().await;
    let mut dirs = Dirs::new();
    dirs.timeouts = server::listen::Timeouts {
        header_read: Duration::from_millis(500),
        body_idle: Duration::from_millis(500),
        request: Duration::from_millis(1500),
        ..server::listen::Timeouts::DEFAULT
    };
    let server = Server::start(&dirs).await;
    assert_eq!(server.get("/healthz").await.status(), StatusCode::OK);
    let signup = b"POST /v1/orgs/demo/signups/status HTTP/1.1\r\nHost: x\r\n\
        Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"tok";

    // Headers that never end: the connection is closed.
    let mut headers = half_sent(server.addr, b"GET /healthz HTTP/1.1\r\nHost: x\r\n").await;
    // A kept-alive connection that goes quiet after its request: closed too.
    let mut idle = half_sent(server.addr, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").await;
    // A body that stops half-way: answered `timeout`.
    let mut body = half_sent(server.addr, signup).await;
    // A body that trickles in, a byte at a time, never idle for long.
    let mut trickle = half_sent(server.addr, signup).await;
    let trickling = tokio::spawn(async move {
        use tokio::io::AsyncWriteExt as _;
        for _ in 0..20 {
            tokio::time::sleep(Duration::from_millis(200)).await;
            if trickle.write_all(b" ").await.is_err() {
                break;
            }
        }
        answer_within(&mut trickle, Duration::from_secs(5)).await
    });

    let headers = answer_within(&mut headers, Duration::from_secs(3)).await;
    assert_eq!(headers.as_deref(), Some(""), "closed without an answer");
    let idle = answer_within(&mut idle, Duration::from_secs(3))
        .await
        .expect("closed");
    assert!(idle.starts_with("HTTP/1.1 200"), "{idle}");
    for answer in [
        answer_within(&mut body, Duration::from_secs(3))
            .await
            .expect("answered"),
        trickling.await.expect("trickle").expect("answered"),
    ] {
        assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
        assert!(answer.contains(r#""code":"timeout""#), "{answer}");
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_client_is_answered_while_another_holds_1100_half_sent_requests() {
    let _serial = one_at_a_time().await;
    // This test holds more than a thousand sockets itself.
    let _ = server::listen::raise_open_file_limit();
    let dirs = Dirs::new();
    // The binary as it is deployed, under a 1,024 open-file limit (a common default).
    let (child, addr) = dirs.serve_binary(&[], Some(1024));
    let mut held = Vec::new();
    for _ in 0..1100 {
        match tokio::net::TcpStream::connect(addr).await {
            Ok(mut stream) => {
                use tokio::io::AsyncWriteExt as _;
                // Refused connections are closed by the server: that is fine.
                let _ = stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").await;
                held.push(stream);
            }
            Err(e) => panic!("connecting: {e}"),
        }
    }
    // Someone else, from another address, loads the page.
    let other = reqwest::Client::builder()
        .local_address(std::net::IpAddr::from([127, 0, 0, 2]))
        .timeout(Duration::from_secs(1))
        .build()
        .expect("client");
    let started = Instant::now();
    let answer = other.get(format!("http://{addr}/healthz")).send().await;
    let took = started.elapsed();
    let answer = answer.unwrap_or_else(|e| panic!("no answer in {took:?}: {e}"));
    assert_eq!(answer.status(), StatusCode::OK);
    // One address holds at most `Caps::PER_CLIENT` connections; the server
    // closed the others at once.
    let mut still_open = 0;
    for mut stream in held {
        use tokio::io::AsyncReadExt as _;
        let mut byte = [0u8; 1];
        let read = tokio::time::timeout(Duration::from_millis(2), stream.read(&mut byte)).await;
        if read.is_err() {
            still_open += 1;
        }
    }
    assert!(
        still_open <= server::listen::Caps::PER_CLIENT,
        "{still_open} connections from one address stayed open"
    );
    assert!(still_open > 0, "the first connections are kept");
    drop(child);
}

#[tokio::test]
async fn a_client_that_stops_reading_an_answer_loses_its_connection() {
    let _serial = one_at_a_time().await;
    use tokio::io::AsyncReadExt as _;
    let mut dirs = Dirs::new();
    dirs.timeouts.write = Duration::from_millis(500);
    // Far more than the sockets' buffers hold.
    const SIZE: usize = 64 * 1024 * 1024;
    std::fs::write(dirs.www.path().join("big.bin"), vec![b'x'; SIZE]).expect("a big file");
    let server = Server::start(&dirs).await;
    let mut stream = half_sent(
        server.addr,
        b"GET /big.bin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .await;
    // The client reads nothing for a while: the server gives up writing.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let mut got = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(20), stream.read_to_end(&mut got)).await;
    assert!(read.is_ok(), "the server closed the connection");
    assert!(
        got.len() < SIZE,
        "the answer was cut off: {} bytes",
        got.len()
    );
    assert_eq!(server.get("/healthz").await.status(), StatusCode::OK);
    server.stop().await;
}
