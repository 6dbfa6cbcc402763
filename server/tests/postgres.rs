//! PostgreSQL, and several server processes on one database: the schema is
//! SQLite's, and two real instances behave as one (no overbooking, places
//! freed at one go to the people waiting even while the other takes
//! signups, a publish at one is live at the other at once, and killing one
//! loses nothing it acknowledged).
//!
//! These run when `BONDGENOOT_TEST_POSTGRES` names a PostgreSQL server (as
//! `cargo xtask test` sets it); without one they say so and pass.
#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};
use sqlx::{Connection as _, Row as _};
use support::{Dirs, Running, json_of};

/// The test's PostgreSQL folders, or `None` (and a note) without a server.
fn postgres_dirs() -> Option<Dirs> {
    let dirs = Dirs::new();
    if dirs.database_url.is_none() {
        eprintln!("BONDGENOOT_TEST_POSTGRES is not set: no PostgreSQL to test against");
        return None;
    }
    Some(dirs)
}

/// A column as both databases can say it: name, kind, may be NULL.
type Columns = BTreeMap<String, BTreeSet<(String, &'static str, bool)>>;

fn kind(declared: &str) -> &'static str {
    match declared.to_ascii_lowercase().as_str() {
        "integer" | "bigint" => "integer",
        "text" => "text",
        "blob" | "bytea" => "bytes",
        _ => "other",
    }
}

#[tokio::test]
async fn both_schemas_end_up_the_same() {
    let Some(dirs) = postgres_dirs() else { return };
    let url = dirs.database_url.clone().expect("a database");
    // Each database as the server leaves it after its migrations.
    let sqlite_file = dirs.data.path().join("schema.sqlite3");
    drop(
        server::db::Db::open(&server::db::Location::File(sqlite_file.clone()))
            .await
            .expect("SQLite"),
    );
    drop(
        server::db::Db::open(&server::db::Location::Postgres(url.clone()))
            .await
            .expect("PostgreSQL"),
    );

    let mut lite = sqlx::SqliteConnection::connect(&format!("sqlite://{}", sqlite_file.display()))
        .await
        .expect("SQLite");
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name != '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(&mut lite)
    .await
    .expect("tables");
    let mut sqlite_columns = Columns::new();
    for table in &tables {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!("PRAGMA table_info({table})")))
            .fetch_all(&mut lite)
            .await
            .expect("columns");
        for row in rows {
            let name: String = row.get("name");
            let declared: String = row.get("type");
            // A key is never NULL, whatever SQLite's table_info says of it.
            let nullable = row.get::<i64, _>("notnull") == 0 && row.get::<i64, _>("pk") == 0;
            sqlite_columns.entry(table.clone()).or_default().insert((
                name,
                kind(&declared),
                nullable,
            ));
        }
    }
    let sqlite_indexes: BTreeSet<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
    )
    .fetch_all(&mut lite)
    .await
    .expect("indexes")
    .into_iter()
    .collect();
    let sqlite_triggers: BTreeSet<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            .fetch_all(&mut lite)
            .await
            .expect("triggers")
            .into_iter()
            .collect();

    let mut pg = sqlx::PgConnection::connect(&url).await.expect("PostgreSQL");
    let rows = sqlx::query(
        "SELECT table_name::text AS t, column_name::text AS c, data_type::text AS d, \
         is_nullable::text AS n FROM information_schema.columns \
         WHERE table_schema = 'public' AND table_name != '_sqlx_migrations'",
    )
    .fetch_all(&mut pg)
    .await
    .expect("columns");
    let mut pg_columns = Columns::new();
    for row in rows {
        pg_columns.entry(row.get("t")).or_default().insert((
            row.get("c"),
            kind(row.get("d")),
            row.get::<String, _>("n") == "YES",
        ));
    }
    // Indexes the schema names (not those PostgreSQL makes for its keys).
    let pg_indexes: BTreeSet<String> = sqlx::query_scalar(
        "SELECT i.indexname::text FROM pg_indexes i WHERE i.schemaname = 'public' \
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
    )
    .fetch_all(&mut pg)
    .await
    .expect("indexes")
    .into_iter()
    .collect();
    let pg_triggers: BTreeSet<String> = sqlx::query_scalar(
        "SELECT DISTINCT trigger_name::text FROM information_schema.triggers \
         WHERE trigger_schema = 'public'",
    )
    .fetch_all(&mut pg)
    .await
    .expect("triggers")
    .into_iter()
    .collect();

    assert!(tables.len() >= 8, "{tables:?}");
    assert_eq!(sqlite_columns, pg_columns);
    assert_eq!(sqlite_indexes, pg_indexes);
    assert_eq!(sqlite_triggers, pg_triggers);
}

