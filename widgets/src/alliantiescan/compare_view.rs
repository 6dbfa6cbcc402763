//! Opening a shared link, and partners' scans side by side, item by item
//! with their owners and notes, so the alliance sees where partners see it
//! differently; above them our own earlier scan next to today's.

use plugin_host::contract::alliantiescan::{Checklist, Ticks, level};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::{Scan, earlier, latest_of_partners};
use super::texts::texts;
use super::then_now::ThenNow;
use crate::i18n::fill;
use crate::rules::SharedRules;
use crate::ui::use_ui;

/// Props of [`CompareView`].
#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    /// The organisation's rules: the phase of our earlier scan.
    pub rules: SharedRules,
    /// Items and level labels from the rules.
    pub checklist: Checklist,
    /// Our scan.
    pub ours: Scan,
    /// Partners' scans, and our own of other days.
    pub compare: Vec<Scan>,
    /// Open a link as our scan.
    pub onopen: Callback<Scan>,
    /// Add a partner's scan.
    pub onadd: Callback<Scan>,
    /// Remove a partner's scan by index.
    pub onremove: Callback<usize>,
}

/// Paste a link; the comparison table.
#[component]
pub fn CompareView(props: &CompareViewProps) -> Html {
    let input = use_node_ref();
    let message = use_state(|| None::<(bool, String)>);
    // Removing a scan takes its focused ✕ away: focus goes to the notice
    // that says it is gone (counted, so a second removal moves it again).
    let notice = use_node_ref();
    let removed = crate::focus::use_focus_after(notice.clone());
    let ui = use_ui();
    let t = texts(ui.lang);
    let with_link = |then: Callback<Scan>, notice: &'static str| {
        let (input, message) = (input.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(field) = input.cast::<HtmlInputElement>() else {
                return;
            };
            match Scan::from_link(&field.value()) {
                Some(scan) => {
                    message.set(Some((true, fill(notice, &[("partner", &scan.partner)]))));
                    field.set_value("");
                    then.emit(scan);
                }
                None => message.set(Some((false, t.open_error.to_owned()))),
            }
        })
    };
    let level_label = |ticks: &Ticks, id: &str| {
        ticks
            .get(id)
            .and_then(|tick| props.checklist.level_label(&tick.level))
            .unwrap_or(t.not_ticked)
            .to_owned()
    };
    // Who owns an item, as a partner wrote it (empty when nobody said).
    let owner_of = |ticks: &Ticks, id: &str| {
        ticks
            .get(id)
            .map_or(String::new(), |tick| tick.owner.trim().to_owned())
    };
    // Who a scan is by, in words: our own scans (of other days too) are
    // "our scan" when we gave no name.
    let name_of = |scan: &Scan| {
        if scan.partner.trim().is_empty() {
            t.our_scan.to_owned()
        } else {
            scan.partner.clone()
        }
    };
    // A scan in a sentence or a button's name: the partner and its day, so
    // two scans of one partner are told apart.
    let who = |scan: &Scan| format!("{} ({})", name_of(scan), ui.day(&scan.date));
    let partners = latest_of_partners(&props.compare, &props.ours);
    // A column's heading: the partner, and the day of their scan.
    let heading = |scan: &Scan| {
        html! {
            <th scope="col">
                { name_of(scan) }
                <span class="bg-cell-more">{ ui.day(&scan.date) }</span>
            </th>
        }
    };
    // A cell: the level, then who owns it and the note, if written.
    let cell = |ticks: &Ticks, id: &str| {
        let tick = ticks.get(id).cloned().unwrap_or_default();
        html! {
            <td>
                { level_label(ticks, id) }
                if !tick.owner.trim().is_empty() {
                    <span class="bg-cell-more">{ fill(t.compare_owner, &[("owner", tick.owner.trim())]) }</span>
                }
                if !tick.note.trim().is_empty() { <span class="bg-cell-more">{ tick.note.trim() }</span> }
            </td>
        }
    };

    html! {
        <div class="bg-compare">
            if let Some(then) = earlier(&props.compare, &props.ours) {
                <ThenNow rules={props.rules.clone()} checklist={props.checklist.clone()}
                    then={then.clone()} now={props.ours.clone()} />
            }
            <p>{ t.compare_intro }</p>
            <div class="bg-field">
                <label for="bg-open-link">{ t.open_label }</label>
                <input id="bg-open-link" type="text" ref={input.clone()}
                    aria-invalid={matches!(&*message, Some((false, _))).then_some("true")}
                    aria-describedby={matches!(&*message, Some((false, _))).then_some("bg-open-link-error")} />
            </div>
            <div class="bg-form-buttons">
                <button type="button" class="bg-button bg-primary" onclick={with_link(props.onadd.clone(), t.added)}>{ t.compare_add }</button>
                <button type="button" class="bg-button" onclick={with_link(props.onopen.clone(), t.opened)}>{ t.open_mine }</button>
            </div>
            { match &*message {
                Some((true, text)) => html! { <p class="bg-notice" role="status" tabindex="-1" ref={notice}>{ text }</p> },
                Some((false, text)) => html! { <p class="bg-field-error" id="bg-open-link-error" role="alert">{ text }</p> },
                None => html! { <p class="bg-notice" role="status" tabindex="-1" ref={notice}></p> },
            } }
            if props.compare.is_empty() {
                <p class="bg-empty">{ t.compare_empty }</p>
            } else {
                // The remove buttons beside the partners' names, not in the
                // column headers (each cell would be read with its button).
                <p id="bg-compare-partners" class="bg-hint">{ t.compare_partners }</p>
                <ul class="bg-compare-partners" aria-labelledby="bg-compare-partners">
                    { for props.compare.iter().enumerate().map(|(i, scan)| {
                        let onremove = props.onremove.clone();
                        let (message, removed) = (message.clone(), removed.clone());
                        let gone = fill(t.compare_removed, &[("partner", &who(scan))]);
                        html! {
                            <li>
                                { who(scan) }{ " " }
                                <button type="button" class="bg-button bg-small" onclick={move |_| {
                                        message.set(Some((true, gone.clone())));
                                        onremove.emit(i);
                                        removed.set(*removed + 1);
                                    }}
                                    aria-label={fill(t.compare_remove, &[("partner", &who(scan))])}>{ "✕" }</button>
                            </li>
                        }
                    }) }
                </ul>
                <div class="bg-table-wrap" tabindex="0" role="region" aria-labelledby="bg-compare-caption">
                    <table class="bg-compare-table">
                        <caption id="bg-compare-caption">{ t.compare_caption }</caption>
                        <thead><tr>
                            <th scope="col">{ t.compare_item }</th>
                            { heading(&props.ours) }
                            { for props.compare.iter().map(heading) }
                        </tr></thead>
                        <tbody>
                            { for props.checklist.phases.iter().flat_map(|p| p.items.iter()).map(|item| {
                                // Seen differently: another level, or another owner named.
                                let (mine, owner) = (level(&props.ours.ticks, &item.id), owner_of(&props.ours.ticks, &item.id));
                                let differs = partners.iter().any(|s| {
                                    let theirs = owner_of(&s.ticks, &item.id);
                                    level(&s.ticks, &item.id) != mine || (!owner.is_empty() && !theirs.is_empty() && !theirs.eq_ignore_ascii_case(&owner))
                                });
                                html! {
                                    <tr class={classes!(differs.then_some("bg-differs"))} data-id={item.id.clone()} data-differs={differs.to_string()}>
                                        <th scope="row">
                                            { &item.text }
                                            if differs { { " " }<span class="bg-tag bg-differs-tag">{ t.compare_differs }</span> }
                                        </th>
                                        { cell(&props.ours.ticks, &item.id) }
                                        { for props.compare.iter().map(|s| cell(&s.ticks, &item.id)) }
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </div>
    }
}
