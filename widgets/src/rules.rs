//! An organisation's rules in the UI module, which holds no Rhai: the first
//! screen's answers the server sent with the scripts, then the engine module
//! (`engine`, a second wasm module embed.js loads in the background) with
//! the scripts compiled in it. Every hook call goes through [`SharedRules`]
//! as [`Hooks`]; the answers stay on the device.

use std::rc::Rc;

use plugin_host::contract::hooks::{Answered, Hooks};
use plugin_host::{ErrorKind, Layer, ScriptError};
use wasm_bindgen::prelude::*;

use crate::config::Config;

#[wasm_bindgen]
extern "C" {
    /// This widget's instance of the engine module (its exports `compile`
    /// and `call`, as embed.js hands them over). It throws a string (a
    /// script error as JSON) when a script fails, anything else when the
    /// instance itself broke.
    #[derive(Clone, Debug)]
    pub type Engine;

    #[wasm_bindgen(method, catch)]
    fn compile(this: &Engine, layers: &str) -> Result<u32, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn call(this: &Engine, id: u32, hook: &str, args: &str) -> Result<String, JsValue>;
}

/// The rules shared by a widget's components; equal when the same load and
/// the same engine state. A new value when the engine arrives, so every
/// answer made without it is made again.
#[derive(Clone, Debug)]
pub struct SharedRules(Rc<Loaded>);

#[derive(Debug)]
struct Loaded {
    /// The layers, as JSON, for the engine.
    layers: String,
    /// The first screen's answers, made by the server with the same scripts.
    first: Vec<Answered>,
    /// The engine and the id of these layers compiled in it, once there.
    engine: Option<(Engine, u32)>,
}

impl PartialEq for SharedRules {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl SharedRules {
    /// Whether the engine is there: until then only the first screen's
    /// calls are answered, and a failed call means "not yet".
    pub fn has_engine(&self) -> bool {
        self.0.engine.is_some()
    }

    /// These rules compiled in `engine`: a new value, so answers are made again.
    fn compiled_in(&self, engine: Engine) -> Result<Self, LoadError> {
        let id = engine
            .compile(&self.0.layers)
            .map_err(|e| LoadError::Script(engine_error(None, &e)))?;
        Ok(Self(Rc::new(Loaded {
            layers: self.0.layers.clone(),
            first: self.0.first.clone(),
            engine: Some((engine, id)),
        })))
    }
}

impl Hooks for SharedRules {
    fn call_json(
        &self,
        hook: &str,
        args: &[serde_json::Value],
    ) -> Result<serde_json::Value, ScriptError> {
        if let Some(known) = self
            .0
            .first
            .iter()
            .find(|a| a.hook == hook && a.args == args)
        {
            return Ok(known.answer.clone());
        }
        let Some((engine, id)) = &self.0.engine else {
            return Err(ScriptError::new(
                ErrorKind::MissingHook,
                Some(hook),
                "the rules engine has not loaded yet",
            ));
        };
        let args = serde_json::to_string(args)
            .map_err(|e| ScriptError::new(ErrorKind::BadInput, Some(hook), e.to_string()))?;
        let answer = engine
            .call(*id, hook, &args)
            .map_err(|e| engine_error(Some(hook), &e))?;
        serde_json::from_str(&answer)
            .map_err(|e| ScriptError::new(ErrorKind::WrongShape, Some(hook), e.to_string()))
    }
}

/// What the engine threw: a script error (its JSON), or the engine broke
/// (embed.js then replaces the widget with "try again").
fn engine_error(hook: Option<&str>, thrown: &JsValue) -> ScriptError {
    thrown
        .as_string()
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_else(|| {
            ScriptError::new(
                ErrorKind::Runtime,
                hook,
                format!("the rules engine stopped: {thrown:?}"),
            )
        })
}

/// Why the rules could not be used; shown to admins in the console.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The server could not be reached.
    Network(String),
    /// The server answered with an error status.
    Status(u16, String),
    /// The answer was not the expected JSON.
    Format(String),
    /// A script failed to compile or a hook failed.
    Script(ScriptError),
    /// The engine module could not be loaded.
    Engine(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Network(e) => write!(f, "the rules could not be loaded: {e}"),
            Self::Status(s, body) => {
                write!(f, "the server answered {s} when loading the rules: {body}")
            }
            Self::Format(e) => write!(f, "the rules answer was not understood: {e}"),
            Self::Script(e) => write!(f, "{e}"),
            Self::Engine(e) => write!(f, "the rules engine could not be loaded: {e}"),
        }
    }
}

/// Gets the org's layered scripts and the first screen's answers. The first
/// try takes the answer embed.js prefetched; a retry fetches the address
/// embed.js used again (the playground's preview has none, and takes its
/// draft again).
pub async fn load(config: &Config, first_try: bool) -> Result<SharedRules, LoadError> {
    let (status, body) = match (&config.prefetched, &config.rules_url) {
        (Some(answer), Some(_)) if first_try => prefetched(&answer.0).await?,
        (_, Some(url)) => fetch(url).await?,
        (Some(answer), None) => prefetched(&answer.0).await?,
        (None, None) => {
            return Err(LoadError::Format(
                "no rules were given and no address to fetch them".into(),
            ));
        }
    };
    if !(200..300).contains(&status) {
        return Err(LoadError::Status(status, body));
    }
    let answer: wire::RulesBody =
        serde_json::from_str(&body).map_err(|e| LoadError::Format(e.to_string()))?;
    let layers: &[Layer] = &answer.layers;
    let layers = serde_json::to_string(layers).map_err(|e| LoadError::Format(e.to_string()))?;
    Ok(SharedRules(Rc::new(Loaded {
        layers,
        first: answer.first,
        engine: None,
    })))
}

/// Waits for the engine embed.js is loading for this widget and compiles
/// the rules in it.
pub async fn with_engine(config: &Config, rules: &SharedRules) -> Result<SharedRules, LoadError> {
    let Some(engine) = &config.engine else {
        return Err(LoadError::Engine("no engine was given".into()));
    };
    let engine = wasm_bindgen_futures::JsFuture::from(engine.0.clone())
        .await
        .map_err(|e| LoadError::Engine(format!("{e:?}")))?;
    rules.compiled_in(engine.unchecked_into())
}

/// Awaits embed.js's `{ status, body }`.
async fn prefetched(answer: &js_sys::Promise) -> Result<(u16, String), LoadError> {
    let value = wasm_bindgen_futures::JsFuture::from(answer.clone())
        .await
        .map_err(|e| LoadError::Network(format!("{e:?}")))?;
    let field = |name: &str| js_sys::Reflect::get(&value, &name.into()).ok();
    let status = field("status")
        .and_then(|s| s.as_f64())
        .map_or(0, |s| s as u16);
    let body = field("body")
        .and_then(|b| b.as_string())
        .unwrap_or_default();
    Ok((status, body))
}

async fn fetch(url: &str) -> Result<(u16, String), LoadError> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    let body = response
        .text()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    Ok((response.status(), body))
}
