//! Layered, compiled rule scripts and typed hook calls.
//!
//! A widget's default script is the first layer; an organisation's script is the
//! second, and every function it defines replaces the default one of the same
//! name and arity. Scripts are compiled once; hooks are called many times.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use rhai::{AST, CallFnOptions, Dynamic, Engine, EvalAltResult, ParseError, Position, Scope};

use crate::budget::{self, Budget};
use crate::contract::hooks::Hooks;
use crate::depth;
use crate::error::{ErrorKind, ScriptError};
use crate::limits::LIMITS;
use crate::log::LogLine;
use crate::miscompiled;
use crate::sandbox;

/// One script layer (`default`, `org:demo`) and its source: the same type
/// the rules answer carries over HTTP.
pub use wire::Layer;

/// A compiled, layered set of rule scripts for one widget and organisation.
pub struct Rules {
    engine: Engine,
    ast: AST,
    /// Layer names by index; a function's AST source is the index as a string.
    layers: Vec<String>,
    /// (name, arity) → the layer whose definition is live, and where it starts.
    defined_in: HashMap<(String, usize), (usize, Position)>,
    log: Arc<Mutex<Vec<LogLine>>>,
}

impl std::fmt::Debug for Rules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rules")
            .field("layers", &self.layers)
            .finish_non_exhaustive()
    }
}

impl Rules {
    /// Compiles the layers in order; later layers' functions replace earlier ones
    /// of the same name and arity. Top-level statements are not run: scripts only
    /// define functions, so calling a hook never has hidden side effects.
    pub fn compile(layers: &[Layer]) -> Result<Self, ScriptError> {
        let log = Arc::new(Mutex::new(Vec::new()));
        let engine = sandbox::engine(Arc::clone(&log));
        let mut merged = AST::empty();
        let mut defined_in = HashMap::new();
        for (index, layer) in layers.iter().enumerate() {
            let ast = engine
                .compile(&layer.source)
                .map_err(|e| parse_error(e, layer))?;
            if let Some((pos, message)) = miscompiled::find(&ast) {
                return Err(ScriptError::new(ErrorKind::Compile, None, message)
                    .at(Some(layer.name.clone()), pos));
            }
            for f in ast.iter_functions() {
                let at = definition_position(&layer.source, f.name);
                defined_in.insert((f.name.to_owned(), f.params.len()), (index, at));
            }
            merged = merged.merge(&ast);
        }
        let layers = layers.iter().map(|l| l.name.clone()).collect();
        Ok(Self {
            engine,
            ast: merged,
            layers,
            defined_in,
            log,
        })
    }

    /// Whether a hook with this name and number of arguments is defined.
    pub fn has_hook(&self, name: &str, arity: usize) -> bool {
        self.defined_in.contains_key(&(name.to_owned(), arity))
    }

