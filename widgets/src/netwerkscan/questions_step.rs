//! Stage 2: the questions about the situation, as the rules define them.

use std::collections::BTreeMap;

use plugin_host::contract::netwerkscan::Question;
use yew::prelude::*;

use crate::components::read_aloud::{ReadAloud, spoken};

/// Props of [`QuestionsStep`].
#[derive(Properties, PartialEq)]
pub struct QuestionsStepProps {
    /// The questions, from the rules.
    pub questions: Vec<Question>,
    /// Current answers.
    pub answers: BTreeMap<String, String>,
    /// Called with (question id, option id).
    pub onanswer: Callback<(String, String)>,
}

/// One radio group per question.
#[component]
pub fn QuestionsStep(props: &QuestionsStepProps) -> Html {
    html! {
        <div class="bg-questions">
            { for props.questions.iter().map(|q| html! {
                <fieldset class="bg-field">
                    <legend>{ &q.text }</legend>
                    // The question and its options, as one text to hear.
                    <ReadAloud about={q.text.clone()} text={spoken(std::iter::once(q.text.as_str())
                        .chain(q.options.iter().map(|o| o.label.as_str())))} />
                    { for q.options.iter().map(|o| {
                        let id = format!("bg-q-{}-{}", q.id, o.id);
                        let onanswer = props.onanswer.clone();
                        let pair = (q.id.clone(), o.id.clone());
                        html! {
                            <label class="bg-choice" for={id.clone()}>
                                <input type="radio" id={id} name={format!("bg-q-{}", q.id)} value={o.id.clone()}
                                    checked={props.answers.get(&q.id) == Some(&o.id)}
                                    onchange={Callback::from(move |_: Event| onanswer.emit(pair.clone()))} />
                                { &o.label }
                            </label>
                        }
                    }) }
                </fieldset>
            }) }
        </div>
    }
}
