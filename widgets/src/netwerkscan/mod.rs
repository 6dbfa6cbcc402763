//! Netwerkscan — the network self-assessment. An intro, then three stages: map
//! your people, answer a few questions, see the result the organisation's
//! rules compute. Answers stay on the device (localStorage when the browser
//! allows it); nothing is sent, unless the person shares their scores only
//! at the end (`components::share_figures`).

mod earlier_scans;
mod network_map;
mod people_step;
mod person_form;
mod questions_step;
mod result_view;
mod save_load;
mod state;
pub(crate) mod texts;
mod then_now;

use plugin_host::contract::{Widget, netwerkscan};
use yew::prelude::*;

use crate::components::progress::Progress;
use crate::components::read_aloud;
use crate::rule_call::use_rule_call;
use crate::rules::SharedRules;
use crate::storage;
use crate::ui::use_ui;
use earlier_scans::EarlierScans;
use people_step::PeopleStep;
use questions_step::QuestionsStep;
use result_view::ResultView;
use save_load::SaveLoad;
use state::{Action, Saved, Stage, State};
use texts::texts;
use then_now::ThenNow;

/// Props of [`Netwerkscan`].
#[derive(Properties, PartialEq)]
pub struct NetwerkscanProps {
    /// The organisation's compiled rules.
    pub rules: SharedRules,
    /// The tag's settings: where shared scores go.
    pub config: crate::config::Config,
}

