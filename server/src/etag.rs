//! Strong ETags and `If-None-Match` for the API's small text answers.
//!
//! Scripts change only when an admin edits them, so widgets revalidate
//! (`Cache-Control: no-cache`) and usually get an empty 304.
//!
//! The compression layer changes the bytes on the wire, and a strong ETag
//! names exact bytes, so [`tag_encoding`] gives each encoding its own tag
//! (`"…-br"`, like Apache does); [`respond`] accepts any of them back.

use std::io::Write as _;
use std::sync::LazyLock;

use axum::body::{Body, Bytes};
use axum::http::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY,
};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest as _, Sha256};

use crate::kept::{Kept, MadeOnce};

/// Encodings the compression layer may add; their names become tag suffixes.
const ENCODINGS: [&str; 2] = ["br", "gzip"];

/// A 200 with `body` and its ETag, or a 304 if the client already has it.
///
/// To a client that takes brotli, `body` goes at brotli's best quality,
/// compressed once per body and kept: these answers (the widgets' texts and
/// first screens, the rules, the scripts) are the same for many page views,
/// and the compression layer's quick setting made them 6-10% larger on every
/// request. Quality 11 takes milliseconds, so it runs on a blocking thread.
pub async fn respond(request: &HeaderMap, content_type: &'static str, body: String) -> Response {
    let tag = etag(body.as_bytes());
    if let Some(theirs) = matching(request, &tag) {
        return not_modified(theirs);
    }
    if accepts_brotli(request)
        && let Some(brotli) = best_brotli(&tag, &body).await
    {
        return answer(content_type, &tag, Body::from(brotli), Some("br"));
    }
    answer(content_type, &tag, Body::from(body), None)
}

/// `body` at brotli's best quality, kept by its tag together with a SHA-256
/// of the body: the tag is a fast hash that a script's author could collide
/// on purpose, and one organisation must never be sent another's answer.
/// `None` if compressing failed (the compression layer then does it).
async fn best_brotli(tag: &str, body: &str) -> Option<Bytes> {
    /// At most `kept::KEPT` bodies, forgotten all at once when full: each is
    /// compressed again by the next request that needs it. A body is
    /// compressed once however many ask for it at the same time.
    static KEPT: LazyLock<MadeOnce<String, [u8; 32], Bytes, ()>> = LazyLock::new(Kept::default);
    let digest: [u8; 32] = Sha256::digest(body.as_bytes()).into();
    let compress = || {
        // The text copied only when it is to be compressed.
        let text = body.to_owned();
        let compressed = tokio::task::spawn_blocking(move || {
            let mut out = Vec::new();
            {
                let mut w = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
                // Writing to a Vec cannot fail.
                let _ = w.write_all(text.as_bytes());
            }
            Bytes::from(out)
        });
        async { compressed.await.map_err(|_| ()) }
    };
    KEPT.get_or_make(tag.to_owned(), digest, compress)
        .await
        .ok()
}

