//! "Remove my answers": a button, then an inline confirmation (no blocking
//! browser dialog), then a spoken notice.

use yew::prelude::*;

use crate::ui::use_ui;

/// Props of [`RemoveData`].
#[derive(Properties, PartialEq)]
pub struct RemoveDataProps {
    /// Whether there is anything to remove; the button hides when not.
    pub has_data: bool,
    /// Called when the person confirms.
    pub onremove: Callback<()>,
}

/// Remove with confirmation.
#[component]
pub fn RemoveData(props: &RemoveDataProps) -> Html {
    let confirming = use_state(|| false);
    let removed = use_state(|| false);
    let ui = use_ui();
    let t = ui.texts;
    let onconfirm = {
        let (onremove, confirming, removed) =
            (props.onremove.clone(), confirming.clone(), removed.clone());
        Callback::from(move |_| {
            onremove.emit(());
            confirming.set(false);
            removed.set(true);
        })
    };
    html! {
        <>
            if props.has_data && *confirming {
                <div class="bg-confirm" role="group" aria-labelledby="bg-confirm-q">
                    <p id="bg-confirm-q">{ t.remove_confirm }</p>
                    <button type="button" class="bg-button bg-danger" onclick={onconfirm}>{ t.remove_yes }</button>
                    <button type="button" class="bg-button" onclick={let c = confirming.clone(); move |_| c.set(false)}>{ t.cancel }</button>
                </div>
            } else if props.has_data {
                <button type="button" class="bg-button" onclick={let c = confirming.clone(); let r = removed.clone(); move |_| { r.set(false); c.set(true) }}>{ t.remove_answers }</button>
            }
            <p class="bg-notice" role="status">{ if *removed { t.removed } else { "" } }</p>
        </>
    }
}
