//! The Bondgenoot widgets: Yew components compiled to WebAssembly, mounted by
//! `www/embed.js` into a shadow root on the organisation's page.
//!
//! The only export is [`mount`]. A panic here would stop every widget on the
//! page, so nothing that comes from a script, the page or the network is
//! unwrapped: failures become a kind message in the widget.

mod alliantiescan;
mod app;
mod components;
mod config;
mod events;
mod i18n;
mod netwerkscan;
mod playground;
mod print;
mod rules;
mod storage;
mod vacaturecafe;

use std::sync::Once;

use wasm_bindgen::prelude::*;

pub use config::Config;

static PANIC_HOOK: Once = Once::new();

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
    PANIC_HOOK.call_once(|| std::panic::set_hook(Box::new(console_error_panic_hook::hook)));
    let config = Config::from_js(&config).map_err(|e| JsValue::from_str(&e))?;
    let props = app::AppProps { config, host };
    let app = yew::Renderer::<app::App>::with_root_and_props(root, props).render();
    Ok(WidgetHandle { app })
}
