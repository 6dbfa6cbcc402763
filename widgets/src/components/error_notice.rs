//! The kind message shown instead of a widget that cannot work. The person
//! sees plain words in their language; the admin finds the technical detail
//! (hook, script, line, column) in the browser console.

use yew::prelude::*;

use crate::ui::use_ui;

/// Props of [`ErrorNotice`].
#[derive(Properties, PartialEq)]
pub struct ErrorNoticeProps {
    /// Technical detail for the console.
    pub detail: String,
    /// Offer "try again" when given.
    #[prop_or_default]
    pub onretry: Option<Callback<()>>,
}

/// A kind error message with the detail logged to the console.
#[component]
pub fn ErrorNotice(props: &ErrorNoticeProps) -> Html {
    let ui = use_ui();
    use_effect_with(props.detail.clone(), |detail| {
        web_sys::console::error_1(&format!("Bondgenoot: {detail}").into());
    });
    let retry = props.onretry.clone().map(|cb| {
        html! { <button type="button" class="bg-button" onclick={move |_| cb.emit(())}>{ ui.texts.retry }</button> }
    });
    html! {
        <div class="bg-error" role="alert">
            <p class="bg-error-title">{ ui.texts.error_title }</p>
            <p>{ ui.texts.error_body }</p>
            { for retry }
        </div>
    }
}
