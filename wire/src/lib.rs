//! One home for the formats that cross HTTP between the widgets (wasm) and
//! the server: error codes and the error body, the rules answer, token
//! bodies, signup statuses, and the codes of a form answer that cannot be
//! taken. Both sides use these types, so a renamed code fails to compile on
//! the side that still uses the old one, instead of failing at run time.
//!
//! Only serde: no Rhai, no HTTP client or server. The café data ([`cafe`])
//! crosses HTTP and is what the Vacaturecafé's rule scripts see too;
//! `plugin-host` re-exports it beside the hook contracts it owns.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub mod cafe;
pub mod console;
pub mod figures;
mod lang;

pub use lang::Lang;

/// The stable code of an API error, sent as snake_case (`org_not_found`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// No such organisation (or an invalid name).
    OrgNotFound,
    /// No such widget.
    WidgetNotFound,
    /// No such rule script.
    ScriptNotFound,
    /// A path segment that could not be read.
    BadPath,
    /// No API at this address.
    NotFound,
    /// The address does not take this method (e.g. GET where POST is meant).
    MethodNotAllowed,
    /// No such café at this organisation.
    CafeNotFound,
    /// The café takes no more signups.
    CafeClosed,
    /// The café has taken place.
    CafePast,
    /// No signup for this token.
    SignupNotFound,
    /// The body is not the JSON the endpoint takes.
    BadJson,
    /// The body is too large.
    TooLarge,
    /// One answer cannot be taken at all; see [`ErrorDetail::field`] and [`ProblemCode`].
    InvalidField,
    /// The rules found errors in the form; see [`ErrorDetail::fields`].
    ValidationFailed,
    /// An admin's café is not valid.
    InvalidCafe,
    /// The organisation's rules fail (its problem, not the person's).
    RulesBroken,
    /// A script version cannot go live; see [`ErrorDetail::review`].
    ScriptRefused,
    /// No such script version.
    VersionNotFound,
    /// A publish request is not valid.
    InvalidVersion,
    /// No or a wrong admin token.
    Unauthorized,
    /// The admin's role does not allow this (a `cafes` admin publishing a script).
    Forbidden,
    /// The signup was cancelled (it cannot be ticked present).
    SignupCancelled,
    /// Too many signups (or shared figures) in a short time.
    RateLimited,
    /// The organisation's script does not offer sharing figures.
    FiguresOff,
    /// The organisation's rules have more work than their share of the
    /// server; try again in a few seconds (see `Retry-After`).
    Busy,
    /// The request took too long (a body that stopped arriving); send it again.
    Timeout,
    /// Something failed on the server.
    Internal,
    /// A code this build does not know (a newer server): read, not sent.
    #[serde(other)]
    Unknown,
}

/// Per field, what is wrong, in the person's language.
pub type FieldErrors = BTreeMap<String, String>;

/// Every error answer: `{"error": {…}}` with a 4xx or 5xx status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody<R> {
    /// The error.
    pub error: ErrorDetail<R>,
}

/// What went wrong. `R` is the script review the playground reads with
/// `script_refused`; the widgets read none (`serde::de::IgnoredAny`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorDetail<R> {
    /// Stable, for clients to match on.
    pub code: ErrorCode,
    /// For people, in English.
    pub message: String,
    /// With `invalid_field` and `invalid_cafe`: the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// With `invalid_field`: what is wrong with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<ProblemCode>,
    /// With `validation_failed`: the rules' message per field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields: Option<FieldErrors>,
    /// With `script_refused`: the review that refused the script.
    #[serde(default = "none", skip_serializing_if = "Option::is_none")]
    pub review: Option<R>,
}

fn none<R>() -> Option<R> {
    None
}

/// Why one answer of a form cannot be taken at all, before any rule runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    /// The form has no such field.
    UnknownField,
    /// The answer is not of the field's kind.
    WrongType,
    /// Longer than the field takes.
    TooLong,
    /// Not one of the field's options.
    NotAnOption,
    /// `<` or `>` in the answer.
    Markup,
    /// Invisible control or direction characters in the answer.
    ControlCharacters,
}

/// Where a signup stands, as the signup, status and cancel answers say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignupStatus {
    /// Has a place.
    Confirmed,
    /// Waits for a place.
    Waitlist,
    /// Not taken (the rules said no, or the waiting list is full).
    Rejected,
    /// Cancelled by the person.
    Cancelled,
}

