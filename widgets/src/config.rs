//! The widget's configuration, read by embed.js from the script tag.

use plugin_host::contract::{Lang, Widget};
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};

#[derive(Deserialize)]
struct RawConfig {
    widget: String,
    #[serde(default)]
    org: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    cafe: String,
    #[serde(default)]
    preview: bool,
    #[serde(default, rename = "pageLang")]
    page_lang: String,
    #[serde(rename = "baseUrl")]
    base_url: String,
    #[serde(default, rename = "rulesUrl")]
    rules_url: String,
    #[serde(default, rename = "textsLang")]
    texts_lang: String,
    today: String,
}

/// Validated configuration of one widget instance.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Which widget.
    pub widget: Widget,
    /// The organisation whose rules apply (`data-org`; embed.js says `demo`
    /// when the tag names none).
    pub org: String,
    /// `data-lang`, else the page's `<html lang>`, else Dutch.
    pub lang: Lang,
    /// Where embed.js was loaded from, ending in `/`, e.g. `https://host/v1/`.
    pub base_url: String,
    /// `data-cafe`: show only this café (Vacaturecafé).
    pub cafe: Option<i64>,
    /// Today, `YYYY-MM-DD`, for `ctx.today`: embed.js says the day where the
    /// person is (and asked for the first screen made for it), the
    /// playground the organisation's (as its review runs the scripts).
    pub today: String,
    /// The first screen's answers, which embed.js started fetching while the
    /// wasm loaded (`{ status, body }`, a `wire::FirstScreen`).
    pub first_screen: Option<Prefetched>,
    /// The widget's own texts in its language (`{ status, body }`), which
    /// embed.js fetched with the first screen; none when embed.js took
    /// another language for the tag than this widget did.
    pub texts: Option<Prefetched>,
    /// The rules answer (`{ status, body }`, a `wire::RulesBody`): embed.js
    /// fetches it after the first screen, with the engine; the playground's
    /// preview passes its draft.
    pub prefetched: Option<Prefetched>,
    /// Where embed.js fetched the rules, to fetch them again on a retry. The
    /// playground's preview has none: it passes its draft as the answer.
    pub rules_url: Option<String>,
    /// In the admin playground's preview (never from a script tag): a signup
    /// is decided here by the edited script and not sent.
    pub preview: bool,
    /// Loads this widget's rules engine (see [`crate::rules::Engine`]): a
    /// function that gives a promise of it, called again on a retry (embed.js
    /// loads it after the first screen, and again after a failed download).
    pub engine: Option<EngineLoader>,
}

/// A promise embed.js hands over (the `{ status, body }` rules answer, the
/// engine); equal when it is the same promise.
#[derive(Debug, Clone)]
pub struct Prefetched(pub js_sys::Promise);

impl PartialEq for Prefetched {
    fn eq(&self, other: &Self) -> bool {
        js_sys::Object::is(&self.0, &other.0)
    }
}

/// embed.js's function that loads the widget's engine; equal when it is the
/// same function.
#[derive(Debug, Clone)]
pub struct EngineLoader(pub js_sys::Function);

impl PartialEq for EngineLoader {
    fn eq(&self, other: &Self) -> bool {
        js_sys::Object::is(&self.0, &other.0)
    }
}

impl EngineLoader {
    /// Asks for the engine: a promise of it.
    pub fn load(&self) -> Result<js_sys::Promise, String> {
        self.0
            .call0(&JsValue::NULL)
            .map_err(|e| format!("{e:?}"))?
            .dyn_into::<js_sys::Promise>()
            .map_err(|_| "the engine loader gave no promise".to_owned())
    }
}

impl Config {
    /// `<base>orgs/<org>/<path>`: the organisation's part of the API, with
    /// the name percent-encoded as one path segment.
    pub fn org_url(&self, path: &str) -> String {
        let org = String::from(js_sys::encode_uri_component(&self.org));
        format!("{}orgs/{org}/{path}", self.base_url)
    }

    /// Reads the object embed.js passes; an error names the bad attribute.
    pub fn from_js(value: &JsValue) -> Result<Self, String> {
        let json = js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or("the widget configuration is not an object")?;
        let raw: RawConfig =
            serde_json::from_str(&json).map_err(|e| format!("bad widget configuration: {e}"))?;
        let widget = Widget::parse(&raw.widget).ok_or_else(|| {
            format!(
                "data-widget=\"{}\" is not one of {}",
                raw.widget,
                Widget::list()
            )
        })?;
        let lang = Lang::from_tag(&raw.lang)
            .or_else(|| Lang::from_tag(&raw.page_lang))
            .unwrap_or_default();
        let org = raw.org.trim().to_owned();
        if org.is_empty() {
            return Err(
                "no organisation given (embed.js names `demo` for a tag without data-org)".into(),
            );
        }
        let mut base_url = raw.base_url;
        if !base_url.ends_with('/') {
            base_url.push('/');
        }
        let promise = |name: &str| {
            js_sys::Reflect::get(value, &JsValue::from_str(name))
                .ok()
                .and_then(|v| v.dyn_into::<js_sys::Promise>().ok())
                .map(Prefetched)
        };
        let prefetched = promise("rules");
        let first_screen = promise("firstScreen");
        let texts = promise("texts").filter(|_| Lang::from_tag(&raw.texts_lang) == Some(lang));
        let engine = js_sys::Reflect::get(value, &JsValue::from_str("engine"))
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::Function>().ok())
            .map(EngineLoader);
        let cafe = match raw.cafe.trim() {
            "" => None,
            id => Some(
                id.parse()
                    .map_err(|_| format!("data-cafe=\"{id}\" is not a café number"))?,
            ),
        };
        Ok(Self {
            widget,
            org,
            lang,
            base_url,
            cafe,
            today: raw.today,
            prefetched,
            first_screen,
            texts,
            rules_url: Some(raw.rules_url).filter(|u| !u.is_empty()),
            preview: raw.preview,
            engine,
        })
    }
}
