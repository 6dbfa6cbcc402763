//! Stage 1: the list of people and the form to add one.

use plugin_host::contract::Choice;
use plugin_host::contract::netwerkscan::Person;
use yew::prelude::*;

use super::person_form::PersonForm;
use crate::app::Ui;
use crate::i18n::fill;

/// Props of [`PeopleStep`].
#[derive(Properties, PartialEq)]
pub struct PeopleStepProps {
    /// Kinds of relation, from the rules.
    pub relations: Vec<Choice>,
    /// The people so far.
    pub people: Vec<Person>,
    /// Called with a new person.
    pub onadd: Callback<Person>,
    /// Called with the index of a person to remove.
    pub onremove: Callback<usize>,
}

/// The people list and form.
#[component]
pub fn PeopleStep(props: &PeopleStepProps) -> Html {
    let announcement = use_state(String::new);
    let Some(ui) = use_context::<Ui>() else {
        return html! {};
    };
    let t = ui.texts;
    let onadd = {
        let cb = props.onadd.clone();
        let announcement = announcement.clone();
        Callback::from(move |p: Person| {
            announcement.set(fill(t.person_added, &[("name", &p.name)]));
            cb.emit(p);
        })
    };
    let relation_label = |id: &str| {
        props
            .relations
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.label.clone())
    };

    html! {
        <div class="bg-people">
            <p>{ t.people_help }</p>
            <PersonForm relations={props.relations.clone()} {onadd} />
            <h4 class="bg-list-title">{ fill(t.people_count, &[("n", &props.people.len().to_string())]) }</h4>
            if props.people.is_empty() {
                <p class="bg-empty">{ t.people_empty }</p>
            } else {
                <ul class="bg-people-list">
                    { for props.people.iter().enumerate().map(|(i, p)| {
                        let onremove = props.onremove.clone();
                        html! {
                            <li class="bg-person">
                                <span class="bg-person-name">{ &p.name }</span>
                                if let Some(label) = relation_label(&p.relation) {
                                    <span class="bg-tag">{ label }</span>
                                }
                                if p.close { <span class="bg-tag">{ t.tag_close }</span> }
                                <span class={classes!("bg-tag", if p.knows_looking { "bg-knows" } else { "bg-not-knows" })}>
                                    { if p.knows_looking { t.tag_knows } else { t.tag_not_knows } }
                                </span>
                                <button type="button" class="bg-button bg-small" onclick={move |_| onremove.emit(i)}
                                    aria-label={fill(t.remove_person, &[("name", &p.name)])}>{ "✕" }</button>
                            </li>
                        }
                    }) }
                </ul>
            }
            <p class="bg-sr-only" aria-live="polite">{ (*announcement).clone() }</p>
        </div>
    }
}
