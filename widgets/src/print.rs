//! Printing one widget alone, not the whole host page.

/// Prints only this widget: embed.js's print sheet hides the rest of the host
/// page while the host element and the page carry these attributes.
pub fn print_alone(host: &web_sys::Element) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let root = window.document().and_then(|d| d.document_element());
    let _ = host.set_attribute("data-printing", "");
    if let Some(root) = &root {
        let _ = root.set_attribute("data-bondgenoot-printing", "");
    }
    // Blocks until the print dialog closes.
    let _ = window.print();
    let _ = host.remove_attribute("data-printing");
    if let Some(root) = &root {
        let _ = root.remove_attribute("data-bondgenoot-printing");
    }
}
