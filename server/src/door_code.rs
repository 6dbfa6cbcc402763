//! The door code: a QR code on a person's confirmation (and on the status
//! page their e-mail links to) that opens their check-in in the organiser
//! console, `…/admin/#door/CAFE/KEY`. The key is the signup's random door
//! key, not its id (ids count every signup on the server). The console asks
//! for the organiser's sign-in as always; the code itself opens nothing.
//!
//! The address is this server's as the person's browser reached it (the
//! `Host` header, `https` when a proxy in front says so with
//! `X-Forwarded-Proto`): a client that sends other headers only changes its
//! own code.

use axum::http::HeaderMap;
use axum::http::header::HOST;
use qrcode::{Color, EcLevel, QrCode};
use wire::cafe::DoorCode;

/// The door code for the signup with door key `key` at café `cafe`,
/// reached through `headers`.
pub fn door_code(headers: &HeaderMap, cafe: i64, key: &str) -> Option<DoorCode> {
    if !wire::is_token(key) {
        return None;
    }
    let host = headers.get(HOST)?.to_str().ok()?;
    // Only a plain host[:port]: the code must not carry anything else.
    if host.is_empty()
        || host.len() > 255
        || !host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c))
    {
        return None;
    }
    let https = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"));
    let scheme = if https { "https" } else { "http" };
    let link = format!("{scheme}://{host}/admin/#door/{cafe}/{key}");
    // Medium error correction: still readable from a cracked phone screen.
    let code = QrCode::with_error_correction_level(link.as_bytes(), EcLevel::M).ok()?;
    let modules = code
        .to_colors()
        .iter()
        .map(|c| if *c == Color::Dark { '1' } else { '0' })
        .collect();
    Some(DoorCode {
        link,
        size: u32::try_from(code.width()).ok()?,
        modules,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn the_code_opens_the_persons_check_in_on_this_server() {
        let mut headers = HeaderMap::new();
        headers.insert(HOST, HeaderValue::from_static("cafe.example.nl"));
        headers.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        let key = "0123456789abcdef0123456789abcdef";
        let Some(code) = door_code(&headers, 3, key) else {
            panic!("no code");
        };
        assert_eq!(
            code.link,
            format!("https://cafe.example.nl/admin/#door/3/{key}")
        );
        assert_eq!(code.modules.len(), (code.size * code.size) as usize);
        // A QR code's finder pattern: its top-left corner is dark.
        assert!(code.modules.starts_with("1111111"));
        headers.insert(HOST, HeaderValue::from_static("evil/path?x"));
        assert!(door_code(&headers, 3, key).is_none());
    }
}
