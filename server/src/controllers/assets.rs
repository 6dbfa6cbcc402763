//! Static files: the versioned widget bundle under `/v1/` and the demo site.

use std::path::Path;

use axum::Router;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, VARY, X_FRAME_OPTIONS,
};
use axum::http::{HeaderName, HeaderValue};
use tower::ServiceBuilder;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::error::ApiError;

/// `Cross-Origin-Resource-Policy`: not in `http`'s list of constants.
const CORP: HeaderName = HeaderName::from_static("cross-origin-resource-policy");

/// The built bundle (`<bundle-dir>/v1/`), for host pages on any origin.
///
/// xtask writes `.br` and `.gz` copies beside each file, served when the
/// client accepts them. The versioned copies (`bondgenoot_bg.<hash>.wasm`,
/// named by their content, which embed.js loads) are kept by browsers for a
/// year: a repeat visit downloads no wasm. Everything else, embed.js first,
/// for five minutes, so a new release still reaches everyone soon.
pub fn bundle(v1_dir: &Path) -> Router {
    let files = ServeDir::new(v1_dir)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false);
    let service = ServiceBuilder::new()
        // ServeDir picks the encoding by Accept-Encoding but does not say so;
        // without Vary a shared cache could hand brotli to a client without it.
        .layer(SetResponseHeaderLayer::appending(
            VARY,
            HeaderValue::from_static("accept-encoding"),
        ))
        // Host pages that set Cross-Origin-Embedder-Policy may still load us.
        .layer(SetResponseHeaderLayer::overriding(
            CORP,
            HeaderValue::from_static("cross-origin"),
        ))
        .service(files);
    Router::new()
        .fallback_service(service)
        .layer(axum::middleware::from_fn(cache_by_name))
}

/// How long a bundle file may be kept: a year for a versioned name, five
/// minutes for the rest; nothing for a miss (a page loaded before the bundle
/// was built must not keep its 404).
async fn cache_by_name(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let versioned = request
        .uri()
        .path()
        .rsplit('/')
        .next()
        .is_some_and(is_versioned);
    let mut response = next.run(request).await;
    let status = response.status();
    if status.is_success() || status.is_redirection() {
        let value = if versioned {
            "public, max-age=31536000, immutable"
        } else {
            "public, max-age=300"
        };
        response
            .headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}

/// Whether a file name is a versioned copy: `stem.<10 hex digits>.ext`, as
/// `cargo xtask bundle` names them by their content.
pub fn is_versioned(name: &str) -> bool {
    let mut parts = name.rsplit('.');
    let (ext, hash) = (parts.next(), parts.next());
    ext.is_some_and(|e| !e.is_empty())
        && hash.is_some_and(|h| h.len() == 10 && h.bytes().all(|b| b.is_ascii_hexdigit()))
        && parts.next().is_some_and(|stem| !stem.is_empty())
}

/// The demo organisation's site (`<www-dir>`), revalidated on every load
/// because it is edited while the server runs.
pub fn www(dir: &Path) -> Router {
    let service = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .service(ServeDir::new(dir));
    Router::new().fallback_service(service)
}

/// The longest name of a file the server may open: Linux's `NAME_MAX` (255)
/// less the `.br` / `.gz` the bundle's file server tries first.
const NAME_MAX: usize = 255 - 3;
/// The longest path: far beyond any real address, far within `PATH_MAX`.
const PATH_MAX: usize = 1024;

/// Middleware before every route: a path no file could have is refused here,
/// in JSON like every error, because the file server answers 500 for some of
/// them (a NUL byte, a name or a path longer than the file system allows). A
/// control character is `bad_path` (400); a name or path longer than any
/// file's, `not_found`.
pub async fn only_possible_paths(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse as _;
    let path = request.uri().path();
    let decoded: Vec<u8> = percent_encoding::percent_decode_str(path).collect();
    if decoded.iter().any(u8::is_ascii_control) {
        return ApiError::BadPath.into_response();
    }
    if decoded.len() > PATH_MAX
        || decoded
            .split(|b| *b == b'/')
            .any(|name| name.len() > NAME_MAX)
    {
        return ApiError::NotFound.into_response();
    }
    next.run(request).await
}

/// The rule-script playground (`<bundle-dir>/admin/`, built by xtask), at
/// `/admin/`. It handles an admin token, so it gets a strict CSP (only our own
/// scripts, styles and API), may not be framed, and sends no referrer.
/// (CodeMirror's theme works under it because each editor lives in a shadow
/// root, where it uses constructed style sheets instead of a `<style>`.)
pub fn playground(dir: &Path) -> Router {
    const CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
        style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; \
        form-action 'none'; frame-ancestors 'none'";
    let service = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .service(ServeDir::new(dir).precompressed_br().precompressed_gzip());
    Router::new().fallback_service(service)
}
