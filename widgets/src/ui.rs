//! [`Ui`]: what every component of a widget needs to know about where it
//! runs. [`App`](crate::app::App) provides it; components read it with
//! [`use_ui`], so no component has to import the root.

use plugin_host::contract::{Ctx, Lang};
use yew::prelude::*;

use ui_texts::common::CommonTexts;

use crate::i18n::{Texts, texts};

/// The language, its compiled-in texts, the host element and the hooks' `ctx`.
#[derive(Clone, PartialEq)]
pub struct Ui {
    /// The language in use.
    pub lang: Lang,
    /// The texts compiled in, in that language (what shows before the
    /// widget's own texts have loaded; those come with `common()` and each
    /// widget's `texts(lang)`).
    pub texts: &'static Texts,
    /// What hooks get as `ctx`.
    pub ctx: Ctx,
    /// The custom element on the host page; `None` only outside a widget.
    host: Option<web_sys::Element>,
}

impl Ui {
    /// The context of a widget of `org` in `lang` on `today`, mounted on `host`.
    pub fn new(lang: Lang, org: String, today: String, host: web_sys::Element) -> Self {
        Self::with_host(lang, org, today, Some(host))
    }

    fn with_host(lang: Lang, org: String, today: String, host: Option<web_sys::Element>) -> Self {
        Self {
            lang,
            texts: texts(lang),
            ctx: Ctx { lang, org, today },
            host,
        }
    }

    /// The texts every widget shows around its own (progress, next steps,
    /// printing, "remove my answers", read aloud), which came with this
    /// widget's texts in its language.
    pub fn common(&self) -> &'static CommonTexts {
        crate::widget_texts::common(self.lang)
    }

    /// The day of a scan, `YYYY-MM-DD`, as "3 June 2026" in this language
    /// (scans lie months apart, so with the year); a scan kept before
    /// scans were dated is "an earlier day".
    pub fn day(&self, date: &str) -> String {
        if date.is_empty() {
            self.common().undated.to_owned()
        } else {
            crate::i18n::local_date(
                date,
                self.lang,
                &[("day", "numeric"), ("month", "long"), ("year", "numeric")],
            )
        }
    }

    /// The custom element on the host page, if this is inside a widget.
    pub fn host(&self) -> Option<&web_sys::Element> {
        self.host.as_ref()
    }

    /// Dispatches a DOM event for the host page on the host element.
    pub fn dispatch(&self, name: &str, detail: &impl serde::Serialize) {
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
/// (a programming error), it gets Dutch texts, no organisation, no day and no host
/// element (its events and printing go nowhere) and the console says so,
/// rather than a panic that would stop the page's widgets.
#[hook]
pub fn use_ui() -> Ui {
    use_context::<Ui>().unwrap_or_else(|| {
        web_sys::console::error_1(&"Bondgenoot: a component was rendered outside a widget".into());
        Ui::with_host(Lang::default(), String::new(), String::new(), None)
    })
}
