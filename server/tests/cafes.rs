//! The job-café API over real HTTP, against a real SQLite file in the test's
//! data folder: signing up, the waiting list, cancelling, the admin API, and
//! every kind of bad input.
#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

mod support;
use support::*;

use reqwest::StatusCode;
use reqwest::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use serde_json::{Value, json};

const ORIGIN: &str = "http://partner.example";

/// A test org with its admin token.
struct Org {
    name: &'static str,
    token: String,
}

async fn org(dirs: &Dirs, name: &'static str) -> Org {
    Org {
        name,
        token: dirs.add_org(name, &[ORIGIN]).await,
    }
}

fn cafe_input(date: &str, capacity: i64) -> Value {
    json!({
        "title": "Vacaturecafé Zorg",
        "date": date,
        "start": "14:00",
        "end": "16:00",
        "place": "Bibliotheek",
        "address": "Markt 1, Utrecht",
        "sectors": ["Zorg"],
        "employers": ["Zorggroep"],
        "languages": ["nl", "ar"],
        "capacity": capacity,
    })
}

/// A date `days` from today, as the server counts (UTC).
fn in_days(days: i64) -> String {
    (time::OffsetDateTime::now_utc().date() + time::Duration::days(days)).to_string()
}

fn person(n: usize) -> Value {
    json!({ "name": format!("Person {n}"), "email": format!("p{n}@example.nl"), "consent": true })
}

impl Server {
    async fn admin(
        &self,
        org: &Org,
        method: reqwest::Method,
        path: &str,
    ) -> reqwest::RequestBuilder {
        self.as_admin(
            &org.token,
            method,
            &format!("/v1/admin/orgs/{}{path}", org.name),
        )
    }

    async fn create_cafe(&self, org: &Org, input: Value) -> i64 {
        let response = self
            .admin(org, reqwest::Method::POST, "/cafes")
            .await
            .json(&input)
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), StatusCode::CREATED);
        json_of(response).await["id"].as_i64().expect("an id")
    }

    async fn edit_cafe(&self, org: &Org, cafe: i64, input: &Value) -> reqwest::Response {
        self.admin(org, reqwest::Method::PUT, &format!("/cafes/{cafe}"))
            .await
            .json(input)
            .send()
            .await
            .expect("request")
    }

    async fn sign_up(&self, org: &str, cafe: i64, form: Value) -> reqwest::Response {
        self.sign_up_with(org, cafe, form, None).await
    }

    /// A signup with the browser's own `token` (`None`: the server makes one).
    async fn sign_up_with(
        &self,
        org: &str,
        cafe: i64,
        form: Value,
        token: Option<&str>,
    ) -> reqwest::Response {
        self.sign_up_raw(
            org,
            cafe,
            &json!({ "form": form, "lang": "en", "token": token }),
        )
        .await
    }

    async fn by_token(&self, org: &str, what: &str, token: &str) -> reqwest::Response {
        self.http
            .post(self.url(&format!("/v1/orgs/{org}/signups/{what}")))
            .json(&json!({ "token": token }))
            .send()
            .await
            .expect("request")
    }

    async fn signups(&self, org: &Org) -> Vec<Value> {
        let response = self
            .admin(org, reqwest::Method::GET, "/signups")
            .await
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), StatusCode::OK);
        json_of(response).await.as_array().expect("a list").clone()
    }
}

fn count(signups: &[Value], status: &str) -> usize {
    signups.iter().filter(|s| s["status"] == status).count()
}

#[tokio::test]
async fn the_demo_org_starts_with_three_upcoming_cafes_with_places_left() {
    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;
    let response = server.get("/v1/orgs/demo/cafes").await;
    assert_eq!(response.status(), StatusCode::OK);
    let body = json_of(response).await;
    let cafes = body["cafes"].as_array().expect("cafes");
    assert_eq!(cafes.len(), 3);
    let today = in_days(0);
    for cafe in cafes {
        assert!(cafe["date"].as_str().expect("date") > today.as_str());
        assert!(!cafe["employers"].as_array().expect("employers").is_empty());
        assert_eq!(cafe["counts"]["places_left"], cafe["capacity"]);
    }
}

#[tokio::test]
async fn sign_up_see_the_status_download_the_calendar_and_cancel_to_free_the_place() {
    let dirs = Dirs::new();
    let acme = org(&dirs, "acme").await;
    org(&dirs, "other").await;
    let server = Server::start(&dirs).await;
    let cafe = server.create_cafe(&acme, cafe_input(&in_days(7), 2)).await;

    let response = server.sign_up("acme", cafe, person(1)).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let signup = json_of(response).await;
    assert_eq!(signup["status"], "confirmed");
    assert_eq!(
        signup["message"],
        "You have a place. We look forward to meeting you!"
    );
    assert_eq!(signup["cafe"]["counts"]["places_left"], 1);
    let token = signup["cancel_token"]
        .as_str()
        .expect("a cancel token")
        .to_owned();

    let status = json_of(server.by_token("acme", "status", &token).await).await;
    assert_eq!(status["status"], "confirmed");

    let ics = server
        .get(&format!("/v1/orgs/acme/cafes/{cafe}/calendar.ics"))
        .await;
    assert_eq!(ics.status(), StatusCode::OK);
    assert_eq!(header(&ics, CONTENT_TYPE), "text/calendar; charset=utf-8");
    assert!(header(&ics, CONTENT_DISPOSITION).starts_with("attachment"));
    let ics = ics.text().await.expect("text");
    let date = in_days(7).replace('-', "");
    assert!(
        ics.contains(&format!("DTSTART;TZID=Europe/Amsterdam:{date}T140000\r\n")),
        "{ics}"
    );
    assert!(ics.contains("SUMMARY:Vacaturecafé Zorg\r\n"), "{ics}");

    let cancelled = server.by_token("acme", "cancel", &token).await;
    assert_eq!(cancelled.status(), StatusCode::OK);
    let cancelled = json_of(cancelled).await;
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["cafe"]["counts"]["places_left"], 2);
    assert!(
        server.signups(&acme).await.is_empty(),
        "the details are gone"
    );
    // The link keeps working and says the same.
    let again = json_of(server.by_token("acme", "cancel", &token).await).await;
    assert_eq!(again["status"], "cancelled");
    // Another org cannot use the token.
    assert_error(
        server.by_token("other", "status", &token).await,
        StatusCode::NOT_FOUND,
        "signup_not_found",
    )
    .await;
    server.stop().await;
}