    /// Calls a hook with JSON values in and out: for the admin tools and the
    /// scripts' own tests. (The typed calls in [`crate::contract`] go through
    /// [`Hooks`], with JSON text.)
    pub fn call_json(
        &self,
        hook: &str,
        args: &[serde_json::Value],
    ) -> Result<serde_json::Value, ScriptError> {
        let values = args
            .iter()
            .map(rhai::serde::to_dynamic)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| {
                ScriptError::new(
                    ErrorKind::BadInput,
                    Some(hook),
                    format!("input could not be passed to the script: {e}"),
                )
            })?;
        let value = self.run(hook, values)?;
        rhai::serde::from_dynamic::<serde_json::Value>(&value)
            .map_err(|e| ScriptError::new(ErrorKind::WrongShape, Some(hook), e.to_string()))
    }

    /// Runs `hook` with `args`, checked for depth on the way in and out.
    fn run(&self, hook: &str, args: Vec<Dynamic>) -> Result<Dynamic, ScriptError> {
        if !self.has_hook(hook, args.len()) {
            return Err(ScriptError::new(
                ErrorKind::MissingHook,
                Some(hook),
                format!(
                    "the script defines no function `{hook}` with {} argument(s)",
                    args.len()
                ),
            ));
        }
        let mut values = Vec::with_capacity(args.len());
        for value in args {
            if depth::deeper_than(&value, LIMITS.data_depth) {
                return Err(ScriptError::new(
                    ErrorKind::BadInput,
                    Some(hook),
                    format!(
                        "the input is nested too deeply (more than {} levels of lists and maps)",
                        LIMITS.data_depth
                    ),
                ));
            }
            values.push(value);
        }
        let arity = values.len();
        let options = CallFnOptions::new().eval_ast(false).rewind_scope(true);
        let result = {
            let _budget = budget::hook(LIMITS.hook_time);
            self.engine.call_fn_with_options::<Dynamic>(
                options,
                &mut Scope::new(),
                &self.ast,
                hook,
                values,
            )
        };
        let value = result.map_err(|e| self.runtime_error(hook, arity, &e))?;
        // Checked before serde walks it, in recursion as deep as the data.
        if depth::deeper_than(&value, LIMITS.data_depth) {
            let (layer, pos) = self.hook_place(hook, arity);
            return Err(ScriptError::new(
                ErrorKind::Limit,
                Some(hook),
                format!(
                    "returned data nested too deeply (more than {} levels of lists and maps)",
                    LIMITS.data_depth
                ),
            )
            .at(layer, pos));
        }
        Ok(value)
    }

    /// The layer and position of the live definition of a hook.
    fn hook_place(&self, hook: &str, arity: usize) -> (Option<String>, Position) {
        match self.defined_in.get(&(hook.to_owned(), arity)) {
            Some((layer, pos)) => (self.layers.get(*layer).cloned(), *pos),
            None => (None, Position::NONE),
        }
    }

    /// Takes the lines printed so far, leaving the log empty.
    pub fn take_log(&self) -> Vec<LogLine> {
        std::mem::take(&mut *self.log.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// Finds the innermost error and the most precise position known for it,
    /// with the layer that position is in. Rhai wraps an error in each function
    /// call it passes through; the wrapper's position is the call site, in the
    /// caller's layer. Some limit errors carry no position; then the call site
    /// that led there is the best place to point at.
    fn locate<'e>(
        &self,
        err: &'e EvalAltResult,
        layer: Option<usize>,
    ) -> (Option<usize>, Position, &'e EvalAltResult) {
        match err {
            EvalAltResult::ErrorInFunctionCall(name, _, inner, call_site) => {
                // Merged ASTs do not keep each function's source, so the layer
                // comes from where a function of that name is live.
                let callee = self
                    .defined_in
                    .iter()
                    .find(|((n, _), _)| n == name)
                    .map(|(_, (l, _))| *l)
                    .or(layer);
                match self.locate(inner, callee) {
                    (_, pos, e) if pos.is_none() => (layer, *call_site, e),
                    found => found,
                }
            }
            other => (layer, other.position(), other),
        }
    }

    fn runtime_error(&self, hook: &str, arity: usize, err: &EvalAltResult) -> ScriptError {
        let (hook_layer, hook_pos) = match self.defined_in.get(&(hook.to_owned(), arity)) {
            Some((layer, pos)) => (Some(*layer), *pos),
            None => (None, Position::NONE),
        };
        let (layer, pos, inner) = self.locate(err, hook_layer);
        // Rhai reports some limits without a position; then point at the hook itself.
        let pos = if pos.is_none() { hook_pos } else { pos };
        let layer = layer.and_then(|i| self.layers.get(i).cloned());
        let kind = match inner {
            EvalAltResult::ErrorRuntime(value, _) if depth::is_too_deep(value) => ErrorKind::Limit,
            EvalAltResult::ErrorTooManyOperations(_)
            | EvalAltResult::ErrorStackOverflow(_)
            | EvalAltResult::ErrorDataTooLarge(..)
            | EvalAltResult::ErrorTerminated(..)
            | EvalAltResult::ErrorTooManyVariables(_) => ErrorKind::Limit,
            _ => ErrorKind::Runtime,
        };
        ScriptError::new(kind, Some(hook), runtime_message(inner)).at(layer, pos)
    }
}

pub(crate) fn runtime_message(err: &EvalAltResult) -> String {
    match err {
        EvalAltResult::ErrorTooManyOperations(_) => format!(
            "the script ran too long and was stopped (more than {} operations; is there an endless loop?)",
            LIMITS.operations
        ),
        EvalAltResult::ErrorStackOverflow(_) => format!(
            "functions call each other too deeply (more than {} levels; is there endless recursion?)",
            LIMITS.call_levels
        ),
        EvalAltResult::ErrorDataTooLarge(what, _) => format!(
            "{what} grew too large (limits: {} bytes of text in one value, {} items per array, {} properties per map)",
            LIMITS.string_size, LIMITS.array_size, LIMITS.map_size
        ),
        EvalAltResult::ErrorTooManyVariables(_) => {
            format!(
                "too many variables at once (more than {})",
                LIMITS.variables
            )
        }
        EvalAltResult::ErrorTerminated(token, _) => {
            match token
                .clone()
                .into_string()
                .ok()
                .as_deref()
                .and_then(Budget::from_token)
            {
                Some(Budget::Total) => format!(
                    "the review ran out of time and was stopped (more than {} s for every hook \
                     and test case together)",
                    LIMITS.review_time.as_secs()
                ),
                _ => format!(
                    "the script ran too long and was stopped (more than {} ms; is there an \
                     endless loop, or a loop over large nested data?)",
                    LIMITS.hook_time.as_millis()
                ),
            }
        }
        EvalAltResult::ErrorFunctionNotFound(sig, _) => format!("unknown function `{sig}`"),
        // A script's own `throw "…"`: its words are the message (a thrown
        // list or map shown no deeper than the depth limit).
        EvalAltResult::ErrorRuntime(value, _) => {
            let text = depth::describe(value);
            match text.strip_prefix(depth::TOO_DEEP) {
                Some(message) => message.to_owned(),
                None => text,
            }
        }
        other => strip_position(&other.to_string()),
    }
}

