//! The error a request handler returns, and the server's error policy.
//!
//! Policy:
//! - **Request handlers** (`controllers/`) and the store they call return
//!   [`ApiError`]. Each variant has a stable snake_case `code` that clients may
//!   match on, and a short English message for people; the response is
//!   `{"error":{"code":"…","message":"…"}}` with a 4xx status, or 500 for
//!   [`ApiError::Internal`].
//! - **Details stay on the server**: an internal failure (a file that cannot be
//!   read, …) is logged with its cause when it becomes a response; the client
//!   only gets `internal` and a generic message, never paths or OS errors.
//! - **Start-up and the CLI** (`lib.rs` `serve`, `main.rs`) use `anyhow` with
//!   context, because there the only reader is the person starting the server.
//! - Names from the URL are echoed in messages at most 64 characters long.
//! - **Form errors** carry the field: one structural problem as `field`
//!   (`invalid_field`), or the rules' messages per field as `fields`
//!   (`validation_failed`), so the widget can show them beside the inputs.
//! - A refused script version carries the whole `review` (compile error,
//!   failing hook, test outcomes with their differences), so the playground
//!   can mark the lines.
//! - A broken organisation script is the organisation's problem, not the job
//!   seeker's: `rules_broken` (503) with a kind message; the script error with
//!   its line goes to the log.

use axum::Json;
use axum::http::header::{RETRY_AFTER, WWW_AUTHENTICATE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use plugin_host::ScriptError;
use plugin_host::contract::Lang;
use plugin_host::contract::vacaturecafe::FieldErrors;
use plugin_host::review::Review;
use wire::{ErrorBody, ErrorCode, ErrorDetail, ProblemCode};

use crate::db::DbError;
use crate::names::Widget;

/// Why a request failed, as the client sees it.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The organisation name is invalid or no such organisation exists.
    #[error("No organisation called '{}'.", shown(.0))]
    OrgNotFound(String),
    /// The widget name is not one of the known widgets.
    #[error("No widget called '{}'. The widgets are {}.", shown(.0), Widget::list())]
    WidgetNotFound(String),
    /// The language is not one the widgets speak.
    #[error("No language called '{}'. The widgets speak {}.", shown(.0), Lang::list())]
    LangNotFound(String),
    /// The widget has no default rule script yet.
    #[error("The {0} widget has no default rule script yet.")]
    NoDefaultScript(Widget),
    /// The organisation exists but does not override this widget's rules.
    #[error("Organisation '{org}' does not change the {widget} rules.")]
    NoOrgScript {
        /// The (valid, existing) organisation.
        org: String,
        /// The widget asked for.
        widget: Widget,
    },
    /// A script URL that does not end in `.rhai`.
    #[error("Rule script addresses end in '.rhai', for example /v1/scripts/netwerkscan.rhai.")]
    NotAScript,
    /// A path segment that could not be decoded (e.g. invalid UTF-8).
    #[error("This address could not be read.")]
    BadPath,
    /// No API at this address.
    #[error("There is nothing at this address.")]
    NotFound,
    /// The address exists but not for this method.
    #[error("This address does not take this kind of request.")]
    MethodNotAllowed,
    /// No such café at this organisation.
    #[error("There is no such café.")]
    CafeNotFound,
    /// The organisation closed the café for signups.
    #[error("This café no longer takes signups.")]
    CafeClosed,
    /// The café's date has passed.
    #[error("This café has already taken place.")]
    CafePast,
    /// No signup with this cancellation token.
    #[error("No signup was found for this link. It may have been deleted.")]
    SignupNotFound,
    /// The body is not the JSON this endpoint takes.
    #[error("The request could not be read: {0}")]
    BadJson(String),
    /// The body is larger than any valid request.
    #[error("The request is too large.")]
    TooLarge,
    /// One answer cannot be taken at all (see `vacaturecafe::Problem`).
    #[error("{message}")]
    InvalidField {
        /// The field.
        field: String,
        /// What is wrong with it.
        problem: ProblemCode,
        /// In the person's language.
        message: String,
    },
    /// The rules found errors in the form.
    #[error("Some answers need another look.")]
    Validation(FieldErrors),
    /// An admin's café (or walk-in, time zone…) is not valid: which field,
    /// and what to fix.
    #[error("{message}")]
    InvalidCafe {
        /// The field, as the body names it (`title`, `texts.en.title`…).
        field: String,
        /// What to fix.
        message: String,
    },
    /// The organisation's rules fail; details go to the log.
    #[error(
        "Signing up does not work right now because of a problem on our side. Please try again later."
    )]
    RulesBroken(ScriptError),
    /// A script version cannot go live (published or rolled back to): it does
    /// not compile, a hook fails or breaks a limit, or a test fails. The
    /// review says which.
    #[error("This script cannot go live, so the live version stays as it was: {}", .0.problems().join(" · "))]
    ScriptRefused(Box<Review>),
    /// No such version of the organisation's script.
    #[error("There is no such version of this script.")]
    VersionNotFound,
    /// An admin's publish request is not valid (e.g. a note that is too long).
    #[error("{0}")]
    InvalidVersion(String),
    /// No or a wrong admin token.
    #[error("This needs the organisation's admin token (Authorization: Bearer …).")]
    Unauthorized,
    /// The admin's role does not allow this.
    #[error("Your sign-in does not allow this: it needs the `{}` role. Ask whoever gave you your token.", .0.as_str())]
    Forbidden(wire::console::Role),
    /// A cancelled signup cannot be ticked present.
    #[error("This person cancelled their signup.")]
    SignupCancelled,
    /// Too many signups, or shared figures, from one client in a short time.
    #[error("Too many requests in a short time. Please wait a minute and try again.")]
    RateLimited,
    /// The organisation's script does not offer sharing figures.
    #[error("This organisation does not collect figures from this scan.")]
    FiguresOff,
    /// The organisation's rules used their share of the server (see
    /// [`crate::script_share`]); nothing was stored.
    #[error("Many people are signing up right now. Please try again in a few seconds.")]
    Busy,
    /// The request took too long: its body stopped arriving, or it could not
    /// be answered in time (see [`crate::listen::Timeouts`]).
    #[error("This took too long. Please try again.")]
    Timeout,
    /// The database failed; the cause goes to the log.
    #[error("Something went wrong on the server. Please try again later.")]
    Database(DbError),
    /// Something failed on the server; `what` and `source` go to the log only.
    #[error("Something went wrong on the server. Please try again later.")]
    Internal {
        /// What the server was doing, for the log.
        what: String,
        /// The cause, for the log.
        source: std::io::Error,
    },
}