/// Two real server processes on the test's database.
fn two_instances(dirs: &Dirs) -> [(Running, SocketAddr); 2] {
    let flags = ["--signup-rate", "0"];
    [
        dirs.serve_binary(&flags, None),
        dirs.serve_binary(&flags, None),
    ]
}

/// An organisation whose waiting list has no end (the default allows as
/// many as there are places), with a café of `capacity` places; its token
/// and the café.
async fn org_with_cafe(dirs: &Dirs, at: SocketAddr, capacity: i64) -> (String, i64) {
    let token = dirs.add_org("acme", &[]).await;
    let http = reqwest::Client::new();
    let published = publish(&http, at, &token, "fn waitlist_size(cafe) { 100000 }").await;
    assert_eq!(published.status(), StatusCode::CREATED);
    let date = (time::OffsetDateTime::now_utc().date() + time::Duration::days(7)).to_string();
    let made = http
        .post(format!("http://{at}/v1/admin/orgs/acme/cafes"))
        .bearer_auth(&token)
        .json(&json!({
            "title": "Jobcafé", "date": date, "start": "14:00", "end": "16:00",
            "place": "Bibliotheek", "address": "Markt 1", "capacity": capacity,
        }))
        .send()
        .await
        .expect("café");
    assert_eq!(made.status(), StatusCode::CREATED);
    (token, json_of(made).await["id"].as_i64().expect("an id"))
}

/// Publishes `source` as acme's Vacaturecafé script at `at`.
async fn publish(
    http: &reqwest::Client,
    at: SocketAddr,
    token: &str,
    source: &str,
) -> reqwest::Response {
    http.post(format!(
        "http://{at}/v1/admin/orgs/acme/scripts/vacaturecafe/versions"
    ))
    .bearer_auth(token)
    .json(&json!({ "source": source, "tests": "", "note": "", "author": "Test" }))
    .send()
    .await
    .expect("a publish is answered")
}

async fn sign_up(http: &reqwest::Client, at: SocketAddr, cafe: i64, n: usize) -> reqwest::Response {
    http.post(format!("http://{at}/v1/orgs/acme/cafes/{cafe}/signups"))
        .json(&json!({
            "form": { "name": format!("Person {n}"), "email": format!("p{n}@example.nl"), "consent": true },
            "lang": "en",
        }))
        .send()
        .await
        .expect("a signup is answered")
}

async fn signups(at: SocketAddr, token: &str) -> Vec<Value> {
    let listed = reqwest::Client::new()
        .get(format!("http://{at}/v1/admin/orgs/acme/signups"))
        .bearer_auth(token)
        .send()
        .await
        .expect("list");
    assert_eq!(listed.status(), StatusCode::OK);
    json_of(listed).await.as_array().expect("a list").clone()
}

/// What a signup's cancellation link does, at instance `at`; the status.
async fn cancel(http: &reqwest::Client, at: SocketAddr, token: &str) -> StatusCode {
    http.post(format!("http://{at}/v1/orgs/acme/signups/cancel"))
        .json(&json!({ "token": token }))
        .send()
        .await
        .expect("cancel")
        .status()
}

/// The names of the people who got a place from the waiting list.
fn moved_up(all: &[Value]) -> BTreeSet<String> {
    all.iter()
        .filter(|s| !s["moved_up_at"].is_null())
        .map(|s| s["name"].as_str().expect("a name").to_owned())
        .collect()
}

