//! Netwerkscan — the network self-assessment. Three stages: map your people,
//! answer a few questions, see the result the organisation's rules compute.
//! Everything stays in the browser: nothing is sent.

mod people_step;
mod person_form;
mod questions_step;
mod result_view;
mod state;

use plugin_host::contract::netwerkscan;
use yew::prelude::*;

use crate::app::Ui;
use crate::components::error_notice::ErrorNotice;
use crate::components::progress::Progress;
use crate::rules::SharedRules;
use people_step::PeopleStep;
use questions_step::QuestionsStep;
use result_view::ResultView;
use state::{Action, Stage, State};

/// Props of [`Netwerkscan`].
#[derive(Properties, PartialEq)]
pub struct NetwerkscanProps {
    /// The organisation's compiled rules.
    pub rules: SharedRules,
}

/// The Netwerkscan widget.
#[component]
pub fn Netwerkscan(props: &NetwerkscanProps) -> Html {
    let ui = use_context::<Ui>();
    let state = use_reducer(State::default);
    let ctx = ui.as_ref().map(|u| u.ctx.clone());
    let questionnaire = use_memo((props.rules.clone(), ctx), |(rules, ctx)| {
        ctx.as_ref()
            .map(|ctx| netwerkscan::questions(&rules.0, ctx))
    });
    let heading = use_node_ref();
    {
        // Move focus to the new stage's heading, so keyboard and screen-reader
        // users know the page changed under them (not on first render).
        let heading = heading.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(state.stage, move |_| {
            let is_first = std::mem::replace(&mut *first.borrow_mut(), false);
            if let (false, Some(h)) = (is_first, heading.cast::<web_sys::HtmlElement>()) {
                let _ = h.focus();
            }
        });
    }
    let Some(ui) = ui else { return html! {} };
    let t = ui.texts;
    let q = match &*questionnaire {
        Some(Ok(q)) => q.clone(),
        Some(Err(e)) => return html! { <ErrorNotice detail={e.to_string()} /> },
        None => return html! {},
    };
    let go = |stage: Stage| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Go(stage)))
    };
    let stage_names = vec![t.stage_people, t.stage_questions, t.stage_result];

    let body = match state.stage {
        Stage::People => html! {
            <>
                <PeopleStep relations={q.relations.clone()} people={state.people.clone()}
                    onadd={{ let s = state.clone(); Callback::from(move |p| s.dispatch(Action::AddPerson(p))) }}
                    onremove={{ let s = state.clone(); Callback::from(move |i| s.dispatch(Action::RemovePerson(i))) }} />
                <div class="bg-nav">
                    <button type="button" class="bg-button bg-primary" onclick={go(Stage::Questions)}>{ t.next }</button>
                </div>
            </>
        },
        Stage::Questions => html! {
            <>
                <QuestionsStep questions={q.questions.clone()} answers={state.answers.clone()}
                    onanswer={{ let s = state.clone(); Callback::from(move |(id, option)| s.dispatch(Action::Answer { id, option })) }} />
                <div class="bg-nav">
                    <button type="button" class="bg-button" onclick={go(Stage::People)}>{ t.back }</button>
                    <button type="button" class="bg-button bg-primary" onclick={go(Stage::Result)}>{ t.show_result }</button>
                </div>
            </>
        },
        Stage::Result => html! {
            <>
                <ResultView rules={props.rules.clone()} answers={state.answers()} />
                <div class="bg-nav">
                    <button type="button" class="bg-button" onclick={go(Stage::Questions)}>{ t.back }</button>
                    <button type="button" class="bg-button"
                        onclick={{ let s = state.clone(); Callback::from(move |_| s.dispatch(Action::Reset)) }}>{ t.start_over }</button>
                </div>
            </>
        },
    };
    let stage_title = stage_names[state.stage.index()];

    html! {
        <section class="bg-netwerkscan" aria-labelledby="bg-nws-title">
            <h2 id="bg-nws-title" class="bg-title">{ t.nws_title }</h2>
            if state.stage == Stage::People {
                <p class="bg-intro">{ t.nws_intro }</p>
            }
            <p class="bg-privacy">{ t.privacy }</p>
            <Progress steps={stage_names.clone()} current={state.stage.index()} />
            <h3 class="bg-stage-title" tabindex="-1" ref={heading}>{ stage_title }</h3>
            { body }
        </section>
    }
}
