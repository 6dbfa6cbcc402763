//! What the admin playground (`admin/`) calls besides [`crate::mount`]: the
//! same review the server runs before it publishes a script, here as the
//! admin types, so errors show at their line at once.

use plugin_host::Layer;
use plugin_host::contract::Widget;
use plugin_host::review;
use wasm_bindgen::prelude::*;

/// Reviews an organisation's script (`layer_name`, e.g. `org:demo`, over the
/// widget's `default_source`) with its `tests` (JSON text). Returns the
/// review as JSON (see `plugin_host::review::Review`).
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
    let widget = Widget::parse(widget)
        .ok_or_else(|| JsValue::from_str(&format!("no widget called '{widget}'")))?;
    let layers = [
        Layer::new("default", default_source),
        Layer::new(layer_name, source),
    ];
    let review = review::review(widget, &layers, tests, org, today);
    serde_json::to_string(&review).map_err(|e| JsValue::from_str(&e.to_string()))
}