fn with_status<'a>(all: &'a [Value], status: &str) -> Vec<&'a Value> {
    all.iter().filter(|s| s["status"] == status).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_signups_at_two_instances_fill_fifty_places_and_wait_in_one_order() {
    let Some(dirs) = postgres_dirs() else { return };
    let [(_a, a), (_b, b)] = two_instances(&dirs);
    let (token, cafe) = org_with_cafe(&dirs, a, 50).await;
    let http = reqwest::Client::new();
    // All at once, as many in flight as 64 people pressing "send" (more
    // from one address would meet the server's per-client connection cap).
    let in_flight = std::sync::Arc::new(tokio::sync::Semaphore::new(64));
    let sent = (0..1000).map(|n| {
        let (http, in_flight) = (http.clone(), std::sync::Arc::clone(&in_flight));
        tokio::spawn(async move {
            let _turn = in_flight.acquire().await.expect("a turn");
            let at = if n % 2 == 0 { a } else { b };
            let answer = sign_up(&http, at, cafe, n).await;
            (answer.status(), json_of(answer).await)
        })
    });
    let answers = futures_join(sent).await;
    let mut told = BTreeMap::<String, usize>::new();
    for (status, body) in &answers {
        assert_eq!(*status, StatusCode::CREATED, "{body}");
        *told
            .entry(body["status"].as_str().expect("a status").to_owned())
            .or_default() += 1;
    }
    assert_eq!(told.get("confirmed"), Some(&50), "{told:?}");
    assert_eq!(told.get("waitlist"), Some(&950), "{told:?}");
    // Each person waiting was told their own place in one line.
    let mut positions: Vec<i64> = answers
        .iter()
        .filter_map(|(_, body)| body["position"].as_i64())
        .collect();
    positions.sort_unstable();
    assert_eq!(
        positions,
        (1..=950).collect::<Vec<_>>(),
        "one waiting list, in one order"
    );

    let all = signups(b, &token).await;
    assert_eq!(all.len(), 1000, "none lost");
    assert_eq!(with_status(&all, "confirmed").len(), 50);
    assert_eq!(with_status(&all, "waitlist").len(), 950);
}

/// On PostgreSQL a group of signups without e-mails is stored and committed
/// in one round trip, its values written into the statement as hexadecimal
/// digits (see `insert_and_commit` in `server/src/db/signups.rs`): the
/// writer took that way (its connection's last statement, in
/// `pg_stat_activity`, is that insert, not a separate COMMIT), and quotes,
/// a backslash, SQL, other scripts and an emoji in the name and the form
/// come back through HTTP exactly as sent, and nothing else is done with
/// them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn odd_text_in_a_signup_is_stored_as_sent() {
    let Some(dirs) = postgres_dirs() else { return };
    let (_a, a) = dirs.serve_binary(&["--signup-rate", "0"], None);
    let (token, cafe) = org_with_cafe(&dirs, a, 1).await;
    let names = [
        r#"Zoë O'Brien-\ "Bo"'); DELETE FROM signups; --"#,
        "زهرة \u{1F337} Öztürk \\x00 $$ E'\\n'",
    ];
    let http = reqwest::Client::new();
    for (n, name) in names.iter().enumerate() {
        let sent = http
            .post(format!("http://{a}/v1/orgs/acme/cafes/{cafe}/signups"))
            .json(&json!({
                "form": { "name": name, "email": format!("p{n}@example.nl"), "consent": true },
                "lang": "en",
            }))
            .send()
            .await
            .expect("a signup is answered");
        assert_eq!(sent.status(), StatusCode::CREATED, "{name}");
    }
    let mut conn = sqlx::PgConnection::connect(dirs.database_url.as_deref().expect("a database"))
        .await
        .expect("PostgreSQL");
    let last: Vec<String> = sqlx::query_scalar(
        "SELECT left(query, 40) FROM pg_stat_activity \
         WHERE datname = current_database() AND query LIKE 'INSERT INTO signups%'",
    )
    .fetch_all(&mut conn)
    .await
    .expect("the server's statements");
    assert!(
        last.iter().any(|q| q.starts_with("INSERT INTO signups (")),
        "the writer's last statement was the insert with its commit: {last:?}"
    );
    let all = signups(a, &token).await;
    let mut stored: Vec<(&str, &str, &str)> = all
        .iter()
        .map(|s| {
            (
                s["name"].as_str().expect("a name"),
                s["form"]["email"].as_str().expect("an address"),
                s["status"].as_str().expect("a status"),
            )
        })
        .collect();
    stored.sort_unstable();
    let mut want = vec![
        (names[0], "p0@example.nl", "confirmed"),
        (names[1], "p1@example.nl", "waitlist"),
    ];
    want.sort_unstable();
    assert_eq!(stored, want);
}

