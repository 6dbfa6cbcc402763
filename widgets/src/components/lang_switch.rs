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
    /// How many picks failed to load: after one, the select shows the
    /// language in use again (keeping focus, unlike drawing it afresh).
    #[prop_or_default]
    pub failures: u32,
}

/// A labelled language select.
#[component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let ui = use_ui();
    let select = use_node_ref();
    {
        let select = select.clone();
        use_effect_with((props.current, props.failures), move |(current, _)| {
            if let Some(select) = select.cast::<HtmlSelectElement>() {
                select.set_value(current.tag());
            }
        });
    }
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
            <select id="bg-lang-select" ref={select} {onchange}>
                { for Lang::ALL.iter().map(|l| html! {
                    <option value={l.tag()} lang={l.tag()} selected={*l == props.current}>{ texts(*l).language_name }</option>
                }) }
            </select>
        </div>
    }
}
