//! The rules engine, as the second wasm module of the widget bundle.
//!
//! The widgets' UI module (`widgets`) holds no Rhai: it shows the first
//! screen at once, and `www/embed.js` loads this module after it, in the
//! background. The UI hands every hook call here as JSON ([`call`]); the
//! answers never leave the device. Like the UI module, every widget gets
//! its own instance, so a trap inside one organisation's script stops that
//! widget only (embed.js asks [`alive`] and replaces it).
//!
//! The admin playground uses [`review_script`] as the admin types.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use plugin_host::contract::Widget;
use plugin_host::contract::hooks::Hooks;
use plugin_host::{ErrorKind, Layer, Rules, ScriptError, review};
use wasm_bindgen::prelude::*;

static PANIC_HOOK: Once = Once::new();
/// Set by the panic hook: after a panic this instance is not to be trusted.
static PANICKED: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// The rules compiled in this instance, by their layers: a retry with the
    /// same scripts does not compile again. The index is the id [`call`] takes.
    static COMPILED: RefCell<Vec<(Vec<Layer>, Rc<Rules>)>> = const { RefCell::new(Vec::new()) };
    /// Hook calls under way. Back in the browser's event loop this is 0,
    /// unless a call never came back: the instance trapped inside a script.
    static RUNNING: Cell<u32> = const { Cell::new(0) };
}

fn panic_hook() {
    PANIC_HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            PANICKED.store(true, Ordering::Relaxed);
            console_error_panic_hook::hook(info);
        }));
    });
}

/// A script error as the JSON the UI module reads back into [`ScriptError`].
fn error_json(error: &ScriptError) -> String {
    serde_json::to_string(error).unwrap_or_else(|_| String::from("{}"))
}

/// Compiles the layers of `rules`, the rules answer as the server sends it
/// (a `wire::RulesBody`: `{ org, widget, layers: [{ name, source }] }`,
/// default first); the id for [`call_hook`], or the script error as JSON.
pub fn compile_layers(rules: &str) -> Result<u32, String> {
    let layers = serde_json::from_str::<wire::RulesBody>(rules)
        .map_err(|e| {
            error_json(&ScriptError::new(
                ErrorKind::BadInput,
                None,
                format!("the rules answer could not be read: {e}"),
            ))
        })?
        .layers;
    let known = COMPILED.with_borrow(|c| c.iter().position(|(l, _)| *l == layers));
    let index = match known {
        Some(index) => index,
        None => {
            let rules = Rules::compile(&layers).map_err(|e| error_json(&e))?;
            COMPILED.with_borrow_mut(|c| {
                c.push((layers, Rc::new(rules)));
                c.len() - 1
            })
        }
    };
    u32::try_from(index).map_err(|_| error_json(&too_many()))
}

fn too_many() -> ScriptError {
    ScriptError::new(ErrorKind::Limit, None, "too many scripts in one widget")
}

/// Calls `hook` of the rules `id` with `args` (a JSON array): its answer as
/// JSON, or the script error as JSON.
pub fn call_hook(id: u32, hook: &str, args: &str) -> Result<String, String> {
    let rules = COMPILED
        .with_borrow(|c| c.get(id as usize).map(|(_, r)| Rc::clone(r)))
        .ok_or_else(|| {
            error_json(&ScriptError::new(
                ErrorKind::BadInput,
                Some(hook),
                format!("no rules with id {id} were compiled"),
            ))
        })?;
    RUNNING.set(RUNNING.get().saturating_add(1));
    let answer = rules.call_text(hook, args);
    RUNNING.set(RUNNING.get().saturating_sub(1));
    answer.map_err(|e| error_json(&e))
}

/// [`compile_layers`] for the UI module: the id, or throws the error's JSON
/// (a string; anything else thrown is a trap).
#[wasm_bindgen]
pub fn compile(rules: &str) -> Result<u32, JsValue> {
    panic_hook();
    compile_layers(rules).map_err(|e| JsValue::from_str(&e))
}

