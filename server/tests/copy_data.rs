//! Moving a host from SQLite to PostgreSQL with `bondgenoot copy-data` (the
//! real binary): after the move the server on PostgreSQL shows everything
//! the host kept on SQLite, exactly, and carries on from it (a new café and
//! a new signup get ids of their own); a copy into a database that already
//! holds data is refused and changes nothing.
//!
//! Runs when `BONDGENOOT_TEST_POSTGRES` names a PostgreSQL server (as
//! `cargo xtask test` sets it); without one it says so and passes.
#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

mod support;
use support::*;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// `bondgenoot copy-data` from `dirs`' data folder into `to`: whether it
/// succeeded, what it printed and what it said on stderr.
async fn copy_data(dirs: &Dirs, to: &str) -> (bool, String, String) {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_bondgenoot"));
    command
        .args(["copy-data", "--to", to, "--data-dir"])
        .arg(dirs.data.path());
    let output = tokio::task::spawn_blocking(move || command.output())
        .await
        .expect("the command ran")
        .expect("the binary started");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// What the host sees of `acme`: its cafés as a visitor does, and as its
/// admins do the signups, the walk-ins, the script's versions, the admin
/// log and the figures.
async fn what_the_host_sees(server: &Server, token: &str, cafe: i64) -> Vec<Value> {
    let mut seen = vec![json_of(server.get("/v1/orgs/acme/cafes").await).await];
    for path in [
        format!("/v1/admin/orgs/acme/signups?cafe={cafe}&cancelled=true"),
        format!("/v1/admin/orgs/acme/cafes/{cafe}/walk-ins"),
        "/v1/admin/orgs/acme/cafes".to_owned(),
        "/v1/admin/orgs/acme/scripts/netwerkscan".to_owned(),
        "/v1/admin/orgs/acme/log".to_owned(),
        "/v1/admin/orgs/acme/figures/netwerkscan".to_owned(),
    ] {
        let response = server
            .as_admin(token, Method::GET, &path)
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        seen.push(json_of(response).await);
    }
    seen
}

async fn sign_up(server: &Server, cafe: i64, name: &str) {
    let body = json!({
        "form": { "name": name, "email": format!("{name}@example.nl"), "consent": true },
        "lang": "nl",
    });
    let response = server.sign_up_raw("acme", cafe, &body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "{name}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_host_moves_from_sqlite_to_postgresql_with_everything_it_kept() {
    let Some(postgres) = fresh_database() else {
        eprintln!("BONDGENOOT_TEST_POSTGRES is not set: no PostgreSQL to move to");
        return;
    };
    // The host on SQLite, sending messages to a mail server that is not
    // there: they wait in the outbox, and move with the rest.
    let mut dirs = Dirs::new();
    dirs.database_url = None;
    dirs.mail = Some(server::mail::MailConfig {
        smtp_url: "smtp://127.0.0.1:9".into(),
        from: "Vacaturecafé <cafe@example.nl>".into(),
    });
    let token = dirs.add_org("acme", &["https://acme.example"]).await;
    let door = dirs
        .add_admin("acme", "Sam", wire::console::Role::Cafes)
        .await;
    let server = Server::start(&dirs).await;
    server
        .publish_ok(
            "acme",
            &token,
            "netwerkscan",
            "fn step_links() { #{ peer: \"https://acme.example/lotgenoten\" } }",
        )
        .await;
    let cafe = server.admin_cafe("acme", &token, "2031-03-09", 2).await;
    for name in ["ada", "bo", "cas", "eef"] {
        sign_up(&server, cafe, name).await;
    }
    // Eef, the last to sign up, is deleted: her id is never given again.
    let signups = json_of(
        server
            .as_admin(&token, Method::GET, "/v1/admin/orgs/acme/signups")
            .send()
            .await
            .expect("request"),
    )
    .await;
    let ids = |list: &Value| -> Vec<i64> {
        let list = list.as_array().expect("a list");
        list.iter()
            .map(|s| s["id"].as_i64().expect("an id"))
            .collect()
    };
    let deleted = *ids(&signups).iter().max().expect("signups");
    let removed = server
        .as_admin(
            &token,
            Method::DELETE,
            &format!("/v1/admin/orgs/acme/signups/{deleted}"),
        )
        .send()
        .await
        .expect("request");
    assert!(removed.status().is_success(), "{}", removed.status());
    let walk_in = server
        .walk_in(
            &door,
            "acme",
            cafe,
            &json!({ "name": "Dewi", "key": "7".repeat(32) }),
        )
        .await;
    assert_eq!(walk_in.status(), StatusCode::CREATED);
    let shared = server
        .share("acme", "netwerkscan", &share(40, 40, &["peer", "job-cafe"]))
        .await;
    assert_eq!(shared.status(), StatusCode::NO_CONTENT);
    let before = what_the_host_sees(&server, &token, cafe).await;
    server.stop().await;

    let (copied, said, progress) = copy_data(&dirs, &postgres).await;
    assert!(copied, "copy-data failed: {progress}");
    assert!(said.contains("rows into PostgreSQL"), "{said}");
    // Every table had something to move: the test covers them all.
    let tables: Vec<(&str, u64)> = progress
        .lines()
        .filter_map(|line| {
            let counted = line
                .strip_suffix(" rows")
                .or_else(|| line.strip_suffix(" row"));
            counted?.split_once(": ")
        })
        .map(|(table, rows)| (table, rows.parse().expect("a number of rows")))
        .collect();
    assert_eq!(tables.len(), 10, "{progress}");
    assert!(tables.iter().all(|(_, rows)| *rows > 0), "{tables:?}");

    // The same data folder, on PostgreSQL now.
    dirs.database_url = Some(postgres.clone());
    let server = Server::start(&dirs).await;
    let after = what_the_host_sees(&server, &token, cafe).await;
    for (i, (after, before)) in after.iter().zip(&before).enumerate() {
        assert_eq!(after, before, "view {i} after the move");
    }
    // And on from there: new ids for a new café and its signup (after the
    // deleted one's), and the door admin's token still opens the door list.
    let next = server.admin_cafe("acme", &token, "2031-03-16", 5).await;
    assert!(next > cafe, "café {next} after {cafe}");
    sign_up(&server, next, "dewi").await;
    let listed = server
        .as_admin(&door, Method::GET, "/v1/admin/orgs/acme/signups")
        .send()
        .await
        .expect("request");
    assert_eq!(listed.status(), StatusCode::OK);
    let listed = ids(&json_of(listed).await);
    assert_eq!(listed.len(), 4, "three moved and one new: {listed:?}");
    assert!(
        listed.iter().filter(|id| **id >= deleted).count() == 1
            && listed.iter().all(|id| *id != deleted),
        "the new signup's id comes after the deleted {deleted}: {listed:?}"
    );
    let moved = what_the_host_sees(&server, &token, cafe).await;
    let new_signups = format!("/v1/admin/orgs/acme/signups?cafe={next}");
    let new_signup = json_of(
        server
            .as_admin(&token, Method::GET, &new_signups)
            .send()
            .await
            .expect("request"),
    )
    .await;
    server.stop().await;

    // Into a database that holds data: refused, and it is left as it was.
    let (copied, _, refusal) = copy_data(&dirs, &postgres).await;
    assert!(!copied);
    assert!(refusal.contains("already holds data"), "{refusal}");
    let server = Server::start(&dirs).await;
    assert_eq!(what_the_host_sees(&server, &token, cafe).await, moved);
    let again = server
        .as_admin(&token, Method::GET, &new_signups)
        .send()
        .await
        .expect("request");
    assert_eq!(json_of(again).await, new_signup);
    server.stop().await;

    // From a folder with no database: said, and nothing made there.
    let empty = Dirs::new();
    let (copied, _, refusal) = copy_data(&empty, &postgres).await;
    assert!(!copied);
    assert!(refusal.contains("no SQLite database"), "{refusal}");
    assert!(!server::database_path(empty.data.path()).exists());
}
