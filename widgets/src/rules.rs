//! Loads an organisation's layered rule scripts from the server and compiles
//! them once per widget; every hook call goes through [`SharedRules::hooks`].

use std::cell::Cell;
use std::rc::Rc;

use plugin_host::{Layer, Rules, ScriptError};

use crate::config::Config;

/// Compiled rules shared by a widget's components; equal when the same load.
#[derive(Clone, Debug)]
pub struct SharedRules(Rc<Rules>);

impl PartialEq for SharedRules {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

thread_local! {
    /// Hook calls under way. Back in the browser's event loop this is 0,
    /// unless a call never came back: the wasm instance trapped inside an
    /// organisation's script. [`crate::alive`] tells embed.js so, and it
    /// replaces this widget (this instance serves only one).
    static HOOKS_RUNNING: Cell<u32> = const { Cell::new(0) };
}

/// Whether every hook call that started has ended.
pub fn no_hook_stuck() -> bool {
    HOOKS_RUNNING.get() == 0
}

/// The rules for the length of one hook call: `&rules.hooks()` where a hook
/// function wants `&Rules`. Counts the call as running until dropped.
pub struct Running<'r>(&'r Rules);

impl std::ops::Deref for Running<'_> {
    type Target = Rules;
    fn deref(&self) -> &Rules {
        self.0
    }
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        HOOKS_RUNNING.set(HOOKS_RUNNING.get().saturating_sub(1));
    }
}

impl SharedRules {
    /// The rules, for one hook call.
    pub fn hooks(&self) -> Running<'_> {
        HOOKS_RUNNING.set(HOOKS_RUNNING.get().saturating_add(1));
        Running(&self.0)
    }

    /// Marks a hook call as started that never ends, then traps, as a wasm
    /// trap inside a script would leave the instance (see [`crate::alive`]).
    pub fn trap_inside_a_hook() -> ! {
        HOOKS_RUNNING.set(HOOKS_RUNNING.get().saturating_add(1));
        #[cfg(target_arch = "wasm32")]
        core::arch::wasm32::unreachable();
        #[cfg(not(target_arch = "wasm32"))]
        std::process::abort();
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

/// Gets the org's layered scripts and compiles them. The first try takes the
/// answer embed.js prefetched; a retry fetches the address embed.js used
/// again (the playground's preview has none, and takes its draft again).
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
    compile_once(answer.layers).map(SharedRules)
}

thread_local! {
    /// Rules compiled in this wasm instance, by their layers (a retry with
    /// the same scripts does not compile again). Hook calls keep no state,
    /// so sharing is safe.
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
