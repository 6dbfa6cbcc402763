//! Alliantiescan — the alliance phase checklist for partner organisations.
//! Tick what is in place; the organisation's rules place the alliance in a
//! phase, warn and name the next steps. Kept on the device; shared as a link
//! whose fragment carries the scan (nothing is stored on a server).

mod checklist_view;
mod compare_view;
mod item_row;
mod result_view;
mod state;
pub(crate) mod texts;
mod then_now;

use plugin_host::contract::{Widget, alliantiescan};
use wasm_bindgen::JsCast;
use yew::Reducible;
use yew::prelude::*;

use crate::components::read_aloud;
use crate::components::remove_data::RemoveData;
use crate::rule_call::use_rule_call;
use crate::rules::SharedRules;
use crate::storage;
use crate::ui::use_ui;
use checklist_view::ChecklistView;
use compare_view::CompareView;
use result_view::ResultView;
use state::{Action, Kept, Scan, State, View};
use texts::texts;

/// Props of [`Alliantiescan`].
#[derive(Properties, PartialEq)]
pub struct AlliantiescanProps {
    /// The organisation's compiled rules.
    pub rules: SharedRules,
    /// The tag's settings: where shared scores go.
    pub config: crate::config::Config,
}

/// Where to start: what was kept here, and a scan in the page's share link.
/// A shared scan on a fresh device becomes ours; next to a scan of our own it
/// goes into the comparison instead of overwriting ours.
fn initial_state(key: &str, today: &str) -> State {
    let kept = storage::load(key)
        .and_then(|s| serde_json::from_str::<Kept>(&s).ok())
        .filter(|k| k.scan.format == Scan::FORMAT);
    let state = kept.map_or_else(|| State::new(today), |kept| State::from_kept(kept, today));
    match web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .and_then(|h| Scan::from_link(&h))
    {
        Some(shared) => (*std::rc::Rc::new(state).reduce(Action::Shared(shared))).clone(),
        None => state,
    }
}

/// The Alliantiescan widget.
#[component]
pub fn Alliantiescan(props: &AlliantiescanProps) -> Html {
    let ui = use_ui();
    let key = storage::key(Widget::Alliantiescan, &ui.ctx.org);
    let state = {
        let (key, today) = (key.clone(), ui.ctx.today.clone());
        use_reducer(move || initial_state(&key, &today))
    };
    storage::use_kept(key, state.kept(), state.is_empty());
    {
        // A share link pasted into this tab changes only the fragment: no reload.
        let state = state.clone();
        use_effect_with((), move |()| {
            let listener = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                let hash = web_sys::window().and_then(|w| w.location().hash().ok());
                if let Some(scan) = hash.and_then(|h| Scan::from_link(&h)) {
                    state.dispatch(Action::Shared(scan));
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback(
                    "hashchange",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "hashchange",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    // Another view stops any reading aloud: the checklist stays, unseen. (So
    // does the first render: nothing reads then, unless another widget on
    // the page, whose voice is the same one. Not stopping on the checklist
    // cost 283 B of the first screen's budget, measured.)
    use_effect_with(state.view, |_| read_aloud::stop());
    // The widget's one live region: what the result says, once it is made.
    let live = use_state(String::new);
    // One callback for every row, the same on every render: a tick renders
    // only its own row again.
    let onset = {
        let dispatch = state.dispatcher();
        use_callback((), move |(id, field, value), ()| {
            dispatch.dispatch(Action::Set(id, field, value));
        })
    };
    let checklist = use_rule_call(&props.rules, (), |rules, (), ctx| {
        alliantiescan::checklist(rules, ctx)
    });
    let list = match checklist.or_notice() {
        Ok(list) => list,
        Err(notice) => return notice,
    };
    let t = texts(ui.lang);
    let send = |make: fn(Scan) -> Action| {
        let state = state.clone();
        Callback::from(move |scan: Scan| state.dispatch(make(scan)))
    };
    let view_button = |view: View, label: &'static str| {
        let state = state.clone();
        let live = live.clone();
        html! {
            <button type="button" class={classes!("bg-button", (state.view == view).then_some("bg-primary"))}
                aria-pressed={(state.view == view).to_string()} onclick={move |_| { live.set(String::new()); state.dispatch(Action::Go(view)) }}>{ label }</button>
        }
    };

    let body = match state.view {
        View::Checklist => Html::default(),
        View::Result => html! {
            <ResultView rules={props.rules.clone()} ticks={state.ticks.clone()} scan={state.scan()}
                roles={list.roles.clone()} config={props.config.clone()}
                onsummary={{ let live = live.clone(); Callback::from(move |text| live.set(text)) }} />
        },
        View::Compare => html! {
            <CompareView rules={props.rules.clone()} checklist={list.clone()} ours={state.scan()}
                compare={state.compare.clone()} onopen={send(Action::Open)} onadd={send(Action::Compare)}
                onremove={{ let s = state.clone(); Callback::from(move |i| s.dispatch(Action::Uncompare(i))) }} />
        },
    };

    html! {
        <div class="bg-alliantiescan">
            <h2 id="bg-als-title" class="bg-title">{ ui.texts.alliantiescan }</h2>
            <p class="bg-intro">{ t.intro }</p>
            <p class="bg-privacy">{ t.private }</p>
            <div class="bg-views" role="group" aria-label={t.views_label}>
                { view_button(View::Checklist, t.view_checklist) }
                { view_button(View::Result, t.view_result) }
                { view_button(View::Compare, t.view_compare) }
            </div>
            // The checklist stays, unseen (`.bg-kept`), while the person
            // looks at the result or compares, so going back only shows it
            // again: its rows built anew took 13 ms (p50; 24 at p99, bench).
            <div class={if state.view == View::Checklist { "" } else { "bg-kept" }}>
                <ChecklistView checklist={list.clone()} ticks={state.ticks.clone()} partner={state.partner.clone()}
                    onset={onset.clone()}
                    onpartner={{ let s = state.clone(); Callback::from(move |name| s.dispatch(Action::Partner(name))) }} />
            </div>
            { body }
            <p class="bg-sr-only" role="status">{ (*live).clone() }</p>
            <div class="bg-nav">
                <RemoveData has_data={!state.is_empty()}
                    onremove={{ let s = state.clone(); Callback::from(move |()| s.dispatch(Action::Reset)) }} />
            </div>
        </div>
    }
}
