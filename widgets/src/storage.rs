//! The browser's localStorage, treated as optional: in private mode or a
//! sandboxed iframe it is missing or throws, and the widget must work anyway
//! (it just cannot keep answers across a reload then).

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether answers can be kept on this device.
pub fn available() -> bool {
    const PROBE: &str = "bondgenoot:probe";
    storage().is_some_and(|s| s.set_item(PROBE, "1").is_ok() && s.remove_item(PROBE).is_ok())
}

/// The stored text under `key`, if any and readable.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores `value`; false when it could not (no storage, quota full).
pub fn save(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Forgets `key`.
pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// The key a widget keeps its state under, one per organisation, so two
/// organisations' widgets on one site do not mix.
pub fn key(widget: plugin_host::contract::Widget, org: &str) -> String {
    format!("bondgenoot:{widget}:{org}")
}

/// Keeps `value` under `key` whenever it changes, and forgets the key when
/// there is nothing to keep (so "remove my answers" leaves nothing behind).
#[yew::hook]
pub fn use_kept<T: serde::Serialize + PartialEq + 'static>(
    key: String,
    value: T,
    nothing_to_keep: bool,
) {
    yew::use_effect_with((value, nothing_to_keep), move |(value, nothing)| {
        if *nothing {
            remove(&key);
        } else if let Ok(json) = serde_json::to_string(value) {
            save(&key, &json);
        }
    });
}
