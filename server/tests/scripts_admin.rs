//! The rule-script admin API over HTTP, against a real server and SQLite file:
//! versions, publish refusal, roll back, and who may do what.
#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

mod support;
use support::*;

use reqwest::StatusCode;
use serde_json::{Value, json};

const GOOD: &str =
    "// More weight for a contact at work.\nfn weight_changes() { #{ per_link: 70 } }\n";
const OTHER: &str = "fn weight_changes() { #{ per_link: 20 } }\n";

async fn page(server: &Server, org: &str, token: &str) -> Value {
    let response = server
        .http
        .get(server.url(&format!("/v1/admin/orgs/{org}/scripts/netwerkscan")))
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    json_of(response).await
}

/// The organisation layer's source the widgets get now, if any.
async fn live_source(server: &Server, org: &str) -> Option<String> {
    let body = json_of(
        server
            .get(&format!("/v1/orgs/{org}/rules/netwerkscan"))
            .await,
    )
    .await;
    body["layers"][1]["source"].as_str().map(str::to_owned)
}

async fn make_live(server: &Server, org: &str, token: &str, number: i64) -> reqwest::Response {
    server
        .http
        .put(server.url(&format!("/v1/admin/orgs/{org}/scripts/netwerkscan/live")))
        .bearer_auth(token)
        .json(&json!({ "number": number }))
        .send()
        .await
        .expect("request")
}

fn versions(page: &Value) -> Vec<(i64, bool)> {
    page["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .map(|v| (v["number"].as_i64().expect("number"), v["live"] == true))
        .collect()
}

#[tokio::test]
async fn publishing_adds_a_version_that_goes_live_and_the_widgets_load() {
    let dirs = Dirs::new();
    let token = dirs.add_org("acme", &[]).await;
    let server = Server::start(&dirs).await;

    let first = page(&server, "acme", &token).await;
    assert_eq!(first["live"], Value::Null);
    assert_eq!(versions(&first), []);
    assert_eq!(first["layer"], "org:acme");
    assert_eq!(
        first["default"]["source"],
        std::fs::read_to_string(format!("{SCRIPTS}/netwerkscan.rhai")).expect("default")
    );
    assert!(
        first["reference"]["hooks"][1]["hook"]
            .as_str()
            .is_some_and(|h| h.starts_with("score("))
    );
    assert_eq!(live_source(&server, "acme").await, None);

    let published = server
        .publish("acme", &token, "netwerkscan", GOOD, "")
        .await;
    assert_eq!(published.status(), StatusCode::CREATED);
    let body = json_of(published).await;
    assert_eq!(body["version"]["number"], 1);
    assert_eq!(body["version"]["live"], true);
    assert_eq!(body["version"]["author"], "Test");
    assert_eq!(body["version"]["note"], "from a test");
    assert_eq!(live_source(&server, "acme").await.as_deref(), Some(GOOD));

    let second = server
        .publish("acme", &token, "netwerkscan", OTHER, "")
        .await;
    assert_eq!(second.status(), StatusCode::CREATED);
    let now = page(&server, "acme", &token).await;
    assert_eq!(versions(&now), [(2, true), (1, false)]);
    assert_eq!(now["live"]["source"], OTHER);
    assert_eq!(now["versions"][1]["source"], GOOD, "old versions are kept");
    assert_eq!(live_source(&server, "acme").await.as_deref(), Some(OTHER));
    server.stop().await;
}

#[tokio::test]
async fn a_script_that_does_not_compile_is_refused_with_its_line_and_the_live_version_stays() {
    let dirs = Dirs::new();
    let token = dirs.add_org("acme", &[]).await;
    let server = Server::start(&dirs).await;
    let ok = server
        .publish("acme", &token, "netwerkscan", GOOD, "")
        .await;
    assert_eq!(ok.status(), StatusCode::CREATED);

    let broken = "fn weight_changes() {\n    #{ per_link: 70 \n    let x = ;\n}\n";
    let refused = server
        .publish("acme", &token, "netwerkscan", broken, "")
        .await;
    let status = refused.status();
    let body = json_of(refused).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["code"], "script_refused");
    let compile = &body["error"]["review"]["compile"];
    assert_eq!(compile["layer"], "org:acme", "{body}");
    assert_eq!(compile["line"], 3, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("live version stays")),
        "{body}"
    );

    assert_eq!(live_source(&server, "acme").await.as_deref(), Some(GOOD));
    assert_eq!(versions(&page(&server, "acme", &token).await), [(1, true)]);
    server.stop().await;
}

