//! The form to add or change one person: a name or role, where you know them
//! from, how close they are, whether they know you are looking for work, what
//! they give you, and whether they reach other circles or employers.

use plugin_host::contract::Choice;
use plugin_host::contract::netwerkscan::{Person, Suggestion};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::texts::texts;
use crate::components::read_aloud::{ReadAloud, spoken};
use crate::i18n::fill;
use crate::ui::use_ui;

/// Longest name or role accepted: a first name or a role, never a life story.
const MAX_NAME: usize = 60;

/// Props of [`PersonForm`].
#[derive(Properties, PartialEq)]
pub struct PersonFormProps {
    /// Kinds of relation, from the rules.
    pub relations: Vec<Choice>,
    /// Kinds of help, from the rules.
    pub supports: Vec<Choice>,
    /// "Who could you ask?" examples, from the rules.
    pub suggestions: Vec<Suggestion>,
    /// The person being changed; `None` to add a new one.
    #[prop_or_default]
    pub editing: Option<Person>,
    /// Called with the new or changed person.
    pub onsave: Callback<Person>,
    /// Called when changing is cancelled.
    pub oncancel: Callback<()>,
}

/// A yes/no question about the person: its field name, legend, labels and
/// how it reads and writes the person.
struct YesNo {
    name: &'static str,
    legend: &'static str,
    labels: (&'static str, &'static str),
    get: fn(&Person) -> bool,
    set: fn(&mut Person, bool),
}