impl ApiError {
    /// The stable, machine-readable code clients may match on.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::OrgNotFound(_) => ErrorCode::OrgNotFound,
            Self::WidgetNotFound(_) => ErrorCode::WidgetNotFound,
            Self::NoDefaultScript(_) | Self::NoOrgScript { .. } | Self::NotAScript => {
                ErrorCode::ScriptNotFound
            }
            Self::BadPath => ErrorCode::BadPath,
            Self::NotFound | Self::LangNotFound(_) => ErrorCode::NotFound,
            Self::MethodNotAllowed => ErrorCode::MethodNotAllowed,
            Self::CafeNotFound => ErrorCode::CafeNotFound,
            Self::CafeClosed => ErrorCode::CafeClosed,
            Self::CafePast => ErrorCode::CafePast,
            Self::SignupNotFound => ErrorCode::SignupNotFound,
            Self::BadJson(_) => ErrorCode::BadJson,
            Self::TooLarge => ErrorCode::TooLarge,
            Self::InvalidField { .. } => ErrorCode::InvalidField,
            Self::Validation(_) => ErrorCode::ValidationFailed,
            Self::InvalidCafe { .. } => ErrorCode::InvalidCafe,
            Self::Forbidden(_) => ErrorCode::Forbidden,
            Self::SignupCancelled => ErrorCode::SignupCancelled,
            Self::RulesBroken(_) => ErrorCode::RulesBroken,
            Self::ScriptRefused(_) => ErrorCode::ScriptRefused,
            Self::VersionNotFound => ErrorCode::VersionNotFound,
            Self::InvalidVersion(_) => ErrorCode::InvalidVersion,
            Self::Unauthorized => ErrorCode::Unauthorized,
            Self::RateLimited => ErrorCode::RateLimited,
            Self::FiguresOff => ErrorCode::FiguresOff,
            Self::Busy => ErrorCode::Busy,
            Self::Timeout => ErrorCode::Timeout,
            Self::Internal { .. } | Self::Database(_) => ErrorCode::Internal,
        }
    }

    /// The HTTP status for this error.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::BadPath | Self::BadJson(_) => StatusCode::BAD_REQUEST,
            Self::CafeClosed | Self::CafePast => StatusCode::CONFLICT,
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::InvalidField { .. }
            | Self::Validation(_)
            | Self::InvalidCafe { .. }
            | Self::ScriptRefused(_)
            | Self::InvalidVersion(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::RulesBroken(_) | Self::Busy => StatusCode::SERVICE_UNAVAILABLE,
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) | Self::FiguresOff => StatusCode::FORBIDDEN,
            Self::SignupCancelled => StatusCode::CONFLICT,
            Self::Timeout => StatusCode::REQUEST_TIMEOUT,
            Self::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Self::Internal { .. } | Self::Database(_) => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::NOT_FOUND,
        }
    }

    /// An internal error: `what` the server was doing when `source` happened.
    pub fn internal(what: impl Into<String>, source: std::io::Error) -> Self {
        Self::Internal {
            what: what.into(),
            source,
        }
    }
}

