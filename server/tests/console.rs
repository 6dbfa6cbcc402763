//! What the organiser console needs from the admin API, over real HTTP
//! against a real SQLite file: personal sign-in with roles and revocation,
//! cafés in several languages and in the organisation's time zone, the
//! waiting list's history, check-in at the door, walk-ins and the counts.
#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

mod support;
use support::*;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use wire::console::Role;

/// A date `days` from today in UTC.
fn in_days(days: i64) -> String {
    (time::OffsetDateTime::now_utc().date() + time::Duration::days(days)).to_string()
}

fn person(n: usize) -> Value {
    json!({ "name": format!("Person {n}"), "email": format!("p{n}@example.nl"), "consent": true })
}

impl Server {
    async fn sign_up_as(&self, org: &str, cafe: i64, n: usize, lang: &str) -> Value {
        let response = self
            .sign_up_raw(org, cafe, &json!({ "form": person(n), "lang": lang }))
            .await;
        assert!(response.status().is_success(), "{}", response.status());
        json_of(response).await
    }

    async fn signups(&self, org: &str, token: &str, cafe: i64) -> Vec<Value> {
        let response = self
            .as_admin(
                token,
                Method::GET,
                &format!("/v1/admin/orgs/{org}/signups?cafe={cafe}&cancelled=true"),
            )
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), StatusCode::OK);
        json_of(response).await.as_array().expect("a list").clone()
    }

    async fn tick(&self, org: &str, token: &str, signup: i64, body: Value) -> reqwest::Response {
        self.as_admin(
            token,
            Method::PUT,
            &format!("/v1/admin/orgs/{org}/signups/{signup}/presence"),
        )
        .json(&body)
        .send()
        .await
        .expect("request")
    }
}

