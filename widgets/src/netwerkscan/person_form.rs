//! The form to add one person: a name or role, where you know them from, how
//! close they are, and whether they know you are looking for work.

use plugin_host::contract::Choice;
use plugin_host::contract::netwerkscan::Person;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::app::Ui;

/// Longest name or role accepted: a first name or a role, never a life story.
const MAX_NAME: usize = 60;

/// Props of [`PersonForm`].
#[derive(Properties, PartialEq)]
pub struct PersonFormProps {
    /// Kinds of relation, from the rules.
    pub relations: Vec<Choice>,
    /// Called with the new person.
    pub onadd: Callback<Person>,
}

/// Adds a person; keeps the typed name when it is invalid.
#[component]
pub fn PersonForm(props: &PersonFormProps) -> Html {
    let draft = use_state(Person::default);
    let error = use_state(|| false);
    let name_ref = use_node_ref();
    let Some(ui) = use_context::<Ui>() else {
        return html! {};
    };
    let t = ui.texts;

    let set = |f: fn(&mut Person, String)| {
        let draft = draft.clone();
        move |value: String| {
            let mut p = (*draft).clone();
            f(&mut p, value);
            draft.set(p);
        }
    };
    let oninput_name = {
        let set = set(|p, v| p.name = v);
        Callback::from(move |e: InputEvent| {
            set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let onchange_relation = {
        let set = set(|p, v| p.relation = v);
        Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let radio =
        |name: &'static str, value: bool, label: &'static str, f: fn(&mut Person, String)| {
            let checked = if name == "close" {
                draft.close == value
            } else {
                draft.knows_looking == value
            };
            let set = set(f);
            let id = format!("bg-{name}-{value}");
            html! {
                <label class="bg-choice" for={id.clone()}>
                    <input type="radio" id={id} name={name} checked={checked}
                        onchange={Callback::from(move |_: Event| set(value.to_string()))} />
                    { label }
                </label>
            }
        };
    let onsubmit = {
        let draft = draft.clone();
        let error = error.clone();
        let name_ref = name_ref.clone();
        let onadd = props.onadd.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name: String = draft.name.trim().chars().take(MAX_NAME).collect();
            if let Some(input) = name_ref.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
            if name.is_empty() {
                error.set(true);
                return;
            }
            error.set(false);
            onadd.emit(Person {
                name,
                ..(*draft).clone()
            });
            draft.set(Person::default());
        })
    };

    html! {
        <form class="bg-form" {onsubmit} novalidate=true>
            <div class="bg-field">
                <label for="bg-person-name">{ t.name_label }</label>
                <input id="bg-person-name" type="text" autocomplete="off" maxlength={MAX_NAME.to_string()}
                    ref={name_ref} value={draft.name.clone()} oninput={oninput_name}
                    aria-invalid={(*error).then_some("true")}
                    aria-describedby={if *error { "bg-person-name-error bg-person-name-hint" } else { "bg-person-name-hint" }} />
                <p id="bg-person-name-hint" class="bg-hint">{ t.name_hint }</p>
                if *error {
                    <p id="bg-person-name-error" class="bg-field-error" role="alert">{ t.name_required }</p>
                }
            </div>
            <div class="bg-field">
                <label for="bg-person-relation">{ t.relation_label }</label>
                <select id="bg-person-relation" onchange={onchange_relation}>
                    <option value="" selected={draft.relation.is_empty()}>{ t.relation_none }</option>
                    { for props.relations.iter().map(|c| html! {
                        <option value={c.id.clone()} selected={draft.relation == c.id}>{ &c.label }</option>
                    }) }
                </select>
            </div>
            <fieldset class="bg-field">
                <legend>{ t.close_label }</legend>
                { radio("close", true, t.close_yes, |p, v| p.close = v == "true") }
                { radio("close", false, t.close_no, |p, v| p.close = v == "true") }
            </fieldset>
            <fieldset class="bg-field">
                <legend>{ t.knows_label }</legend>
                { radio("knows", true, t.yes, |p, v| p.knows_looking = v == "true") }
                { radio("knows", false, t.no, |p, v| p.knows_looking = v == "true") }
            </fieldset>
            <button type="submit" class="bg-button">{ t.add_person }</button>
        </form>
    }
}
