//! "Step 2 of 3" with the names of the steps; the current one is marked for
//! screen readers with `aria-current` and for the eye by more than colour.

use yew::prelude::*;

use crate::i18n::fill;
use crate::ui::use_ui;

/// Props of [`Progress`].
#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    /// Names of the steps, in order.
    pub steps: Vec<&'static str>,
    /// Index of the current step.
    pub current: usize,
}

/// A step indicator.
#[component]
pub fn Progress(props: &ProgressProps) -> Html {
    let ui = use_ui();
    let label = fill(
        ui.common().step_of,
        &[
            ("n", &(props.current + 1).to_string()),
            ("total", &props.steps.len().to_string()),
        ],
    );
    html! {
        // Not a navigation landmark: it has no links, it says where you are.
        <div class="bg-progress">
            <p class="bg-progress-label" id="bg-progress-label">{ label }</p>
            <ol aria-labelledby="bg-progress-label">
                { for props.steps.iter().enumerate().map(|(i, name)| {
                    let state = if i < props.current { "done" } else if i == props.current { "current" } else { "todo" };
                    html! {
                        <li class={classes!("bg-progress-step", state)}
                            aria-current={(i == props.current).then_some("step")}>
                            <span class="bg-progress-mark" aria-hidden="true">{ if i < props.current { "✓".to_owned() } else { (i + 1).to_string() } }</span>
                            { *name }
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}