#[tokio::test]
async fn each_admin_signs_in_with_their_own_token_and_role_and_the_history_names_them() {
    let dirs = Dirs::new();
    let org_token = dirs.add_org("acme", &[]).await;
    let door = dirs.add_admin("acme", "Sanne", Role::Cafes).await;
    let editor = dirs.add_admin("acme", "Youssef", Role::Scripts).await;
    let server = Server::start(&dirs).await;

    // Who signed in, as the console shows it.
    let me = |token: String| {
        let server = &server;
        async move {
            let response = server
                .as_admin(&token, Method::GET, "/v1/admin/orgs/acme")
                .send()
                .await
                .expect("request");
            assert_eq!(response.status(), StatusCode::OK);
            json_of(response).await
        }
    };
    let overview = me(door.clone()).await;
    assert_eq!(overview["me"], json!({ "name": "Sanne", "role": "cafes" }));
    assert_eq!(overview["time_zone"], "Europe/Amsterdam");
    assert_eq!(
        me(org_token.clone()).await["me"],
        json!({ "name": null, "role": "all" }),
        "the organisation's own token keeps working, as an `all` admin"
    );

    // A door volunteer cannot publish a script; the editor cannot touch cafés.
    let refused = server
        .publish("acme", &door, "netwerkscan", "fn x() { 1 }", "")
        .await;
    let message = assert_error(refused, StatusCode::FORBIDDEN, "forbidden").await;
    assert!(message.contains("`scripts` role"), "{message}");
    let refused = server
        .as_admin(&editor, Method::POST, "/v1/admin/orgs/acme/cafes")
        .json(
            &json!({ "title": "X", "date": in_days(7), "start": "14:00", "end": "16:00",
                       "place": "P", "address": "A", "capacity": 5 }),
        )
        .send()
        .await
        .expect("request");
    assert_error(refused, StatusCode::FORBIDDEN, "forbidden").await;
    let refused = server
        .as_admin(&door, Method::PUT, "/v1/admin/orgs/acme/webhook")
        .json(&json!({ "url": "https://sms.example.nl/hook" }))
        .send()
        .await
        .expect("request");
    assert_error(refused, StatusCode::FORBIDDEN, "forbidden").await;

    // Each does their own work, and the history says who without typing a name.
    let cafe = server.admin_cafe("acme", &door, &in_days(7), 10).await;
    server
        .publish_ok("acme", &editor, "netwerkscan", "fn x() { 1 }")
        .await;
    let page = server
        .as_admin(
            &editor,
            Method::GET,
            "/v1/admin/orgs/acme/scripts/netwerkscan",
        )
        .send()
        .await
        .expect("request");
    let page = json_of(page).await;
    assert_eq!(
        page["live"]["author"], "Youssef",
        "the version is signed by the token, not by the name typed in the playground (\"Test\")"
    );
    let log = server
        .as_admin(&door, Method::GET, "/v1/admin/orgs/acme/log")
        .send()
        .await
        .expect("request");
    let log = json_of(log).await;
    let entries: Vec<(String, String)> = log
        .as_array()
        .expect("a list")
        .iter()
        .map(|e| {
            (
                e["who"].as_str().unwrap_or_default().to_owned(),
                e["action"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert!(
        entries.contains(&("Youssef".into(), "publish".into())),
        "{entries:?}"
    );
    assert!(
        entries.contains(&("Sanne".into(), "create_cafe".into())),
        "{entries:?}"
    );
    assert!(log.to_string().contains(&format!("café {cafe}")));

    // Every admin reads the history, so it never holds a webhook's address
    // (which may carry a secret); the organisation's token is named as such.
    let set = server
        .as_admin(&org_token, Method::PUT, "/v1/admin/orgs/acme/webhook")
        .json(&json!({ "url": "https://user:pw@sms.example.nl/hook/s3cret?key=abc" }))
        .send()
        .await
        .expect("request");
    assert_eq!(set.status(), StatusCode::OK);
    let log = server
        .as_admin(&editor, Method::GET, "/v1/admin/orgs/acme/log")
        .send()
        .await
        .expect("request");
    let log = json_of(log).await;
    assert_eq!(log[0]["action"], "set_webhook");
    assert_eq!(log[0]["who"], "organisation token");
    assert_eq!(log[0]["detail"], "sms.example.nl");
    assert!(!log.to_string().contains("s3cret") && !log.to_string().contains("pw@"));

    // Revoked: the token stops working at once, the others do not.
    let org = server::names::OrgName::parse("acme").expect("name");
    server::org_remove_admin(&dirs.storage(), &org, "Sanne")
        .await
        .expect("removed");
    let gone = server
        .as_admin(&door, Method::GET, "/v1/admin/orgs/acme/cafes")
        .send()
        .await
        .expect("request");
    assert_error(gone, StatusCode::UNAUTHORIZED, "unauthorized").await;
    assert_eq!(me(editor).await["me"]["name"], "Youssef");
    assert!(
        server::org_remove_admin(&dirs.storage(), &org, "Sanne")
            .await
            .is_err(),
        "removing someone who is not there says so"
    );

    // A token made for one organisation opens no other.
    dirs.add_org("other", &[]).await;
    let other_editor = dirs.add_admin("other", "Els", Role::All).await;
    let refused = server
        .as_admin(&other_editor, Method::GET, "/v1/admin/orgs/acme/cafes")
        .send()
        .await
        .expect("request");
    assert_error(refused, StatusCode::UNAUTHORIZED, "unauthorized").await;
    server.stop().await;
}

#[tokio::test]
async fn check_in_walk_ins_and_counts_and_no_organisation_ticks_another_ones_signups() {
    let dirs = Dirs::new();
    // In UTC, so "today" is the same day here and there: the café is today.
    let token = dirs.add_org_in_zone("acme", "Etc/UTC").await;
    let door = dirs.add_admin("acme", "Sanne", Role::Cafes).await;
    let other = dirs.add_org("other", &[]).await;
    let server = Server::start(&dirs).await;
    let cafe = server.admin_cafe("acme", &token, &in_days(0), 2).await;
    let later = server.admin_cafe("acme", &token, &in_days(7), 2).await;
    let answer = server.sign_up_as("acme", later, 8, "nl").await;
    // The door code opens this person's check-in by a random key, which the
    // organisation's list has; never by the signup's number.
    let link = answer["door"]["link"]
        .as_str()
        .expect("a door code")
        .to_owned();
    let listed = server.signups("acme", &door, later).await;
    let key = listed[0]["door_key"]
        .as_str()
        .expect("a door key")
        .to_owned();
    assert!(
        key.len() == 32 && key.bytes().all(|b| b.is_ascii_hexdigit()),
        "{key}"
    );
    assert!(
        link.ends_with(&format!("/admin/#door/{later}/{key}")),
        "{link}"
    );
    for n in 1..=3 {
        server.sign_up_as("acme", cafe, n, "nl").await;
    }
    let rows = server.signups("acme", &door, cafe).await;
    let id = |n: usize| rows[n]["id"].as_i64().expect("an id");
    assert_eq!(rows[2]["status"], "waitlist");
    assert_eq!(rows[2]["position"], 1);

    // Another organisation's admin cannot tick this signup, nor add a walk-in here.
    let refused = server
        .tick("other", &other, id(0), json!({ "present": true }))
        .await;
    assert_error(refused, StatusCode::NOT_FOUND, "signup_not_found").await;
    let refused = server
        .walk_in(
            &other,
            "other",
            cafe,
            &json!({ "name": "Someone", "key": "0".repeat(32) }),
        )
        .await;
    assert_error(refused, StatusCode::NOT_FOUND, "cafe_not_found").await;
    assert!(
        server.signups("acme", &door, cafe).await[0]["present_at"].is_null(),
        "the refused tick changed nothing"
    );

    // Ticked at the door. A tick made offline carries its own time; sent
    // again it keeps the first.
    let earlier = (time::OffsetDateTime::now_utc() - time::Duration::minutes(5))
        .format(&time::format_description::well_known::Rfc3339)
        .expect("a time");
    let ticked = server
        .tick(
            "acme",
            &door,
            id(0),
            json!({ "present": true, "at": earlier }),
        )
        .await;
    assert_eq!(ticked.status(), StatusCode::OK);
    let first = json_of(ticked).await["present_at"]
        .as_str()
        .expect("ticked")
        .to_owned();
    assert_eq!(
        time::OffsetDateTime::parse(&first, &time::format_description::well_known::Rfc3339)
            .expect("a time"),
        time::OffsetDateTime::parse(&earlier, &time::format_description::well_known::Rfc3339)
            .expect("a time"),
    );
    let again = server
        .tick("acme", &door, id(0), json!({ "present": true }))
        .await;
    assert_eq!(json_of(again).await["present_at"], first.as_str());

    // A walk-in sent twice with its key (offline, then online) is one.
    let walk_in = |key: &'static str| {
        let (server, door) = (&server, door.clone());
        async move {
            server
                .walk_in(&door, "acme", cafe, &json!({ "name": "Amina", "key": key }))
                .await
        }
    };
    let first_walk_in = walk_in("0123456789abcdef0123456789abcdef").await;
    assert_eq!(first_walk_in.status(), StatusCode::CREATED);
    let first_walk_in = json_of(first_walk_in).await;
    let second = json_of(walk_in("0123456789abcdef0123456789abcdef").await).await;
    assert_eq!(first_walk_in["id"], second["id"]);
    let bad = server
        .walk_in(
            &door,
            "acme",
            cafe,
            &json!({ "name": "<b>", "key": "1".repeat(32) }),
        )
        .await;
    assert_error(bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid_cafe").await;

    // The counts: two with a place, one came, one did not, one walk-in.
    let counts = server
        .as_admin(&door, Method::GET, "/v1/admin/orgs/acme/attendance")
        .send()
        .await
        .expect("request");
    let counts = json_of(counts).await;
    let ours = counts
        .as_array()
        .expect("a list")
        .iter()
        .find(|c| c["cafe_id"] == cafe)
        .expect("our café")
        .clone();
    assert_eq!(
        (
            &ours["signed_up"],
            &ours["came"],
            &ours["did_not_come"],
            &ours["walk_ins"]
        ),
        (&json!(2), &json!(1), &json!(1), &json!(1)),
        "{ours}"
    );
    // Next week's café: nobody has not come yet.
    let next = counts
        .as_array()
        .expect("a list")
        .iter()
        .find(|c| c["cafe_id"] == later)
        .expect("next week's café")
        .clone();
    assert_eq!(
        (&next["signed_up"], &next["did_not_come"]),
        (&json!(1), &Value::Null),
        "{next}"
    );

    // The tick taken back, and a cancelled signup cannot be ticked.
    let back = server
        .tick("acme", &door, id(0), json!({ "present": false }))
        .await;
    assert!(json_of(back).await["present_at"].is_null());
    let cancel_token = server.sign_up_as("acme", cafe, 9, "nl").await["cancel_token"]
        .as_str()
        .expect("a token")
        .to_owned();
    server.with_link("acme", "cancel", cancel_token).await;
    let cancelled = server.signups("acme", &door, cafe).await;
    let cancelled = cancelled.last().expect("the cancelled one");
    assert_eq!(cancelled["status"], "cancelled");
    assert!(cancelled["cancelled_at"].is_string());
    let refused = server
        .tick(
            "acme",
            &door,
            cancelled["id"].as_i64().expect("id"),
            json!({ "present": true }),
        )
        .await;
    assert_error(refused, StatusCode::CONFLICT, "signup_cancelled").await;
    let untick = server
        .tick(
            "acme",
            &door,
            cancelled["id"].as_i64().expect("id"),
            json!({ "present": false }),
        )
        .await;
    assert_eq!(
        untick.status(),
        StatusCode::OK,
        "taking no tick back is fine"
    );

    // Cancelling takes the tick away with the rest of the details.
    let ticked_token = server.sign_up_as("acme", later, 10, "nl").await["cancel_token"]
        .as_str()
        .expect("a token")
        .to_owned();
    let rows = server.signups("acme", &door, later).await;
    let id = rows.last().expect("the new one")["id"]
        .as_i64()
        .expect("id");
    server
        .tick("acme", &door, id, json!({ "present": true }))
        .await;
    server.with_link("acme", "cancel", ticked_token).await;
    let rows = server.signups("acme", &door, later).await;
    assert!(rows.last().expect("it")["present_at"].is_null());
    server.stop().await;
}

#[tokio::test]
async fn the_list_shows_who_moved_up_and_when_and_who_cancelled() {
    let dirs = Dirs::new();
    let token = dirs.add_org("acme", &[]).await;
    let server = Server::start(&dirs).await;
    let cafe = server.admin_cafe("acme", &token, &in_days(3), 2).await;
    let first = server.sign_up_as("acme", cafe, 1, "nl").await;
    for n in 2..=4 {
        server.sign_up_as("acme", cafe, n, "nl").await;
    }
    let before = server.signups("acme", &token, cafe).await;
    assert_eq!(
        before
            .iter()
            .map(|r| (r["status"].clone(), r["position"].clone()))
            .collect::<Vec<_>>(),
        vec![
            (json!("confirmed"), Value::Null),
            (json!("confirmed"), Value::Null),
            (json!("waitlist"), json!(1)),
            (json!("waitlist"), json!(2)),
        ]
    );
    server
        .with_link("acme", "cancel", &first["cancel_token"])
        .await;
    let after = server.signups("acme", &token, cafe).await;
    assert_eq!(after[0]["status"], "cancelled");
    assert_eq!(after[0]["name"], "", "a cancellation deletes the details");
    assert!(after[0]["cancelled_at"].is_string());
    assert!(
        after[1]["moved_up_at"].is_null(),
        "had a place from the start"
    );
    assert_eq!(after[2]["status"], "confirmed");
    assert!(after[2]["moved_up_at"].is_string(), "{}", after[2]);
    assert!(after[3]["moved_up_at"].is_null());
    assert_eq!(after[3]["position"], 1);
    // Without `cancelled=true` (and in the CSV): only the live ones.
    let live = server
        .as_admin(
            &token,
            Method::GET,
            &format!("/v1/admin/orgs/acme/signups?cafe={cafe}"),
        )
        .send()
        .await
        .expect("request");
    assert_eq!(json_of(live).await.as_array().expect("a list").len(), 3);
    server.stop().await;
}

#[tokio::test]
async fn a_cafe_speaks_each_language_it_was_written_in_and_its_calendar_carries_the_zone() {
    let dirs = Dirs::new();
    let token = dirs.add_org("acme", &[]).await;
    let server = Server::start(&dirs).await;
    let create = |body: Value| {
        let (server, token) = (&server, token.clone());
        async move {
            server
                .as_admin(&token, Method::POST, "/v1/admin/orgs/acme/cafes")
                .json(&body)
                .send()
                .await
                .expect("request")
        }
    };
    let mut body = json!({
        "title": "Vacaturecafé Zorg", "date": in_days(10), "start": "14:00", "end": "16:00",
        "place": "Bibliotheek", "address": "Markt 1", "sectors": ["Zorg", "Welzijn"],
        "capacity": 10,
        "texts": { "en": { "title": "Job café: Care", "sectors": ["Care", "Welfare"] },
                   "ar": { "title": "مقهى الوظائف: الرعاية" } },
    });
    let created = create(body.clone()).await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let cafe = json_of(created).await["id"].as_i64().expect("an id");

    // The public list carries every language; the widget picks (tested in
    // the browser); the calendar file is in the language asked for, in the
    // organisation's zone.
    let list = json_of(server.get("/v1/orgs/acme/cafes").await).await;
    assert_eq!(list["cafes"][0]["texts"]["en"]["title"], "Job café: Care");
    let ics = |lang: &'static str| {
        let server = &server;
        async move {
            server
                .get(&format!(
                    "/v1/orgs/acme/cafes/{cafe}/calendar.ics?lang={lang}"
                ))
                .await
                .text()
                .await
                .expect("text")
        }
    };
    let english = ics("en").await;
    assert!(english.contains("SUMMARY:Job café: Care\r\n"), "{english}");
    assert!(
        english.contains("DTSTART;TZID=Europe/Amsterdam:"),
        "{english}"
    );
    assert!(english.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n"));
    // Arabic has a title but no description of its own: the first language's.
    let dutch = ics("nl").await;
    assert!(dutch.contains("SUMMARY:Vacaturecafé Zorg\r\n"));

    // Bad words in one language are refused, and the error names the field.
    body["texts"]["en"]["title"] = json!("<script>");
    let refused = create(body.clone()).await;
    let answer = json_of(refused).await;
    assert_eq!(answer["error"]["code"], "invalid_cafe");
    assert_eq!(answer["error"]["field"], "texts.en.title");
    body["texts"] = json!({ "fr": { "title": "Café" } });
    let refused = create(body.clone()).await;
    assert_eq!(
        refused.status(),
        StatusCode::BAD_REQUEST,
        "a language the widgets do not speak"
    );
    body["texts"] = json!({});
    body["capacity"] = json!(0);
    let answer = json_of(create(body).await).await;
    assert_eq!(answer["error"]["field"], "capacity");
    server.stop().await;
}

#[tokio::test]
async fn past_and_today_are_judged_where_the_organisation_is() {
    let dirs = Dirs::new();
    // The two ends of the world's clock: UTC+14 and UTC−12.
    dirs.add_org_in_zone("ahead", "Pacific/Kiritimati").await;
    let ahead = dirs.add_admin("ahead", "A", Role::All).await;
    dirs.add_org_in_zone("behind", "Etc/GMT+12").await;
    let behind = dirs.add_admin("behind", "B", Role::All).await;
    let server = Server::start(&dirs).await;
    let now = time::OffsetDateTime::now_utc();
    let there = |hours: i8| {
        now.to_offset(time::UtcOffset::from_hms(hours, 0, 0).expect("an offset"))
            .date()
    };
    let overview = server
        .as_admin(&ahead, Method::GET, "/v1/admin/orgs/ahead")
        .send()
        .await
        .expect("request");
    assert_eq!(json_of(overview).await["today"], there(14).to_string());

    // Yesterday where `ahead` is has passed there, whatever the UTC date.
    let past = (there(14) - time::Duration::days(1)).to_string();
    let cafe = server.admin_cafe("ahead", &ahead, &past, 5).await;
    let list = json_of(server.get("/v1/orgs/ahead/cafes").await).await;
    assert_eq!(list["cafes"], json!([]), "{list}");
    let refused = server
        .http
        .post(server.url(&format!("/v1/orgs/ahead/cafes/{cafe}/signups")))
        .json(&json!({ "form": person(1) }))
        .send()
        .await
        .expect("request");
    assert_error(refused, StatusCode::CONFLICT, "cafe_past").await;

    // Today where `behind` is has not passed there, whatever the UTC date.
    let today = there(-12).to_string();
    server.admin_cafe("behind", &behind, &today, 5).await;
    let list = json_of(server.get("/v1/orgs/behind/cafes").await).await;
    assert_eq!(list["cafes"][0]["date"], today.as_str(), "{list}");
    server.stop().await;
}
