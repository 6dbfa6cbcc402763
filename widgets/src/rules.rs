//! Loads an organisation's layered rule scripts from the server and compiles
//! them once per widget.

use std::rc::Rc;

use plugin_host::{Layer, Rules, ScriptError};
use serde::Deserialize;

use crate::config::Config;

/// Compiled rules shared by a widget's components; equal when the same load.
#[derive(Clone, Debug)]
pub struct SharedRules(pub Rc<Rules>);

impl PartialEq for SharedRules {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
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
        }
    }
}

#[derive(Deserialize)]
struct RulesResponse {
    layers: Vec<Layer>,
}

/// Gets the org's layered scripts and compiles them. The first try takes the
/// answer embed.js prefetched; a retry fetches `…/v1/orgs/{org}/rules/{widget}`.
pub async fn load(config: &Config, first_try: bool) -> Result<SharedRules, LoadError> {
    let (status, body) = match (&config.prefetched, first_try) {
        (Some(answer), true) => prefetched(&answer.0).await?,
        _ => fetch(config).await?,
    };
    if !(200..300).contains(&status) {
        return Err(LoadError::Status(status, body));
    }
    let answer: RulesResponse =
        serde_json::from_str(&body).map_err(|e| LoadError::Format(e.to_string()))?;
    compile_once(answer.layers).map(SharedRules)
}

thread_local! {
    /// Rules compiled on this page, by their layers: two widgets of the same
    /// organisation on one page compile once. Hook calls keep no state, so
    /// sharing is safe; a page holds few distinct rule sets.
    static COMPILED: std::cell::RefCell<Vec<(Vec<Layer>, Rc<Rules>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn compile_once(layers: Vec<Layer>) -> Result<Rc<Rules>, LoadError> {
    let known = COMPILED.with_borrow(|c| {
        c.iter()
            .find(|(l, _)| *l == layers)
            .map(|(_, r)| Rc::clone(r))
    });
    if let Some(rules) = known {
        return Ok(rules);
    }
    let rules = Rc::new(Rules::compile(&layers).map_err(LoadError::Script)?);
    COMPILED.with_borrow_mut(|c| c.push((layers, Rc::clone(&rules))));
    Ok(rules)
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

async fn fetch(config: &Config) -> Result<(u16, String), LoadError> {
    let url = config.org_url(&format!("rules/{}", config.widget.name()));
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    let body = response
        .text()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    Ok((response.status(), body))
}
