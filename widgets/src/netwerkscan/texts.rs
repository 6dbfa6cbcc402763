//! This widget's own UI texts; their home is `ui-texts`.

pub use ui_texts::netwerkscan::NetwerkscanTexts;

/// The texts in `lang` (fetched: `crate::widget_texts`).
pub fn texts(lang: plugin_host::contract::Lang) -> &'static NetwerkscanTexts {
    crate::widget_texts::texts(lang)
}
