//! This widget's own texts (their home is `ui-texts`), fetched per language
//! instead of compiled in: the language it opens in comes with the first
//! screen (embed.js asks for it while the wasm loads), another one when the
//! person picks it. A language's texts are kept for the life of this
//! instance (a few kilobytes, read by every render), so they are leaked
//! once and borrowed as `'static`, as texts compiled in would be.

use std::cell::RefCell;

use plugin_host::contract::Lang;
use ui_texts::{OfWidget, WidgetTexts};

use crate::config::{Config, Prefetched};
use crate::rules::{self, LoadError};

thread_local! {
    static LOADED: RefCell<Vec<(Lang, &'static WidgetTexts)>> = const { RefCell::new(Vec::new()) };
}

/// `lang`'s texts, when they have loaded.
pub fn installed(lang: Lang) -> Option<&'static WidgetTexts> {
    LOADED.with_borrow(|loaded| loaded.iter().find(|(l, _)| *l == lang).map(|(_, t)| *t))
}

/// Loads `lang`'s texts unless they are here: from the answer embed.js
/// prefetched when there is one, else from the server.
pub async fn load(
    config: &Config,
    lang: Lang,
    prefetched: Option<&Prefetched>,
) -> Result<(), LoadError> {
    if installed(lang).is_some() {
        return Ok(());
    }
    let (status, body) = match prefetched {
        Some(answer) => rules::prefetched(&answer.0).await,
        None => rules::fetch(&url(config, lang)).await,
    }
    .map_err(|e| LoadError::Texts(e.to_string()))?;
    if status != 200 {
        return Err(LoadError::Texts(format!(
            "the server answered {status}: {body}"
        )));
    }
    let parts: Vec<String> =
        serde_json::from_str(&body).map_err(|e| LoadError::Texts(e.to_string()))?;
    let parts = parts
        .into_iter()
        .map(|part| &*Box::leak(part.into_boxed_str()))
        .collect();
    let texts = WidgetTexts::from_parts(config.widget, parts).map_err(LoadError::Texts)?;
    let texts: &'static WidgetTexts = Box::leak(Box::new(texts));
    LOADED.with_borrow_mut(|loaded| loaded.push((lang, texts)));
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
    installed(lang).and_then(T::pick).unwrap_or_else(|| {
        web_sys::console::error_1(
            &format!(
                "Bondgenoot: the {} texts were asked for before they loaded",
                lang.tag()
            )
            .into(),
        );
        Box::leak(Box::new(T::blank()))
    })
}
