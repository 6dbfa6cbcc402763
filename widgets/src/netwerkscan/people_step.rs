//! Stage 1: the list of people and the form to add or change one.

use plugin_host::contract::netwerkscan::{Person, Questionnaire};
use yew::prelude::*;

use super::person_form::PersonForm;
use super::texts::texts;
use crate::focus;
use crate::i18n::fill;
use crate::ui::use_ui;

/// Where focus goes once the list shows what was done: the changed person's
/// ✎ (after saving or cancelling a change), or the list's heading (after a
/// removal, which took the focused ✕ away). Counted, so doing the same twice
/// moves focus twice.
#[derive(Clone, Copy, PartialEq)]
enum After {
    Nothing,
    Person(usize),
    List,
}

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
    let after = use_state(|| (0u32, After::Nothing));
    let list_title = use_node_ref();
    {
        let list_title = list_title.clone();
        use_effect_with(*after, move |(_, after)| match after {
            After::Person(i) => focus::to_id(&list_title, &format!("bg-edit-{i}")),
            After::List => focus::to(&list_title),
            After::Nothing => {}
        });
    }
    let focus_after = {
        let after = after.clone();
        move |next: After| after.set((after.0.wrapping_add(1), next))
    };
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
        let focus_after = focus_after.clone();
        Callback::from(move |p: Person| match editing {
            Some(i) => {
                changed(&p.name);
                onupdate.emit((i, p));
                focus_after(After::Person(i));
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
            <PersonForm key={props.editing.unwrap_or(usize::MAX)} relations={q.relations.clone()} supports={q.supports.clone()}
                suggestions={q.suggestions.clone()} editing={editing} {onsave}
                oncancel={
                    let (e, editing, focus_after) = (props.onedit.clone(), props.editing, focus_after.clone());
                    move |()| {
                        e.emit(None);
                        if let Some(i) = editing { focus_after(After::Person(i)) }
                    }
                } />
            <h4 class="bg-list-title" tabindex="-1" ref={list_title}>{ fill(t.people_count, &[("n", &props.people.len().to_string())]) }</h4>
            if props.people.is_empty() {
                <p class="bg-empty">{ t.people_empty }</p>
            } else {
                <ul class="bg-people-list">
                    { for props.people.iter().enumerate().map(|(i, p)| {
                        let onremove = props.onremove.clone();
                        let removed = announce(t.person_removed);
                        let focus_after = focus_after.clone();
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
                                    <button type="button" id={format!("bg-edit-{i}")} class="bg-button bg-small" onclick={move |_| onedit.emit(Some(i))}
                                        aria-label={fill(t.edit_person, &[("name", &p.name)])}>{ "✎" }</button>
                                    <button type="button" class="bg-button bg-small" onclick={move |_| { removed(&name); onremove.emit(i); focus_after(After::List) }}
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