impl From<crate::db::SignupError> for ApiError {
    fn from(e: crate::db::SignupError) -> Self {
        use crate::db::SignupError;
        match e {
            SignupError::CafeNotFound => Self::CafeNotFound,
            SignupError::CafeClosed => Self::CafeClosed,
            SignupError::CafePast => Self::CafePast,
            SignupError::TokenInUse => Self::BadJson(
                "`token` belongs to another signup: make a new one for each signup".into(),
            ),
        }
    }
}

impl From<crate::script_share::RunError> for ApiError {
    fn from(e: crate::script_share::RunError) -> Self {
        use crate::script_share::RunError;
        match e {
            RunError::Busy(_) => Self::Busy,
            RunError::Thread(e) => Self::internal("running a rule hook", std::io::Error::other(e)),
        }
    }
}

impl From<DbError> for ApiError {
    fn from(e: DbError) -> Self {
        Self::Database(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match &self {
            Self::Internal { what, source } => tracing::error!(error = %source, "{what}"),
            Self::Database(e) => tracing::error!(error = %e, "database"),
            Self::RulesBroken(e) => tracing::error!(error = %e, "an organisation's rules fail"),
            _ => {}
        }
        let (field, problem) = match &self {
            Self::InvalidField { field, problem, .. } => (Some(field.clone()), Some(*problem)),
            Self::InvalidCafe { field, .. } => (Some(field.clone()), None),
            _ => (None, None),
        };
        let body: ErrorBody<&Review> = ErrorBody {
            error: ErrorDetail {
                code: self.code(),
                message: self.to_string(),
                field,
                problem,
                fields: match &self {
                    Self::Validation(fields) => Some(fields.clone()),
                    _ => None,
                },
                review: match &self {
                    Self::ScriptRefused(review) => Some(review),
                    _ => None,
                },
            },
        };
        let mut response = (self.status(), Json(body)).into_response();
        let headers = response.headers_mut();
        match self {
            Self::Unauthorized => {
                headers.insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            Self::RateLimited => {
                headers.insert(RETRY_AFTER, HeaderValue::from_static("60"));
            }
            Self::Busy => {
                headers.insert(RETRY_AFTER, HeaderValue::from_static("5"));
            }
            _ => {}
        }
        response
    }
}

/// A name from the URL, cut short so a long one cannot flood a message.
pub(crate) fn shown(name: &str) -> String {
    const MAX: usize = 64;
    match name.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &name[..end]),
        None => name.to_owned(),
    }
}
