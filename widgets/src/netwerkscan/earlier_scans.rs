//! The earlier scans kept on this device, by date: each can be set beside
//! today's ("then and now") or removed. Nothing here leaves the device.

use yew::prelude::*;

use super::state::Dated;
use super::texts::texts;
use crate::i18n::fill;
use crate::ui::use_ui;

/// Props of [`EarlierScans`].
#[derive(Properties, PartialEq)]
pub struct EarlierScansProps {
    /// The earlier scans, oldest first.
    pub earlier: Vec<Dated>,
    /// Which one is set beside today's.
    pub comparing: Option<usize>,
    /// Set one beside today's, by index (`None`: none).
    pub oncompare: Callback<Option<usize>>,
    /// Remove one, by index.
    pub onforget: Callback<usize>,
}

/// The list; nothing when there are no earlier scans.
#[component]
pub fn EarlierScans(props: &EarlierScansProps) -> Html {
    let ui = use_ui();
    let t = texts(ui.lang);
    // Removing a scan takes its focused button away: focus goes to the
    // list's heading (counted, so each removal moves it again).
    let heading = use_node_ref();
    let removed = crate::focus::use_focus_after(heading.clone());
    if props.earlier.is_empty() && *removed == 0 {
        return Html::default();
    }
    html! {
        <section class="bg-earlier" aria-labelledby="bg-earlier-title">
            <h4 id="bg-earlier-title" tabindex="-1" ref={heading}>{ t.earlier_heading }</h4>
            <p class="bg-hint">{ t.earlier_hint }</p>
            if props.earlier.is_empty() {
                <p>{ t.no_earlier }</p>
            } else {
            <ul class="bg-earlier-list">
                { for props.earlier.iter().enumerate().map(|(i, scan)| {
                    let day = ui.day(&scan.date);
                    let shown = props.comparing == Some(i);
                    let oncompare = {
                        let cb = props.oncompare.clone();
                        Callback::from(move |_: MouseEvent| cb.emit((!shown).then_some(i)))
                    };
                    let onforget = {
                        let (cb, removed) = (props.onforget.clone(), removed.clone());
                        Callback::from(move |_: MouseEvent| {
                            cb.emit(i);
                            removed.set(*removed + 1);
                        })
                    };
                    html! {
                        <li data-date={scan.date.clone()}>
                            <button type="button" class="bg-button bg-small" aria-pressed={shown.to_string()} onclick={oncompare}>
                                { fill(t.compare_with, &[("date", &day)]) }
                            </button>
                            <button type="button" class="bg-button bg-small" onclick={onforget}
                                aria-label={fill(t.remove_scan, &[("date", &day)])}>{ "✕" }</button>
                        </li>
                    }
                }) }
            </ul>
            }
        </section>
    }
}
