//! The Bondgenoot widgets: Yew components compiled to WebAssembly, mounted by
//! `www/embed.js` into a shadow root on the organisation's page.
//!
//! This is the UI module: it holds no Rhai. The rules run in the engine
//! module (crate `engine`), which embed.js loads after this one, in the
//! background; the first screen shows before it, with the answers the
//! server sent (see [`rules`]).
//!
//! The exports are [`mount`] and [`alive`]. embed.js gives every widget its
//! own instance of each (once compiled) module, so a trap stops one widget,
//! not the page; still nothing that comes from a script, the page or the
//! network is unwrapped: failures become a kind message in the widget.

mod alliantiescan;
mod app;
mod components;
mod config;
mod events;
mod focus;
mod i18n;
mod netwerkscan;
mod print;
mod rule_call;
mod rules;
mod storage;
mod ui;
mod vacaturecafe;
mod widget_texts;

use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::prelude::*;

pub use config::Config;

static PANIC_HOOK: Once = Once::new();
/// Set by the panic hook: after a panic this instance is not to be trusted.
static PANICKED: AtomicBool = AtomicBool::new(false);

/// A mounted widget; `destroy()` removes it from the page.
#[wasm_bindgen]
pub struct WidgetHandle {
    app: yew::AppHandle<app::App>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Unmounts the widget and frees its memory.
    pub fn destroy(self) {
        self.app.destroy();
    }
}

/// Mounts the widget described by `config` (the script tag's data attributes,
/// as read by embed.js) into `root`, an element inside the host's shadow root.
/// `host` is the custom element the widget's DOM events are dispatched on.
#[wasm_bindgen]
pub fn mount(
    host: web_sys::Element,
    root: web_sys::Element,
    config: JsValue,
) -> Result<WidgetHandle, JsValue> {
    PANIC_HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            PANICKED.store(true, Ordering::Relaxed);
            // The message and where, for whoever looks at the console; the
            // stack JS would add costs bytes before every first screen.
            web_sys::console::error_1(&format!("Bondgenoot: {info}").into());
        }));
    });
    let config = Config::from_js(&config).map_err(|e| JsValue::from_str(&e))?;
    let props = app::AppProps { config, host };
    let app = yew::Renderer::<app::App>::with_root_and_props(root, props).render();
    Ok(WidgetHandle { app })
}

/// Whether this instance can still be used. embed.js asks every instance
/// (and its engine's) after an uncaught wasm error on the page and replaces
/// the widget of one that answers `false` or cannot answer: after a panic.
/// The probe also touches this instance's stack: after a stack overflow
/// trap the stack pointer is left out of bounds, so the call itself traps.
#[wasm_bindgen]
pub fn alive() -> bool {
    let probe = std::hint::black_box([0_u8; 256]);
    std::hint::black_box(&probe);
    !PANICKED.load(Ordering::Relaxed)
}
