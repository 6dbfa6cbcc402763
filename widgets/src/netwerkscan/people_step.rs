//! Stage 1: the list of people and the form to add or change one.

use plugin_host::contract::netwerkscan::{Person, Questionnaire};
use yew::prelude::*;

use super::person_form::PersonForm;
use super::texts::texts;
use crate::i18n::fill;
use crate::ui::use_ui;

/// Props of [`PeopleStep`].
#[derive(Properties, PartialEq)]
pub struct PeopleStepProps {
    /// Relations, kinds of help and suggestions, from the rules.
    pub questionnaire: Questionnaire,
    /// The people so far.
    pub people: Vec<Person>,
    /// Index of the person being changed.
    pub editing: Option<usize>,
    /// Called with a new person.
    pub onadd: Callback<Person>,
    /// Called with a changed person.
    pub onupdate: Callback<(usize, Person)>,
    /// Called with the index of a person to remove.
    pub onremove: Callback<usize>,
    /// Called to start (`Some`) or stop (`None`) changing a person.
    pub onedit: Callback<Option<usize>>,
}

/// The people list and form.
#[component]
pub fn PeopleStep(props: &PeopleStepProps) -> Html {
    let announcement = use_state(String::new);
    let t = texts(use_ui().lang);
    let q = &props.questionnaire;
    let announce = |template: &'static str| {
        let announcement = announcement.clone();
        move |name: &str| announcement.set(fill(template, &[("name", name)]))
    };
    let onsave = {
        let (added, changed) = (announce(t.person_added), announce(t.person_saved));
        let (onadd, onupdate, editing) =
            (props.onadd.clone(), props.onupdate.clone(), props.editing);
        Callback::from(move |p: Person| match editing {
            Some(i) => {
                changed(&p.name);
                onupdate.emit((i, p));
            }
            None => {
                added(&p.name);
                onadd.emit(p);
            }
        })
    };
    let label = |choices: &[plugin_host::contract::Choice], id: &str| {
        choices.iter().find(|c| c.id == id).map(|c| c.label.clone())
    };
    let editing = props.editing.and_then(|i| props.people.get(i).cloned());

    html! {
        <div class="bg-people">
            <p>{ t.people_help }</p>
            <PersonForm key={format!("{:?}", props.editing)} relations={q.relations.clone()} supports={q.supports.clone()}
                suggestions={q.suggestions.clone()} editing={editing} {onsave}
                oncancel={let e = props.onedit.clone(); move |()| e.emit(None)} />
            <h4 class="bg-list-title">{ fill(t.people_count, &[("n", &props.people.len().to_string())]) }</h4>
            if props.people.is_empty() {
                <p class="bg-empty">{ t.people_empty }</p>
            } else {
                <ul class="bg-people-list">
                    { for props.people.iter().enumerate().map(|(i, p)| {
                        let onremove = props.onremove.clone();
                        let removed = announce(t.person_removed);
                        let name = p.name.clone();
                        let onedit = props.onedit.clone();
                        html! {
                            <li class="bg-person">
                                <span class="bg-person-name">{ &p.name }</span>
                                if let Some(l) = label(&q.relations, &p.relation) {
                                    <span class="bg-tag">{ l }</span>
                                }
                                if p.close { <span class="bg-tag">{ t.tag_close }</span> }
                                <span class={classes!("bg-tag", if p.knows_looking { "bg-knows" } else { "bg-not-knows" })}>
                                    { if p.knows_looking { t.tag_knows } else { t.tag_not_knows } }
                                </span>
                                <span class="bg-person-actions">
                                    <button type="button" class="bg-button bg-small" onclick={move |_| onedit.emit(Some(i))}
                                        aria-label={fill(t.edit_person, &[("name", &p.name)])}>{ "✎" }</button>
                                    <button type="button" class="bg-button bg-small" onclick={move |_| { removed(&name); onremove.emit(i) }}
                                        aria-label={fill(t.remove_person, &[("name", &p.name)])}>{ "✕" }</button>
                                </span>
                            </li>
                        }
                    }) }
                </ul>
            }
            <p class="bg-sr-only" aria-live="polite">{ (*announcement).clone() }</p>
        </div>
    }
}
