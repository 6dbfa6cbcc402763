//! The assessment: the phase, a four-step track of progress per phase, the
//! warnings, the next steps and the roles; then sharing and printing.

use plugin_host::contract::alliantiescan::{self, Assessment, Role, Ticks};
use yew::prelude::*;

use super::state::Scan;
use super::texts::texts;
use crate::components::read_aloud::ReadAloud;
use crate::components::share_figures::ShareFigures;
use crate::config::Config;
use crate::i18n::fill;
use crate::rule_call::use_rule_call;
use crate::rules::SharedRules;
use crate::ui::use_ui;

/// Props of [`ResultView`].
#[derive(Properties, PartialEq)]
pub struct ResultViewProps {
    /// The organisation's rules.
    pub rules: SharedRules,
    /// Our ticks.
    pub ticks: Ticks,
    /// Our scan, for the share link.
    pub scan: Scan,
    /// The checklist's roles: what each one does is said beside it.
    pub roles: Vec<Role>,
    /// Called with the phase and summary each time they are made, for the
    /// widget's one live region (a region inserted together with its text
    /// may not be announced).
    pub onsummary: Callback<String>,
    /// Where the phases' progress goes if the person shares it.
    pub config: Config,
}

/// The result.
#[component]
pub fn ResultView(props: &ResultViewProps) -> Html {
    let ui = use_ui();
    let result = use_rule_call(&props.rules, props.ticks.clone(), alliantiescan::assess);
    {
        let ui = ui.clone();
        let onsummary = props.onsummary.clone();
        use_effect_with(result.clone(), move |result| {
            if let Some(a) = result.ok() {
                let t = texts(ui.lang);
                onsummary.emit(format!(
                    "{} {}",
                    fill(t.phase_now, &[("phase", &a.phase_label)]),
                    a.summary
                ));
                let warnings: Vec<&str> = a.warnings.iter().map(|w| w.id.as_str()).collect();
                #[derive(serde::Serialize)]
                struct Complete<'a> {
                    widget: &'a str,
                    phase: &'a str,
                    warnings: Vec<&'a str>,
                }
                let detail = Complete {
                    widget: "alliantiescan",
                    phase: &a.phase,
                    warnings,
                };
                ui.dispatch("bondgenoot:complete", &detail);
            }
        });
    }
    let a: &Assessment = match result.or_notice() {
        Ok(a) => a,
        Err(notice) => return notice,
    };
    let (shared, t) = (ui.common(), texts(ui.lang));
    let page = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let link = props.scan.link(&page);
    let onprint = {
        let ui = ui.clone();
        Callback::from(move |_| ui.print_alone())
    };

    html! {
        <div class="bg-result" data-phase={a.phase.clone()}>
            <p class="bg-summary">
                <strong>{ fill(t.phase_now, &[("phase", &a.phase_label)]) }</strong>{ " " }{ &a.summary }
            </p>
            <ol class="bg-track" aria-label={fill(t.track_label, &[("phase", &a.phase_label)])}>
                { for a.progress.iter().map(|p| html! {
                    <li class={classes!("bg-track-step", p.reached.then_some("reached"), (p.id == a.phase).then_some("current"))}
                        data-id={p.id.clone()} aria-current={(p.id == a.phase).then_some("step")}>
                        <span class="bg-track-label">{ &p.label }</span>
                        <svg class="bg-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect class="bg-bar-track" x="0" y="0" width="100" height="6" />
                            <rect class="bg-bar-fill" x="0" y="0" width={p.value.to_string()} height="6" />
                        </svg>
                        <span class="bg-track-value" data-value={p.value.to_string()}>{ format!("{}%", p.value) }</span>
                        <span class="bg-tag">{ if p.reached { t.reached } else { t.not_reached } }</span>
                    </li>
                }) }
            </ol>
            <h3>{ t.warnings_heading }</h3>
            if a.warnings.is_empty() {
                <p>{ t.no_warnings }</p>
            } else {
                <ul class="bg-warnings">
                    { for a.warnings.iter().map(|w| html! { <li class="bg-warning" data-id={w.id.clone()}>{ &w.text }</li> }) }
                </ul>
            }
            <h3>{ t.steps_heading }</h3>
            <ol class="bg-steps">
                { for a.steps.iter().map(|s| html! {
                    <li class="bg-step" data-id={s.id.clone()}>
                        <strong>{ &s.title }</strong>
                        <span class="bg-why">{ shared.why }{ " " }{ &s.why }</span>
                        <ReadAloud about={s.title.clone()} text={format!("{}. {} {}", s.title, shared.why, s.why)} />
                    </li>
                }) }
            </ol>
            <h3>{ t.roles_heading }</h3>
            <ul class="bg-roles">
                { for a.roles.iter().map(|r| {
                    let does = props.roles.iter().find(|role| role.id == r.id).map(|role| role.text.as_str());
                    html! {
                        <li data-id={r.id.clone()} data-covered={r.covered.to_string()}>
                            { &r.label }{ ": " }<span class="bg-tag">{ if r.covered { t.role_taken } else { t.role_open } }</span>
                            if let Some(does) = does.filter(|d| !d.is_empty()) { <p class="bg-hint">{ does }</p> }
                        </li>
                    }
                }) }
            </ul>
            <ShareFigures rules={props.rules.clone()} config={props.config.clone()} heading="h3"
                share={{
                    let (lang, a) = (ui.lang, a.clone());
                    Callback::from(move |()| wire::figures::share(lang,
                        a.progress.iter().map(|p| (p.id.as_str(), p.value)),
                        a.steps.iter().map(|s| s.id.as_str())))
                }} />
            <div class="bg-actions">
                <div class="bg-field bg-share">
                    <h3>{ t.share_heading }</h3>
                    <p class="bg-hint">{ t.share_hint }</p>
                    <label for="bg-share-link">{ t.share_link_label }</label>
                    <input id="bg-share-link" type="text" readonly=true value={link} />
                </div>
                <button type="button" class="bg-button" onclick={onprint}>{ shared.print }</button>
            </div>
        </div>
    }
}
