//! Personal data is kept only as long as promised: `bondgenoot retention run`
//! (the real binary, on a chosen day) deletes exactly the details it should
//! and nothing else, and the counts stay.
#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

mod support;
use support::*;

use reqwest::StatusCode;
use serde_json::{Value, json};

/// Signs `name` up; the cancellation token.
async fn sign_up(server: &Server, org: &str, cafe: i64, name: &str) -> String {
    let body = json!({
        "form": { "name": name, "email": format!("{name}@example.nl"), "phone": format!("06{:08}", name.len() * 1_234_567 + usize::from(name.as_bytes()[0])), "consent": true },
        "lang": "nl",
    });
    let response = server.sign_up_raw(org, cafe, &body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    json_of(response).await["cancel_token"]
        .as_str()
        .expect("a token")
        .to_owned()
}

async fn signups(server: &Server, org: &str, token: &str, cafe: i64) -> Vec<Value> {
    let response = server
        .http
        .get(server.url(&format!("/v1/admin/orgs/{org}/signups?cafe={cafe}")))
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    json_of(response).await.as_array().expect("a list").clone()
}

async fn counts(server: &Server, org: &str, token: &str, cafe: i64) -> Value {
    let response = server
        .http
        .get(server.url(&format!("/v1/admin/orgs/{org}/cafes")))
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    let all = json_of(response).await;
    let listing = all["cafes"]
        .as_array()
        .or_else(|| all.as_array())
        .expect("a list")
        .iter()
        .find(|c| c["id"] == cafe)
        .expect("the café")
        .clone();
    listing["counts"].clone()
}

#[tokio::test]
async fn past_cafes_lose_their_signups_details_on_the_promised_day_and_keep_their_counts() {
    let mut dirs = Dirs::new();
    dirs.clock = server::clock::Clock::fixed(day("2031-02-01"));
    let acme = dirs.add_org("acme", &[]).await;
    let kort = dirs.add_org("kort", &[]).await;
    let server = Server::start(&dirs).await;
    // "kort" promises a week in its consent text, and keeps them a week.
    server
        .publish_ok("kort", &kort, "vacaturecafe", "fn keep_days(cafe) { 7 }")
        .await;
    let march_1 = server.admin_cafe("acme", &acme, "2031-03-01", 1).await;
    let march_20 = server.admin_cafe("acme", &acme, "2031-03-20", 5).await;
    let kort_20 = server.admin_cafe("kort", &kort, "2031-03-20", 5).await;
    let old_token = sign_up(&server, "acme", march_1, "amina").await;
    sign_up(&server, "acme", march_1, "bram").await; // waits: one place
    sign_up(&server, "acme", march_20, "chen").await;
    sign_up(&server, "kort", kort_20, "dana").await;
    let counts_before = counts(&server, "acme", &acme, march_1).await;
    server.stop().await;

    // 30 days after 1 March is 31 March: the day before, acme keeps
    // everything; kort's week after 20 March has passed (and the demo
    // organisation's cafés, weeks earlier, go too).
    retention_run(&dirs, "2031-03-30", &[]).await;
    let db = server::open_db(&dirs.storage()).await.expect("db");
    let retained = |log: Vec<(String, String)>| {
        log.into_iter()
            .filter(|(action, _)| action == "retention")
            .map(|(_, detail)| detail)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        retained(db.admin_log("acme").await.expect("log")),
        Vec::<String>::new()
    );
    assert_eq!(
        retained(db.admin_log("kort").await.expect("log")),
        [format!(
            "deleted the personal details of 1 signups of café {kort_20} (7 days after 2031-03-20)"
        )]
    );
    drop(db);
    // On the 30th day, 1 March's details go.
    let done = retention_run(&dirs, "2031-03-31", &[]).await;
    assert!(done.contains("of 2 signups of"), "{done}");
    // Nothing is done twice.
    let again = retention_run(&dirs, "2031-04-01", &[]).await;
    assert!(again.contains("0 signups of 0 past cafés"), "{again}");

    let server = Server::start(&dirs).await;
    for (org, token, cafe) in [("acme", &acme, march_1), ("kort", &kort, kort_20)] {
        let rows = signups(&server, org, token, cafe).await;
        assert!(!rows.is_empty());
        for row in rows {
            assert_eq!(row["name"], "", "{row}");
            assert_eq!(row["form"], json!({}), "{row}");
        }
    }
    // The signups stay counted: one confirmed, one waiting.
    assert_eq!(counts(&server, "acme", &acme, march_1).await, counts_before);
    assert_eq!(counts_before["confirmed"], 1);
    assert_eq!(counts_before["waitlist"], 1);
    // A café whose keeping time has not ended keeps everything.
    let chen = signups(&server, "acme", &acme, march_20).await;
    assert_eq!(chen[0]["name"], "chen");
    assert_eq!(chen[0]["form"]["email"], "chen@example.nl");
    // The old cancellation link leads nowhere now.
    let status = server.with_link("acme", "status", old_token).await;
    assert_error(status, StatusCode::NOT_FOUND, "signup_not_found").await;
    // The CSV has no trace of the people either.
    let csv = server
        .http
        .get(server.url("/v1/admin/orgs/acme/signups.csv"))
        .bearer_auth(&acme)
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("text");
    assert!(!csv.contains("amina") && !csv.contains("bram"), "{csv}");
    assert!(csv.contains("chen"), "{csv}");
    server.stop().await;

    // Each café done is in its organisation's admin log, once.
    let db = server::open_db(&dirs.storage()).await.expect("db");
    assert_eq!(
        retained(db.admin_log("acme").await.expect("log")),
        [format!(
            "deleted the personal details of 2 signups of café {march_1} (30 days after 2031-03-01)"
        )]
    );
    assert_eq!(retained(db.admin_log("kort").await.expect("log")).len(), 1);
}

#[tokio::test]
async fn keep_days_beyond_thirty_is_refused_on_publish() {
    let dirs = Dirs::new();
    let acme = dirs.add_org("acme", &[]).await;
    let server = Server::start(&dirs).await;
    let refused = server
        .publish(
            "acme",
            &acme,
            "vacaturecafe",
            "fn keep_days(cafe) { 365 }",
            "",
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json_of(refused).await;
    assert_eq!(
        body["error"]["review"]["smoke"]["error"]["hook"], "keep_days",
        "{body}"
    );
    server.stop().await;
}

#[tokio::test]
async fn a_cafe_moved_to_a_new_date_gives_its_new_signups_their_own_keeping_time() {
    let mut dirs = Dirs::new();
    dirs.clock = server::clock::Clock::fixed(day("2031-02-01"));
    let acme = dirs.add_org("acme", &[]).await;
    let server = Server::start(&dirs).await;
    let id = server.admin_cafe("acme", &acme, "2031-02-10", 5).await;
    sign_up(&server, "acme", id, "amina").await;
    server.stop().await;
    retention_run(&dirs, "2031-03-20", &[]).await;
    // The organiser holds the café again, in May, and people sign up.
    let server = Server::start(&dirs).await;
    let moved = server
        .http
        .put(server.url(&format!("/v1/admin/orgs/acme/cafes/{id}")))
        .bearer_auth(&acme)
        .json(&json!({
            "title": "Café again", "date": "2031-05-01", "start": "14:00", "end": "16:00",
            "place": "Bibliotheek", "address": "Markt 1", "capacity": 5,
        }))
        .send()
        .await
        .expect("request");
    assert_eq!(moved.status(), StatusCode::OK);
    sign_up(&server, "acme", id, "bram").await;
    server.stop().await;
    // Before the new date plus 30 days, bram's details stay; on it, they go.
    retention_run(&dirs, "2031-05-30", &[]).await;
    let server = Server::start(&dirs).await;
    let rows = signups(&server, "acme", &acme, id).await;
    assert!(rows.iter().any(|r| r["name"] == "bram"), "{rows:?}");
    server.stop().await;
    retention_run(&dirs, "2031-05-31", &[]).await;
    let server = Server::start(&dirs).await;
    let rows = signups(&server, "acme", &acme, id).await;
    assert!(rows.iter().all(|r| r["name"] == ""), "{rows:?}");
    server.stop().await;
}
