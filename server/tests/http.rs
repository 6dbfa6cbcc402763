//! Real HTTP against the real server: each test starts it on `127.0.0.1:0`
//! with its own data, bundle and www folders and the repository's `scripts/`.
#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

mod support;
use support::*;

use std::io::Read as _;
use std::path::Path;

use reqwest::StatusCode;
use reqwest::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY,
};
use serde_json::{Value, json};

fn unbrotli(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(data, 4096)
        .read_to_end(&mut out)
        .expect("valid brotli");
    out
}

fn gunzip(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(data)
        .read_to_end(&mut out)
        .expect("valid gzip");
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("readable file")
}

#[tokio::test]
async fn first_start_creates_the_demo_org_whose_rules_have_a_default_and_an_org_layer() {
    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;

    let response = server.get("/v1/orgs/demo/rules/netwerkscan").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, CONTENT_TYPE), "application/json");
    let body = json_of(response).await;
    assert_eq!(body["org"], "demo");
    assert_eq!(body["widget"], "netwerkscan");
    let layers = body["layers"].as_array().expect("layers");
    assert_eq!(layers.len(), 2);
    assert_eq!(layers[0]["name"], "default");
    assert_eq!(
        layers[0]["source"],
        read(&Path::new(SCRIPTS).join("netwerkscan.rhai"))
    );
    assert_eq!(layers[1]["name"], "org:demo");
    let org_source = layers[1]["source"].as_str().expect("org source");
    assert_eq!(
        org_source,
        read(&Path::new(SCRIPTS).join("examples/demo/netwerkscan.rhai"))
    );
    server.stop().await;
}

#[tokio::test]
async fn an_org_without_an_override_gets_only_the_default_layer() {
    let dirs = Dirs::new();
    std::fs::create_dir_all(dirs.org_dir("buurthuis-west")).expect("org dir");
    let server = Server::start(&dirs).await;

    let body = json_of(
        server
            .get("/v1/orgs/buurthuis-west/rules/netwerkscan")
            .await,
    )
    .await;
    assert_eq!(body["org"], "buurthuis-west");
    let layers = body["layers"].as_array().expect("layers");
    assert_eq!(layers.len(), 1);
    assert_eq!(layers[0]["name"], "default");
}

#[tokio::test]
async fn an_unknown_org_is_a_json_404_org_not_found() {
    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;

    let response = server.get("/v1/orgs/nobody/rules/netwerkscan").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        json_of(response).await,
        json!({"error": {"code": "org_not_found", "message": "No organisation called 'nobody'."}})
    );
    let response = server.get("/v1/orgs/nobody/scripts/netwerkscan.rhai").await;
    assert_error(response, StatusCode::NOT_FOUND, "org_not_found").await;
}

