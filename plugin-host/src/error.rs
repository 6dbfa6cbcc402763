//! The one error type of the plugin host: every failure of a rule script, at
//! compile time or at run time, names the hook, the script layer, the line and
//! the column, so an admin can find and fix it.

use std::fmt;

/// What went wrong, so callers can tell a script bug from a sandbox limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The script does not parse (syntax error, forbidden keyword such as `eval` or `import`).
    Compile,
    /// The script ran and failed (unknown function, bad index, `throw`…).
    Runtime,
    /// The script hit a sandbox limit (too many operations, too deep, too large).
    Limit,
    /// The script does not define a hook the widget needs.
    MissingHook,
    /// The hook returned a value that is not of the documented shape.
    WrongShape,
    /// The caller's input could not be handed to the script.
    BadInput,
}

/// A rule-script failure with everything an admin needs to find it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, thiserror::Error)]
pub struct ScriptError {
    /// What kind of failure this is.
    pub kind: ErrorKind,
    /// The hook being called, if the failure happened in a hook call.
    pub hook: Option<String>,
    /// Which script layer the position refers to: `default` or `org:<name>`.
    pub layer: Option<String>,
    /// 1-based line in that layer, when the failure has a position.
    pub line: Option<usize>,
    /// 1-based column in that layer, when the failure has a position.
    pub column: Option<usize>,
    /// A plain-language description of the failure.
    pub message: String,
}

impl ScriptError {
    /// A failure without a position (missing hook, wrong shape, bad input).
    pub fn new(kind: ErrorKind, hook: Option<&str>, message: impl Into<String>) -> Self {
        Self {
            kind,
            hook: hook.map(str::to_owned),
            layer: None,
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// Attaches a position in a script layer.
    pub(crate) fn at(mut self, layer: Option<String>, pos: rhai::Position) -> Self {
        self.layer = layer;
        self.line = pos.line();
        self.column = pos.position();
        self
    }
}

impl fmt::Display for ScriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(hook) = &self.hook {
            write!(f, "hook `{hook}`")?;
        } else {
            f.write_str("script")?;
        }
        match (&self.layer, self.line, self.column) {
            (Some(layer), Some(l), Some(c)) => {
                write!(f, " ({layer} script, line {l}, column {c})")?
            }
            (Some(layer), Some(l), None) => write!(f, " ({layer} script, line {l})")?,
            (Some(layer), None, _) => write!(f, " ({layer} script)")?,
            (None, Some(l), Some(c)) => write!(f, " (line {l}, column {c})")?,
            _ => {}
        }
        write!(f, ": {}", self.message)
    }
}