#[tokio::test]
async fn a_failing_test_case_is_refused_with_what_was_expected_and_what_came_out() {
    let dirs = Dirs::new();
    let token = dirs.add_org("acme", &[]).await;
    let server = Server::start(&dirs).await;
    let tests = json!({ "cases": [
        { "name": "a work contact weighs 50", "hook": "weight_changes", "args": [], "expect": { "per_link": 50 } }
    ]})
    .to_string();
    let refused = server
        .publish("acme", &token, "netwerkscan", GOOD, &tests)
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json_of(refused).await;
    let case = &body["error"]["review"]["tests"][0];
    assert_eq!(case["name"], "a work contact weighs 50");
    assert_eq!(case["differences"][0], "$.per_link: expected 50, got 70");
    assert_eq!(live_source(&server, "acme").await, None);

    // With the expectation brought up to date it goes live.
    let fixed = tests.replace("50", "70");
    let ok = server
        .publish("acme", &token, "netwerkscan", GOOD, &fixed)
        .await;
    assert_eq!(ok.status(), StatusCode::CREATED);
    let body = json_of(ok).await;
    assert_eq!(body["review"]["tests"][0]["differences"], json!([]));
    assert_eq!(body["version"]["tests"], fixed);
    server.stop().await;
}

#[tokio::test]
async fn a_script_that_runs_for_ever_or_has_unreadable_tests_is_refused() {
    let dirs = Dirs::new();
    let token = dirs.add_org("acme", &[]).await;
    let server = Server::start(&dirs).await;

    let endless = "fn score(answers, ctx) {\n    loop { }\n}\n";
    let refused = server
        .publish("acme", &token, "netwerkscan", endless, "")
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json_of(refused).await;
    assert_eq!(body["error"]["review"]["smoke"]["error"]["kind"], "limit");
    assert_eq!(body["error"]["review"]["smoke"]["error"]["hook"], "score");

    let refused = server
        .publish("acme", &token, "netwerkscan", GOOD, "{ \"cases\": [")
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json_of(refused).await;
    assert!(body["error"]["review"]["tests_unreadable"].is_string());
    assert_eq!(live_source(&server, "acme").await, None);
    server.stop().await;
}

#[tokio::test]
async fn roll_back_makes_an_older_version_live_again_and_keeps_the_history() {
    let dirs = Dirs::new();
    let token = dirs.add_org("acme", &[]).await;
    let server = Server::start(&dirs).await;
    for source in [GOOD, OTHER] {
        let r = server
            .publish("acme", &token, "netwerkscan", source, "")
            .await;
        assert_eq!(r.status(), StatusCode::CREATED);
    }
    let tag_before = header(&server.get("/v1/orgs/acme/rules/netwerkscan").await, "etag");

    let back = make_live(&server, "acme", &token, 1).await;
    assert_eq!(back.status(), StatusCode::OK);
    assert_eq!(json_of(back).await["number"], 1);
    assert_eq!(live_source(&server, "acme").await.as_deref(), Some(GOOD));
    let tag_after = header(&server.get("/v1/orgs/acme/rules/netwerkscan").await, "etag");
    assert_ne!(tag_before, tag_after, "caches see the change");
    assert_eq!(
        versions(&page(&server, "acme", &token).await),
        [(2, false), (1, true)]
    );

    // And forward again.
    assert_eq!(
        make_live(&server, "acme", &token, 2).await.status(),
        StatusCode::OK
    );
    assert_eq!(live_source(&server, "acme").await.as_deref(), Some(OTHER));

    assert_error(
        make_live(&server, "acme", &token, 9).await,
        StatusCode::NOT_FOUND,
        "version_not_found",
    )
    .await;
    assert_eq!(live_source(&server, "acme").await.as_deref(), Some(OTHER));
    server.stop().await;
}

#[tokio::test]
async fn a_version_that_no_longer_works_is_not_made_live_again() {
    let dirs = Dirs::new();
    // An old release's file, imported as version 1 as it was: it never passed a review.
    std::fs::create_dir_all(dirs.org_dir("oud")).expect("org folder");
    std::fs::write(
        dirs.org_dir("oud").join("netwerkscan.rhai"),
        "fn weight_changes() {\n    #{ per_link: 70 \n",
    )
    .expect("script");
    let token = dirs.add_org("oud", &[]).await;
    let server = Server::start(&dirs).await;
    let fixed = server.publish("oud", &token, "netwerkscan", GOOD, "").await;
    assert_eq!(fixed.status(), StatusCode::CREATED);

    let refused = make_live(&server, "oud", &token, 1).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json_of(refused).await;
    assert_eq!(body["error"]["code"], "script_refused");
    assert_eq!(body["error"]["review"]["compile"]["layer"], "org:oud");
    assert_eq!(live_source(&server, "oud").await.as_deref(), Some(GOOD));
    assert_eq!(
        versions(&page(&server, "oud", &token).await),
        [(2, true), (1, false)]
    );
    server.stop().await;
}