#[tokio::test]
async fn hostile_org_names_are_404_and_the_server_keeps_serving() {
    let dirs = Dirs::new();
    // A real folder the traversal would reach if names were joined unchecked.
    std::fs::create_dir_all(dirs.data.path().join("secret")).expect("dir");
    std::fs::write(dirs.data.path().join("secret/netwerkscan.rhai"), "secret").expect("file");
    let server = Server::start(&dirs).await;

    let long = "a".repeat(200);
    for org in [
        "..%2F..%2Fetc",
        "..%2Fsecret",
        ".demo.partial",
        "Demo",
        "-demo",
        "de%20mo",
        long.as_str(),
    ] {
        for path in [
            format!("/v1/orgs/{org}/rules/netwerkscan"),
            format!("/v1/orgs/{org}/scripts/netwerkscan.rhai"),
        ] {
            let message = assert_error(
                server.get(&path).await,
                StatusCode::NOT_FOUND,
                "org_not_found",
            )
            .await;
            assert!(message.chars().count() < 120, "{message}");
        }
    }
    // A control character is refused before any route, for every address.
    let nul = server.get("/v1/orgs/demo%00/rules/netwerkscan").await;
    assert_error(nul, StatusCode::BAD_REQUEST, "bad_path").await;
    assert_eq!(server.get("/healthz").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn dot_segments_sent_raw_never_leave_the_folders() {
    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;
    // HTTP clients remove `..` and `%2e%2e` before sending; an attacker need not.
    for path in [
        "/v1/orgs/../scripts/netwerkscan.rhai",
        "/v1/orgs/%2e%2e/rules/netwerkscan",
    ] {
        let answer = server.raw_get(path).await;
        assert!(answer.starts_with("HTTP/1.1 404"), "{path}: {answer}");
        assert!(answer.contains("org_not_found"), "{path}: {answer}");
    }
    for path in [
        "/../Cargo.toml",
        "/v1/../../Cargo.toml",
        "/%2e%2e/Cargo.toml",
    ] {
        let answer = server.raw_get(path).await;
        assert!(answer.starts_with("HTTP/1.1 404"), "{path}: {answer}");
    }
    assert_eq!(server.get("/healthz").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_path_segment_that_is_not_utf8_is_a_json_400() {
    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;
    let response = server.get("/v1/orgs/%FF/rules/netwerkscan").await;
    assert_error(response, StatusCode::BAD_REQUEST, "bad_path").await;
}

/// Found by fuzzing (server/tests/fuzz_http.rs): the file server answered
/// 500 for a NUL byte (HEAD) and for a name longer than any file's (GET and
/// HEAD). Every address of the site, the bundle and the playground is tried.
#[tokio::test]
async fn a_path_no_file_can_have_is_a_json_4xx_never_a_500() {
    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;
    let long = "a".repeat(300);
    for prefix in ["", "/v1", "/admin", "/v1/orgs/demo"] {
        for method in [reqwest::Method::GET, reqwest::Method::HEAD] {
            for (path, status, code) in [
                (
                    format!("{prefix}/a%00dmin/x"),
                    StatusCode::BAD_REQUEST,
                    "bad_path",
                ),
                (
                    format!("{prefix}/x%1F"),
                    StatusCode::BAD_REQUEST,
                    "bad_path",
                ),
                (
                    format!("{prefix}/{long}"),
                    StatusCode::NOT_FOUND,
                    "not_found",
                ),
            ] {
                let answer = server
                    .http
                    .request(method.clone(), server.url(&path))
                    .header("accept-encoding", "br, gzip")
                    .send()
                    .await
                    .expect("request");
                if method == reqwest::Method::HEAD {
                    assert_eq!(answer.status(), status, "HEAD {path}");
                } else {
                    assert_error(answer, status, code).await;
                }
            }
        }
    }
}

#[tokio::test]
async fn an_unknown_widget_is_404_widget_not_found() {
    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;
    for path in [
        "/v1/orgs/demo/rules/quiz",
        "/v1/orgs/demo/rules/Netwerkscan",
        "/v1/orgs/demo/scripts/quiz.rhai",
        "/v1/scripts/quiz.rhai",
        "/v1/scripts/..%2Fnetwerkscan.rhai",
    ] {
        assert_error(
            server.get(path).await,
            StatusCode::NOT_FOUND,
            "widget_not_found",
        )
        .await;
    }
}

#[tokio::test]
async fn every_widget_has_default_rules_served_to_the_demo_org() {
    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;
    for widget in ["netwerkscan", "vacaturecafe", "alliantiescan"] {
        let response = server.get(&format!("/v1/orgs/demo/rules/{widget}")).await;
        assert_eq!(response.status(), StatusCode::OK, "{widget}");
        let body = json_of(response).await;
        assert_eq!(body["layers"][0]["name"], "default", "{widget}");
    }
}

#[tokio::test]
async fn an_org_that_does_not_override_a_widget_has_no_org_script() {
    let dirs = Dirs::new();
    std::fs::create_dir_all(dirs.org_dir("buurthuis-west")).expect("org dir");
    let server = Server::start(&dirs).await;
    let response = server
        .get("/v1/orgs/buurthuis-west/scripts/netwerkscan.rhai")
        .await;
    let message = assert_error(response, StatusCode::NOT_FOUND, "script_not_found").await;
    assert_eq!(
        message,
        "Organisation 'buurthuis-west' does not change the netwerkscan rules."
    );
}

#[tokio::test]
async fn script_urls_must_end_in_rhai() {
    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;
    for path in ["/v1/scripts/netwerkscan", "/v1/scripts/netwerkscan.js"] {
        assert_error(
            server.get(path).await,
            StatusCode::NOT_FOUND,
            "script_not_found",
        )
        .await;
    }
}

#[tokio::test]
async fn raw_script_urls_return_the_script_as_text() {
    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;

    let response = server.get("/v1/scripts/netwerkscan.rhai").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, CONTENT_TYPE), "text/plain; charset=utf-8");
    assert_eq!(header(&response, "access-control-allow-origin"), "*");
    assert_eq!(
        response.text().await.expect("text"),
        read(&Path::new(SCRIPTS).join("netwerkscan.rhai"))
    );

    let response = server.get("/v1/orgs/demo/scripts/netwerkscan.rhai").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, CONTENT_TYPE), "text/plain; charset=utf-8");
    assert_eq!(
        response.text().await.expect("text"),
        read(&Path::new(SCRIPTS).join("examples/demo/netwerkscan.rhai"))
    );
}

