//! "Remove my answers": a button, then an inline confirmation (no blocking
//! browser dialog), then a spoken notice. Focus follows each step: to the
//! question when it appears, back to the button after "cancel", and to the
//! notice after removing when focus would otherwise be lost (the button is
//! gone with the answers).

use yew::prelude::*;

use crate::focus;
use crate::ui::use_ui;

/// Props of [`RemoveData`].
#[derive(Properties, PartialEq)]
pub struct RemoveDataProps {
    /// Whether there is anything to remove; the button hides when not.
    pub has_data: bool,
    /// Called when the person confirms.
    pub onremove: Callback<()>,
}

/// Where the person is in removing; each step says where focus goes.
#[derive(Clone, Copy, PartialEq)]
enum Step {
    /// Nothing asked yet.
    Idle,
    /// The question shows.
    Confirming,
    /// They said no.
    Cancelled,
    /// Removed.
    Removed,
}

/// Remove with confirmation.
#[component]
pub fn RemoveData(props: &RemoveDataProps) -> Html {
    let step = use_state(|| Step::Idle);
    let (button, question, notice) = (use_node_ref(), use_node_ref(), use_node_ref());
    {
        let (button, question, notice) = (button.clone(), question.clone(), notice.clone());
        use_effect_with(*step, move |step| match step {
            Step::Confirming => focus::to(&question),
            Step::Cancelled => focus::to(&button),
            Step::Removed if focus::lost(&notice) => focus::to(&notice),
            Step::Removed | Step::Idle => {}
        });
    }
    let t = use_ui().common();
    let go = |to: Step| {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| step.set(to))
    };
    let onconfirm = {
        let (onremove, step) = (props.onremove.clone(), step.clone());
        Callback::from(move |_| {
            onremove.emit(());
            step.set(Step::Removed);
        })
    };
    html! {
        <>
            if props.has_data && *step == Step::Confirming {
                <div class="bg-confirm" role="group" aria-labelledby="bg-confirm-q">
                    <p id="bg-confirm-q" tabindex="-1" ref={question}>{ t.remove_confirm }</p>
                    <button type="button" class="bg-button bg-danger" onclick={onconfirm}>{ t.remove_yes }</button>
                    <button type="button" class="bg-button" onclick={go(Step::Cancelled)}>{ t.cancel }</button>
                </div>
            } else if props.has_data {
                <button type="button" class="bg-button" ref={button} onclick={go(Step::Confirming)}>{ t.remove_answers }</button>
            }
            <p class="bg-notice" role="status" tabindex="-1" ref={notice}>{ if *step == Step::Removed { t.removed } else { "" } }</p>
        </>
    }
}
