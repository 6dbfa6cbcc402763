//! [`Hooks`]: whatever can run a widget's hooks. The typed calls in the
//! contract modules go through it, so they do not care where the script runs:
//! [`crate::Rules`] runs it here (the server, the CLI, the engine module in
//! the browser), and the widgets' UI module hands the call to the engine
//! module (a second wasm module, loaded after the first screen). Nothing in
//! this file needs Rhai, so the UI module carries none of it.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::{ErrorKind, ScriptError};

/// Runs hooks with JSON text in and out. Text, not `serde_json::Value`: the
/// browser's answers cross from the engine module as text anyway, and read
/// straight into their types the UI module needs no code to walk a `Value`.
pub trait Hooks {
    /// Calls `hook` with `args` (a JSON array); the script's answer as JSON,
    /// or why there is none.
    fn call_text(&self, hook: &str, args: &str) -> Result<String, ScriptError>;
}

/// Anything serde can write, passed to a hook as an argument.
pub trait Arg {
    /// The argument as JSON.
    fn json(&self) -> serde_json::Result<String>;
}

impl<T: Serialize> Arg for T {
    fn json(&self) -> serde_json::Result<String> {
        serde_json::to_string(self)
    }
}

/// The arguments as one JSON array.
fn args_text(hook: &str, args: &[&dyn Arg]) -> Result<String, ScriptError> {
    let mut text = String::from("[");
    for (i, arg) in args.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        let json = arg.json().map_err(|e| {
            ScriptError::new(
                ErrorKind::BadInput,
                Some(hook),
                format!("input could not be passed to the script: {e}"),
            )
        })?;
        text.push_str(&json);
    }
    text.push(']');
    Ok(text)
}

/// Calls `hook` with `args` and reads the answer as `O`; `expected` says the
/// shape in words, for the admin when the answer does not fit.
pub fn call<O: DeserializeOwned>(
    hooks: &dyn Hooks,
    hook: &str,
    args: &[&dyn Arg],
    expected: &str,
) -> Result<O, ScriptError> {
    let answer = hooks.call_text(hook, &args_text(hook, args)?)?;
    serde_json::from_str(&answer).map_err(|e| {
        // serde's words without "at line 1 column 9" (of the answer, not the script).
        let why = e.to_string();
        let why = why.split(" at line ").next().unwrap_or_default();
        ScriptError::new(
            ErrorKind::WrongShape,
            Some(hook),
            format!(
                "returned {}, but {expected} was expected ({why})",
                describe(&answer)
            ),
        )
    })
}

/// The kind of the JSON value in `answer`, in the words Rhai uses for it
/// (`i64`, `string`, `map`…): what the admin wrote in the script.
fn describe(answer: &str) -> String {
    let kind = match answer.trim_start().as_bytes().first() {
        None | Some(b'n') => return "nothing".to_owned(),
        Some(b't' | b'f') => "bool",
        Some(b'"') => "string",
        Some(b'[') => "array",
        Some(b'{') => "map",
        Some(_) => "i64",
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
    fn call_text(&self, hook: &str, args: &str) -> Result<String, ScriptError> {
        let answer = self.inner.call_text(hook, args)?;
        let raw = |text: &str| RawValue::from_string(text.to_owned());
        // Both are JSON already (the arguments as written, the answer as
        // the script's engine wrote it); a call that is not is not kept.
        if let (Ok(args), Ok(answer)) = (raw(args), raw(&answer)) {
            self.answered.borrow_mut().push(Answered {
                hook: hook.to_owned(),
                args,
                answer,
            });
        }
        Ok(answer)
    }
}