/// Adds or changes a person; keeps what was typed when it is invalid.
#[component]
pub fn PersonForm(props: &PersonFormProps) -> Html {
    let draft = use_state(|| props.editing.clone().unwrap_or_default());
    let error = use_state(|| false);
    let name_ref = use_node_ref();
    let ui = use_ui();
    let t = texts(ui.lang);

    let update = {
        let draft = draft.clone();
        move |f: Box<dyn Fn(&mut Person)>| {
            let mut p = (*draft).clone();
            f(&mut p);
            draft.set(p);
        }
    };
    let oninput_name = {
        let update = update.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            update(Box::new(move |p| p.name = value.clone()));
        })
    };
    let onchange_relation = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            update(Box::new(move |p| p.relation = value.clone()));
        })
    };
    let yes_no = |q: YesNo| {
        let options = [(true, q.labels.0), (false, q.labels.1)].map(|(value, label)| {
            let id = format!("bg-{}-{value}", q.name);
            let update = update.clone();
            let set = q.set;
            html! {
                <label class="bg-choice" for={id.clone()}>
                    <input type="radio" id={id} name={format!("bg-{}", q.name)} checked={(q.get)(&draft) == value}
                        onchange={Callback::from(move |_: Event| update(Box::new(move |p| set(p, value))))} />
                    { label }
                </label>
            }
        });
        html! {
            <fieldset class="bg-field">
                <legend>{ q.legend }</legend>
                <ReadAloud about={q.legend} text={spoken([q.legend, q.labels.0, q.labels.1])} />
                { for options }
            </fieldset>
        }
    };
    let gives = props.supports.iter().map(|c| {
        let id = format!("bg-gives-{}", c.id);
        let support = c.id.clone();
        let checked = draft.gives.contains(&c.id);
        let update = update.clone();
        html! {
            <label class="bg-choice" for={id.clone()}>
                <input type="checkbox" id={id} {checked} onchange={Callback::from(move |_: Event| {
                    let support = support.clone();
                    update(Box::new(move |p| {
                        if p.gives.contains(&support) { p.gives.retain(|g| *g != support) } else { p.gives.push(support.clone()) }
                    }));
                })} />
                { &c.label }
            </label>
        }
    });
    let suggestions = props.suggestions.iter().map(|s| {
        let update = update.clone();
        let name_ref = name_ref.clone();
        let (name, relation) = (s.name.clone(), s.relation.clone());
        html! {
            <li><button type="button" class="bg-chip" onclick={Callback::from(move |_| {
                let (name, relation) = (name.clone(), relation.clone());
                update(Box::new(move |p| { p.name = name.clone(); p.relation = relation.clone(); }));
                if let Some(input) = name_ref.cast::<HtmlInputElement>() { let _ = input.focus(); }
            })}>{ &s.name }</button></li>
        }
    });
    // Saving runs on the button's click, not on the form's submit event: in an
    // iframe sandboxed without `allow-forms` the browser never fires submit,
    // while the click (also the one Enter in a field makes) still arrives.
    let save = {
        let draft = draft.clone();
        let error = error.clone();
        let name_ref = name_ref.clone();
        let onsave = props.onsave.clone();
        let adding = props.editing.is_none();
        Callback::from(move |()| {
            let name: String = draft.name.trim().chars().take(MAX_NAME).collect();
            if let Some(input) = name_ref.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
            if name.is_empty() {
                error.set(true);
                return;
            }
            error.set(false);
            onsave.emit(Person {
                name,
                ..(*draft).clone()
            });
            if adding {
                draft.set(Person::default());
            }
        })
    };
    let onclick = {
        let save = save.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            save.emit(());
        })
    };
    let onsubmit = Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        save.emit(());
    });
    let editing_name = props.editing.as_ref().map(|p| p.name.clone());
    // Opened to change someone (✎ far below): focus its heading, which says
    // whom, so the person knows the form above now holds them.
    let title = use_node_ref();
    {
        let (title, editing) = (title.clone(), editing_name.is_some());
        use_effect_with((), move |()| {
            if editing {
                crate::focus::to(&title);
            }
        });
    }

    html! {
        <form class={classes!("bg-form", editing_name.is_some().then_some("bg-editing"))} {onsubmit} novalidate=true>
            if let Some(name) = &editing_name {
                <h4 class="bg-form-title" tabindex="-1" ref={title}>{ fill(t.edit_person, &[("name", name)]) }</h4>
            } else if !props.suggestions.is_empty() {
                <div class="bg-suggestions">
                    <p id="bg-suggestions-title" class="bg-hint">{ t.suggestions_heading }</p>
                    <ul aria-labelledby="bg-suggestions-title">{ for suggestions }</ul>
                </div>
            }
            <div class="bg-field">
                <label for="bg-person-name">{ t.name_label }</label>
                <ReadAloud about={t.name_label} text={spoken([t.name_label, t.name_hint])} />
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
                <ReadAloud about={t.relation_label} text={spoken(std::iter::once(t.relation_label)
                    .chain(props.relations.iter().map(|c| c.label.as_str())))} />
                <select id="bg-person-relation" onchange={onchange_relation}>
                    <option value="" selected={draft.relation.is_empty()}>{ t.relation_none }</option>
                    { for props.relations.iter().map(|c| html! {
                        <option value={c.id.clone()} selected={draft.relation == c.id}>{ &c.label }</option>
                    }) }
                </select>
            </div>
            { yes_no(YesNo { name: "close", legend: t.close_label, labels: (t.close_yes, t.close_no),
                             get: |p| p.close, set: |p, v| p.close = v }) }
            { yes_no(YesNo { name: "knows", legend: t.knows_label, labels: (t.yes, t.no),
                             get: |p| p.knows_looking, set: |p, v| p.knows_looking = v }) }
            if !props.supports.is_empty() {
                <fieldset class="bg-field">
                    <legend>{ t.gives_label }</legend>
                    <ReadAloud about={t.gives_label} text={spoken(std::iter::once(t.gives_label)
                        .chain(props.supports.iter().map(|c| c.label.as_str())))} />
                    { for gives }
                </fieldset>
            }
            { yes_no(YesNo { name: "circles", legend: t.other_circles_label, labels: (t.yes, t.no),
                             get: |p| p.other_circles, set: |p, v| p.other_circles = v }) }
            { yes_no(YesNo { name: "links", legend: t.work_links_label, labels: (t.yes, t.no),
                             get: |p| p.work_links, set: |p, v| p.work_links = v }) }
            <div class="bg-form-buttons">
                <button type="submit" class="bg-button" {onclick}>{ if editing_name.is_some() { t.save_changes } else { t.add_person } }</button>
                if editing_name.is_some() {
                    <button type="button" class="bg-button" onclick={let c = props.oncancel.clone(); move |_| c.emit(())}>{ ui.common().cancel }</button>
                }
            </div>
        </form>
    }
}
