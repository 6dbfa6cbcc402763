//! "Loading…": while the rules come, and while the rules engine loads after
//! the first screen.

use yew::prelude::*;

use crate::ui::use_ui;

/// The loading line, in the widget's language, said politely.
#[component]
pub fn Loading() -> Html {
    let ui = use_ui();
    html! { <p class="bg-loading" role="status">{ ui.texts.loading }</p> }
}
