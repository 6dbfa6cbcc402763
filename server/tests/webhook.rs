//! An organisation's webhook, against a receiver on loopback: events arrive
//! signed (verified here with the secret), and a receiver that answers 500
//! gets the event again later.
#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

mod support;
use support::*;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::http::HeaderMap;
use hmac::{Hmac, KeyInit as _, Mac as _};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// What the receiver got: (signature header, body, the status it answered).
type Got = Arc<Mutex<Vec<(String, String, u16)>>>;

/// A receiver that answers 500 to its first request and 200 after.
async fn receiver() -> (String, Got) {
    let got: Got = Arc::default();
    let seen = Arc::clone(&got);
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: HeaderMap, body: String| {
            let seen = Arc::clone(&seen);
            async move {
                let mut seen = seen.lock().expect("lock");
                let status = if seen.is_empty() { 500 } else { 200 };
                let signature = headers
                    .get("bondgenoot-signature")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
                    .to_owned();
                seen.push((signature, body, status));
                axum::http::StatusCode::from_u16(status).expect("a status")
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, got)
}

/// Checks the signature as a receiver would: HMAC-SHA256 over the
/// timestamp, a dot and the body, with the secret.
fn verify(secret: &str, header: &str, body: &str) -> bool {
    let Some((t, v1)) = header
        .strip_prefix("t=")
        .and_then(|rest| rest.split_once(",v1="))
    else {
        return false;
    };
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).expect("a key");
    mac.update(format!("{t}.{body}").as_bytes());
    let bytes: Vec<u8> = (0..v1.len() / 2)
        .filter_map(|i| u8::from_str_radix(v1.get(2 * i..2 * i + 2)?, 16).ok())
        .collect();
    mac.verify_slice(&bytes).is_ok()
}

#[tokio::test]
async fn signup_cancel_and_moved_up_events_arrive_signed_and_a_failed_one_again() {
    let (url, got) = receiver().await;
    let dirs = Dirs::new();
    let token = dirs.add_org("acme", &[]).await;
    let server = Server::start(&dirs).await;
    let admin = |method: reqwest::Method| {
        server
            .http
            .request(method, server.url("/v1/admin/orgs/acme/webhook"))
            .bearer_auth(&token)
    };
    // A webhook that is not an address is refused.
    let bad = admin(reqwest::Method::PUT)
        .json(&json!({ "url": "sms please" }))
        .send()
        .await
        .expect("request");
    assert_error(bad, StatusCode::BAD_REQUEST, "bad_json").await;
    let set = admin(reqwest::Method::PUT)
        .json(&json!({ "url": url }))
        .send()
        .await
        .expect("request");
    assert_eq!(set.status(), StatusCode::OK);
    let secret = json_of(set).await["secret"]
        .as_str()
        .expect("the secret, once")
        .to_owned();
    let shown = json_of(admin(reqwest::Method::GET).send().await.expect("request")).await;
    assert_eq!(
        shown,
        json!({ "url": url }),
        "the secret is never shown again"
    );

    let date = (time::OffsetDateTime::now_utc().date() + time::Duration::days(7)).to_string();
    let cafe = server.admin_cafe("acme", &token, &date, 1).await;
    let mut tokens = Vec::new();
    for name in ["amina", "bram"] {
        let answer = server
            .http
            .post(server.url(&format!("/v1/orgs/acme/cafes/{cafe}/signups")))
            .json(&json!({ "form": { "name": name, "phone": "0612345678", "consent": true }, "lang": "nl" }))
            .send()
            .await
            .expect("request");
        assert_eq!(answer.status(), StatusCode::CREATED);
        tokens.push(
            json_of(answer).await["cancel_token"]
                .as_str()
                .expect("token")
                .to_owned(),
        );
    }
    let cancelled = server.with_link("acme", "cancel", &tokens[0]).await;
    assert_eq!(cancelled.status(), StatusCode::OK);

    // Four events; the first was refused once (500) and came again.
    let started = Instant::now();
    let accepted = loop {
        let seen = got.lock().expect("lock").clone();
        let accepted: Vec<_> = seen
            .iter()
            .filter(|(_, _, status)| *status == 200)
            .cloned()
            .collect();
        if accepted.len() >= 4 {
            break accepted;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "events so far: {seen:#?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    tokio::time::sleep(Duration::from_millis(800)).await;
    let seen = got.lock().expect("lock").clone();
    assert_eq!(seen.len(), 5, "four events, the first twice: {seen:#?}");
    let refused = &seen[0];
    assert_eq!(refused.2, 500);
    assert!(
        accepted.iter().any(|(_, body, _)| *body == refused.1),
        "the refused event came again as it was"
    );
    let mut events = Vec::new();
    for (signature, body, _) in &accepted {
        assert!(
            verify(&secret, signature, body),
            "signed with the secret: {signature}"
        );
        assert!(!verify("another secret", signature, body));
        let event: Value = serde_json::from_str(body).expect("JSON");
        assert_eq!(event["org"], "acme");
        assert_eq!(event["cafe"]["id"], cafe);
        events.push((
            event["event"].as_str().expect("event").to_owned(),
            event["signup"]["name"].as_str().expect("name").to_owned(),
            event["signup"]["status"]
                .as_str()
                .expect("status")
                .to_owned(),
        ));
    }
    events.sort();
    let expected = [
        ("cancelled", "amina", "cancelled"),
        ("confirmed", "amina", "confirmed"),
        ("moved_up", "bram", "confirmed"),
        ("waitlist", "bram", "waitlist"),
    ]
    .map(|(a, b, c)| (a.to_owned(), b.to_owned(), c.to_owned()));
    assert_eq!(events, expected);
    // The phone number the organisation asked for is in its own event.
    assert!(
        accepted
            .iter()
            .any(|(_, body, _)| body.contains("0612345678"))
    );

    // Without a webhook, no more events are written.
    let deleted = admin(reqwest::Method::DELETE)
        .send()
        .await
        .expect("request");
    assert_eq!(json_of(deleted).await, json!({ "url": null }));
    let after = server
        .http
        .post(server.url(&format!("/v1/orgs/acme/cafes/{cafe}/signups")))
        .json(&json!({ "form": { "name": "chen", "phone": "0612345679", "consent": true }, "lang": "nl" }))
        .send()
        .await
        .expect("request");
    assert_eq!(after.status(), StatusCode::CREATED);
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(
        got.lock().expect("lock").len(),
        5,
        "no event after the webhook went"
    );
    let db = server::open_db(&dirs.storage()).await.expect("db");
    assert_eq!(db.outbox_len().await.expect("count"), 0, "and none waits");
    server.stop().await;
}
