//! DOM events the widgets dispatch on their host element, for the host page.

/// Dispatches `name` with a JSON `detail`, bubbling out of the shadow root.
pub fn dispatch(host: &web_sys::Element, name: &str, detail: &serde_json::Value) {
    let Ok(detail) = js_sys::JSON::parse(&detail.to_string()) else {
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