/// [`call_hook`] for the UI module: the answer's JSON, or throws the error's
/// JSON (a string; anything else thrown is a trap).
#[wasm_bindgen]
pub fn call(id: u32, hook: &str, args: &str) -> Result<String, JsValue> {
    call_hook(id, hook, args).map_err(|e| JsValue::from_str(&e))
}

/// Whether this instance can still be used: not after a panic, nor when a
/// hook call never came back (a trap inside a script). The probe also
/// touches the stack: after a stack overflow trap the stack pointer is left
/// out of bounds, so the call itself traps.
#[wasm_bindgen]
pub fn alive() -> bool {
    let probe = std::hint::black_box([0_u8; 256]);
    std::hint::black_box(&probe);
    !PANICKED.load(Ordering::Relaxed) && RUNNING.get() == 0
}

/// Traps inside a (pretend) hook call, as a script that broke the sandbox
/// would. Only for the end-to-end test that proves such a failure stops
/// this instance's widget and no other: a page can stop only its own
/// widgets with it, as it can by removing them.
#[wasm_bindgen(js_name = "trapInsideAHookForTests")]
pub fn trap_inside_a_hook_for_tests() {
    RUNNING.set(RUNNING.get().saturating_add(1));
    #[cfg(target_arch = "wasm32")]
    core::arch::wasm32::unreachable();
    #[cfg(not(target_arch = "wasm32"))]
    std::process::abort();
}

/// Reviews an organisation's script (`layer_name`, e.g. `org:demo`, over the
/// widget's `default_source`) with its `tests` (JSON text), as the server
/// does before it publishes: for the admin playground, as the admin types.
/// Returns the review as JSON (see `plugin_host::review::Review`).
#[wasm_bindgen(js_name = reviewScript)]
pub fn review_script(
    widget: &str,
    default_source: String,
    layer_name: String,
    source: String,
    tests: &str,
    org: &str,
    today: &str,
) -> Result<String, JsValue> {
    panic_hook();
    let widget = Widget::parse(widget)
        .ok_or_else(|| JsValue::from_str(&format!("no widget called '{widget}'")))?;
    let layers = [
        Layer::new("default", default_source),
        Layer::new(layer_name, source),
    ];
    let review = review::review(widget, &layers, tests, org, today);
    serde_json::to_string(&review).map_err(|e| JsValue::from_str(&e.to_string()))
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "a failed expectation is a failed test")]
mod tests {
    use super::*;

    fn layers(source: &str) -> String {
        serde_json::to_string(&wire::RulesBody {
            org: "t".into(),
            widget: "netwerkscan".into(),
            layers: vec![Layer::new("org:t", source.to_owned())],
        })
        .expect("json")
    }

    #[test]
    fn a_hook_answers_json_and_a_broken_script_answers_its_error() {
        let id = compile_layers(&layers("fn double(x) { x * 2 }")).expect("compiles");
        assert_eq!(call_hook(id, "double", "[21]").as_deref(), Ok("42"));
        // The same layers again: the same rules, not compiled twice.
        assert_eq!(compile_layers(&layers("fn double(x) { x * 2 }")), Ok(id));

        let error: ScriptError =
            serde_json::from_str(&call_hook(id, "triple", "[1]").expect_err("no such hook"))
                .expect("an error as JSON");
        assert_eq!(error.kind, ErrorKind::MissingHook);
        let error: ScriptError =
            serde_json::from_str(&compile_layers(&layers("fn (")).expect_err("does not compile"))
                .expect("an error as JSON");
        assert_eq!(error.kind, ErrorKind::Compile);
        assert_eq!(error.layer.as_deref(), Some("org:t"));
        let error: ScriptError =
            serde_json::from_str(&call_hook(id, "double", "not json").expect_err("bad input"))
                .expect("an error as JSON");
        assert_eq!(error.kind, ErrorKind::BadInput);
        assert!(call_hook(99, "double", "[1]").is_err(), "an id never given");
        assert!(alive());
    }
}
