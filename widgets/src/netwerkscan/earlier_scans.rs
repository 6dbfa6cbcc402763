//! The earlier scans kept on this device, by date: each can be set beside
//! today's ("then and now") or removed. Nothing here leaves the device.

use yew::prelude::*;

use super::state::Dated;
use super::texts::texts;
use crate::i18n::{SCAN_DAY, fill, local_date};
use crate::ui::use_ui;

/// Props of [`EarlierScans`].
#[derive(Properties, PartialEq)]
pub struct EarlierScansProps {
    /// The earlier scans, oldest first.
    pub earlier: Vec<Dated>,
    /// The day of the one set beside today's.
    pub comparing: Option<String>,
    /// Set one beside today's (`None`: none).
    pub oncompare: Callback<Option<String>>,
    /// Remove one, by day.
    pub onforget: Callback<String>,
}

/// The list; nothing when there are no earlier scans.
#[component]
pub fn EarlierScans(props: &EarlierScansProps) -> Html {
    let lang = use_ui().lang;
    let t = texts(lang);
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
            <ul class="bg-earlier-list">
                { for props.earlier.iter().map(|scan| {
                    let day = day(&scan.date, lang);
                    let shown = props.comparing.as_ref() == Some(&scan.date);
                    let oncompare = {
                        let (cb, date) = (props.oncompare.clone(), scan.date.clone());
                        Callback::from(move |_: MouseEvent| cb.emit((!shown).then(|| date.clone())))
                    };
                    let onforget = {
                        let (cb, date, removed) = (props.onforget.clone(), scan.date.clone(), removed.clone());
                        Callback::from(move |_: MouseEvent| {
                            cb.emit(date.clone());
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
        </section>
    }
}

/// A scan's day in the language's words ("without a date" for old files).
pub fn day(date: &str, lang: plugin_host::contract::Lang) -> String {
    if date.is_empty() {
        texts(lang).undated.to_owned()
    } else {
        local_date(date, lang, SCAN_DAY)
    }
}
