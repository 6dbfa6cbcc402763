//! [`Hooks`]: whatever can run a widget's hooks. The typed calls in the
//! contract modules go through it, so they do not care where the script runs:
//! [`crate::Rules`] runs it here (the server, the CLI, the engine module in
//! the browser), and the widgets' UI module hands the call to the engine
//! module (a second wasm module, loaded after the first screen). Nothing in
//! this file needs Rhai, so the UI module carries none of it.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{ErrorKind, ScriptError};

/// Runs hooks with JSON in and JSON out.
pub trait Hooks {
    /// Calls `hook` with `args`; the script's answer, or why there is none.
    fn call_json(
        &self,
        hook: &str,
        args: &[serde_json::Value],
    ) -> Result<serde_json::Value, ScriptError>;
}

/// Anything serde can write, passed to a hook as an argument.
pub trait Arg {
    /// The argument as JSON.
    fn json(&self) -> serde_json::Result<serde_json::Value>;
}

impl<T: Serialize> Arg for T {
    fn json(&self) -> serde_json::Result<serde_json::Value> {
        serde_json::to_value(self)
    }
}

/// Calls `hook` with `args` and reads the answer as `O`; `expected` says the
/// shape in words, for the admin when the answer does not fit.
pub fn call<O: DeserializeOwned>(
    hooks: &dyn Hooks,
    hook: &str,
    args: &[&dyn Arg],
    expected: &str,
) -> Result<O, ScriptError> {
    let values = args
        .iter()
        .map(|a| a.json())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| {
            ScriptError::new(
                ErrorKind::BadInput,
                Some(hook),
                format!("input could not be passed to the script: {e}"),
            )
        })?;
    let value = hooks.call_json(hook, &values)?;
    O::deserialize(&value).map_err(|e| {
        ScriptError::new(
            ErrorKind::WrongShape,
            Some(hook),
            format!(
                "returned {}, but {expected} was expected ({e})",
                describe(&value)
            ),
        )
    })
}

/// A value's kind in the words Rhai uses for it (`i64`, `string`, `map`…):
/// what the admin wrote in the script.
fn describe(value: &serde_json::Value) -> String {
    use serde_json::Value;
    let kind = match value {
        Value::Null => return "nothing".to_owned(),
        Value::Bool(_) => "bool",
        Value::Number(_) => "i64",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "map",
    };
    format!("a value of type {kind}")
}

/// One hook call and its answer (the first screen's, sent with the rules).
pub use wire::Answered;

/// Runs hooks on `inner` and keeps every call that was answered: how the
/// server makes [`Answered`] with the same typed calls the widget makes.
pub struct Recorder<'h> {
    inner: &'h dyn Hooks,
    answered: std::cell::RefCell<Vec<Answered>>,
}

impl<'h> Recorder<'h> {
    /// A recorder over `inner`.
    pub fn new(inner: &'h dyn Hooks) -> Self {
        Self {
            inner,
            answered: std::cell::RefCell::default(),
        }
    }

    /// The calls answered so far.
    pub fn into_answered(self) -> Vec<Answered> {
        self.answered.into_inner()
    }
}

impl Hooks for Recorder<'_> {
    fn call_json(
        &self,
        hook: &str,
        args: &[serde_json::Value],
    ) -> Result<serde_json::Value, ScriptError> {
        let answer = self.inner.call_json(hook, args)?;
        self.answered.borrow_mut().push(Answered {
            hook: hook.to_owned(),
            args: args.to_vec(),
            answer: answer.clone(),
        });
        Ok(answer)
    }
}
