//! An organisation's webhook: for SMS or WhatsApp through its own provider,
//! or its own systems. Signup, cancellation and moved-up events are POSTed
//! as JSON from the outbox (the same retries as e-mail), each signed:
//!
//! ```text
//! Bondgenoot-Signature: t=1764650000,v1=<hex HMAC-SHA256(secret, "1764650000." + body)>
//! ```
//!
//! The receiver computes the same HMAC over the timestamp, a dot and the
//! body exactly as received, compares in constant time, and refuses a
//! timestamp more than five minutes old (a replayed event). Any 2xx answer
//! means received; anything else (or no answer in 10 s) is tried again
//! later; 410 Gone drops the event.

use std::time::Duration;

use hmac::{Hmac, KeyInit as _, Mac as _};
use sha2::Sha256;

/// The header with the signature.
pub const SIGNATURE: &str = "bondgenoot-signature";

/// The signature header's value for `body` sent at `timestamp` (seconds
/// since 1970) with `secret`.
pub fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    // HMAC takes a key of any length.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
    mac.update(format!("{timestamp}.{body}").as_bytes());
    let hex: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("t={timestamp},v1={hex}")
}

/// How a POST of an event went.
pub enum Posted {
    /// The receiver has it.
    Received,
    /// The receiver says it never wants it (410 Gone).
    Refused(String),
    /// Try again later.
    Failed(String),
}

/// POSTs `body` to `url`, signed with `secret`.
pub async fn post(http: &reqwest::Client, url: &str, secret: &str, body: String) -> Posted {
    let timestamp = time::OffsetDateTime::now_utc().unix_timestamp();
    let answer = http
        .post(url)
        .timeout(Duration::from_secs(10))
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header(SIGNATURE, signature(secret, timestamp, &body))
        .body(body)
        .send()
        .await;
    match answer {
        Ok(a) if a.status().is_success() => Posted::Received,
        Ok(a) if a.status() == reqwest::StatusCode::GONE => {
            Posted::Refused("the webhook answered 410 Gone".into())
        }
        Ok(a) => Posted::Failed(format!("the webhook answered {}", a.status())),
        Err(e) => Posted::Failed(format!("the webhook: {e}")),
    }
}

/// Whether `url` can be a webhook: http(s), a host, no spaces.
pub fn is_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    url.len() <= 2000
        && rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_the_hmac_of_the_timestamp_a_dot_and_the_body() {
        // Computed independently with
        // `printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret`.
        assert_eq!(
            signature("secret", 1_700_000_000, r#"{"a":1}"#),
            "t=1700000000,v1=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686"
        );
    }
}
