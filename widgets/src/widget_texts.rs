//! This widget's own texts (their home is `ui-texts`), fetched per language
//! instead of compiled in: the language it opens in comes with the first
//! screen (embed.js asks for it while the wasm loads), another one when the
//! person picks it. A language's texts are kept for the life of this
//! instance (a few kilobytes, read by every render), so they are leaked
//! once and borrowed as `'static`, as texts compiled in would be.

use std::cell::RefCell;

use plugin_host::contract::{Lang, Widget};
use ui_texts::common::CommonTexts;
use ui_texts::{OfWidget, WidgetTexts};

use crate::config::{Config, Prefetched};
use crate::rules::{self, LoadError};

thread_local! {
    // One entry per widget and language: the playground's preview mounts one
    // widget after another in the same instance.
    static LOADED: RefCell<Vec<(Lang, &'static WidgetTexts)>> = const { RefCell::new(Vec::new()) };
    // Empty texts per widget and language, and of the shared texts per
    // language, made once should a component ever ask for texts that have
    // not loaded (a bug, said once in the console).
    static BLANK: RefCell<Vec<(Lang, &'static WidgetTexts)>> = const { RefCell::new(Vec::new()) };
    static BLANK_COMMON: RefCell<Vec<(Lang, &'static CommonTexts)>> = const { RefCell::new(Vec::new()) };
}

/// `widget`'s texts in `lang`, when they have loaded.
fn installed(widget: Widget, lang: Lang) -> Option<&'static WidgetTexts> {
    LOADED.with_borrow(|loaded| {
        loaded
            .iter()
            .find(|(l, t)| *l == lang && t.widget() == widget)
            .map(|(_, t)| *t)
    })
}

/// Loads this widget's texts in `lang` unless they are here: from the
/// answer embed.js prefetched when there is one, else from the server.
pub async fn load(
    config: &Config,
    lang: Lang,
    prefetched: Option<&Prefetched>,
) -> Result<(), LoadError> {
    let widget = config.widget;
    if installed(widget, lang).is_some() {
        return Ok(());
    }
    let (status, body) = match prefetched {
        Some(answer) => rules::prefetched(&answer.0).await,
        None => rules::fetch(&url(config, lang)).await,
    }
    .map_err(LoadError::Texts)?;
    if status != 200 {
        return Err(LoadError::Texts(format!(
            "the server answered {status}: {body}"
        )));
    }
    let texts = WidgetTexts::read(widget, &body).map_err(LoadError::Texts)?;
    // Loaded meanwhile by another pick of the same language: keep that one.
    if installed(widget, lang).is_none() {
        let texts: &'static WidgetTexts = Box::leak(Box::new(texts));
        LOADED.with_borrow_mut(|loaded| loaded.push((lang, texts)));
    }
    Ok(())
}

/// Where the server has this widget's texts in `lang`; embed.js prefetches
/// the same address.
fn url(config: &Config, lang: Lang) -> String {
    format!(
        "{}texts/{}/{}",
        config.base_url,
        config.widget.name(),
        lang.tag()
    )
}

/// The widget's own texts (`T`) in `lang`. The app renders a language only
/// once its texts are here; should a component ever ask before (a bug), it
/// gets empty texts and the console says so, rather than a panic that would
/// stop every widget on the page. Native tests have every language.
pub fn texts<T: OfWidget>(lang: Lang) -> &'static T {
    #[cfg(not(target_arch = "wasm32"))]
    return T::data(lang);
    #[cfg(target_arch = "wasm32")]
    installed(T::WIDGET, lang)
        .and_then(T::pick)
        .or_else(|| T::pick(blank(T::WIDGET, lang)))
        .unwrap_or_else(|| Box::leak(Box::new(T::blank())))
}

/// The texts every widget shares, in `lang`: they come inside each
/// widget's texts, so any widget's in that language will do (the
/// playground's preview may have loaded another widget's first).
pub fn common(lang: Lang) -> &'static CommonTexts {
    #[cfg(not(target_arch = "wasm32"))]
    return ui_texts::common::texts(lang);
    #[cfg(target_arch = "wasm32")]
    LOADED
        .with_borrow(|loaded| {
            loaded
                .iter()
                .find(|(l, _)| *l == lang)
                .map(|(_, t)| t.common())
        })
        .unwrap_or_else(|| blank_common(lang))
}

/// The shared texts, empty, made (and said in the console) once per language.
#[cfg(target_arch = "wasm32")]
fn blank_common(lang: Lang) -> &'static CommonTexts {
    BLANK_COMMON.with_borrow_mut(|blanks| {
        if let Some((_, blank)) = blanks.iter().find(|(l, _)| *l == lang) {
            return *blank;
        }
        web_sys::console::error_1(
            &format!(
                "Bondgenoot: the texts all widgets share were asked for in {} before any widget's texts in it loaded",
                lang.tag()
            )
            .into(),
        );
        let blank: &'static CommonTexts = Box::leak(Box::new(ui_texts::Parts::blank()));
        blanks.push((lang, blank));
        blank
    })
}

/// `widget`'s empty texts, made (and said in the console) once.
#[cfg(target_arch = "wasm32")]
fn blank(widget: Widget, lang: Lang) -> &'static WidgetTexts {
    BLANK.with_borrow_mut(|blanks| {
        if let Some((_, blank)) = blanks
            .iter()
            .find(|(l, b)| *l == lang && b.widget() == widget)
        {
            return *blank;
        }
        web_sys::console::error_1(
            &format!(
                "Bondgenoot: the {} texts of the {} widget were asked for before they loaded",
                lang.tag(),
                widget.name()
            )
            .into(),
        );
        let blank: &'static WidgetTexts = Box::leak(Box::new(WidgetTexts::blank(widget)));
        blanks.push((lang, blank));
        blank
    })
}
