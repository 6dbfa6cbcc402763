//! Where focus goes after an action (WCAG 2.4.3): components move it on
//! purpose, to the thing that changed or the heading of what appeared, so a
//! keyboard or screen-reader user never lands on the page's `<body>`.

use yew::prelude::*;

/// Focuses the element behind `node` (if it is rendered).
pub fn to(node: &NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// Whether focus was lost (the element that had it is gone): nothing in
/// `node`'s shadow root has it, and nothing else on the page either. Focus
/// the person took elsewhere (the host page, another widget) is not lost,
/// and a late answer must not pull it back.
pub fn lost(node: &NodeRef) -> bool {
    let Some(el) = node.cast::<web_sys::Element>() else {
        return false;
    };
    let root = el.get_root_node();
    let inside = wasm_bindgen::JsCast::dyn_ref::<web_sys::ShadowRoot>(&root)
        .and_then(web_sys::ShadowRoot::active_element);
    let page = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    inside.is_none() && page.is_none_or(|active| active.tag_name().eq_ignore_ascii_case("body"))
}

/// Whether the element behind `node` has the focus (in its shadow root).
pub fn has(node: &NodeRef) -> bool {
    let Some(el) = node.cast::<web_sys::Element>() else {
        return false;
    };
    let root = el.get_root_node();
    let active = if let Some(shadow) = wasm_bindgen::JsCast::dyn_ref::<web_sys::ShadowRoot>(&root) {
        shadow.active_element()
    } else {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
    };
    active.is_some_and(|active| active == el)
}

/// Focuses the element with `id` in the same shadow root (or document) as
/// `anchor`, if there is one.
pub fn to_id(anchor: &NodeRef, id: &str) {
    let Some(el) = anchor.cast::<web_sys::Element>() else {
        return;
    };
    let root = el.get_root_node();
    let found =
        if let Some(fragment) = wasm_bindgen::JsCast::dyn_ref::<web_sys::DocumentFragment>(&root) {
            fragment.get_element_by_id(id)
        } else if let Some(document) = wasm_bindgen::JsCast::dyn_ref::<web_sys::Document>(&root) {
            document.get_element_by_id(id)
        } else {
            None
        };
    if let Some(found) =
        found.and_then(|f| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(f).ok())
    {
        let _ = found.focus();
    }
}

/// A counter: each time it goes up, focus moves to `node` after the render.
/// For an action that takes the focused control away (removing something),
/// so focus lands on what says it happened; counted, so a second removal
/// moves it again.
#[hook]
pub fn use_focus_after(node: NodeRef) -> UseStateHandle<u32> {
    let count = use_state(|| 0u32);
    use_effect_with(*count, move |n| {
        if *n > 0 {
            to(&node);
        }
    });
    count
}
