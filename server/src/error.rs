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

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

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
    pub fn code(&self) -> &'static str {
        match self {
            Self::OrgNotFound(_) => "org_not_found",
            Self::WidgetNotFound(_) => "widget_not_found",
            Self::NoDefaultScript(_) | Self::NoOrgScript { .. } | Self::NotAScript => {
                "script_not_found"
            }
            Self::BadPath => "bad_path",
            Self::Internal { .. } => "internal",
        }
    }

    /// The HTTP status for this error.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::BadPath => StatusCode::BAD_REQUEST,
            Self::Internal { .. } => StatusCode::INTERNAL_SERVER_ERROR,
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

#[derive(Serialize)]
struct Body<'a> {
    error: Detail<'a>,
}

#[derive(Serialize)]
struct Detail<'a> {
    code: &'a str,
    message: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let Self::Internal { what, source } = &self {
            tracing::error!(error = %source, "{what}");
        }
        let body = Body {
            error: Detail {
                code: self.code(),
                message: self.to_string(),
            },
        };
        (self.status(), Json(body)).into_response()
    }
}

/// A name from the URL, cut short so a long one cannot flood a message.
fn shown(name: &str) -> String {
    const MAX: usize = 64;
    match name.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &name[..end]),
        None => name.to_owned(),
    }
}
