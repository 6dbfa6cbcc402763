//! Calls to the public job-café API. Every failure becomes an [`ApiError`]
//! the form can show: a network failure keeps the answers for a retry, a
//! server error carries its stable code and, for forms, the fields.

use plugin_host::contract::Lang;
use plugin_host::contract::vacaturecafe::{
    CafeList, CafeListing, FieldErrors, Form, SignupAnswer, SignupRequest,
};
use serde::de::{DeserializeOwned, IgnoredAny};
use wire::{ErrorBody, ErrorCode, ErrorDetail, TokenRequest};

use crate::config::Config;

/// Why a call failed.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// No answer: offline, server down, blocked by CORS.
    Network(String),
    /// The server answered with an error.
    Server {
        /// HTTP status.
        status: u16,
        /// Stable code, e.g. `validation_failed`.
        code: ErrorCode,
        /// Message for people, in English.
        message: String,
        /// Per-field errors (`validation_failed`), or the one field of `invalid_field`.
        fields: FieldErrors,
    },
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Network(e) => write!(f, "the server could not be reached: {e}"),
            Self::Server {
                status,
                code,
                message,
                ..
            } => write!(f, "the server answered {status} {code:?}: {message}"),
        }
    }
}

/// The calendar file of a café.
pub fn calendar_url(config: &Config, cafe: i64) -> String {
    config.org_url(&format!(
        "cafes/{cafe}/calendar.ics?lang={}",
        config.lang.tag()
    ))
}

async fn answer<T: DeserializeOwned>(
    request: Result<gloo_net::http::Request, gloo_net::Error>,
) -> Result<T, ApiError> {
    let network = |e: gloo_net::Error| ApiError::Network(e.to_string());
    let response = request.map_err(network)?.send().await.map_err(network)?;
    let status = response.status();
    let body = response.text().await.map_err(network)?;
    if (200..300).contains(&status) {
        return serde_json::from_str(&body).map_err(|e| ApiError::Server {
            status,
            code: ErrorCode::Unknown,
            message: e.to_string(),
            fields: FieldErrors::new(),
        });
    }
    let detail = serde_json::from_str::<ErrorBody<IgnoredAny>>(&body)
        .map(|b| b.error)
        .unwrap_or(ErrorDetail {
            code: ErrorCode::Unknown,
            message: body.chars().take(200).collect(),
            field: None,
            problem: None,
            fields: None,
            review: None,
        });
    let mut fields = detail.fields.unwrap_or_default();
    if let Some(field) = detail.field {
        fields.insert(field, detail.message.clone());
    }
    Err(ApiError::Server {
        status,
        code: detail.code,
        message: detail.message,
        fields,
    })
}

/// The organisation's upcoming cafés, in the widget's language (where the
/// organisation wrote it; else in its first language).
pub async fn cafes(config: &Config) -> Result<Vec<CafeListing>, ApiError> {
    let list: CafeList = answer(Ok(
        gloo_net::http::Request::get(&config.org_url("cafes")).build()?
    ))
    .await?;
    Ok(list.cafes.iter().map(|c| c.in_lang(config.lang)).collect())
}

/// The answer with its café in the widget's language.
fn in_lang(config: &Config, mut answer: SignupAnswer) -> SignupAnswer {
    answer.cafe = answer.cafe.in_lang(config.lang);
    answer
}

/// Sends a signup with its `token` (see [`new_token`]); the server's rules decide.
pub async fn sign_up(
    config: &Config,
    cafe: i64,
    form: &Form,
    lang: Lang,
    token: Option<String>,
) -> Result<SignupAnswer, ApiError> {
    let body = SignupRequest {
        form: form.clone(),
        lang,
        token,
        page: Some(super::confirmation::this_page()).filter(|p| !p.is_empty()),
    };
    let json = serde_json::to_string(&body).map_err(|e| ApiError::Network(e.to_string()))?;
    answer(
        gloo_net::http::Request::post(&config.org_url(&format!("cafes/{cafe}/signups")))
            .header("Content-Type", "application/json")
            .body(json),
    )
    .await
    .map(|a| in_lang(config, a))
}

/// A new signup token from the browser's cryptographic randomness: only
/// this page knows it, so sending the signup again finds it and nothing else.
/// Without `crypto` (no browser today lacks it): none, and the server makes one.
pub fn new_token() -> Option<String> {
    let mut bytes = [0u8; wire::TOKEN_BYTES];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    filled.then(|| wire::token_text(&bytes))
}

/// `status` or `cancel` a signup by its token.
pub async fn by_token(config: &Config, what: &str, token: &str) -> Result<SignupAnswer, ApiError> {
    let body = TokenRequest {
        token: token.to_owned(),
    };
    let json = serde_json::to_string(&body).map_err(|e| ApiError::Network(e.to_string()))?;
    answer(
        gloo_net::http::Request::post(&config.org_url(&format!("signups/{what}")))
            .header("Content-Type", "application/json")
            .body(json),
    )
    .await
    .map(|a| in_lang(config, a))
}

impl From<gloo_net::Error> for ApiError {
    fn from(e: gloo_net::Error) -> Self {
        Self::Network(e.to_string())
    }
}
