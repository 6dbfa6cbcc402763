//! Then and now: our earlier scan next to today's, as the alliance's own
//! advice asks ("do this scan again in half a year and compare"): the phase
//! then and now, and each item whose level changed.

use plugin_host::contract::alliantiescan::{self, Checklist, level};
use yew::prelude::*;

use super::state::Scan;
use super::texts::texts;
use crate::i18n::fill;
use crate::rule_call::use_rule_call;
use crate::rules::SharedRules;
use crate::ui::use_ui;

/// Props of [`ThenNow`].
#[derive(Properties, PartialEq)]
pub struct ThenNowProps {
    /// The organisation's rules: the phase of each scan.
    pub rules: SharedRules,
    /// Items and level labels.
    pub checklist: Checklist,
    /// Our earlier scan.
    pub then: Scan,
    /// Our scan now.
    pub now: Scan,
}

/// The two phases and the items that moved.
#[component]
pub fn ThenNow(props: &ThenNowProps) -> Html {
    let ui = use_ui();
    let t = texts(ui.lang);
    let then = use_rule_call(
        &props.rules,
        props.then.ticks.clone(),
        alliantiescan::assess,
    );
    let now = use_rule_call(&props.rules, props.now.ticks.clone(), alliantiescan::assess);
    let label = |level: &str| {
        props
            .checklist
            .level_label(level)
            .unwrap_or(level)
            .to_owned()
    };
    let moved: Vec<Html> = props
        .checklist
        .phases
        .iter()
        .flat_map(|p| p.items.iter())
        .filter_map(|item| {
            let (was, is) = (
                level(&props.then.ticks, &item.id),
                level(&props.now.ticks, &item.id),
            );
            (was != is).then(|| {
                html! {
                    <li data-id={item.id.clone()} data-then={was.to_owned()} data-now={is.to_owned()}>
                        <strong>{ &item.text }</strong>{ ": " }
                        { fill(t.moved, &[("then", &label(was)), ("now", &label(is))]) }
                    </li>
                }
            })
        })
        .collect();
    html! {
        <section class="bg-then-now" aria-labelledby="bg-then-now-title">
            <h3 id="bg-then-now-title">{ t.then_now_heading }</h3>
            <p>{ fill(t.then_now_intro, &[("then", &ui.day(&props.then.date)), ("now", &ui.day(&props.now.date))]) }</p>
            if let (Some(a), Some(b)) = (then.ok(), now.ok()) {
                <p class="bg-then-now-phase" data-then={a.phase.clone()} data-now={b.phase.clone()}>
                    { fill(t.phase_then_now, &[("then", &a.phase_label), ("now", &b.phase_label)]) }
                </p>
            }
            <h4>{ t.moved_heading }</h4>
            if moved.is_empty() {
                <p>{ t.nothing_moved }</p>
            } else {
                <ul class="bg-moved">{ for moved }</ul>
            }
        </section>
    }
}
