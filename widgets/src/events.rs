//! DOM events the widgets dispatch on their host element, for the host page.

/// Dispatches `name` with `detail` (as JSON), bubbling out of the shadow root.
pub fn dispatch(host: &web_sys::Element, name: &str, detail: &impl serde::Serialize) {
    let Ok(json) = serde_json::to_string(detail) else {
        return;
    };
    let Ok(detail) = js_sys::JSON::parse(&json) else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}
