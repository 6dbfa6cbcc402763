//! Then and now: an earlier scan beside today's. Both pictures side by side,
//! each score then and now, the change in people in words ("3 more people
//! know you are looking for work"), and the steps that are new. Both scans
//! are scored on the device by the organisation's rules, as the result is.

use plugin_host::contract::netwerkscan::{self, Answers, Person};
use yew::prelude::*;

use super::network_map::picture;
use super::state::Dated;
use super::texts::texts;
use crate::i18n::fill;
use crate::rule_call::use_rule_call;
use crate::rules::SharedRules;
use crate::ui::use_ui;

/// Props of [`ThenNow`].
#[derive(Properties, PartialEq)]
pub struct ThenNowProps {
    /// The organisation's rules.
    pub rules: SharedRules,
    /// The earlier scan.
    pub then: Dated,
    /// Today's answers.
    pub now: Answers,
    /// Today's scan's day.
    pub date: String,
}

/// The comparison.
#[component]
pub fn ThenNow(props: &ThenNowProps) -> Html {
    let ui = use_ui();
    let lang = ui.lang;
    let t = texts(lang);
    let then = use_rule_call(&props.rules, props.then.answers(), netwerkscan::score);
    let now = use_rule_call(&props.rules, props.now.clone(), netwerkscan::score);
    let (then_day, now_day) = (ui.day(&props.then.date), ui.day(&props.date));
    // How many more (or fewer) people, in words.
    let change = |count: fn(&[Person]) -> usize,
                  more: &ui_texts::Counted,
                  fewer: &ui_texts::Counted,
                  same: &'static str| {
        let (was, is) = (count(&props.then.people), count(&props.now.people));
        let n = |d: usize| i64::try_from(d).unwrap_or(i64::MAX);
        match is.cmp(&was) {
            std::cmp::Ordering::Greater => more.of(lang, n(is - was)),
            std::cmp::Ordering::Less => fewer.of(lang, n(was - is)),
            std::cmp::Ordering::Equal => same.to_owned(),
        }
    };
    let people = change(|p| p.len(), &t.more_people, &t.fewer_people, t.same_people);
    let know = change(
        |p| p.iter().filter(|p| p.knows_looking).count(),
        &t.more_know,
        &t.fewer_know,
        t.same_know,
    );
    let scores = match (then.ok(), now.ok()) {
        (Some(a), Some(b)) => {
            let new_steps: Vec<_> = b
                .steps
                .iter()
                .filter(|s| a.steps.iter().all(|old| old.id != s.id))
                .collect();
            html! {
                <>
                    <ul class="bg-then-now-scores">
                        // A score the rules did not give then has no "then".
                        { for b.dimensions.iter().filter_map(|d| {
                            let was = a.dimensions.iter().find(|o| o.id == d.id)?.value;
                            Some(html! {
                                <li data-id={d.id.clone()} data-then={was.to_string()} data-now={d.value.to_string()}>
                                    { fill(t.score_change, &[("label", &d.label), ("then", &was.to_string()), ("now", &d.value.to_string())]) }
                                </li>
                            })
                        }) }
                    </ul>
                    <h5>{ t.new_steps_heading }</h5>
                    if new_steps.is_empty() {
                        <p>{ t.no_new_steps }</p>
                    } else {
                        <ul class="bg-new-steps">
                            { for new_steps.iter().map(|s| html! { <li data-id={s.id.clone()}>{ &s.title }</li> }) }
                        </ul>
                    }
                </>
            }
        }
        _ => then
            .or_notice()
            .err()
            .or(now.or_notice().err())
            .unwrap_or_default(),
    };
    html! {
        <section class="bg-then-now" aria-labelledby="bg-then-now-title">
            <h4 id="bg-then-now-title">{ t.then_now_heading }</h4>
            <div class="bg-then-now-maps">
                <figure data-when="then">
                    <figcaption>{ fill(t.then_caption, &[("date", &then_day)]) }</figcaption>
                    { picture(&props.then.people, lang) }
                </figure>
                <figure data-when="now">
                    <figcaption>{ fill(t.now_caption, &[("date", &now_day)]) }</figcaption>
                    { picture(&props.now.people, lang) }
                </figure>
            </div>
            <ul class="bg-then-now-people">
                <li>{ people }</li>
                <li>{ know }</li>
            </ul>
            { scores }
        </section>
    }
}