#[tokio::test]
async fn rules_carry_an_etag_and_a_matching_if_none_match_gets_304() {
    let dirs = Dirs::new();
    let token = dirs.add_org("demo", &[]).await;
    let server = Server::start(&dirs).await;
    let path = "/v1/orgs/demo/rules/netwerkscan";

    let first = server.get(path).await;
    assert_eq!(header(&first, CACHE_CONTROL), "no-cache");
    let tag = header(&first, ETAG);
    assert!(
        tag.starts_with('"') && tag.ends_with('"'),
        "a strong tag: {tag}"
    );

    let again = server.get_with(path, IF_NONE_MATCH.as_str(), &tag).await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(header(&again, ETAG), tag);
    assert!(again.bytes().await.expect("body").is_empty());

    // An admin publishes a new version: the old tag no longer matches.
    let published = server
        .publish(
            "demo",
            &token,
            "netwerkscan",
            "fn weight_changes() { #{ per_link: 40 } }\n",
            "",
        )
        .await;
    assert_eq!(published.status(), StatusCode::CREATED);
    let edited = server.get_with(path, IF_NONE_MATCH.as_str(), &tag).await;
    assert_eq!(edited.status(), StatusCode::OK);
    assert_ne!(header(&edited, ETAG), tag);
    let body = json_of(edited).await;
    assert_eq!(
        body["layers"][1]["source"],
        "fn weight_changes() { #{ per_link: 40 } }\n"
    );
}

#[tokio::test]
async fn api_answers_are_compressed_when_the_client_accepts_it() {
    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;
    let path = "/v1/orgs/demo/rules/netwerkscan";
    let plain_tag = header(&server.get(path).await, ETAG);

    let response = server
        .get_with(path, ACCEPT_ENCODING.as_str(), "gzip")
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, CONTENT_ENCODING), "gzip");
    // Other bytes on the wire, so another strong tag.
    let gzip_tag = header(&response, ETAG);
    assert_eq!(
        gzip_tag,
        format!("{}-gzip\"", plain_tag.trim_end_matches('"'))
    );
    let bytes = response.bytes().await.expect("body");
    let body: Value = serde_json::from_slice(&gunzip(&bytes)).expect("JSON inside gzip");
    assert_eq!(body["layers"][1]["name"], "org:demo");

    let revalidated = server
        .http
        .get(server.url(path))
        .header(ACCEPT_ENCODING, "gzip")
        .header(IF_NONE_MATCH, &gzip_tag)
        .send()
        .await
        .expect("request");
    assert_eq!(revalidated.status(), StatusCode::NOT_MODIFIED);

    let response = server.get_with(path, ACCEPT_ENCODING.as_str(), "br").await;
    assert_eq!(header(&response, CONTENT_ENCODING), "br");
    let bytes = response.bytes().await.expect("body");
    let _: Value = serde_json::from_slice(&unbrotli(&bytes)).expect("JSON inside brotli");
}

