//! The checklist: who we are, then every phase with its items.

use plugin_host::contract::alliantiescan::{Checklist, Ticks};
use std::rc::Rc;
use web_sys::HtmlInputElement;

use yew::prelude::*;

use super::item_row::ItemRow;
use super::state::Field;
use super::texts::texts;
use crate::ui::use_ui;

/// Props of [`ChecklistView`].
#[derive(Properties, PartialEq)]
pub struct ChecklistViewProps {
    /// Phases, items, levels and roles from the rules.
    pub checklist: Checklist,
    /// Our ticks.
    pub ticks: Ticks,
    /// Our partner name.
    pub partner: String,
    /// Called with (item id, field, value).
    pub onset: Callback<(String, Field, String)>,
    /// Called with a new partner name.
    pub onpartner: Callback<String>,
}

/// All phases and items.
#[component]
pub fn ChecklistView(props: &ChecklistViewProps) -> Html {
    let t = texts(use_ui().lang);
    let onpartner = {
        let cb = props.onpartner.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let levels = Rc::new(props.checklist.levels.clone());
    let roles = Rc::new(props.checklist.roles.clone());
    html! {
        <div class="bg-checklist">
            <div class="bg-field">
                <label for="bg-partner">{ t.partner_label }</label>
                <input id="bg-partner" type="text" maxlength="80" autocomplete="organization"
                    value={props.partner.clone()} oninput={onpartner} aria-describedby="bg-partner-hint" />
                <p id="bg-partner-hint" class="bg-hint">{ t.partner_hint }</p>
            </div>
            { for props.checklist.phases.iter().enumerate().map(|(n, phase)| html! {
                <section class="bg-phase" data-phase={phase.id.clone()} aria-labelledby={format!("bg-phase-{}", phase.id)}>
                    <h3 id={format!("bg-phase-{}", phase.id)}>{ format!("{}. {}", n + 1, phase.label) }</h3>
                    <p class="bg-hint">{ &phase.text }</p>
                    <ul class="bg-items">
                        { for phase.items.iter().map(|item| html! {
                            <ItemRow key={item.id.clone()} item={item.clone()} tick={props.ticks.get(&item.id).cloned()}
                                levels={levels.clone()} roles={roles.clone()} onset={props.onset.clone()} />
                        }) }
                    </ul>
                </section>
            }) }
        </div>
    }
}