fn parse_error(err: ParseError, layer: &Layer) -> ScriptError {
    // Rhai gives no position for some errors at the end of the text (a
    // back-quoted string left open after a `${…}`, found by fuzzing): the
    // end of the layer is where it stopped reading, so the admin looks there.
    let pos: Position = match err.position() {
        pos if pos.is_none() => end_of(&layer.source),
        pos => pos,
    };
    // `curry` is disabled: written as a call it is an improper symbol, after
    // a dot it reads as a missing property name. Both name the word.
    let word_at_error = pos
        .line()
        .and_then(|l| layer.source.lines().nth(l - 1))
        .zip(pos.position())
        .and_then(|(text, column)| text.get(column.saturating_sub(1)..))
        .map(|rest| {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .unwrap_or_default();
    let message = match &*err.0 {
        rhai::ParseErrorType::PropertyExpected
        | rhai::ParseErrorType::BadInput(rhai::LexError::ImproperSymbol(..))
            if word_at_error == "curry" =>
        {
            "`curry` is not allowed in rule scripts".to_owned()
        }
        rhai::ParseErrorType::BadInput(rhai::LexError::ImproperSymbol(word, _))
            if word == "eval" =>
        {
            "`eval` is not allowed in rule scripts".to_owned()
        }
        rhai::ParseErrorType::Reserved(word) if word == "import" => {
            "`import` is not allowed in rule scripts: everything a hook needs is passed in"
                .to_owned()
        }
        rhai::ParseErrorType::ExprTooDeep => format!(
            "expressions are nested too deeply (more than {} levels, or {} inside a function)",
            LIMITS.expr_depth, LIMITS.function_expr_depth
        ),
        other => other.to_string(),
    };
    ScriptError::new(ErrorKind::Compile, None, message).at(Some(layer.name.clone()), pos)
}

/// The last line of `source` and the column after its last character.
fn end_of(source: &str) -> Position {
    let lines = source.lines().count().max(1);
    let last = source.lines().last().unwrap_or_default();
    let line = u16::try_from(lines).unwrap_or(u16::MAX);
    let column = u16::try_from(last.chars().count() + 1).unwrap_or(u16::MAX);
    Position::new(line, column)
}

/// Where `fn name` is written in a layer's source (1-based line and column).
fn definition_position(source: &str, name: &str) -> Position {
    for (line, text) in source.lines().enumerate() {
        let mut rest = text;
        while let Some(i) = rest.find("fn ") {
            let after = rest[i + 3..].trim_start();
            if after
                .strip_prefix(name)
                .is_some_and(|t| t.trim_start().starts_with('('))
            {
                let column = text.len() - rest.len() + i + 1;
                return Position::new(
                    u16::try_from(line + 1).unwrap_or(u16::MAX),
                    u16::try_from(column).unwrap_or(u16::MAX),
                );
            }
            rest = &rest[i + 3..];
        }
    }
    Position::NONE
}

/// Rhai's messages end with "(line 3, position 5)"; we report those separately.
fn strip_position(text: &str) -> String {
    match text.rfind(" (line ") {
        Some(i) if text.ends_with(')') => text[..i].to_owned(),
        _ => text.to_owned(),
    }
}

impl Hooks for Rules {
    /// Straight from the text to Rhai's values and back (no JSON value in
    /// between: the server runs this on every signup).
    fn call_text(&self, hook: &str, args: &str) -> Result<String, ScriptError> {
        let args: Vec<Dynamic> = serde_json::from_str(args).map_err(|e| {
            ScriptError::new(
                ErrorKind::BadInput,
                Some(hook),
                format!("input could not be passed to the script: {e}"),
            )
        })?;
        let answer = self.run(hook, args)?;
        serde_json::to_string(&answer).map_err(|e| {
            ScriptError::new(
                ErrorKind::WrongShape,
                Some(hook),
                format!("the answer could not be written as JSON: {e}"),
            )
        })
    }
}