#[tokio::test]
async fn a_token_opens_only_its_own_organisations_scripts() {
    let dirs = Dirs::new();
    let acme = dirs.add_org("acme", &[]).await;
    let other = dirs.add_org("other", &[]).await;
    let server = Server::start(&dirs).await;
    let ok = server
        .publish("other", &other, "netwerkscan", OTHER, "")
        .await;
    assert_eq!(ok.status(), StatusCode::CREATED);

    let read = |token: Option<String>, org: &'static str| {
        let mut request = server
            .http
            .get(server.url(&format!("/v1/admin/orgs/{org}/scripts/netwerkscan")));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send()
    };
    for (token, org) in [
        (Some(acme.clone()), "other"),
        (None, "other"),
        (Some("wrong".to_owned()), "other"),
        (Some(acme.clone()), "nobody"),
    ] {
        let response = read(token, org).await.expect("request");
        assert_eq!(header(&response, "www-authenticate"), "Bearer");
        assert_error(response, StatusCode::UNAUTHORIZED, "unauthorized").await;
    }
    // Signing in tells the same.
    let response = server
        .http
        .get(server.url("/v1/admin/orgs/other"))
        .bearer_auth(&acme)
        .send()
        .await
        .expect("request");
    assert_error(response, StatusCode::UNAUTHORIZED, "unauthorized").await;

    // Nor can it publish or roll back there.
    assert_error(
        server
            .publish("other", &acme, "netwerkscan", GOOD, "")
            .await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    assert_error(
        make_live(&server, "other", &acme, 1).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    assert_eq!(live_source(&server, "other").await.as_deref(), Some(OTHER));

    // Its own organisation it may open.
    let response = server
        .http
        .get(server.url("/v1/admin/orgs/acme"))
        .bearer_auth(&acme)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    let body = json_of(response).await;
    assert_eq!(body["org"], "acme");
    assert_eq!(body["widgets"][0]["live"], Value::Null);
    server.stop().await;
}

#[tokio::test]
async fn bad_publish_requests_get_clear_errors() {
    let dirs = Dirs::new();
    let token = dirs.add_org("acme", &[]).await;
    let server = Server::start(&dirs).await;
    let post = |path: &str, body: String| {
        server
            .http
            .post(server.url(path))
            .bearer_auth(&token)
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let versions = "/v1/admin/orgs/acme/scripts/netwerkscan/versions";
    let long_note = json!({ "source": GOOD, "note": "x".repeat(501) }).to_string();
    for (path, body, status, code) in [
        (
            versions,
            long_note,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_version",
        ),
        (
            versions,
            "{".to_owned(),
            StatusCode::BAD_REQUEST,
            "bad_json",
        ),
        (
            versions,
            json!({ "src": GOOD }).to_string(),
            StatusCode::BAD_REQUEST,
            "bad_json",
        ),
        (
            "/v1/admin/orgs/acme/scripts/quiz/versions",
            json!({ "source": GOOD }).to_string(),
            StatusCode::NOT_FOUND,
            "widget_not_found",
        ),
        (
            versions,
            json!({ "source": "x".repeat(300 * 1024) }).to_string(),
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
        ),
    ] {
        let response = post(path, body).await.expect("request");
        assert_eq!(response.status(), status, "{path} {code}");
        assert_error(response, status, code).await;
    }
    assert_eq!(live_source(&server, "acme").await, None);
    server.stop().await;
}

#[tokio::test]
async fn every_script_action_is_in_the_admin_log() {
    let dirs = Dirs::new();
    let token = dirs.add_org("acme", &[]).await;
    let server = Server::start(&dirs).await;
    let _ = server
        .publish("acme", &token, "netwerkscan", GOOD, "")
        .await;
    let _ = server
        .publish("acme", &token, "netwerkscan", "fn (", "")
        .await;
    let _ = server
        .publish("acme", &token, "netwerkscan", OTHER, "")
        .await;
    let _ = make_live(&server, "acme", &token, 1).await;
    server.stop().await;

    let db = server::db::Db::open(&dirs.storage().location())
        .await
        .expect("database");
    let actions: Vec<String> = db
        .admin_log("acme")
        .await
        .expect("log")
        .into_iter()
        .map(|(action, _)| action)
        .collect();
    assert_eq!(
        actions,
        ["publish", "publish_refused", "publish", "make_live"]
    );
}

#[tokio::test]
async fn script_folders_of_an_older_release_are_imported_once() {
    let dirs = Dirs::new();
    std::fs::create_dir_all(dirs.org_dir("oud")).expect("org folder");
    std::fs::write(dirs.org_dir("oud").join("netwerkscan.rhai"), GOOD).expect("script");
    let server = Server::start(&dirs).await;
    assert_eq!(live_source(&server, "oud").await.as_deref(), Some(GOOD));
    server.stop().await;

    // Edited afterwards, the file no longer counts: the database does.
    std::fs::write(dirs.org_dir("oud").join("netwerkscan.rhai"), OTHER).expect("script");
    let token = dirs.add_org("oud", &[]).await;
    let server = Server::start(&dirs).await;
    assert_eq!(live_source(&server, "oud").await.as_deref(), Some(GOOD));
    let page = page(&server, "oud", &token).await;
    assert_eq!(versions(&page), [(1, true)]);
    assert!(
        page["versions"][0]["note"]
            .as_str()
            .is_some_and(|n| n.starts_with("Imported from")),
        "{page}"
    );
    server.stop().await;
}

#[tokio::test]
async fn the_playground_page_is_served_with_a_strict_policy() {
    let dirs = Dirs::new();
    let admin = dirs.bundle.path().join("admin");
    std::fs::create_dir_all(&admin).expect("admin folder");
    std::fs::write(
        admin.join("index.html"),
        "<!doctype html><title>Playground</title>",
    )
    .expect("page");
    let server = Server::start(&dirs).await;
    for path in ["/admin/", "/admin/index.html"] {
        let response = server.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let csp = header(&response, "content-security-policy");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{csp}"
        );
        assert_eq!(header(&response, "x-frame-options"), "DENY");
        assert_eq!(header(&response, "referrer-policy"), "no-referrer");
        assert!(response.text().await.expect("text").contains("Playground"));
    }
    server.stop().await;
}

/// The scripts fuzzing found could crash or stall the server (issue 24):
/// each is refused (or, once bounded, harmless) within seconds, and the
/// server keeps answering everyone.
#[tokio::test]
async fn scripts_that_broke_the_sandbox_are_stopped_and_the_server_keeps_answering() {
    let dirs = Dirs::new();
    let token = dirs.add_org("acme", &[]).await;
    let server = Server::start(&dirs).await;
    let deep = "let v = []; for i in 0..2000 { v = if i % 2 == 0 { [v] } else { #{ a: v } }; }";
    let cases = [
        // Overflowed the stack of a tokio worker: the whole process aborted.
        (
            "vacaturecafe",
            format!("fn fields(cafe, ctx) {{ {deep} print(v); v.to_debug(); `${{v}}`; [] }}"),
            "limit",
        ),
        (
            "vacaturecafe",
            format!("fn fields(cafe, ctx) {{ {deep} v == v; [] }}"),
            "limit",
        ),
        // Held a blocking thread for ever.
        (
            "netwerkscan",
            "fn score(answers, ctx) { sleep(9223372036854775807) }".to_owned(),
            "runtime",
        ),
        // 41 s per call within the operation limit.
        (
            "netwerkscan",
            "fn score(answers, ctx) { let v = []; for i in 0..999 { v = [v]; } loop { let w = v; } }"
                .to_owned(),
            "limit",
        ),
        // Seconds within the operation limit, without any nesting.
        (
            "netwerkscan",
            "fn score(answers, ctx) { let v = []; for i in 0..990 { v.push(`item ${i}`); } loop { let w = v; } }"
                .to_owned(),
            "limit",
        ),
    ];
    for (widget, source, kind) in cases {
        let started = std::time::Instant::now();
        let answer = server.publish("acme", &token, widget, &source, "").await;
        let took = started.elapsed();
        let status = answer.status();
        let body = json_of(answer).await;
        assert!(took.as_secs() < 5, "{source}: {took:?}");
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{source}: {body}");
        let error = &body["error"]["review"]["smoke"]["error"];
        assert_eq!(error["kind"], kind, "{body}");
        let health = server.get("/healthz").await;
        assert_eq!(health.status(), StatusCode::OK, "after {source}");
    }

    // Thousands of slow test cases: one budget for the whole review.
    let spam = "fn spam() { loop { print(\"spam\"); } }\n";
    let case = r#"{"name":"spam","hook":"spam","args":[],"expect":0}"#;
    let tests = format!("{{\"cases\":[{}]}}", vec![case; 1001].join(","));
    let started = std::time::Instant::now();
    let answer = server
        .publish("acme", &token, "netwerkscan", spam, &tests)
        .await;
    let took = started.elapsed();
    assert_eq!(answer.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json_of(answer).await;
    let outcomes = body["error"]["review"]["tests"].as_array().expect("tests");
    assert!(outcomes.len() < 1001, "every case ran");
    let last = outcomes.last().expect("an outcome").to_string();
    assert!(last.contains("ran out of time"), "{last}");
    assert!(took.as_secs() < 10, "the review took {took:?}");

    // Another organisation's widget is served as before.
    let demo = server.get("/v1/orgs/demo/rules/netwerkscan").await;
    assert_eq!(demo.status(), StatusCode::OK);
    server.stop().await;
}
