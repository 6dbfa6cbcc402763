//! Lets the person pick the widget's language, whatever the page's language.

use plugin_host::contract::Lang;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::texts;
use crate::ui::use_ui;

/// Props of [`LangSwitch`].
#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    /// The language in use.
    pub current: Lang,
    /// Called with the chosen language.
    pub onchange: Callback<Lang>,
}

/// A labelled language select.
#[component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let ui = use_ui();
    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(lang) = Lang::from_tag(&select.value()) {
                cb.emit(lang);
            }
        })
    };
    html! {
        <div class="bg-lang">
            <label for="bg-lang-select">{ ui.texts.language_label }</label>
            <select id="bg-lang-select" {onchange}>
                { for Lang::ALL.iter().map(|l| html! {
                    <option value={l.tag()} lang={l.tag()} selected={*l == props.current}>{ texts(*l).language_name }</option>
                }) }
            </select>
        </div>
    }
}
