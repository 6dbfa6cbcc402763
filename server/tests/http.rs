//! Real HTTP against the real server: each test starts it on `127.0.0.1:0`
//! with its own data, bundle and www folders and the repository's `scripts/`.
#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

use std::io::{Read as _, Write as _};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use reqwest::StatusCode;
use reqwest::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY,
};
use serde_json::{Value, json};
use tempfile::TempDir;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

const SCRIPTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts");
const WASM: &[u8] = b"\0asm\x01\0\0\0 a pretend module, repeated: a pretend module";

/// The folders a server runs on; dropped (deleted) with the test.
struct Dirs {
    data: TempDir,
    bundle: TempDir,
    www: TempDir,
}

impl Dirs {
    fn new() -> Self {
        let bundle = TempDir::new().expect("bundle dir");
        let v1 = bundle.path().join("v1");
        std::fs::create_dir(&v1).expect("v1 dir");
        std::fs::write(v1.join("bondgenoot_bg.wasm"), WASM).expect("wasm");
        std::fs::write(v1.join("bondgenoot_bg.wasm.br"), brotli_bytes(WASM)).expect("br");
        std::fs::write(v1.join("bondgenoot_bg.wasm.gz"), gzip_bytes(WASM)).expect("gz");
        let www = TempDir::new().expect("www dir");
        std::fs::write(
            www.path().join("index.html"),
            "<!doctype html><title>Demostad</title>",
        )
        .expect("index.html");
        Self {
            data: TempDir::new().expect("data dir"),
            bundle,
            www,
        }
    }

    fn config(&self) -> server::Config {
        server::Config {
            data_dir: self.data.path().to_owned(),
            www_dir: self.www.path().to_owned(),
            bundle_dir: self.bundle.path().to_owned(),
            scripts_dir: PathBuf::from(SCRIPTS),
        }
    }

    fn org_dir(&self, org: &str) -> PathBuf {
        self.data.path().join("orgs").join(org)
    }
}

/// A running server; [`Server::stop`] shuts it down gracefully.
struct Server {
    addr: SocketAddr,
    stop: oneshot::Sender<()>,
    task: JoinHandle<anyhow::Result<()>>,
    http: reqwest::Client,
}

impl Server {
    async fn start(dirs: &Dirs) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind port 0");
        let addr = listener.local_addr().expect("bound address");
        let (stop, stopped) = oneshot::channel::<()>();
        let shutdown = async {
            let _ = stopped.await;
        };
        let task = tokio::spawn(server::serve(dirs.config(), listener, shutdown));
        Self {
            addr,
            stop,
            task,
            http: reqwest::Client::new(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    async fn get(&self, path: &str) -> reqwest::Response {
        self.http.get(self.url(path)).send().await.expect("request")
    }

    async fn get_with(&self, path: &str, name: &str, value: &str) -> reqwest::Response {
        self.http
            .get(self.url(path))
            .header(name, value)
            .send()
            .await
            .expect("request")
    }

    /// A GET with `path` sent exactly as written; the whole answer as text.
    async fn raw_get(&self, path: &str) -> String {
        use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
        let mut stream = tokio::net::TcpStream::connect(self.addr)
            .await
            .expect("connect");
        let request =
            format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).await.expect("send");
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).await.expect("answer");
        String::from_utf8_lossy(&answer).into_owned()
    }

    async fn stop(self) {
        self.stop.send(()).expect("server still running");
        self.task
            .await
            .expect("server task")
            .expect("server stopped cleanly");
    }
}

fn header(response: &reqwest::Response, name: impl reqwest::header::AsHeaderName) -> String {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

async fn json_of(response: reqwest::Response) -> Value {
    response.json().await.expect("a JSON body")
}

/// Asserts a JSON error answer with `status` and `code`; returns the message.
async fn assert_error(response: reqwest::Response, status: StatusCode, code: &str) -> String {
    assert_eq!(response.status(), status, "{}", response.url());
    assert_eq!(header(&response, CONTENT_TYPE), "application/json");
    let body = json_of(response).await;
    assert_eq!(body["error"]["code"], code, "{body}");
    let message = body["error"]["message"].as_str().expect("a message");
    assert!(!message.is_empty());
    message.to_owned()
}

fn brotli_bytes(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(data).expect("brotli");
    }
    out
}

fn unbrotli(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(data, 4096)
        .read_to_end(&mut out)
        .expect("valid brotli");
    out
}

fn gzip_bytes(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).expect("gzip");
    encoder.finish().expect("gzip")
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
    assert!(org_source.contains("per_link"), "{org_source}");
    assert!(dirs.org_dir("demo").join("netwerkscan.rhai").is_file());
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
        "demo%00",
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
async fn a_widget_without_a_default_script_is_404_script_not_found() {
    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;
    for path in [
        "/v1/scripts/vacaturecafe.rhai",
        "/v1/orgs/demo/rules/vacaturecafe",
    ] {
        let message = assert_error(
            server.get(path).await,
            StatusCode::NOT_FOUND,
            "script_not_found",
        )
        .await;
        assert!(message.contains("vacaturecafe"), "{message}");
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
        read(&dirs.org_dir("demo").join("netwerkscan.rhai"))
    );
}

#[tokio::test]
async fn rules_carry_an_etag_and_a_matching_if_none_match_gets_304() {
    let dirs = Dirs::new();
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

    // An admin edits the override: the old tag no longer matches.
    std::fs::write(
        dirs.org_dir("demo").join("netwerkscan.rhai"),
        "fn weights() { #{ per_link: 40 } }\n",
    )
    .expect("edit");
    let edited = server.get_with(path, IF_NONE_MATCH.as_str(), &tag).await;
    assert_eq!(edited.status(), StatusCode::OK);
    assert_ne!(header(&edited, ETAG), tag);
    let body = json_of(edited).await;
    assert_eq!(
        body["layers"][1]["source"],
        "fn weights() { #{ per_link: 40 } }\n"
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
async fn a_restart_keeps_the_orgs_and_an_edited_demo_override() {
    let dirs = Dirs::new();
    let server = Server::start(&dirs).await;
    assert_eq!(
        server.get("/v1/orgs/demo/rules/netwerkscan").await.status(),
        StatusCode::OK
    );
    server.stop().await;

    let edited = "// edited by the demo admin\nfn weights() { #{ per_link: 10 } }\n";
    std::fs::write(dirs.org_dir("demo").join("netwerkscan.rhai"), edited).expect("edit");
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
