//! An organisation's rules in the UI module, which holds no Rhai: first the
//! first screen's answers, made by the server with the organisation's
//! scripts; then the engine module (`engine`, a second wasm module embed.js
//! loads after the first screen) with the scripts compiled in it, which
//! answers every call from then on. Every hook call goes through
//! [`SharedRules`] as [`Hooks`]; the person's answers stay on the device.

use std::rc::Rc;

use plugin_host::contract::hooks::{Answered, Hooks};
use plugin_host::{ErrorKind, ScriptError};
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
    fn compile(this: &Engine, rules: &str) -> Result<u32, JsValue>;

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
    /// The rules answer (a `wire::RulesBody` as JSON, the layers in it) for
    /// the engine, which reads it; none yet after the first screen's
    /// answers alone.
    layers: Option<String>,
    /// The first screen's answers, made by the server; until the engine is
    /// there (then it answers every call, with the layers it has, so a
    /// script published in between cannot mix two versions on one screen).
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

    /// `layers` compiled in `engine`: a new value, so answers are made again.
    fn compiled_in(layers: String, engine: Engine) -> Result<Self, LoadError> {
        let id = engine
            .compile(&layers)
            .map_err(|e| LoadError::Script(engine_error(None, &e)))?;
        Ok(Self(Rc::new(Loaded {
            layers: Some(layers),
            first: Vec::new(),
            engine: Some((engine, id)),
        })))
    }
}

impl Hooks for SharedRules {
    fn call_text(&self, hook: &str, args: &str) -> Result<String, ScriptError> {
        if let Some(known) = self
            .0
            .first
            .iter()
            .find(|a| a.hook == hook && a.args.get() == args)
        {
            return Ok(known.answer.get().to_owned());
        }
        let Some((engine, id)) = &self.0.engine else {
            return Err(ScriptError::new(
                ErrorKind::MissingHook,
                Some(hook),
                "the rules engine has not loaded yet",
            ));
        };
        engine
            .call(*id, hook, args)
            .map_err(|e| engine_error(Some(hook), &e))
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
    /// The widget's own texts could not be loaded.
    Texts(String),
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
            Self::Texts(e) => write!(f, "the widget's texts could not be loaded: {e}"),
        }
    }
}

/// What the widget shows first. On the first try: the first screen's answers
/// embed.js prefetched, when the server made them. Otherwise (a retry, the
/// playground's preview, no answers): the layers, and the screen waits for
/// the engine.
pub async fn load(config: &Config, first_try: bool) -> Result<SharedRules, LoadError> {
    if first_try && let Some(answer) = &config.first_screen {
        let first = prefetched(&answer.0)
            .await
            .ok()
            .filter(|(status, _)| *status == 200)
            .and_then(|(_, body)| serde_json::from_str::<wire::FirstScreen>(&body).ok());
        if let Some(first) = first {
            return Ok(SharedRules(Rc::new(Loaded {
                layers: None,
                first: first.answered,
                engine: None,
            })));
        }
    }
    Ok(SharedRules(Rc::new(Loaded {
        layers: Some(layers(config, first_try).await?),
        first: Vec::new(),
        engine: None,
    })))
}

/// The org's layered scripts: the rules answer as it came, for the engine
/// (which reads it: this module needs no code for it). The first try takes
/// the answer embed.js fetched; a retry fetches the address embed.js used
/// again (the playground's preview has none, and takes its draft again).
async fn layers(config: &Config, first_try: bool) -> Result<String, LoadError> {
    let (status, body) = match (&config.prefetched, &config.rules_url) {
        (Some(answer), Some(_)) if first_try => prefetched(&answer.0).await,
        (_, Some(url)) => fetch(url).await,
        (Some(answer), None) => prefetched(&answer.0).await,
        (None, None) => {
            return Err(LoadError::Format(
                "no rules were given and no address to fetch them".into(),
            ));
        }
    }
    .map_err(LoadError::Network)?;
    if !(200..300).contains(&status) {
        return Err(LoadError::Status(status, body));
    }
    Ok(body)
}

/// Waits for the engine embed.js is loading for this widget (and for the
/// layers, when only the first screen's answers came) and compiles the
/// rules in it.
pub async fn with_engine(
    config: &Config,
    rules: &SharedRules,
    first_try: bool,
) -> Result<SharedRules, LoadError> {
    let Some(engine) = &config.engine else {
        return Err(LoadError::Engine("no engine was given".into()));
    };
    // Both are asked for at once: the engine downloads while the layers come.
    let engine = engine.load().map_err(LoadError::Engine)?;
    let layers = match &rules.0.layers {
        Some(layers) => layers.clone(),
        None => layers(config, first_try).await?,
    };
    let engine = wasm_bindgen_futures::JsFuture::from(engine)
        .await
        .map_err(|e| LoadError::Engine(format!("{e:?}")))?;
    SharedRules::compiled_in(layers, engine.unchecked_into())
}

/// Awaits embed.js's `{ status, body }`; the error says why it did not
/// come (the caller says what did not).
pub(crate) async fn prefetched(answer: &js_sys::Promise) -> Result<(u16, String), String> {
    let value = wasm_bindgen_futures::JsFuture::from(answer.clone())
        .await
        .map_err(|e| format!("{e:?}"))?;
    let field = |name: &str| js_sys::Reflect::get(&value, &name.into()).ok();
    let status = field("status")
        .and_then(|s| s.as_f64())
        .map_or(0, |s| s as u16);
    let body = field("body")
        .and_then(|b| b.as_string())
        .unwrap_or_default();
    Ok((status, body))
}

/// Fetches `url`: its status and body, or why it did not come.
pub(crate) async fn fetch(url: &str) -> Result<(u16, String), String> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let body = response.text().await.map_err(|e| e.to_string())?;
    Ok((response.status(), body))
}
