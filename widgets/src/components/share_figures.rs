//! The offer at the end of a scan to share the scores only with the
//! organisation whose site it is on: off until the person presses the
//! button, said in one sentence, and only when the organisation's script
//! offers it (`figures()`). Nothing else is sent: no names, no people, no
//! answers, nothing that tells this device from another (the server gives
//! the month). Not pressing it changes nothing.
//!
//! Once sent, the device remembers the month, so a person who comes back to
//! the result (or scans again) that month is told they shared this month
//! instead of being asked again (and is counted once). In the playground's
//! preview nothing is sent, and it says so.

use plugin_host::contract::figures;
use wasm_bindgen_futures::spawn_local;
use wire::figures::FiguresShare;
use yew::prelude::*;

use crate::config::Config;
use crate::focus::use_focus_after;
use crate::rule_call::use_rule_call;
use crate::rules::SharedRules;
use crate::storage;
use crate::ui::use_ui;

/// Props of [`ShareFigures`].
#[derive(Properties, PartialEq)]
pub struct ShareFiguresProps {
    /// The organisation's rules: whether they offer it.
    pub rules: SharedRules,
    /// Where to send it.
    pub config: Config,
    /// What would be sent, made when the person presses the button (the
    /// result changes as they go; the share is what they see then).
    pub share: Callback<(), FiguresShare>,
    /// The heading's tag, one below the result's own (`h3`, `h4`).
    pub heading: AttrValue,
}

/// Where sharing stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sharing {
    Offered,
    Sending,
    Sent,
    Failed,
}

/// The offer, the button and what became of it.
#[component]
pub fn ShareFigures(props: &ShareFiguresProps) -> Html {
    let ui = use_ui();
    let terms = use_rule_call(&props.rules, (), |rules, (), _| figures::figures(rules));
    let key = format!(
        "{}:figures",
        storage::key(props.config.widget, &props.config.org)
    );
    let month = wire::figures::month_of(&ui.ctx.today).to_owned();
    let sharing = {
        let (key, month) = (key.clone(), month.clone());
        use_state_eq(move || {
            if !month.is_empty() && storage::load(&key).as_deref() == Some(month.as_str()) {
                Sharing::Sent
            } else {
                Sharing::Offered
            }
        })
    };
    let said = use_node_ref();
    let focus_said = use_focus_after(said.clone());

    if !terms.ok().is_some_and(|f| f.offer) {
        return Html::default();
    }
    let onclick = {
        let (sharing, config, share) = (sharing.clone(), props.config.clone(), props.share.clone());
        let focus_said = focus_said.clone();
        Callback::from(move |_| {
            let share = share.emit(());
            // The button goes: focus moves to what says it is under way.
            sharing.set(Sharing::Sending);
            focus_said.set(*focus_said + 1);
            let (sharing, config) = (sharing.clone(), config.clone());
            let (key, month, focus_said) = (key.clone(), month.clone(), focus_said.clone());
            spawn_local(async move {
                let sent = config.preview || send(&config, &share).await;
                if sent && !config.preview {
                    storage::save(&key, &month);
                }
                sharing.set(if sent { Sharing::Sent } else { Sharing::Failed });
                focus_said.set(*focus_said + 1);
            });
        })
    };
    let t = ui.common();
    html! {
        <section class="bg-figures" aria-labelledby="bg-figures-heading">
            <@{props.heading.to_string()} id="bg-figures-heading">{ t.share_heading }</@>
            <p class="bg-figures-offer">{ t.share_offer }</p>
            if *sharing == Sharing::Failed {
                <p class="bg-figures-said" role="alert" tabindex="-1" ref={said.clone()}>{ t.share_failed }</p>
            } else if *sharing != Sharing::Offered {
                <p class="bg-figures-said" role="status" tabindex="-1" ref={said}>
                    { match *sharing {
                        Sharing::Sending => t.share_sending,
                        _ if props.config.preview => t.share_preview,
                        _ => t.share_done,
                    } }
                </p>
            }
            if matches!(*sharing, Sharing::Offered | Sharing::Failed) {
                <button type="button" class="bg-button bg-figures-button" {onclick}>{ t.share_button }</button>
            }
        </section>
    }
}

/// Posts the share; whether the server took it.
async fn send(config: &Config, share: &FiguresShare) -> bool {
    let url = config.org_url(&format!("figures/{}", config.widget.name()));
    let Ok(request) = gloo_net::http::Request::post(&url).json(share) else {
        return false;
    };
    request.send().await.is_ok_and(|r| r.ok())
}