/// The Netwerkscan widget.
#[component]
pub fn Netwerkscan(props: &NetwerkscanProps) -> Html {
    let ui = use_ui();
    let key = storage::key(Widget::Netwerkscan, &ui.ctx.org);
    let state = {
        let (key, today) = (key.clone(), ui.ctx.today.clone());
        use_reducer(move || {
            storage::load(&key)
                .and_then(|s| Saved::parse(&s))
                .map_or_else(
                    || State::new(&today),
                    |saved| State::from_saved(saved, &today),
                )
        })
    };
    let can_store = use_memo((), |()| storage::available());
    storage::use_kept(
        key,
        state.saved(),
        state.is_blank() && state.stage == Stage::Intro,
    );
    let questionnaire = use_rule_call(&props.rules, (), |rules, (), ctx| {
        netwerkscan::questions(rules, ctx)
    });
    let heading = use_node_ref();
    {
        // Move focus to the new stage's heading, so keyboard and screen-reader
        // users know the page changed under them (not on first render); and
        // stop any reading aloud of the page they left (the result stays,
        // unseen, see below).
        let heading = heading.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(state.stage, move |_| {
            let is_first = std::mem::replace(&mut *first.borrow_mut(), false);
            if let (false, Some(h)) = (is_first, heading.cast::<web_sys::HtmlElement>()) {
                read_aloud::stop();
                let _ = h.focus();
            }
        });
    }
    // The result, once shown, stays while the person goes back to change an
    // answer, unseen (`.bg-kept`: not shown, not read out, not reached by the
    // keyboard), and follows the answers: each answer changed is scored (the
    // organisation's `score` runs) and the result brought up to date at once,
    // while the person reads the next question, so going forward only lays
    // out what changed and shows it (scoring and building the page, its
    // picture and its table on the way forward was most of the time a result
    // took to show). It is gone at the start, and once the people change: a
    // person removed or renamed leaves no trace.
    let shown = use_mut_ref(|| None::<netwerkscan::Answers>);
    let keep = match state.stage {
        Stage::Result => true,
        Stage::Intro => false,
        _ => shown
            .borrow()
            .as_ref()
            .is_some_and(|answers| answers.people == state.people),
    };
    *shown.borrow_mut() = keep.then(|| state.answers());
    let q = match questionnaire.or_notice() {
        Ok(q) => q,
        Err(notice) => return notice,
    };
    let t = texts(ui.lang);
    let dispatch = |make: fn() -> Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(make()))
    };
    let go = |stage: Stage| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Go(stage)))
    };
    let save_load = |printable: bool| {
        let (load, reset) = (state.clone(), state.clone());
        html! {
            <SaveLoad saved={state.saved()} {printable} has_answers={!state.is_blank()}
                onload={Callback::from(move |s| load.dispatch(Action::Load(s)))}
                onremove={Callback::from(move |()| reset.dispatch(Action::Reset))} />
        }
    };
    let stage_names = vec![t.stage_people, t.stage_questions, t.stage_result];
    let on = |stage: Stage| state.stage == stage;
    // With the result kept, the questions and the rest of the result stage
    // (earlier scans, saving and loading) stay too, each unseen while the
    // other stage is on: going between the two only shows one and hides the
    // other, nothing is built or taken down (that was half of a step's time;
    // the result stage's own parts made anew on each visit, 0.5 ms). So the
    // result stage is as the person left it, a notice or an open "remove?"
    // question included, like the questions are.
    let kept = shown.borrow().is_some();
    // The questions and the result stage: each there on its own stage and,
    // once the result is kept, on the other one too.
    let mounted = |stage: Stage| {
        let other = if stage == Stage::Questions {
            Stage::Result
        } else {
            Stage::Questions
        };
        on(stage) || (kept && on(other))
    };
    let unseen = |stage: Stage| classes!((!on(stage)).then_some("bg-kept"));
    // One row of buttons for every stage, changed in place (and one for
    // tests and people to find).
    let (back, next) = match state.stage {
        Stage::Intro => (None, Some((t.start, Stage::People))),
        Stage::People => (Some(Stage::Intro), Some((t.next, Stage::Questions))),
        Stage::Questions => (Some(Stage::People), Some((t.show_result, Stage::Result))),
        Stage::Result => (Some(Stage::Questions), None),
    };
    let nav = html! {
        <div class="bg-nav">
            if let Some(stage) = back {
                <button type="button" class="bg-button" onclick={go(stage)}>{ t.back }</button>
            }
            if let Some((label, stage)) = next {
                <button type="button" class="bg-button bg-primary" onclick={go(stage)}>{ label }</button>
            } else {
                <button type="button" class="bg-button" onclick={dispatch(|| Action::StartOver)}>{ t.start_over }</button>
            }
        </div>
    };
    let body = html! {
        <>
            if on(Stage::Intro) {
                <p class="bg-intro">{ t.intro }{ " " }{ t.intro_time }</p>
                <p class="bg-privacy">{ t.privacy }{ " " }{ if *can_store { t.kept_note } else { t.storage_off } }</p>
            }
            if on(Stage::People) {
                <PeopleStep questionnaire={q.clone()} people={state.people.clone()} editing={state.editing}
                    onadd={{ let s = state.clone(); Callback::from(move |p| s.dispatch(Action::AddPerson(p))) }}
                    onupdate={{ let s = state.clone(); Callback::from(move |(i, p)| s.dispatch(Action::UpdatePerson(i, p))) }}
                    onremove={{ let s = state.clone(); Callback::from(move |i| s.dispatch(Action::RemovePerson(i))) }}
                    onedit={{ let s = state.clone(); Callback::from(move |i| s.dispatch(Action::Edit(i))) }} />
            }
            if mounted(Stage::Questions) {
                <div class={unseen(Stage::Questions)}>
                    <QuestionsStep questions={q.questions.clone()} answers={state.answers.clone()}
                        onanswer={{ let s = state.clone(); Callback::from(move |(id, option)| s.dispatch(Action::Answer { id, option })) }} />
                </div>
            }
            if mounted(Stage::Result) {
                <div class={unseen(Stage::Result)}>
                    <EarlierScans earlier={state.earlier.clone()} comparing={state.compared_at()}
                        oncompare={{ let s = state.clone(); Callback::from(move |day| s.dispatch(Action::Compare(day))) }}
                        onforget={{ let s = state.clone(); Callback::from(move |day| s.dispatch(Action::Forget(day))) }} />
                    if let Some(then) = state.compared() {
                        <ThenNow rules={props.rules.clone()} then={then.clone()} now={state.answers()} date={state.date.clone()} />
                    }
                </div>
            }
            { nav }
        </>
    };
    let title = state
        .stage
        .step()
        .map_or(ui.texts.netwerkscan, |i| stage_names[i]);

    html! {
        // The widget's region is the root around it (see `app`), so the
        // language switch is inside it too.
        <div class="bg-netwerkscan">
            // On the intro the widget's title is the stage's heading (one
            // heading, not a visible and a hidden one with the same words).
            if let Some(step) = state.stage.step() {
                <h2 id="bg-nws-title" class="bg-title">{ ui.texts.netwerkscan }</h2>
                <Progress steps={stage_names.clone()} current={step} />
                <h3 class="bg-stage-title" tabindex="-1" ref={heading}>{ title }</h3>
            } else {
                <h2 id="bg-nws-title" class="bg-title" tabindex="-1" ref={heading}>{ ui.texts.netwerkscan }</h2>
            }
            if let Some(answers) = shown.borrow().clone() {
                <div class={unseen(Stage::Result)}>
                    <ResultView rules={props.rules.clone()} {answers} questionnaire={q.clone()} date={state.date.clone()}
                        config={props.config.clone()} shown={state.stage == Stage::Result} />
                </div>
            }
            { body }
            // One place for saving, loading and removing on the first and the
            // last stage: removing on the result goes back to the start, and
            // the same component, still there, says so. Kept, unseen, on the
            // questions with the rest of the result stage.
            if on(Stage::Intro) || mounted(Stage::Result) {
                <div class={classes!(on(Stage::Questions).then_some("bg-kept"))}>
                    { save_load(!on(Stage::Intro)) }
                </div>
            }
        </div>
    }
}