#[tokio::test]
async fn the_wasm_is_served_as_application_wasm_to_any_origin_with_a_cache_header() {
    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;

    let response = server
        .get_with(
            "/v1/bondgenoot_bg.wasm",
            "origin",
            "https://www.gemeente.example",
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, CONTENT_TYPE), "application/wasm");
    assert_eq!(header(&response, "access-control-allow-origin"), "*");
    assert_eq!(header(&response, "access-control-allow-credentials"), "");
    assert_eq!(header(&response, CACHE_CONTROL), "public, max-age=300");
    assert_eq!(
        header(&response, "cross-origin-resource-policy"),
        "cross-origin"
    );
    assert_eq!(header(&response, CONTENT_ENCODING), "");
    assert_eq!(response.bytes().await.expect("body").as_ref(), WASM);
}

#[tokio::test]
async fn versioned_bundle_files_are_kept_a_year_the_rest_five_minutes_and_a_miss_not_at_all() {
    let dirs = Dirs::new();
    let v1 = dirs.bundle.path().join("v1");
    std::fs::write(v1.join("bondgenoot_bg.0123abcdef.wasm"), WASM).expect("a versioned copy");
    std::fs::write(v1.join("embed.js"), "// the loader").expect("embed.js");
    let server = Server::start(&dirs).await;

    let versioned = server.get("/v1/bondgenoot_bg.0123abcdef.wasm").await;
    assert_eq!(versioned.status(), StatusCode::OK);
    assert_eq!(header(&versioned, CONTENT_TYPE), "application/wasm");
    assert_eq!(
        header(&versioned, CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
    // The loader, whose address never changes, names the versions: short.
    let loader = server.get("/v1/embed.js").await;
    assert_eq!(header(&loader, CACHE_CONTROL), "public, max-age=300");
    // Not a version (no 10 hex digits), and a miss: not kept.
    let other = server.get("/v1/bondgenoot_bg.0123abcdeg.wasm").await;
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
    assert_eq!(header(&other, CACHE_CONTROL), "");
    let missing = server.get("/v1/bondgenoot_bg.9999999999.wasm").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(header(&missing, CACHE_CONTROL), "");
}

#[tokio::test]
async fn precompressed_bundle_files_are_served_when_the_client_accepts_them() {
    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;
    let path = "/v1/bondgenoot_bg.wasm";

    let response = server
        .get_with(path, ACCEPT_ENCODING.as_str(), "gzip, br")
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, CONTENT_ENCODING), "br");
    assert_eq!(header(&response, CONTENT_TYPE), "application/wasm");
    let vary: Vec<String> = response
        .headers()
        .get_all(VARY)
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_lowercase))
        .collect();
    assert!(
        vary.iter().any(|v| v.contains("accept-encoding")),
        "{vary:?}"
    );
    let bytes = response.bytes().await.expect("body");
    assert_eq!(unbrotli(&bytes), WASM);

    let response = server
        .get_with(path, ACCEPT_ENCODING.as_str(), "gzip")
        .await;
    assert_eq!(header(&response, CONTENT_ENCODING), "gzip");
    let bytes = response.bytes().await.expect("body");
    assert_eq!(gunzip(&bytes), WASM);
}

#[tokio::test]
async fn a_missing_bundle_file_is_404_and_not_cached_for_minutes() {
    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;
    let response = server.get("/v1/embed.js").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(header(&response, CACHE_CONTROL), "");
}

#[tokio::test]
async fn cors_preflight_allows_any_origin_for_get_without_credentials() {
    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;
    let response = server
        .http
        .request(
            reqwest::Method::OPTIONS,
            server.url("/v1/orgs/demo/rules/netwerkscan"),
        )
        .header("origin", "https://www.gemeente.example")
        .header("access-control-request-method", "GET")
        .header("access-control-request-headers", "if-none-match")
        .send()
        .await
        .expect("preflight");
    assert!(response.status().is_success());
    assert_eq!(header(&response, "access-control-allow-origin"), "*");
    let methods = header(&response, "access-control-allow-methods");
    assert!(methods.contains("GET"), "{methods}");
    assert!(!methods.contains("POST"), "{methods}");
    assert_eq!(header(&response, "access-control-allow-credentials"), "");
}