#[tokio::test]
async fn a_full_cafe_wait_lists_and_a_cancellation_promotes_the_first_waiting() {
    let dirs = Dirs::new();
    let acme = org(&dirs, "acme").await;
    let server = Server::start(&dirs).await;
    let cafe = server.create_cafe(&acme, cafe_input(&in_days(7), 1)).await;
    let first = json_of(server.sign_up("acme", cafe, person(1)).await).await;
    let second = json_of(server.sign_up("acme", cafe, person(2)).await).await;
    assert_eq!(first["status"], "confirmed");
    assert_eq!(second["status"], "waitlist");
    assert_eq!(second["position"], 1);
    assert_eq!(
        second["message"]
            .as_str()
            .map(|m| m.starts_with("The café is full.")),
        Some(true)
    );
    // The default waiting list is as long as the café is big: the next is
    // refused, with a message, and nothing of it is stored.
    let third = server.sign_up("acme", cafe, person(3)).await;
    assert_eq!(third.status(), StatusCode::OK);
    let third = json_of(third).await;
    assert_eq!(third["status"], "rejected");
    assert!(third["cancel_token"].is_null());
    let stored = server.signups(&acme).await;
    assert_eq!(
        (count(&stored, "confirmed"), count(&stored, "waitlist")),
        (1, 1)
    );

    let token = first["cancel_token"].as_str().expect("token");
    server.by_token("acme", "cancel", token).await;
    let second_now = json_of(
        server
            .by_token(
                "acme",
                "status",
                second["cancel_token"].as_str().expect("token"),
            )
            .await,
    )
    .await;
    assert_eq!(
        second_now["status"], "confirmed",
        "the first on the list got the place"
    );
    server.stop().await;
}

/// The answer to a signup was lost and the browser sent it again (the same
/// token) while the first was still being stored: the second copy reaches
/// the writer in a group with other signups, all decided before the first
/// was stored. It is the first signup again, and the others' places on the
/// waiting list count it once: a group's signups are stored with one
/// insert, so the writer must take back what it counted for the copy.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signup_sent_again_while_its_first_was_stored_counts_once_in_a_group_with_others() {
    let dirs = Dirs::new();
    let acme = org(&dirs, "acme").await;
    let server = std::sync::Arc::new(Server::start(&dirs).await);
    let cafe = server.create_cafe(&acme, cafe_input(&in_days(7), 1)).await;
    let send = |n: usize, token: Option<&'static str>| {
        let server = std::sync::Arc::clone(&server);
        tokio::spawn(async move {
            let answer = server.sign_up_with("acme", cafe, person(n), token).await;
            (answer.status(), json_of(answer).await)
        })
    };
    // The one place is taken: everyone after waits.
    let (status, taken) = send(0, None).await.expect("the first signup");
    assert_eq!(
        (status, &taken["status"]),
        (StatusCode::CREATED, &json!("confirmed"))
    );
    // A slow writer holds the café; the first copy's group waits for it.
    let lock = WriteLock::take(&dirs, cafe).await;
    // Generous pauses: each request must be decided and waiting at the
    // writer before the next step (the writer waits up to 5 s for the lock).
    let pause = || tokio::time::sleep(std::time::Duration::from_millis(500));
    let twice = "0123456789abcdef0123456789abcdef";
    let first = send(1, Some(twice));
    pause().await;
    // Meanwhile its second copy and two others are decided and wait
    // together for the next group.
    let again = send(1, Some(twice));
    let (one, two) = (send(2, None), send(3, None));
    pause().await;
    pause().await;
    lock.release().await;

    let (status, first) = first.await.expect("the first copy");
    assert_eq!(status, StatusCode::CREATED, "{first}");
    assert_eq!(
        (&first["status"], &first["position"]),
        (&json!("waitlist"), &json!(1)),
        "{first}"
    );
    let (status, again) = again.await.expect("the second copy");
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["already"], true, "{again}");
    assert_eq!(again["position"], 1, "the same signup: {again}");
    // Next in line: second and third, not third and fourth.
    let mut positions = Vec::new();
    for sent in [one, two] {
        let (status, body) = sent.await.expect("a signup");
        assert_eq!(status, StatusCode::CREATED, "a new signup: {body}");
        assert_eq!(body["status"], "waitlist", "{body}");
        positions.push(body["position"].as_i64().expect("a place in line"));
    }
    positions.sort_unstable();
    assert_eq!(positions, [2, 3]);
    assert_eq!(server.signups(&acme).await.len(), 4);
    let cafes = json_of(server.get("/v1/orgs/acme/cafes").await).await;
    assert_eq!(
        cafes["cafes"][0]["counts"],
        json!({ "confirmed": 1, "places_left": 0, "waitlist": 3 }),
        "each signup counted once: {cafes}"
    );
    std::sync::Arc::into_inner(server)
        .expect("no request left")
        .stop()
        .await;
}