/// Whether `Accept-Encoding` takes `br`: listed without `q=0`, or not listed
/// and `*` without `q=0`.
fn accepts_brotli(request: &HeaderMap) -> bool {
    let mut star = false;
    for coding in request
        .get_all(ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
    {
        let mut parts = coding.split(';').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let taken = !parts.any(|p| {
            p.split_once('=').is_some_and(|(key, q)| {
                key.trim().eq_ignore_ascii_case("q")
                    && q.trim().parse::<f32>().is_ok_and(|q| q <= 0.0)
            })
        });
        if name.eq_ignore_ascii_case("br") {
            return taken;
        }
        star |= name == "*" && taken;
    }
    star
}

/// A 304 echoing the client's own tag: it may name a compressed variant.
/// The answer varies with the encoding asked for, and a 304 says so too.
fn not_modified(theirs: HeaderValue) -> Response {
    (
        StatusCode::NOT_MODIFIED,
        [(CACHE_CONTROL, HeaderValue::from_static("no-cache"))],
        [(VARY, HeaderValue::from_static("accept-encoding"))],
        [(ETAG, theirs)],
    )
        .into_response()
}

/// A 200 with `body` (in `encoding`, if any) tagged `tag`.
fn answer(
    content_type: &'static str,
    tag: &str,
    body: Body,
    encoding: Option<&'static str>,
) -> Response {
    let tag = HeaderValue::from_str(tag).unwrap_or_else(|_| HeaderValue::from_static("\"0\""));
    let mut response = (
        [
            (CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            (ETAG, tag),
            (CONTENT_TYPE, HeaderValue::from_static(content_type)),
        ],
        body,
    )
        .into_response();
    if let Some(encoding) = encoding {
        // The compression layer leaves an encoded answer as it is, and
        // `tag_encoding` gives its tag the encoding's suffix.
        let headers = response.headers_mut();
        headers.insert(CONTENT_ENCODING, HeaderValue::from_static(encoding));
        headers.insert(VARY, HeaderValue::from_static("accept-encoding"));
    }
    response
}

/// Appends the content encoding to a strong ETag (`"abc"` → `"abc-br"`).
pub async fn tag_encoding(mut response: Response<Body>) -> Response<Body> {
    let headers = response.headers();
    let (Some(encoding), Some(tag)) = (headers.get(CONTENT_ENCODING), headers.get(ETAG)) else {
        return response;
    };
    let (Ok(encoding), Ok(tag)) = (encoding.to_str(), tag.to_str()) else {
        return response;
    };
    if let Some(inner) = tag.strip_prefix('"').and_then(|t| t.strip_suffix('"'))
        && let Ok(value) = HeaderValue::from_str(&format!("\"{inner}-{encoding}\""))
    {
        response.headers_mut().insert(ETAG, value);
    }
    response
}

/// A strong ETag for `body`: its length and FNV-1a hash.
///
/// FNV is not a cryptographic hash; that is fine here, as a collision only
/// makes a client keep an old copy until the next edit, and nobody gains from
/// forging one of their own scripts.
pub fn etag(body: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in body {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("\"{:x}-{hash:016x}\"", body.len())
}

/// The client's tag from `If-None-Match` that matches `ours`, if any.
///
/// `If-None-Match` uses weak comparison, so `W/` is ignored; a tag with an
/// encoding suffix matches too, since the content is the same.
fn matching(request: &HeaderMap, ours: &str) -> Option<HeaderValue> {
    for value in request.get_all(IF_NONE_MATCH) {
        let Ok(list) = value.to_str() else { continue };
        for theirs in list.split(',').map(str::trim) {
            if theirs == "*" {
                return HeaderValue::from_str(ours).ok();
            }
            let opaque = theirs.strip_prefix("W/").unwrap_or(theirs);
            if without_encoding(opaque) == ours {
                return HeaderValue::from_str(opaque).ok();
            }
        }
    }
    None
}

/// `"abc-br"` → `"abc"`; other tags unchanged.
fn without_encoding(tag: &str) -> String {
    let Some(inner) = tag.strip_prefix('"').and_then(|t| t.strip_suffix('"')) else {
        return tag.to_owned();
    };
    for encoding in ENCODINGS {
        if let Some(base) = inner
            .strip_suffix(encoding)
            .and_then(|b| b.strip_suffix('-'))
        {
            return format!("\"{base}\"");
        }
    }
    tag.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(if_none_match: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Ok(v) = HeaderValue::from_str(if_none_match) {
            headers.insert(IF_NONE_MATCH, v);
        }
        headers
    }

    #[test]
    fn brotli_is_taken_when_listed_or_by_a_star_and_not_refused() {
        let accepts = |value: &str| {
            let mut headers = HeaderMap::new();
            if let Ok(v) = HeaderValue::from_str(value) {
                headers.insert(ACCEPT_ENCODING, v);
            }
            accepts_brotli(&headers)
        };
        for yes in [
            "gzip, deflate, br, zstd",
            "BR",
            "br;q=0.5",
            "*",
            "gzip;q=1, br ; q=0.1",
        ] {
            assert!(accepts(yes), "{yes}");
        }
        for no in [
            "",
            "gzip, deflate",
            "br;q=0",
            "br; q=0.0, gzip",
            "identity",
            "*;q=0",
            "brotli",
        ] {
            assert!(!accepts(no), "{no}");
        }
    }

    #[test]
    fn etag_changes_with_the_content() {
        assert_eq!(etag(b"abc"), etag(b"abc"));
        assert_ne!(etag(b"abc"), etag(b"abd"));
        assert!(etag(b"").starts_with('"') && etag(b"").ends_with('"'));
    }

    #[test]
    fn if_none_match_accepts_lists_weak_tags_star_and_encoded_variants() {
        let ours = etag(b"x");
        let inner = ours.trim_matches('"');
        for header in [
            ours.clone(),
            format!("\"other\", {ours}"),
            format!("W/{ours}"),
            "*".to_owned(),
            format!("\"{inner}-br\""),
            format!("\"{inner}-gzip\""),
        ] {
            assert!(matching(&request(&header), &ours).is_some(), "{header}");
        }
        for header in [
            "\"other\"".to_owned(),
            String::new(),
            format!("\"{inner}-zz\""),
        ] {
            assert!(matching(&request(&header), &ours).is_none(), "{header}");
        }
    }
}
