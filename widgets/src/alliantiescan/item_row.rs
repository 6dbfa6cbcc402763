//! One checklist item: how far it is (not yet / partly / in place), and,
//! folded away, a note, the owning partner and their role (by default the
//! role that usually does the item, with what that role does).

use plugin_host::contract::Choice;
use plugin_host::contract::alliantiescan::{Item, Role, Tick};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use yew::prelude::*;

use super::state::Field;
use super::texts::texts;
use crate::components::read_aloud::{ReadAloud, spoken};
use crate::i18n::fill;
use crate::ui::use_ui;

/// Props of [`ItemRow`].
#[derive(Properties, PartialEq)]
pub struct ItemRowProps {
    /// The item.
    pub item: Item,
    /// Its tick, if ticked.
    pub tick: Option<Tick>,
    /// Level choices from the rules (shared by every row).
    pub levels: Rc<Vec<Choice>>,
    /// Roles from the rules (shared by every row).
    pub roles: Rc<Vec<Role>>,
    /// Called with (item id, field, value). The checklist's own callback,
    /// the same on every render: a tick then renders its row again, not
    /// every row.
    pub onset: Callback<(String, Field, String)>,
}

/// One item.
#[component]
pub fn ItemRow(props: &ItemRowProps) -> Html {
    let t = texts(use_ui().lang);
    let item = &props.item;
    let tick = props.tick.clone().unwrap_or_default();
    let set = |field: fn() -> Field| {
        let (onset, id) = (props.onset.clone(), props.item.id.clone());
        move |value: String| onset.emit((id.clone(), field(), value))
    };
    let levels = props.levels.iter().map(|l| {
        let id = format!("bg-{}-{}", item.id, l.id);
        let set = set(|| Field::Level);
        let value = l.id.clone();
        html! {
            <label class="bg-choice bg-level" for={id.clone()}>
                <input type="radio" {id} name={format!("bg-level-{}", item.id)} value={l.id.clone()}
                    checked={tick.level == l.id} onchange={Callback::from(move |_: Event| set(value.clone()))} />
                { &l.label }
            </label>
        }
    });
    // No role picked means the role that usually does the item (the default
    // script counts it so); what the item's role does is said below.
    let role = |id: &str| props.roles.iter().find(|r| r.id == id);
    let usual = role(&item.role);
    let unpicked = usual.map_or_else(
        || t.role_none.to_string(),
        |r| fill(t.usual_role, &[("role", &r.label)]),
    );
    let does = if tick.role.is_empty() {
        usual
    } else {
        role(&tick.role)
    }
    .map(|r| r.text.clone())
    .filter(|text| !text.is_empty());
    let (note_id, owner_id, role_id) = (
        format!("bg-note-{}", item.id),
        format!("bg-owner-{}", item.id),
        format!("bg-role-{}", item.id),
    );
    let does_id = format!("bg-role-does-{}", item.id);
    let on_note = {
        let set = set(|| Field::Note);
        Callback::from(move |e: InputEvent| {
            set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_owner = {
        let set = set(|| Field::Owner);
        Callback::from(move |e: InputEvent| {
            set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_role = {
        let set = set(|| Field::Role);
        Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };

    // The item, for screen readers only: "Note (Shared goal)".
    let about = html! { <span class="bg-sr-only">{ format!(" ({})", item.text) }</span> };
    html! {
        <li class="bg-item" data-id={item.id.clone()} data-level={tick.level.clone()}>
            <fieldset class="bg-field">
                <legend>{ &item.text }</legend>
                if !item.help.is_empty() { <p class="bg-hint">{ &item.help }</p> }
                // The item, its help and the levels to choose from.
                <ReadAloud about={item.text.clone()} text={spoken([item.text.as_str(), item.help.as_str()]
                    .into_iter()
                    .chain(props.levels.iter().map(|l| l.label.as_str())))} />
                <div class="bg-levels">{ for levels }</div>
            // Inside the item's group, and each control named with its item:
            // twenty "Note" fields must not sound the same.
            <details class="bg-more">
                <summary>{ t.details_summary }{ about.clone() }</summary>
                <div class="bg-field">
                    <label for={note_id.clone()}>{ t.note_label }{ about.clone() }</label>
                    <textarea id={note_id} rows="2" maxlength="500" value={tick.note.clone()} oninput={on_note} />
                </div>
                <div class="bg-field">
                    <label for={owner_id.clone()}>{ t.owner_label }{ about.clone() }</label>
                    <input id={owner_id} type="text" maxlength="80" value={tick.owner.clone()} oninput={on_owner} />
                </div>
                <div class="bg-field">
                    <label for={role_id.clone()}>{ t.role_label }{ about.clone() }</label>
                    <select id={role_id} onchange={on_role}
                        aria-describedby={does.is_some().then(|| does_id.clone())}>
                        <option value="" selected={tick.role.is_empty()}>{ unpicked }</option>
                        { for props.roles.iter().map(|r| html! {
                            <option value={r.id.clone()} selected={tick.role == r.id}>{ &r.label }</option>
                        }) }
                    </select>
                    if let Some(does) = does { <p id={does_id} class="bg-hint">{ does }</p> }
                </div>
            </details>
            </fieldset>
        </li>
    }
}
