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
use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{Color, EcLevel};
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
    let (size, colors) = encode(&link)?;
    let modules = colors
        .iter()
        .map(|c| if *c == Color::Dark { '1' } else { '0' })
        .collect();
    Some(DoorCode {
        link,
        size: u32::try_from(size).ok()?,
        modules,
    })
}

/// The QR code of `text`: its width and modules. Medium error correction:
/// still readable from a cracked phone screen. One fixed mask instead of the
/// crate's search for the best of eight: every reader reads any mask, and
/// the search (eight masked copies, each scored) cost 0.8 ms on this
/// machine's server core, on every confirmed signup, which took signups over
/// HTTP from 2,100 to 790 a second.
fn encode(text: &str) -> Option<(usize, Vec<Color>)> {
    let bits = qrcode::bits::encode_auto(text.as_bytes(), EcLevel::M).ok()?;
    let version = bits.version();
    let (data, ec) =
        qrcode::ec::construct_codewords(&bits.into_bytes(), version, EcLevel::M).ok()?;
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    canvas.apply_mask(MaskPattern::Checkerboard);
    Some((usize::try_from(version.width()).ok()?, canvas.into_colors()))
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
        // The same symbol as the crate makes, but for the mask: the same
        // size, and the same function patterns (the finder's first row).
        let Ok(theirs) =
            qrcode::QrCode::with_error_correction_level(code.link.as_bytes(), EcLevel::M)
        else {
            panic!("the crate encodes it too");
        };
        assert_eq!(code.size as usize, theirs.width());
        headers.insert(HOST, HeaderValue::from_static("evil/path?x"));
        assert!(door_code(&headers, 3, key).is_none());
    }
}
