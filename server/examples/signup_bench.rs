//! Signup throughput and latency at 64 concurrent clients (`cargo xtask bench`).
//!
//! Three runs against a fresh SQLite file each (WAL, synchronous = FULL, the
//! group-committing writer), so the cost of each layer shows:
//! 1. **HTTP + rules**: the real path, `POST …/signups` over loopback HTTP:
//!    fields, form check and `validate` in Rhai, then `decide` (each on a
//!    blocking thread, within the organisation's share), then the capacity
//!    check and the insert in one transaction.
//! 2. **rules, no HTTP**: the same rules and the same database call, in process.
//! 3. **bare insert**: the same database call with a fixed decision and no
//!    script at all.
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

fn report(label: &str, mut latencies: Vec<Duration>, wall: Duration) -> f64 {
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
    rate
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

async fn http_run() -> f64 {
    let data = tempfile::TempDir::new().expect("temp dir");
    let www = tempfile::TempDir::new().expect("temp dir");
    let org = server::names::OrgName::parse("bench").expect("name");
    let token = server::org_add(data.path(), &scripts_dir(), &org, vec![])
        .await
        .expect("org");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("port");
    let addr = listener.local_addr().expect("addr");
    let config = server::Config {
        data_dir: data.path().to_owned(),
        www_dir: www.path().to_owned(),
        bundle_dir: www.path().to_owned(),
        scripts_dir: scripts_dir(),
        signup_rate_per_minute: 0,
        trusted_proxies: Vec::new(),
        demo: false,
        clock: server::clock::Clock::system(),
        timeouts: server::listen::Timeouts::DEFAULT,
    };
    tokio::spawn(server::serve(config, listener, std::future::pending()));
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
    let created: serde_json::Value = http
        .post(format!("http://{addr}/v1/admin/orgs/bench/cafes"))
        .bearer_auth(token)
        .json(&cafe())
        .send()
        .await
        .expect("create café")
        .json()
        .await
        .expect("café");
    let url = format!(
        "http://{addr}/v1/orgs/bench/cafes/{}/signups",
        created["id"]
    );
    let (latencies, wall) = load(move |n| {
        let (http, url) = (http.clone(), url.clone());
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
    })
    .await;
    report("HTTP + rules", latencies, wall)
}

/// A database with one café; its id.
async fn db_with_cafe(dir: &tempfile::TempDir) -> (Db, i64) {
    let db = Db::open(&dir.path().join("bench.sqlite3"))
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
    }
}

async fn direct_run(with_rules: bool) -> f64 {
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
                let fields = vacaturecafe::fields(&rules, &cafe, &ctx).expect("fields");
                let clean = vacaturecafe::clean_form(&fields, &form).expect("clean");
                assert!(
                    vacaturecafe::validate(&rules, &clean, &cafe, &ctx)
                        .expect("validate")
                        .is_empty()
                );
                clean
            });
            let decide = |listing: vacaturecafe::CafeListing| {
                let decision = match &clean {
                    Some(clean) => {
                        vacaturecafe::decide(&rules, clean, &listing.cafe, &listing.counts, &ctx)
                            .expect("decide")
                    }
                    None => Decision {
                        outcome: Outcome::Confirmed,
                        message: String::new(),
                    },
                };
                std::future::ready(Ok::<_, server::db::DbError>(decision))
            };
            let outcome = db
                .signup(new_signup(cafe_id, n, &form), listing, decide)
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

#[tokio::main]
async fn main() {
    println!(
        "{CLIENTS} concurrent clients, {PER_CLIENT} signups each after {WARMUP} warm-up; \
         SQLite WAL, synchronous=FULL, group commit; {RUNS} runs each"
    );
    let mut rates = [Vec::new(), Vec::new(), Vec::new()];
    for _ in 0..RUNS {
        rates[0].push(http_run().await);
        rates[1].push(direct_run(true).await);
        rates[2].push(direct_run(false).await);
    }
    let [http, rules, bare] = rates.map(|mut r| {
        r.sort_by(f64::total_cmp);
        r[r.len() / 2]
    });
    println!(
        "median rates: HTTP + rules {http:.0}/s, rules without HTTP {rules:.0}/s, bare insert {bare:.0}/s; \
         with the rules the rate is {:.0}% of the bare insert's in process, {:.0}% over HTTP",
        100.0 * rules / bare,
        100.0 * http / bare
    );
}