/// The server writes in groups, and a signup reuses what the signups before
/// it in its group learned of the café. A cancellation between them changes
/// the café: the next person must still be told their true place in line.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancellation_between_two_signups_written_together_moves_the_second_up_the_line() {
    let dirs = Dirs::new();
    let acme = org(&dirs, "acme").await;
    let server = std::sync::Arc::new(Server::start(&dirs).await);
    let other = server.create_cafe(&acme, cafe_input(&in_days(7), 5)).await;
    let cafe = server.create_cafe(&acme, cafe_input(&in_days(8), 3)).await;
    for n in 1..=3 {
        let answer = json_of(server.sign_up("acme", cafe, person(n)).await).await;
        assert_eq!(answer["status"], "confirmed");
    }
    let waiting = json_of(server.sign_up("acme", cafe, person(4)).await).await;
    assert_eq!(waiting["position"], 1);
    let waiting_token = waiting["cancel_token"].as_str().expect("token").to_owned();

    // A signup for the other café holds up the server's writer; the three
    // requests after it are written together, in the order they arrived.
    let lock = WriteLock::take(&dirs, other).await;
    let pause = || tokio::time::sleep(std::time::Duration::from_millis(150));
    let spawn_signup = |cafe: i64, n: usize| {
        let server = std::sync::Arc::clone(&server);
        tokio::spawn(async move { json_of(server.sign_up("acme", cafe, person(n)).await).await })
    };
    let held = spawn_signup(other, 10);
    pause().await;
    let first = spawn_signup(cafe, 5);
    pause().await;
    let cancelled = {
        let server = std::sync::Arc::clone(&server);
        tokio::spawn(async move {
            server
                .by_token("acme", "cancel", &waiting_token)
                .await
                .status()
        })
    };
    pause().await;
    let second = spawn_signup(cafe, 6);
    pause().await;
    lock.release().await;

    assert_eq!(held.await.expect("signup")["status"], "confirmed");
    let first = first.await.expect("signup");
    assert_eq!(
        (&first["status"], &first["position"]),
        (&json!("waitlist"), &json!(2)),
        "{first}"
    );
    assert_eq!(cancelled.await.expect("cancel"), StatusCode::OK);
    let second = second.await.expect("signup");
    assert_eq!(
        (&second["status"], &second["position"]),
        (&json!("waitlist"), &json!(2)),
        "one of the two ahead cancelled: {second}"
    );
    let stored = server.signups(&acme).await;
    let line: Vec<(&Value, &Value)> = stored
        .iter()
        .filter(|s| s["cafe_id"] == cafe && s["status"] == "waitlist")
        .map(|s| (&s["name"], &s["position"]))
        .collect();
    assert_eq!(
        line,
        [
            (&json!("Person 5"), &json!(1)),
            (&json!("Person 6"), &json!(2))
        ]
    );
}

#[tokio::test]
async fn someone_who_knows_only_an_address_learns_nothing_from_signing_up_with_it() {
    let dirs = Dirs::new();
    let acme = org(&dirs, "acme").await;
    let server = Server::start(&dirs).await;
    let cafe = server.create_cafe(&acme, cafe_input(&in_days(7), 1)).await;
    let published = server
        .publish(
            acme.name,
            &acme.token,
            "vacaturecafe",
            "fn waitlist_size(cafe) { 10 }",
            "",
        )
        .await;
    assert_eq!(published.status(), StatusCode::CREATED);
    // Amal signs up and takes the one place.
    let first = server
        .sign_up("acme", cafe, json!({ "name": "Amal", "email": "amal@example.nl", "phone": "06-1234 5678", "consent": true }))
        .await;
    assert_eq!(first.status(), StatusCode::CREATED);
    // Someone who knows her address (and someone with an address nobody
    // used) sign up with it: both get exactly the answer any newcomer gets.
    let mut answers = Vec::new();
    for form in [
        json!({ "name": "x", "email": " AMAL@example.NL ", "consent": true }),
        json!({ "name": "x", "phone": "0612345678", "consent": true }),
        json!({ "name": "x", "email": "nobody@example.nl", "consent": true }),
    ] {
        let answer = server.sign_up("acme", cafe, form).await;
        assert_eq!(answer.status(), StatusCode::CREATED);
        let mut answer = json_of(answer).await;
        assert_eq!(answer["already"], false, "{answer}");
        assert!(
            answer["cancel_token"].is_string(),
            "its own link, never hers"
        );
        // What differs between newcomers: their token, their place in line,
        // and their code for the door (their own signup's).
        answer["cancel_token"] = Value::Null;
        answer["position"] = Value::Null;
        answer["door"] = Value::Null;
        answer["cafe"]["counts"] = Value::Null;
        answers.push(answer);
    }
    assert_eq!(
        answers[0], answers[2],
        "a used address answers as an unused one"
    );
    assert_eq!(
        answers[1], answers[2],
        "a used phone number answers as an unused one"
    );
    assert_eq!(answers[0]["status"], "waitlist");
    // The organisation sees the probable duplicates (and may remove them).
    let listed = server.signups(&acme).await;
    let amal = listed[0]["id"].clone();
    let duplicates: Vec<_> = listed.iter().map(|s| s["duplicate_of"].clone()).collect();
    assert_eq!(duplicates, [Value::Null, amal.clone(), amal, Value::Null]);
    server.stop().await;
}