/// Another instance is half-way through taking the last place (its
/// transaction holds the new signup, not yet committed) when a signup for
/// that place reaches this instance. Reading the counts then would see the
/// place still free; this instance must wait for the other to finish and
/// then put the person on the waiting list.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signup_for_a_place_another_instance_is_taking_waits_and_is_wait_listed() {
    let Some(dirs) = postgres_dirs() else { return };
    let (_b, b) = dirs.serve_binary(&["--signup-rate", "0"], None);
    let (token, cafe) = org_with_cafe(&dirs, b, 1).await;
    // The other instance, as far as the database can tell: a transaction
    // that has inserted the signup for the one place and not committed.
    let mut other = sqlx::PgConnection::connect(dirs.database_url.as_deref().expect("a database"))
        .await
        .expect("PostgreSQL");
    sqlx::query("BEGIN")
        .execute(&mut other)
        .await
        .expect("begin");
    sqlx::query(
        "INSERT INTO signups (cafe_id, status, name, form, lang, cancel_hash, created_at, updated_at) \
         VALUES ($1, 'confirmed', 'Elsewhere', '{}', 'nl', '\\x00', 'now', 'now')",
    )
    .bind(cafe)
    .execute(&mut other)
    .await
    .expect("the other instance's signup");

    let http = reqwest::Client::new();
    let here = tokio::spawn(async move {
        let answer = sign_up(&http, b, cafe, 1).await;
        (answer.status(), json_of(answer).await)
    });
    // The signup reached the database and waits there for the lock.
    let url = dirs.database_url.clone().expect("a database");
    wait_for(
        "the signup waits for the other instance's transaction",
        async || {
            let mut conn = sqlx::PgConnection::connect(&url).await.expect("PostgreSQL");
            let waiting: i64 = sqlx::query_scalar(
                "SELECT count(*) FROM pg_stat_activity \
             WHERE datname = current_database() AND wait_event_type = 'Lock'",
            )
            .fetch_one(&mut conn)
            .await
            .expect("pg_stat_activity");
            waiting > 0
        },
    )
    .await;
    assert!(!here.is_finished(), "the signup waits");
    sqlx::query("COMMIT")
        .execute(&mut other)
        .await
        .expect("commit");
    let (status, body) = here.await.expect("the signup");
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["status"], "waitlist", "the place was taken: {body}");
    let all = signups(b, &token).await;
    assert_eq!(with_status(&all, "confirmed").len(), 1, "{all:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancellations_at_one_instance_move_up_the_first_waiting_while_the_other_takes_signups() {
    let Some(dirs) = postgres_dirs() else { return };
    let [(_a, a), (_b, b)] = two_instances(&dirs);
    let (token, cafe) = org_with_cafe(&dirs, a, 20).await;
    let http = reqwest::Client::new();
    let mut tokens = Vec::new();
    for n in 0..40 {
        let answer = json_of(sign_up(&http, a, cafe, n).await).await;
        tokens.push(answer["cancel_token"].as_str().expect("a token").to_owned());
    }
    let before = signups(a, &token).await;
    let waiting: Vec<String> = with_status(&before, "waitlist")
        .iter()
        .map(|s| s["name"].as_str().expect("a name").to_owned())
        .collect();
    let first_waiting: BTreeSet<String> = waiting[..10].iter().cloned().collect();

    // Ten of the confirmed cancel at A while twenty new signups reach B.
    let cancels = tokens[..10].iter().cloned().map(|token| {
        let http = http.clone();
        tokio::spawn(async move { cancel(&http, a, &token).await })
    });
    let newcomers = (100..120).map(|n| {
        let http = http.clone();
        tokio::spawn(async move {
            let answer = sign_up(&http, b, cafe, n).await;
            (answer.status(), json_of(answer).await)
        })
    });
    let (cancelled, newcomers) = tokio::join!(futures_join(cancels), futures_join(newcomers));
    assert!(
        cancelled.iter().all(|s| *s == StatusCode::OK),
        "{cancelled:?}"
    );
    for (status, body) in &newcomers {
        assert_eq!(*status, StatusCode::CREATED, "{body}");
        assert_eq!(
            body["status"], "waitlist",
            "a freed place goes to who waited: {body}"
        );
    }

    let after = signups(b, &token).await;
    assert_eq!(
        with_status(&after, "confirmed").len(),
        20,
        "never more than the places"
    );
    let moved = moved_up(&after);
    assert_eq!(
        moved, first_waiting,
        "exactly the ten who waited longest moved up"
    );
    assert_eq!(with_status(&after, "waitlist").len(), 20 + 20 - 10);

    // Then ten more cancel, at both instances, while signups reach both:
    // two freed places must never go to one person, nor stay free.
    let cancels = tokens[10..20]
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, token)| {
            let http = http.clone();
            let at = if i % 2 == 0 { a } else { b };
            tokio::spawn(async move { cancel(&http, at, &token).await })
        });
    let newcomers = (200..220).map(|n| {
        let http = http.clone();
        let at = if n % 2 == 0 { a } else { b };
        tokio::spawn(async move { sign_up(&http, at, cafe, n).await.status() })
    });
    let (cancelled, newcomers) = tokio::join!(futures_join(cancels), futures_join(newcomers));
    assert!(
        cancelled.iter().all(|s| *s == StatusCode::OK),
        "{cancelled:?}"
    );
    assert!(
        newcomers.iter().all(|s| *s == StatusCode::CREATED),
        "{newcomers:?}"
    );
    let after = signups(a, &token).await;
    assert_eq!(
        with_status(&after, "confirmed").len(),
        20,
        "every place taken, once"
    );
    let moved = moved_up(&after);
    assert_eq!(
        moved,
        waiting[..20].iter().cloned().collect::<BTreeSet<_>>(),
        "the twenty who waited longest moved up, in turn"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_script_published_at_one_instance_decides_at_the_other_at_once() {
    let Some(dirs) = postgres_dirs() else { return };
    let [(_a, a), (_b, b)] = two_instances(&dirs);
    let (token, cafe) = org_with_cafe(&dirs, a, 100).await;
    let http = reqwest::Client::new();
    // B has the first version compiled and fresh in its cache: without a
    // word from A it would use it for a second (`rules_cache::FRESH`).
    let checked = Instant::now();
    let first = json_of(sign_up(&http, b, cafe, 1).await).await;
    assert_eq!(first["status"], "confirmed");

    let marker = "Welkom! (version two)";
    let source = format!(
        "fn waitlist_size(cafe) {{ 100000 }}\n\
         fn decide(form, cafe, counts, ctx) {{ #{{ outcome: \"confirmed\", message: \"{marker}\" }} }}"
    );
    let published = publish(&http, a, &token, &source).await;
    assert_eq!(published.status(), StatusCode::CREATED);
    let published_at = Instant::now();
    let mut n = 2;
    loop {
        let answer = json_of(sign_up(&http, b, cafe, n).await).await;
        if answer["message"] == marker {
            break;
        }
        assert!(
            published_at.elapsed() < Duration::from_millis(300),
            "B still decides with the old script {:?} after the publish at A \
             (its cache was checked {:?} before the publish was answered)",
            published_at.elapsed(),
            published_at - checked,
        );
        n += 1;
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // The rules the widgets load from B are the new ones too.
    let rules = http
        .get(format!("http://{b}/v1/orgs/acme/rules/vacaturecafe"))
        .send()
        .await
        .expect("rules")
        .text()
        .await
        .expect("text");
    assert!(rules.contains("version two"), "{rules}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_publishing_at_both_instances_at_once_all_get_their_own_version() {
    let Some(dirs) = postgres_dirs() else { return };
    let [(_a, a), (_b, b)] = two_instances(&dirs);
    let (token, _) = org_with_cafe(&dirs, a, 10).await;
    let http = reqwest::Client::new();
    // Four rounds of ten publishes at once, half at each instance: in a
    // round, several read the same last number and want the next one. (Ten,
    // not more: each is reviewed first, and on two cores thirty reviews at
    // once run past a review's time limit.)
    let mut numbers = BTreeSet::new();
    for round in 0..4 {
        let tasks = (0..10).map(|i| {
            let (http, token) = (http.clone(), token.clone());
            let at = if i % 2 == 0 { a } else { b };
            tokio::spawn(async move {
                let source = format!("fn waitlist_size(cafe) {{ {} }}", 1000 + round * 10 + i);
                let published = publish(&http, at, &token, &source).await;
                let status = published.status();
                (status, json_of(published).await)
            })
        });
        for (status, answer) in futures_join(tasks.collect::<Vec<_>>()).await {
            assert_eq!(status, StatusCode::CREATED, "{answer}");
            numbers.insert(answer["version"]["number"].as_i64().expect("a number"));
        }
    }
    // `org_with_cafe` published version 1: these are 2 to 41, none twice.
    assert_eq!(numbers, (2..=41).collect::<BTreeSet<i64>>());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killing_one_instance_under_load_loses_no_acknowledged_signup_and_the_other_serves_on() {
    let Some(dirs) = postgres_dirs() else { return };
    let [(mut doomed, a), (_b, b)] = two_instances(&dirs);
    let (token, cafe) = org_with_cafe(&dirs, a, 30).await;
    let http = reqwest::Client::new();
    let started = Instant::now();
    let load = (0..16).map(|client| {
        let http = http.clone();
        tokio::spawn(async move {
            let mut acknowledged = Vec::new();
            let mut n = client * 10_000;
            while started.elapsed() < Duration::from_millis(1500) {
                let at = if n % 2 == 0 { a } else { b };
                if let Ok(answer) = http
                    .post(format!("http://{at}/v1/orgs/acme/cafes/{cafe}/signups"))
                    .json(&json!({
                        "form": { "name": format!("Person {n}"), "email": format!("p{n}@example.nl"), "consent": true },
                        "lang": "en",
                    }))
                    .send()
                    .await
                    && answer.status() == StatusCode::CREATED
                {
                    acknowledged.push(format!("Person {n}"));
                }
                n += 1;
            }
            acknowledged
        })
    });
    let load = futures_join(load);
    let kill = async {
        tokio::time::sleep(Duration::from_millis(500)).await;
        // SIGKILL: no shutdown, no flushing; what it acknowledged must be committed.
        doomed.0.kill().expect("kill -9");
        let _ = doomed.0.wait();
    };
    let (acknowledged, ()) = tokio::join!(load, kill);
    let acknowledged: Vec<String> = acknowledged.into_iter().flatten().collect();
    assert!(
        acknowledged.len() > 50,
        "the load ran: {}",
        acknowledged.len()
    );

    let stored: BTreeSet<String> = signups(b, &token)
        .await
        .iter()
        .map(|s| s["name"].as_str().expect("a name").to_owned())
        .collect();
    let lost: Vec<&String> = acknowledged
        .iter()
        .filter(|n| !stored.contains(*n))
        .collect();
    assert!(lost.is_empty(), "acknowledged but lost: {lost:?}");
    let all = signups(b, &token).await;
    assert_eq!(with_status(&all, "confirmed").len(), 30);
    // B goes on taking signups.
    let after = sign_up(&http, b, cafe, 999_999).await;
    assert_eq!(after.status(), StatusCode::CREATED);
}

/// The server's connections to the test's database: every one but this.
async fn server_connections(url: &str) -> i64 {
    let mut conn = sqlx::PgConnection::connect(url).await.expect("PostgreSQL");
    sqlx::query_scalar(
        "SELECT count(*) FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .fetch_one(&mut conn)
    .await
    .expect("pg_stat_activity")
}

/// The first burst of signups finds every reading connection open: opened
/// on demand, each costs a new PostgreSQL backend in the middle of the
/// burst (up to 200 ms a signup in `signup_bench`'s first half second).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_instance_opens_its_reading_connections_before_the_first_request() {
    let Some(dirs) = postgres_dirs() else { return };
    let url = dirs.database_url.clone().expect("a database");
    let (_server, _at) = dirs.serve_binary(&["--signup-rate", "0"], None);
    // Eight to read, besides the writer's (and the listener's and the
    // leader's); opened on demand there would be one to read.
    wait_for("eight reading connections and the writer's", async || {
        server_connections(&url).await >= 9
    })
    .await;
}

/// The advisory locks held in the test's database: the leader's.
async fn leaders(url: &str) -> Vec<i32> {
    let mut conn = sqlx::PgConnection::connect(url).await.expect("PostgreSQL");
    sqlx::query_scalar(
        "SELECT pid FROM pg_locks WHERE locktype = 'advisory' \
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
    )
    .fetch_all(&mut conn)
    .await
    .expect("pg_locks")
}

async fn wait_for<F: AsyncFnMut() -> bool>(what: &str, mut done: F) {
    let started = Instant::now();
    while !done().await {
        assert!(started.elapsed() < Duration::from_secs(10), "{what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_instance_sends_the_outbox_and_another_takes_over_when_it_dies() {
    let Some(dirs) = postgres_dirs() else { return };
    let url = dirs.database_url.clone().expect("a database");
    // A webhook receiver that keeps every event it gets.
    let got: std::sync::Arc<std::sync::Mutex<Vec<String>>> = std::sync::Arc::default();
    let seen = std::sync::Arc::clone(&got);
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |body: String| {
            let seen = std::sync::Arc::clone(&seen);
            async move {
                seen.lock().expect("lock").push(body);
                StatusCode::OK
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let hook = format!("http://{}/hook", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, app).await });

    let [(mut first, a), (_second, b)] = two_instances(&dirs);
    let (token, cafe) = org_with_cafe(&dirs, a, 100).await;
    let http = reqwest::Client::new();
    let set = http
        .put(format!("http://{a}/v1/admin/orgs/acme/webhook"))
        .bearer_auth(&token)
        .json(&json!({ "url": hook }))
        .send()
        .await
        .expect("webhook");
    assert_eq!(set.status(), StatusCode::OK);
    wait_for("an instance leads", async || leaders(&url).await.len() == 1).await;
    let leader = leaders(&url).await;

    for n in 0..6 {
        let at = if n % 2 == 0 { a } else { b };
        assert_eq!(
            sign_up(&http, at, cafe, n).await.status(),
            StatusCode::CREATED
        );
    }
    wait_for("six events sent", async || {
        got.lock().expect("lock").len() >= 6
    })
    .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(got.lock().expect("lock").len(), 6, "each event once");
    assert_eq!(leaders(&url).await, leader, "one leader all along");

    // The first instance dies; whichever led, the second leads now.
    first.0.kill().expect("kill -9");
    let _ = first.0.wait();
    wait_for("the survivor leads", async || {
        leaders(&url).await.len() == 1
    })
    .await;
    assert_eq!(
        sign_up(&http, b, cafe, 6).await.status(),
        StatusCode::CREATED
    );
    wait_for("the survivor sends", async || {
        got.lock().expect("lock").len() >= 7
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(got.lock().expect("lock").len(), 7, "each event once");
}

/// Awaits every task, in order.
async fn futures_join<T: Send + 'static>(
    tasks: impl IntoIterator<Item = tokio::task::JoinHandle<T>>,
) -> Vec<T> {
    let mut out = Vec::new();
    for task in tasks {
        out.push(task.await.expect("a task"));
    }
    out
}
