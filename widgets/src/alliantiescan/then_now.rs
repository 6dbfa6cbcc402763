//! Then and now: our earlier scan next to today's, as the alliance's own
//! advice asks ("do this scan again in half a year and compare"): the phase
//! then and now, and each item whose level changed.

use plugin_host::contract::alliantiescan::{self, Checklist, Ticks};
use yew::prelude::*;

use super::state::Scan;
use super::texts::texts;
use crate::i18n::{SCAN_DAY, fill, local_date};
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
    let lang = use_ui().lang;
    let t = texts(lang);
    let then = use_rule_call(
        &props.rules,
        props.then.ticks.clone(),
        alliantiescan::assess,
    );
    let now = use_rule_call(&props.rules, props.now.ticks.clone(), alliantiescan::assess);
    let level = |ticks: &Ticks, id: &str| {
        ticks
            .get(id)
            .map_or("no", |tick| tick.level.as_str())
            .to_owned()
    };
    let label = |id: &str| {
        props
            .checklist
            .levels
            .iter()
            .find(|l| l.id == id)
            .map_or(id, |l| l.label.as_str())
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
                    <li data-id={item.id.clone()} data-then={was.clone()} data-now={is.clone()}>
                        <strong>{ &item.text }</strong>{ ": " }
                        { fill(t.moved, &[("then", &label(&was)), ("now", &label(&is))]) }
                    </li>
                }
            })
        })
        .collect();
    let day = |date: &str| {
        if date.is_empty() {
            t.undated.to_owned()
        } else {
            local_date(date, lang, SCAN_DAY)
        }
    };
    html! {
        <section class="bg-then-now" aria-labelledby="bg-then-now-title">
            <h3 id="bg-then-now-title">{ t.then_now_heading }</h3>
            <p>{ fill(t.then_now_intro, &[("then", &day(&props.then.date)), ("now", &day(&props.now.date))]) }</p>
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
