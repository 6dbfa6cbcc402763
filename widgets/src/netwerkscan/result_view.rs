//! Stage 3: the scores and next steps the rules compute, and the
//! `bondgenoot:complete` event for the host page.

use plugin_host::contract::is_safe_link;
use plugin_host::contract::netwerkscan::{self, Answers, NetwerkscanResult, Questionnaire};
use yew::prelude::*;

use super::network_map::NetworkMap;
use super::texts::texts;
use crate::components::read_aloud::ReadAloud;
use crate::components::share_figures::ShareFigures;
use crate::config::Config;
use crate::i18n::fill;
use crate::rule_call::use_rule_call;
use crate::rules::SharedRules;
use crate::ui::{Ui, use_ui};

/// Props of [`ResultView`].
#[derive(Properties, PartialEq)]
pub struct ResultViewProps {
    /// The organisation's rules.
    pub rules: SharedRules,
    /// What the person entered.
    pub answers: Answers,
    /// For labels in the picture and its table.
    pub questionnaire: Questionnaire,
    /// The day of this scan (shown, and printed with it).
    pub date: String,
    /// Where the scores go if the person shares them.
    pub config: Config,
    /// Whether the person sees it (it stays, unseen, while they go back):
    /// the host page hears `bondgenoot:complete` each time it is shown.
    pub shown: bool,
}

/// Scores as bars with their reasons, then the steps.
#[component]
pub fn ResultView(props: &ResultViewProps) -> Html {
    let ui = use_ui();
    let result = use_rule_call(&props.rules, props.answers.clone(), netwerkscan::score);
    {
        let ui = ui.clone();
        use_effect_with((result.clone(), props.shown), move |(result, shown)| {
            if let Some(r) = result.ok().filter(|_| *shown) {
                dispatch_complete(&ui, r);
            }
        });
    }
    let r = match result.or_notice() {
        Ok(r) => r,
        Err(notice) => return notice,
    };
    let (shared, t) = (ui.common(), texts(ui.lang));
    html! {
        <div class="bg-result">
            if !props.date.is_empty() {
                <p class="bg-scan-date">{ fill(t.scan_of, &[("date", &ui.day(&props.date))]) }</p>
            }
            <p class="bg-summary" role="status">{ &r.summary }</p>
            <NetworkMap people={props.answers.people.clone()} questionnaire={props.questionnaire.clone()} />
            <h4>{ t.scores_heading }</h4>
            <ul class="bg-scores">
                { for r.dimensions.iter().map(|d| html! {
                    <li class="bg-score" data-id={d.id.clone()}>
                        <span class="bg-score-label">{ &d.label }</span>
                        <svg class="bg-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect class="bg-bar-track" x="0" y="0" width="100" height="6" />
                            <rect class="bg-bar-fill" x="0" y="0" width={d.value.to_string()} height="6" />
                        </svg>
                        <span class="bg-score-value" data-value={d.value.to_string()}>
                            { fill(t.score_value, &[("n", &d.value.to_string())]) }
                        </span>
                        <span class="bg-why">{ &d.why }</span>
                    </li>
                }) }
            </ul>
            <h4>{ shared.steps_heading }</h4>
            <ol class="bg-steps">
                { for r.steps.iter().map(|s| html! {
                    <li class="bg-step" data-id={s.id.clone()}>
                        <strong>{ &s.title }</strong>
                        <span class="bg-why">{ shared.why }{ " " }{ &s.why }</span>
                        <ReadAloud about={s.title.clone()} text={format!("{}. {} {}", s.title, shared.why, s.why)} />
                        if let Some(link) = s.link.as_ref().filter(|l| is_safe_link(l)) {
                            <a href={link.clone()} target="_blank" rel="noopener noreferrer">{ t.more_info }</a>
                        }
                    </li>
                }) }
            </ol>
            <ShareFigures rules={props.rules.clone()} config={props.config.clone()} heading="h4"
                share={{
                    let (lang, r) = (ui.lang, r.clone());
                    Callback::from(move |()| wire::figures::share(lang,
                        r.dimensions.iter().map(|d| (d.id.as_str(), d.value)),
                        r.steps.iter().map(|s| s.id.as_str())))
                }} />
        </div>
    }
}

/// Tells the host page the scan is complete, with the scores (not the people:
/// names never leave the widget).
fn dispatch_complete(ui: &Ui, result: &NetwerkscanResult) {
    /// The scores as a map, `{ "bonding": 20, … }`.
    struct Scores<'a>(&'a NetwerkscanResult);
    impl serde::Serialize for Scores<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.0.dimensions.iter().map(|d| (&d.id, d.value)))
        }
    }
    #[derive(serde::Serialize)]
    struct Complete<'a> {
        widget: &'a str,
        scores: Scores<'a>,
        steps: Vec<&'a str>,
    }
    let steps = result.steps.iter().map(|s| s.id.as_str()).collect();
    let detail = Complete {
        widget: "netwerkscan",
        scores: Scores(result),
        steps,
    };
    ui.dispatch("bondgenoot:complete", &detail);
}
