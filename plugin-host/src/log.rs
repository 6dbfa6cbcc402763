//! What a script printed: `print` and `debug` lines, captured by the sandbox
//! (the engine's callbacks) and handed out by `Rules::take_log`, for the
//! admin's log panel. Its own module, so the sandbox and the rules do not
//! import each other.

use std::sync::{Mutex, PoisonError};

use serde::Serialize;

use crate::limits::LIMITS;

/// Whether a log line came from `print` or `debug`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogKind {
    /// `print(...)`
    Print,
    /// `debug(...)`
    Debug,
}

/// One line a script printed, kept for the admin's log panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct LogLine {
    /// `print` or `debug`.
    pub kind: LogKind,
    /// What was printed.
    pub text: String,
    /// The line of the `debug` call, when known.
    pub line: Option<usize>,
}

pub(crate) fn push_log(log: &Mutex<Vec<LogLine>>, kind: LogKind, text: &str, line: Option<usize>) {
    // A poisoned lock only means another call panicked mid-push; the log is still usable.
    let mut log = log.lock().unwrap_or_else(PoisonError::into_inner);
    if log.len() < LIMITS.log_lines {
        let text = match text.char_indices().nth(LIMITS.log_line_chars) {
            Some((cut, _)) => format!("{}…", &text[..cut]),
            None => text.to_owned(),
        };
        log.push(LogLine { kind, text, line });
    }
}
