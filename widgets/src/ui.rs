//! [`Ui`]: what every component of a widget needs to know about where it
//! runs. [`App`](crate::app::App) provides it; components read it with
//! [`use_ui`], so no component has to import the root.

use plugin_host::contract::{Ctx, Lang};
use yew::prelude::*;

use crate::i18n::{Texts, texts};

/// The language, the shared texts, the host element and the hooks' `ctx`.
#[derive(Clone, PartialEq)]
pub struct Ui {
    /// The language in use.
    pub lang: Lang,
    /// The UI texts all widgets share, in that language (each widget has its
    /// own `texts(lang)` besides).
    pub texts: &'static Texts,
    /// What hooks get as `ctx`.
    pub ctx: Ctx,
    /// The custom element on the host page; `None` only outside a widget.
    host: Option<web_sys::Element>,
}

impl Ui {
    /// The context of a widget of `org` in `lang`, mounted on `host`.
    pub fn new(lang: Lang, org: String, host: web_sys::Element) -> Self {
        Self::with_host(lang, org, Some(host))
    }

    fn with_host(lang: Lang, org: String, host: Option<web_sys::Element>) -> Self {
        Self {
            lang,
            texts: texts(lang),
            ctx: Ctx {
                lang,
                org,
                today: today(),
            },
            host,
        }
    }

    /// The custom element on the host page, if this is inside a widget.
    pub fn host(&self) -> Option<&web_sys::Element> {
        self.host.as_ref()
    }

    /// Dispatches a DOM event for the host page on the host element.
    pub fn dispatch(&self, name: &str, detail: &serde_json::Value) {
        if let Some(host) = &self.host {
            crate::events::dispatch(host, name, detail);
        }
    }

    /// Prints this widget alone.
    pub fn print_alone(&self) {
        if let Some(host) = &self.host {
            crate::print::print_alone(host);
        }
    }
}

/// The [`Ui`] of the widget this component is in. Every component is
/// rendered under `App`'s provider; should one ever be rendered without it
/// (a programming error), it gets Dutch texts, no organisation and no host
/// element (its events and printing go nowhere) and the console says so,
/// rather than a panic that would stop the page's widgets.
#[hook]
pub fn use_ui() -> Ui {
    use_context::<Ui>().unwrap_or_else(|| {
        web_sys::console::error_1(&"Bondgenoot: a component was rendered outside a widget".into());
        Ui::with_host(Lang::default(), String::new(), None)
    })
}

/// Today's date as `YYYY-MM-DD`, for `ctx.today`.
fn today() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    iso.get(..10).unwrap_or_default().to_owned()
}