#[tokio::test]
async fn healthz_says_ok() {
    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;
    let response = server.get("/healthz").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.text().await.expect("text"), "ok");
}

#[tokio::test]
async fn the_www_index_is_served_at_the_root_and_unknown_paths_are_404() {
    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;

    let response = server.get("/").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(header(&response, CONTENT_TYPE).starts_with("text/html"));
    assert_eq!(header(&response, CACHE_CONTROL), "no-cache");
    assert!(response.text().await.expect("html").contains("Demostad"));

    for path in [
        "/nope.html",
        "/v1/nope.js",
        "/v1/orgs/demo",
        "/../Cargo.toml",
    ] {
        assert_eq!(
            server.get(path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
}

#[tokio::test]
async fn a_restart_keeps_the_orgs_and_a_published_demo_override() {
    let dirs = Dirs::new();
    let token = dirs.add_org("demo", &[]).await;
    let server = Server::start(&dirs).await;
    let edited = "// edited by the demo admin\nfn weight_changes() { #{ per_link: 10 } }\n";
    let published = server
        .publish("demo", &token, "netwerkscan", edited, "")
        .await;
    assert_eq!(published.status(), StatusCode::CREATED);
    server.stop().await;

    // Also after a restart the demo is not given its example again.
    let server = Server::start(&dirs).await;
    let body = json_of(server.get("/v1/orgs/demo/rules/netwerkscan").await).await;
    assert_eq!(body["layers"][1]["source"], edited);
    server.stop().await;
}

#[tokio::test]
async fn a_missing_scripts_dir_is_a_clear_startup_error() {
    let dirs = Dirs::new();
    let mut config = dirs.config();
    config.scripts_dir = dirs.data.path().join("no-such-folder");
    let error = server::prepare(&config).await.expect_err("must fail");
    let text = format!("{error:#}");
    assert!(
        text.contains("no-such-folder") && text.contains("--scripts-dir"),
        "{text}"
    );
}

#[tokio::test]
async fn a_missing_bundle_is_only_a_warning_and_the_api_still_works() {
    let dirs = Dirs::new();
    std::fs::remove_dir_all(dirs.bundle.path().join("v1")).expect("remove bundle");
    let server = Server::start(&dirs).await;
    assert_eq!(
        server.get("/v1/scripts/netwerkscan.rhai").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        server.get("/v1/bondgenoot_bg.wasm").await.status(),
        StatusCode::NOT_FOUND
    );
}

/// The first screen's answers the widget shows before its rules engine has
/// loaded: made by the organisation's own layers, exactly as the browser's
/// typed call would make them, in the language asked for.
#[tokio::test]
async fn the_first_screen_is_made_by_the_organisations_scripts_in_the_language_asked_for() {
    use plugin_host::contract::{Ctx, Lang, netwerkscan};
    use plugin_host::{Layer, Rules};

    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;
    let body = json_of(server.get("/v1/orgs/demo/rules/netwerkscan").await).await;
    let layers: Vec<Layer> = serde_json::from_value(body["layers"].clone()).expect("layers");
    let rules = Rules::compile(&layers).expect("the demo compiles");
    for lang in Lang::ALL {
        let path = format!("/v1/orgs/demo/rules/netwerkscan/first/{}", lang.tag());
        let response = server.get(&path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&response, CACHE_CONTROL), "no-cache");
        let first = json_of(response).await;
        assert_eq!(first["lang"], lang.tag());
        let answered = first["answered"].as_array().expect("answered");
        assert_eq!(answered.len(), 1, "the questions: {answered:?}");
        assert_eq!(answered[0]["hook"], "questions");
        let ctx: Ctx = serde_json::from_value(answered[0]["args"][0].clone()).expect("a ctx");
        assert_eq!((ctx.lang, ctx.org.as_str()), (lang, "demo"));
        let here = netwerkscan::questions(&rules, &ctx).expect("questions");
        assert_eq!(
            answered[0]["answer"],
            serde_json::to_value(&here).expect("json"),
            "{lang:?}: the same questions the browser's engine makes"
        );
        // The demo's own question is in it: the organisation's layer made it.
        assert!(
            answered[0]["answer"].to_string().contains("demo-buddy"),
            "{}",
            answered[0]["answer"]
        );
    }

    let checklist = json_of(
        server
            .get("/v1/orgs/demo/rules/alliantiescan/first/en")
            .await,
    )
    .await;
    assert_eq!(checklist["answered"][0]["hook"], "checklist");
    let cafes = json_of(
        server
            .get("/v1/orgs/demo/rules/vacaturecafe/first/nl")
            .await,
    )
    .await;
    assert_eq!(cafes["answered"], json!([]), "the café list needs no hook");
    let unknown = server.get("/v1/orgs/demo/rules/netwerkscan/first/fr").await;
    assert_error(unknown, StatusCode::NOT_FOUND, "not_found").await;
    server.stop().await;
}

/// The first screen is made for the day where the person is (the widget
/// gives its scripts that day, and answers made for another would not be
/// theirs: it would wait for its engine), when that is within a day of the
/// organisation's; any other day, or none, gets the organisation's day.
#[tokio::test]
async fn the_first_screen_is_made_for_the_persons_day_a_time_zone_away() {
    use plugin_host::contract::{Ctx, netwerkscan};
    use plugin_host::{Layer, Rules};

    let mut dirs = Dirs::new();
    dirs.clock = server::clock::Clock::fixed(day("2026-12-03"));
    let server = Server::start(&dirs).await;
    let body = json_of(server.get("/v1/orgs/demo/rules/netwerkscan").await).await;
    let layers: Vec<Layer> = serde_json::from_value(body["layers"].clone()).expect("layers");
    let rules = Rules::compile(&layers).expect("the demo compiles");
    // Asked in turn, as people on both sides of midnight do: each gets its own.
    for (asked, made_for) in [
        ("2026-12-04", "2026-12-04"),
        ("2026-12-03", "2026-12-03"),
        ("2026-12-02", "2026-12-02"),
        ("2026-12-04", "2026-12-04"),
        ("2026-12-05", "2026-12-03"),
        ("2025-12-03", "2026-12-03"),
        ("2026-13-01", "2026-12-03"),
        ("tomorrow", "2026-12-03"),
        ("", "2026-12-03"),
    ] {
        let path = format!("/v1/orgs/demo/rules/netwerkscan/first/nl?today={asked}");
        let first = json_of(server.get(&path).await).await;
        let answered = &first["answered"][0];
        let ctx: Ctx = serde_json::from_value(answered["args"][0].clone()).expect("a ctx");
        assert_eq!(ctx.today, made_for, "asked for {asked:?}");
        let here = netwerkscan::questions(&rules, &ctx).expect("questions");
        assert_eq!(
            answered["answer"],
            serde_json::to_value(&here).expect("json")
        );
    }
    let first = json_of(server.get("/v1/orgs/demo/rules/netwerkscan/first/nl").await).await;
    assert_eq!(
        first["answered"][0]["args"][0]["today"], "2026-12-03",
        "no day asked"
    );
    server.stop().await;
}

/// The widgets' own texts, one widget in one language a request (the UI
/// module carries none): what the widget reads back is what the server has,
/// for every widget and language; a repeat visit revalidates them; any site
/// may read them; a widget or language that does not exist is said.
#[tokio::test]
async fn a_widget_gets_its_own_texts_in_the_language_it_asks_for() {
    use plugin_host::contract::{Lang, Widget};
    use ui_texts::WidgetTexts;

    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;
    for widget in Widget::ALL {
        for lang in Lang::ALL {
            let path = format!("/v1/texts/{}/{}", widget.name(), lang.tag());
            let response = server
                .get_with(&path, "origin", "https://gemeente.example")
                .await;
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            assert_eq!(header(&response, CONTENT_TYPE), "application/json");
            assert_eq!(header(&response, "access-control-allow-origin"), "*");
            let tag = header(&response, ETAG);
            let body = response.text().await.expect("a body");
            let read = WidgetTexts::read(widget, &body).expect("texts of this version");
            assert_eq!(read.parts(), ui_texts::parts(widget, lang), "{path}");
            let again = server.get_with(&path, IF_NONE_MATCH.as_str(), &tag).await;
            assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{path}");
        }
    }
    // In the language asked for: the Arabic Netwerkscan says "close" in Arabic.
    let arabic = json_of(server.get("/v1/texts/netwerkscan/ar").await).await;
    assert!(arabic.to_string().contains("قريب"), "{arabic}");
    assert!(!arabic.to_string().contains("dichtbij"), "{arabic}");
    let french = server.get("/v1/texts/netwerkscan/fr").await;
    assert_error(french, StatusCode::NOT_FOUND, "not_found").await;
    let unknown = server.get("/v1/texts/kaart/nl").await;
    assert_error(unknown, StatusCode::NOT_FOUND, "widget_not_found").await;
    server.stop().await;
}

/// The texts and the first screen are in every first widget's bytes, and the
/// rules and scripts the same for many page views: to a browser that takes
/// brotli they come at its best quality (compressed once, kept), the same
/// text as without; tagged for their encoding, so a repeat
/// visit gets a 304; a browser that refuses brotli (`q=0`) gets gzip.
#[tokio::test]
async fn the_texts_and_the_first_screen_come_as_small_as_brotli_makes_them() {
    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;
    for path in [
        "/v1/texts/alliantiescan/nl",
        "/v1/texts/netwerkscan/ar",
        "/v1/orgs/demo/rules/alliantiescan/first/nl",
        "/v1/orgs/demo/rules/netwerkscan/first/en",
        "/v1/orgs/demo/rules/netwerkscan",
        "/v1/scripts/alliantiescan.rhai",
    ] {
        let plain = server.get(path).await.bytes().await.expect("a body");
        // Twice: once made, once kept.
        for _ in 0..2 {
            let response = server
                .get_with(path, "accept-encoding", "gzip, deflate, br, zstd")
                .await;
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            assert_eq!(header(&response, CONTENT_ENCODING), "br", "{path}");
            assert!(
                header(&response, VARY).contains("accept-encoding"),
                "{path}"
            );
            let tag = header(&response, ETAG);
            assert!(tag.ends_with("-br\""), "{path}: {tag}");
            let body = response.bytes().await.expect("a body");
            assert_eq!(unbrotli(&body), plain, "{path}: the same JSON");
            assert!(
                body.len() <= brotli_bytes(&plain).len(),
                "{path}: {} bytes, where brotli's best quality makes {}",
                body.len(),
                brotli_bytes(&plain).len()
            );
            let again = server.get_with(path, IF_NONE_MATCH.as_str(), &tag).await;
            assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{path}");
        }
        let refused = server
            .get_with(path, "accept-encoding", "br;q=0, gzip")
            .await;
        assert_eq!(header(&refused, CONTENT_ENCODING), "gzip", "{path}");
        assert_eq!(
            gunzip(&refused.bytes().await.expect("a body")),
            plain,
            "{path}"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn a_script_that_fails_on_the_first_screen_gets_an_empty_first_screen_and_its_layers() {
    let dirs = Dirs::new();
    let dir = dirs.org_dir("kapot");
    std::fs::create_dir_all(&dir).expect("org dir");
    std::fs::write(
        dir.join("netwerkscan.rhai"),
        "fn questions(ctx) { throw \"not today\" }\n",
    )
    .expect("script");
    std::fs::create_dir_all(dirs.org_dir("stuk")).expect("org dir");
    std::fs::write(dirs.org_dir("stuk").join("netwerkscan.rhai"), "fn (\n").expect("script");
    let server = Server::start(&dirs).await;
    for org in ["kapot", "stuk"] {
        let response = server
            .get(&format!("/v1/orgs/{org}/rules/netwerkscan/first/nl"))
            .await;
        assert_eq!(response.status(), StatusCode::OK, "{org}");
        // The widget makes the call itself, with its engine, and shows the
        // error it always showed.
        assert_eq!(json_of(response).await["answered"], json!([]), "{org}");
        let rules = json_of(
            server
                .get(&format!("/v1/orgs/{org}/rules/netwerkscan"))
                .await,
        )
        .await;
        assert_eq!(rules["layers"].as_array().map(Vec::len), Some(2), "{org}");
    }
    server.stop().await;
}