impl SignupStatus {
    /// As sent, and as stored: `confirmed`, `waitlist`, `rejected`, `cancelled`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed",
            Self::Waitlist => "waitlist",
            Self::Rejected => "rejected",
            Self::Cancelled => "cancelled",
        }
    }

    /// From its stored text.
    pub fn parse(text: &str) -> Option<Self> {
        [
            Self::Confirmed,
            Self::Waitlist,
            Self::Rejected,
            Self::Cancelled,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }
}

/// The body of `POST …/signups/status` and `…/signups/cancel` (a body, so
/// the token stays out of request logs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    /// The cancellation token from the confirmation.
    pub token: String,
}

/// An admin sets the organisation's webhook (`PUT …/webhook`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookRequest {
    /// Where events are POSTed: `https://…` (or `http://` on a trusted network).
    pub url: String,
}

/// The organisation's webhook, as the admin API answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Webhook {
    /// Where events are POSTed; `None`: no webhook.
    pub url: Option<String>,
    /// The secret events are signed with: only in the answer that set it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
}

/// Random bytes in a token (an admin token, a signup's cancellation token):
/// 128 bits, so no one guesses one.
pub const TOKEN_BYTES: usize = 16;

/// A token as it is written and sent: its bytes in lower-case hex.
pub fn token_text(bytes: &[u8; TOKEN_BYTES]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `text` is written as a token is (so junk is refused before any
/// lookup).
pub fn is_token(text: &str) -> bool {
    text.len() == 2 * TOKEN_BYTES
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// One rule-script layer: its name (`default`, `org:demo`) and its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layer {
    /// Shown in errors so the admin knows which script to open.
    pub name: String,
    /// The Rhai source.
    pub source: String,
}

impl Layer {
    /// A layer with the given name and source.
    pub fn new(name: impl Into<String>, source: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            source: source.into(),
        }
    }
}

/// The answer of `GET /v1/orgs/{org}/rules/{widget}`: the layers the widget
/// compiles, the default first.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RulesBody {
    /// The organisation.
    pub org: String,
    /// The widget (`netwerkscan`, `vacaturecafe`, `alliantiescan`).
    pub widget: String,
    /// The default script, then the organisation's if it has one.
    pub layers: Vec<Layer>,
}

/// The answer of `GET /v1/orgs/{org}/rules/{widget}/first/{lang}`: the
/// first screen's hook calls (the Netwerkscan's questions, the
/// Alliantiescan's checklist) in one language, answered on the server by the
/// organisation's current layers. The widget shows them while its rules
/// engine and the layers load, after the first screen; calls that failed are
/// left out (the widget then makes them itself).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FirstScreen {
    /// The organisation.
    pub org: String,
    /// The widget.
    pub widget: String,
    /// The language of the answers.
    pub lang: Lang,
    /// The calls and their answers.
    pub answered: Vec<Answered>,
}

/// One hook call and its answer, made by the server with the same typed call
/// the widget makes; the widget uses it only for exactly this call. Kept as
/// the JSON text it is (the widget compares the arguments as written, and
/// reads the answer as its type).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Answered {
    /// The hook.
    pub hook: String,
    /// Its arguments (a JSON array), as the typed call wrote them.
    pub args: Box<serde_json::value::RawValue>,
    /// What the script answered.
    pub answer: Box<serde_json::value::RawValue>,
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "a failed expectation is a failed test")]
mod tests {
    use super::*;

    #[test]
    fn codes_and_statuses_are_sent_in_snake_case_and_read_back() {
        let json = serde_json::to_string(&ErrorCode::ValidationFailed).expect("json");
        assert_eq!(json, "\"validation_failed\"");
        let status = serde_json::to_string(&SignupStatus::Waitlist).expect("json");
        assert_eq!(status, "\"waitlist\"");
        assert_eq!(
            SignupStatus::parse("cancelled"),
            Some(SignupStatus::Cancelled)
        );
        let problem = serde_json::to_string(&ProblemCode::ControlCharacters).expect("json");
        assert_eq!(problem, "\"control_characters\"");
    }

    #[test]
    fn an_error_body_from_a_newer_server_is_still_read() {
        let body = r#"{"error":{"code":"something_new","message":"Hi","review":{"x":1}}}"#;
        let read: ErrorBody<serde::de::IgnoredAny> = serde_json::from_str(body).expect("read");
        assert_eq!(read.error.code, ErrorCode::Unknown);
        assert_eq!(read.error.message, "Hi");
        assert!(read.error.fields.is_none());
    }
}