#[tokio::test]
async fn a_signup_sent_again_with_its_token_is_the_same_signup() {
    let dirs = Dirs::new();
    let acme = org(&dirs, "acme").await;
    let server = Server::start(&dirs).await;
    let cafe = server.create_cafe(&acme, cafe_input(&in_days(7), 5)).await;
    let send = |token: &'static str| server.sign_up_with("acme", cafe, person(1), Some(token));
    let token = "0123456789abcdef0123456789abcdef";
    // The answer to the first send was lost on a slow connection: the
    // browser sends the same signup again, with the same token.
    let first = send(token).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first = json_of(first).await;
    assert_eq!(first["cancel_token"], token, "the browser's own token");
    let again = send(token).await;
    assert_eq!(again.status(), StatusCode::OK);
    let again = json_of(again).await;
    assert_eq!(again["already"], true);
    assert_eq!(again["status"], "confirmed");
    assert_eq!(server.signups(&acme).await.len(), 1, "one signup, not two");
    // Two sends at once (a double tap): still one.
    let other = "fedcba9876543210fedcba9876543210";
    let (a, b) = tokio::join!(send(other), send(other));
    let mut codes = [a.status().as_u16(), b.status().as_u16()];
    codes.sort_unstable();
    assert_eq!(codes, [200, 201]);
    assert_eq!(server.signups(&acme).await.len(), 2);
    // The token cancels it, like a token the server made.
    let cancelled = server.by_token("acme", "cancel", token).await;
    assert_eq!(json_of(cancelled).await["status"], "cancelled");
    // A token that is not one is refused; so is one of another café's signup.
    let bad = send("not-a-token").await;
    assert_error(bad, StatusCode::BAD_REQUEST, "bad_json").await;
    let elsewhere = server.create_cafe(&acme, cafe_input(&in_days(8), 5)).await;
    let reused = server
        .sign_up_with("acme", elsewhere, person(2), Some(other))
        .await;
    assert_error(reused, StatusCode::BAD_REQUEST, "bad_json").await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_simultaneous_signups_for_twenty_places_confirm_exactly_twenty() {
    let dirs = Dirs::new();
    let acme = org(&dirs, "acme").await;
    let server = Server::start(&dirs).await;
    // A waiting list without a limit, so every signup is kept.
    let published = server
        .publish(
            acme.name,
            &acme.token,
            "vacaturecafe",
            "fn waitlist_size(cafe) { 100000 }",
            "",
        )
        .await;
    assert_eq!(published.status(), StatusCode::CREATED);
    let cafe = server.create_cafe(&acme, cafe_input(&in_days(7), 20)).await;
    let url = server.url(&format!("/v1/orgs/acme/cafes/{cafe}/signups"));
    let tasks: Vec<_> = (0..200)
        .map(|n| {
            let (http, url) = (server.http.clone(), url.clone());
            tokio::spawn(async move {
                http.post(url)
                    .json(&json!({ "form": person(n), "lang": "nl" }))
                    .send()
                    .await
            })
        })
        .collect();
    let mut confirmed = 0;
    let mut waiting = Vec::new();
    let mut messages = std::collections::BTreeSet::new();
    for task in tasks {
        let answer = task.await.expect("task").expect("request");
        assert_eq!(answer.status(), StatusCode::CREATED);
        let body = json_of(answer).await;
        match body["status"].as_str() {
            Some("confirmed") => confirmed += 1,
            Some("waitlist") => waiting.push(body["position"].as_i64().expect("position")),
            other => panic!("unexpected {other:?}"),
        }
        messages.insert((body["status"].to_string(), body["message"].to_string()));
    }
    // The rules decide outside the database; when the place they gave went
    // to someone else meanwhile, they decide again: no one on the waiting
    // list is told they have a place.
    assert_eq!(messages.len(), 2, "one message per status: {messages:?}");
    assert_eq!(confirmed, 20);
    assert_eq!(waiting.len(), 180);
    waiting.sort_unstable();
    assert_eq!(
        waiting,
        (1..=180).collect::<Vec<_>>(),
        "every place on the list once"
    );
    let stored = server.signups(&acme).await;
    assert_eq!(
        (count(&stored, "confirmed"), count(&stored, "waitlist")),
        (20, 180)
    );
    let mut emails: Vec<_> = stored
        .iter()
        .map(|s| s["form"]["email"].to_string())
        .collect();
    emails.sort();
    emails.dedup();
    assert_eq!(emails.len(), 200, "no one lost, no one twice");
    server.stop().await;
}

#[tokio::test]
async fn a_restart_keeps_every_signup() {
    let dirs = Dirs::new();
    let acme = org(&dirs, "acme").await;
    let server = Server::start(&dirs).await;
    let cafe = server.create_cafe(&acme, cafe_input(&in_days(7), 1)).await;
    for n in 0..3 {
        server.sign_up("acme", cafe, person(n)).await;
    }
    let before = server.signups(&acme).await;
    server.stop().await;
    let server = Server::start(&dirs).await;
    assert_eq!(server.signups(&acme).await, before);
    assert_eq!(
        before.len(),
        2,
        "one confirmed, one waiting (the third refused)"
    );
    server.stop().await;
}

#[tokio::test]
async fn bad_input_gets_a_clear_4xx_code_and_nothing_is_written() {
    let dirs = Dirs::new();
    let acme = org(&dirs, "acme").await;
    let server = Server::start(&dirs).await;
    let cafe = server.create_cafe(&acme, cafe_input(&in_days(7), 5)).await;
    let mut closed = cafe_input(&in_days(7), 5);
    closed["closed"] = json!(true);
    let closed = server.create_cafe(&acme, closed).await;
    let past = server.create_cafe(&acme, cafe_input(&in_days(-1), 5)).await;
    let url = server.url(&format!("/v1/orgs/acme/cafes/{cafe}/signups"));
    let raw = |body: String| {
        server
            .http
            .post(&url)
            .header(CONTENT_TYPE, "application/json")
            .body(body)
            .send()
    };
    assert_error(
        raw("{\"form\": {".into()).await.expect("request"),
        StatusCode::BAD_REQUEST,
        "bad_json",
    )
    .await;
    assert_error(
        raw("[1,2]".into()).await.expect("request"),
        StatusCode::BAD_REQUEST,
        "bad_json",
    )
    .await;
    assert_error(
        raw(format!(
            "{{\"form\":{{\"name\":\"{}\"}}}}",
            "x".repeat(20_000)
        ))
        .await
        .expect("request"),
        StatusCode::PAYLOAD_TOO_LARGE,
        "too_large",
    )
    .await;
    assert_error(
        server.sign_up("acme", 9999, person(1)).await,
        StatusCode::NOT_FOUND,
        "cafe_not_found",
    )
    .await;
    assert_error(
        server.sign_up("nobody", cafe, person(1)).await,
        StatusCode::NOT_FOUND,
        "org_not_found",
    )
    .await;
    assert_error(
        server.sign_up("acme", closed, person(1)).await,
        StatusCode::CONFLICT,
        "cafe_closed",
    )
    .await;
    assert_error(
        server.sign_up("acme", past, person(1)).await,
        StatusCode::CONFLICT,
        "cafe_past",
    )
    .await;

    let missing = server
        .sign_up("acme", cafe, json!({ "name": "Amal" }))
        .await;
    assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json_of(missing).await;
    assert_eq!(body["error"]["code"], "validation_failed");
    assert_eq!(
        body["error"]["fields"]["consent"],
        "We need your permission to sign you up."
    );
    assert!(body["error"]["fields"]["email"].is_string());

    for (form, problem) in [
        (
            json!({ "name": "x".repeat(201), "email": "a@b.nl", "consent": true }),
            "too_long",
        ),
        (
            json!({ "name": "<script>alert(1)</script>", "email": "a@b.nl", "consent": true }),
            "markup",
        ),
        (
            json!({ "name": "Amal\u{202E}lamA", "email": "a@b.nl", "consent": true }),
            "control_characters",
        ),
        (
            json!({ "name": "Amal", "email": "a@b.nl", "consent": true, "admin": true }),
            "unknown_field",
        ),
        (
            json!({ "name": ["Amal"], "email": "a@b.nl", "consent": true }),
            "wrong_type",
        ),
        (
            json!({ "name": "Amal", "email": "a@b.nl", "consent": true, "support": ["limo"] }),
            "not_an_option",
        ),
    ] {
        let response = server.sign_up("acme", cafe, form).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = json_of(response).await;
        assert_eq!(body["error"]["code"], "invalid_field", "{body}");
        assert_eq!(body["error"]["problem"], problem, "{body}");
    }
    assert!(
        server.signups(&acme).await.is_empty(),
        "nothing half-written"
    );
    // Arabic names are welcome.
    let ok = server
        .sign_up(
            "acme",
            cafe,
            json!({ "name": "أمل الحسن", "phone": "+31 6 1234 5678", "consent": true }),
        )
        .await;
    assert_eq!(ok.status(), StatusCode::CREATED);
    assert_error(
        server.by_token("acme", "cancel", "not-a-token").await,
        StatusCode::NOT_FOUND,
        "signup_not_found",
    )
    .await;
    server.stop().await;
}

#[tokio::test]
async fn signups_are_rate_limited_per_client() {
    let mut dirs = Dirs::new();
    dirs.signup_rate = 3;
    let acme = org(&dirs, "acme").await;
    let server = Server::start(&dirs).await;
    let cafe = server.create_cafe(&acme, cafe_input(&in_days(7), 50)).await;
    for n in 0..3 {
        assert_eq!(
            server.sign_up("acme", cafe, person(n)).await.status(),
            StatusCode::CREATED
        );
    }
    let limited = server.sign_up("acme", cafe, person(4)).await;
    assert_eq!(header(&limited, "retry-after"), "60");
    assert_error(limited, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    assert_eq!(server.signups(&acme).await.len(), 3);
    server.stop().await;
}

#[tokio::test]
async fn the_admin_api_needs_the_orgs_own_token() {
    let dirs = Dirs::new();
    let acme = org(&dirs, "acme").await;
    let other = org(&dirs, "other").await;
    let server = Server::start(&dirs).await;
    let url = server.url("/v1/admin/orgs/acme/signups");
    let no_token = server.http.get(&url).send().await.expect("request");
    assert_eq!(header(&no_token, "www-authenticate"), "Bearer");
    assert_error(no_token, StatusCode::UNAUTHORIZED, "unauthorized").await;
    for token in ["wrong", other.token.as_str(), &format!("{}0", acme.token)] {
        let response = server
            .http
            .get(&url)
            .bearer_auth(token)
            .send()
            .await
            .expect("request");
        assert_error(response, StatusCode::UNAUTHORIZED, "unauthorized").await;
    }
    // An unknown org answers the same, so names cannot be probed.
    let response = server
        .http
        .get(server.url("/v1/admin/orgs/nobody/signups"))
        .bearer_auth(&acme.token)
        .send()
        .await
        .expect("request");
    assert_error(response, StatusCode::UNAUTHORIZED, "unauthorized").await;
    // With its own token, acme cannot touch other's cafés either.
    let theirs = server.create_cafe(&other, cafe_input(&in_days(7), 5)).await;
    let response = server
        .admin(&acme, reqwest::Method::PUT, &format!("/cafes/{theirs}"))
        .await
        .json(&cafe_input(&in_days(7), 1))
        .send()
        .await
        .expect("request");
    assert_error(response, StatusCode::NOT_FOUND, "cafe_not_found").await;
    server.stop().await;
}

#[tokio::test]
async fn admins_edit_and_close_cafes_and_more_places_go_to_people_waiting() {
    let dirs = Dirs::new();
    let acme = org(&dirs, "acme").await;
    let server = Server::start(&dirs).await;
    let cafe = server.create_cafe(&acme, cafe_input(&in_days(7), 1)).await;
    server.sign_up("acme", cafe, person(1)).await;
    let waiting = json_of(server.sign_up("acme", cafe, person(2)).await).await;
    assert_eq!(waiting["status"], "waitlist");

    let edit = server
        .edit_cafe(&acme, cafe, &cafe_input(&in_days(7), 2))
        .await;
    assert_eq!(edit.status(), StatusCode::OK);
    assert_eq!(json_of(edit).await["counts"]["confirmed"], 2);

    let mut closed = cafe_input(&in_days(7), 2);
    closed["closed"] = json!(true);
    server.edit_cafe(&acme, cafe, &closed).await;
    let list = json_of(server.get("/v1/orgs/acme/cafes").await).await;
    assert_eq!(list["cafes"], json!([]), "a closed café is not listed");
    assert_error(
        server.sign_up("acme", cafe, person(3)).await,
        StatusCode::CONFLICT,
        "cafe_closed",
    )
    .await;

    for (field, value) in [
        ("date", json!("24-12-2026")),
        ("start", json!("25:00")),
        ("end", json!("13:00")),
        ("capacity", json!(0)),
        ("title", json!("")),
        ("title", json!("<b>Café</b>")),
    ] {
        let mut bad = cafe_input(&in_days(7), 5);
        bad[field] = value;
        let response = server
            .admin(&acme, reqwest::Method::POST, "/cafes")
            .await
            .json(&bad)
            .send()
            .await
            .expect("request");
        let message =
            assert_error(response, StatusCode::UNPROCESSABLE_ENTITY, "invalid_cafe").await;
        assert!(
            message.contains(&format!("`{field}`")) || field == "end",
            "{message}"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn the_csv_export_opens_in_excel_and_a_person_can_be_forgotten() {
    let dirs = Dirs::new();
    let acme = org(&dirs, "acme").await;
    let server = Server::start(&dirs).await;
    let cafe = server.create_cafe(&acme, cafe_input(&in_days(7), 1)).await;
    server
        .sign_up("acme", cafe, json!({ "name": "أمل الحسن", "email": "amal@example.nl", "consent": true, "support": ["interpreter", "childcare"] }))
        .await;
    server
        .sign_up(
            "acme",
            cafe,
            json!({ "name": "=HYPERLINK(\"x\")", "phone": "0612345678", "consent": true }),
        )
        .await;

    let csv = server
        .admin(&acme, reqwest::Method::GET, "/signups.csv")
        .await
        .send()
        .await
        .expect("request");
    assert_eq!(csv.status(), StatusCode::OK);
    assert_eq!(header(&csv, CONTENT_TYPE), "text/csv; charset=utf-8");
    let bytes = csv.bytes().await.expect("bytes");
    assert!(
        bytes.starts_with("\u{FEFF}".as_bytes()),
        "a BOM, so Excel reads UTF-8"
    );
    let text = String::from_utf8(bytes.to_vec()).expect("utf-8");
    let lines: Vec<&str> = text.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(
        lines[0].starts_with("id;cafe_date;cafe;status;name;"),
        "{}",
        lines[0]
    );
    assert!(lines[1].contains(";confirmed;أمل الحسن;"), "{}", lines[1]);
    assert!(lines[1].contains("interpreter, childcare"), "{}", lines[1]);
    assert!(
        lines[2].contains(";waitlist;\"'=HYPERLINK(\"\"x\"\")\";"),
        "{}",
        lines[2]
    );

    let forget = server
        .admin(&acme, reqwest::Method::POST, "/forget")
        .await
        .json(&json!({ "email": "AMAL@example.nl" }))
        .send()
        .await
        .expect("request");
    assert_eq!(json_of(forget).await["deleted"], 1);
    let left = server.signups(&acme).await;
    assert_eq!(left.len(), 1);
    assert_eq!(
        left[0]["status"], "confirmed",
        "the freed place went to the person waiting"
    );

    let id = left[0]["id"].as_i64().expect("id");
    let delete = server
        .admin(&acme, reqwest::Method::DELETE, &format!("/signups/{id}"))
        .await
        .send()
        .await
        .expect("request");
    assert_eq!(delete.status(), StatusCode::NO_CONTENT);
    assert!(server.signups(&acme).await.is_empty());
    let again = server
        .admin(&acme, reqwest::Method::DELETE, &format!("/signups/{id}"))
        .await
        .send()
        .await
        .expect("request");
    assert_error(again, StatusCode::NOT_FOUND, "signup_not_found").await;
    server.stop().await;
}

#[tokio::test]
async fn browsers_may_call_the_public_api_only_from_the_orgs_origins_and_never_the_admin_api() {
    let dirs = Dirs::new();
    org(&dirs, "acme").await;
    let server = Server::start(&dirs).await;
    let preflight = |path: &str, origin: &str| {
        server
            .http
            .request(reqwest::Method::OPTIONS, server.url(path))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "content-type,authorization",
            )
            .send()
    };
    let allowed = preflight("/v1/orgs/acme/cafes/1/signups", ORIGIN)
        .await
        .expect("request");
    assert_eq!(header(&allowed, "access-control-allow-origin"), ORIGIN);
    let stranger = preflight("/v1/orgs/acme/cafes/1/signups", "http://evil.example")
        .await
        .expect("request");
    assert_eq!(header(&stranger, "access-control-allow-origin"), "");
    let get = server
        .get_with("/v1/orgs/acme/cafes", "origin", ORIGIN)
        .await;
    assert_eq!(header(&get, "access-control-allow-origin"), ORIGIN);
    let admin = preflight("/v1/admin/orgs/acme/signups", ORIGIN)
        .await
        .expect("request");
    assert_eq!(header(&admin, "access-control-allow-origin"), "");
    server.stop().await;
}

/// Publishes the example script that asks for the city (`scripts/examples/werkplein/`).
async fn publish_werkplein_example(server: &Server, org: &Org) {
    let example = |file: &str| {
        std::fs::read_to_string(format!("{SCRIPTS}/examples/werkplein/{file}")).expect("example")
    };
    let published = server
        .publish(
            org.name,
            &org.token,
            "vacaturecafe",
            &example("vacaturecafe.rhai"),
            &example("vacaturecafe.tests.json"),
        )
        .await;
    assert_eq!(published.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn an_org_script_that_adds_a_required_field_is_enforced_by_the_server() {
    let dirs = Dirs::new();
    let werkplein = org(&dirs, "werkplein").await;
    let server = Server::start(&dirs).await;
    publish_werkplein_example(&server, &werkplein).await;
    let cafe = server
        .create_cafe(&werkplein, cafe_input(&in_days(7), 5))
        .await;
    let without = server.sign_up("werkplein", cafe, person(1)).await;
    assert_eq!(without.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        json_of(without).await["error"]["fields"]["city"],
        "Please fill this in."
    );
    let mut with = person(1);
    with["city"] = json!("Kanaleneiland");
    assert_eq!(
        server.sign_up("werkplein", cafe, with).await.status(),
        StatusCode::CREATED
    );
    assert_eq!(
        server.signups(&werkplein).await[0]["form"]["city"],
        "Kanaleneiland"
    );
    server.stop().await;
}

/// The server keeps each café's form once the rules made it; a new script
/// version (published at this instance: live from the next request on), an
/// edited café or another language must each give the form they make, from
/// the next signup on.
#[tokio::test]
async fn the_form_a_signup_is_checked_against_follows_a_new_script_and_an_edited_cafe_at_once() {
    let dirs = Dirs::new();
    let werkplein = org(&dirs, "werkplein").await;
    let server = Server::start(&dirs).await;
    let cafe = server
        .create_cafe(&werkplein, cafe_input(&in_days(7), 50))
        .await;
    let problem = async |form: Value, lang: &str| {
        let body = json!({ "form": form, "lang": lang });
        let response = server.sign_up_raw("werkplein", cafe, &body).await;
        let status = response.status();
        let body = json_of(response).await;
        (status, body["error"]["problem"].as_str().map(str::to_owned))
    };
    let taken = (StatusCode::CREATED, None);
    let refused = |problem: &str| (StatusCode::UNPROCESSABLE_ENTITY, Some(problem.to_owned()));

    // The default script's form has no city and, for this café, one sector.
    assert_eq!(problem(person(1), "en").await, taken);
    let mut with_city = person(2);
    with_city["city"] = json!("Kanaleneiland");
    assert_eq!(
        problem(with_city.clone(), "en").await,
        refused("unknown_field")
    );
    let mut building = person(3);
    building["sectors"] = json!(["Bouw"]);
    assert_eq!(
        problem(building.clone(), "en").await,
        refused("not_an_option")
    );

    // A café that takes another sector takes people for it.
    let mut more = cafe_input(&in_days(7), 50);
    more["sectors"] = json!(["Zorg", "Bouw"]);
    let edit = server.edit_cafe(&werkplein, cafe, &more).await;
    assert_eq!(edit.status(), StatusCode::OK);
    assert_eq!(problem(building, "en").await, taken);

    // A script that asks for the city: the city is welcome at once.
    publish_werkplein_example(&server, &werkplein).await;
    assert_eq!(problem(with_city.clone(), "en").await, taken);

    // A script whose form differs per language: each language its own.
    let per_language = "fn extra_fields(cafe, ctx) {\n\
        if ctx.lang == \"nl\" { [#{ id: \"wijk\", label: \"Wijk\", kind: \"text\", required: false, help: \"\" }] } else { [] }\n}";
    server
        .publish_ok(
            werkplein.name,
            &werkplein.token,
            "vacaturecafe",
            per_language,
        )
        .await;
    let mut with_wijk = person(5);
    with_wijk["wijk"] = json!("Overvecht");
    assert_eq!(
        problem(with_wijk.clone(), "en").await,
        refused("unknown_field")
    );
    assert_eq!(problem(with_wijk.clone(), "nl").await, taken);
    with_wijk["email"] = json!("p6@example.nl");
    assert_eq!(
        problem(with_wijk.clone(), "en").await,
        refused("unknown_field")
    );

    // Rolled back to the script that asks for the city: at once as well.
    let back = server
        .http
        .put(server.url("/v1/admin/orgs/werkplein/scripts/vacaturecafe/live"))
        .bearer_auth(&werkplein.token)
        .json(&json!({ "number": 1 }))
        .send()
        .await
        .expect("request");
    assert_eq!(back.status(), StatusCode::OK);
    with_wijk["email"] = json!("p7@example.nl");
    assert_eq!(problem(with_wijk, "nl").await, refused("unknown_field"));
    with_city["email"] = json!("p8@example.nl");
    assert_eq!(problem(with_city, "en").await, taken);
    server.stop().await;
}

#[tokio::test]
async fn a_broken_org_script_is_a_503_and_the_signup_can_be_sent_again_later() {
    let dirs = Dirs::new();
    let acme = org(&dirs, "acme").await;
    // The server refuses to publish a broken script, but an older release's
    // script file is imported as it is (nothing is lost), broken or not.
    std::fs::create_dir_all(dirs.org_dir("acme")).expect("org folder");
    let script = dirs.org_dir("acme").join("vacaturecafe.rhai");
    std::fs::write(&script, "fn decide(form, cafe, counts, ctx) { let x = ; }").expect("script");
    let server = Server::start(&dirs).await;
    let cafe = server.create_cafe(&acme, cafe_input(&in_days(7), 5)).await;
    assert_error(
        server.sign_up("acme", cafe, person(1)).await,
        StatusCode::SERVICE_UNAVAILABLE,
        "rules_broken",
    )
    .await;
    // The admin publishes a fixed version.
    let fixed = server
        .publish(acme.name, &acme.token, "vacaturecafe", "", "")
        .await;
    assert_eq!(fixed.status(), StatusCode::CREATED);
    assert_eq!(
        server.sign_up("acme", cafe, person(1)).await.status(),
        StatusCode::CREATED
    );
    server.stop().await;
}

/// The server's one clock decides which cafés are still to come: the day
/// after a café, it is off the list and takes no signups; the day before,
/// it is listed and the rules see that day as `ctx.today`.
#[tokio::test]
async fn the_servers_clock_decides_when_a_cafe_has_passed() {
    let mut dirs = Dirs::new();
    let acme = org(&dirs, "acme").await;
    let day = time::macros::date!(2031 - 03 - 14);
    dirs.clock = server::clock::Clock::fixed(day);
    let server = Server::start(&dirs).await;
    let cafe = server.create_cafe(&acme, cafe_input("2031-03-14", 5)).await;
    let listed = json_of(server.get("/v1/orgs/acme/cafes").await).await;
    assert_eq!(
        listed["cafes"].as_array().map(Vec::len),
        Some(1),
        "{listed}"
    );
    let taken = server.sign_up("acme", cafe, person(1)).await;
    assert_eq!(taken.status(), StatusCode::CREATED);
    server.stop().await;

    dirs.clock = server::clock::Clock::fixed(day.next_day().expect("a next day"));
    let server = Server::start(&dirs).await;
    let listed = json_of(server.get("/v1/orgs/acme/cafes").await).await;
    assert_eq!(
        listed["cafes"].as_array().map(Vec::len),
        Some(0),
        "{listed}"
    );
    assert_error(
        server.sign_up("acme", cafe, person(2)).await,
        StatusCode::CONFLICT,
        "cafe_past",
    )
    .await;
    server.stop().await;
}

/// One cleaner for all text: what a signup form refuses, a café refuses too;
/// a typo in a café's field is refused, not ignored; and nothing is stored.
#[tokio::test]
async fn odd_characters_and_unknown_fields_are_refused_the_same_way_everywhere() {
    let dirs = Dirs::new();
    let acme = org(&dirs, "acme").await;
    let server = Server::start(&dirs).await;
    let post_cafe = |body: Value| {
        let request = server.admin(&acme, reqwest::Method::POST, "/cafes");
        async move { request.await.json(&body).send().await.expect("request") }
    };
    let mut turned = cafe_input(&in_days(7), 5);
    turned["title"] = json!("Vacaturecafé \u{202E}gro.live");
    let said = assert_error(
        post_cafe(turned).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_cafe",
    )
    .await;
    assert!(said.contains("title"), "{said}");
    let mut typo = cafe_input(&in_days(7), 5);
    typo["languagse"] = json!(["nl"]);
    let said = assert_error(
        post_cafe(typo).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_cafe",
    )
    .await;
    assert!(said.contains("`languagse`"), "{said}");
    let listed = json_of(server.get("/v1/orgs/acme/cafes").await).await;
    assert_eq!(
        listed["cafes"].as_array().map(Vec::len),
        Some(0),
        "nothing was made"
    );

    let cafe = server.create_cafe(&acme, cafe_input(&in_days(7), 5)).await;
    // NUL, anywhere in any JSON body: no database keeps it in text (on
    // PostgreSQL it was a 500), so it is refused before any is read.
    let mut nul = person(1);
    nul["name"] = json!("Amal\u{0}Hassan");
    let said = assert_error(
        server.sign_up("acme", cafe, nul).await,
        StatusCode::BAD_REQUEST,
        "bad_json",
    )
    .await;
    assert!(said.contains("U+0000"), "{said}");
    let forget = server
        .admin(&acme, reqwest::Method::POST, "/forget")
        .await
        .json(&json!({ "email": "x@exa\u{0}mple.nl" }))
        .send()
        .await
        .expect("request");
    assert_error(forget, StatusCode::BAD_REQUEST, "bad_json").await;
    let escaped = server
        .admin(&acme, reqwest::Method::POST, "/forget")
        .await
        .json(&json!({ "email": "x\\u0000@example.nl" }))
        .send()
        .await
        .expect("request");
    assert_eq!(
        escaped.status(),
        StatusCode::OK,
        "a written-out \\u0000 is text"
    );
    for odd in ['\u{200B}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{2060}'] {
        let mut form = person(1);
        form["name"] = json!(format!("Amal{odd}Hassan"));
        let refused = server.sign_up("acme", cafe, form).await;
        assert_eq!(
            refused.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "U+{:04X}",
            odd as u32
        );
        let body = json_of(refused).await;
        assert_eq!(body["error"]["problem"], "control_characters", "{body}");
    }
    assert!(
        server.signups(&acme).await.is_empty(),
        "no signup was stored"
    );
    server.stop().await;
}

/// Every API answer is JSON with a stable code: a wrong method, and an
/// address under the admin API that does not exist (which must not fall
/// through to the file server and its any-origin CORS).
#[tokio::test]
async fn a_wrong_method_and_an_unknown_admin_address_answer_in_json() {
    let dirs = Dirs::new();
    let acme = org(&dirs, "acme").await;
    let server = Server::start(&dirs).await;
    let cafe = server.create_cafe(&acme, cafe_input(&in_days(7), 5)).await;
    let wrong = server
        .get(&format!("/v1/orgs/acme/cafes/{cafe}/signups"))
        .await;
    assert_error(wrong, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
    let wrong = server
        .admin(&acme, reqwest::Method::DELETE, "/cafes")
        .await
        .send()
        .await
        .expect("request");
    assert_error(wrong, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
    // The right method at a known address still answers as before.
    let rules = server.get("/v1/orgs/acme/rules/netwerkscan").await;
    assert_eq!(rules.status(), StatusCode::OK);
    let unknown = server
        .get_with("/v1/admin/orgs/acme/nothing-here", "origin", ORIGIN)
        .await;
    assert!(
        unknown
            .headers()
            .get("access-control-allow-origin")
            .is_none(),
        "no CORS on the admin API"
    );
    assert_error(unknown, StatusCode::NOT_FOUND, "not_found").await;
    let unknown = server.get("/v1/admin").await;
    assert_error(unknown, StatusCode::NOT_FOUND, "not_found").await;
    // Under /v1/orgs/ too every address is the API's, never a file.
    for path in [
        "/v1/orgs",
        "/v1/orgs/",
        "/v1/orgs/acme/",
        "/v1/orgs/acme/nothing-here",
        &format!("/v1/orgs/acme/cafes/{cafe}/nothing-here"),
    ] {
        assert_error(server.get(path).await, StatusCode::NOT_FOUND, "not_found").await;
    }
    // And the public API still sends the organisation's CORS, the rules any.
    let listed = server
        .get_with("/v1/orgs/acme/cafes", "origin", ORIGIN)
        .await;
    assert_eq!(header(&listed, "access-control-allow-origin"), ORIGIN);
    let rules = server
        .get_with(
            "/v1/orgs/acme/rules/netwerkscan",
            "origin",
            "https://elsewhere.example",
        )
        .await;
    assert_eq!(header(&rules, "access-control-allow-origin"), "*");
    server.stop().await;
}

/// Behind a reverse proxy every client has the proxy's address. From a
/// trusted proxy, `X-Forwarded-For` names the client, so each client gets
/// its own limit; from anyone else the header is ignored, so a client
/// cannot dodge the limit by writing one.
#[tokio::test]
async fn behind_a_trusted_proxy_the_rate_limit_counts_each_forwarded_client() {
    let sign_up_from = |server: &Server, cafe: i64, n: usize, forwarded: &str| {
        let request = server
            .http
            .post(server.url(&format!("/v1/orgs/acme/cafes/{cafe}/signups")))
            .header("x-forwarded-for", forwarded.to_owned())
            .json(&json!({ "form": person(n), "lang": "en" }));
        async move { request.send().await.expect("request").status() }
    };
    for trusted in [true, false] {
        let mut dirs = Dirs::new();
        dirs.signup_rate = 2;
        if trusted {
            dirs.trusted_proxies = vec!["127.0.0.1".parse().expect("an address")];
        }
        let acme = org(&dirs, "acme").await;
        let server = Server::start(&dirs).await;
        let cafe = server.create_cafe(&acme, cafe_input(&in_days(7), 50)).await;
        let mut statuses = Vec::new();
        for (n, client) in ["203.0.113.1", "203.0.113.1", "203.0.113.2", "203.0.113.2"]
            .into_iter()
            .enumerate()
        {
            // A client's own claim on the left, the proxy's view on the right.
            let forwarded = format!("198.51.100.9, {client}");
            statuses.push(sign_up_from(&server, cafe, n, &forwarded).await);
        }
        let expected = if trusted {
            vec![StatusCode::CREATED; 4]
        } else {
            vec![
                StatusCode::CREATED,
                StatusCode::CREATED,
                StatusCode::TOO_MANY_REQUESTS,
                StatusCode::TOO_MANY_REQUESTS,
            ]
        };
        assert_eq!(statuses, expected, "trusted proxy: {trusted}");
        if trusted {
            let third = sign_up_from(&server, cafe, 9, "203.0.113.1").await;
            assert_eq!(
                third,
                StatusCode::TOO_MANY_REQUESTS,
                "203.0.113.1 used its 2"
            );
        }
        server.stop().await;
    }
}
