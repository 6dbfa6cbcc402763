//! Opened from the cancellation link: shows the signup and cancels it.

use plugin_host::contract::vacaturecafe::SignupAnswer;
use wasm_bindgen_futures::spawn_local;
use wire::SignupStatus;
use yew::prelude::*;

use super::api::{self, ApiError};
use super::cafe_card::CafeCard;
use super::door_code::DoorCodeView;
use super::texts::texts;
use crate::config::Config;
use crate::i18n::fill;
use crate::ui::use_ui;

/// Props of [`CancelView`].
#[derive(Properties, PartialEq)]
pub struct CancelViewProps {
    /// Where the API is.
    pub config: Config,
    /// From the link.
    pub token: String,
    /// To the list of cafés.
    pub onback: Callback<()>,
}

#[derive(Clone, PartialEq)]
enum Stage {
    Loading,
    Found(SignupAnswer),
    Cancelling(SignupAnswer),
    Cancelled(SignupAnswer),
    NotFound,
    Failed,
}

/// Look up the signup, then cancel it on request.
#[component]
pub fn CancelView(props: &CancelViewProps) -> Html {
    let stage = use_state(|| Stage::Loading);
    let attempt = use_state(|| 0_u32);
    {
        let (stage, config, token) = (stage.clone(), props.config.clone(), props.token.clone());
        use_effect_with(*attempt, move |_| {
            stage.set(Stage::Loading);
            spawn_local(async move {
                stage.set(match api::by_token(&config, "status", &token).await {
                    Ok(answer) if answer.status == SignupStatus::Cancelled => {
                        Stage::Cancelled(answer)
                    }
                    Ok(answer) => Stage::Found(answer),
                    Err(e) => failed(&e),
                });
            });
        });
    }
    let ui = use_ui();
    let t = texts(ui.lang);
    let cancel = {
        let (stage, config, token) = (stage.clone(), props.config.clone(), props.token.clone());
        Callback::from(move |_: MouseEvent| {
            let Stage::Found(answer) = (*stage).clone() else {
                return;
            };
            stage.set(Stage::Cancelling(answer.clone()));
            let (stage, config, token) = (stage.clone(), config.clone(), token.clone());
            spawn_local(async move {
                stage.set(match api::by_token(&config, "cancel", &token).await {
                    Ok(answer) => Stage::Cancelled(answer),
                    Err(e) => failed(&e),
                });
            });
        })
    };
    let back = html! {
        <button type="button" class="bg-button" onclick={let c = props.onback.clone(); move |_| c.emit(())}>{ t.back }</button>
    };
    let body = match &*stage {
        Stage::Loading => html! { <p role="status">{ ui.texts.loading }</p> },
        Stage::Found(a) | Stage::Cancelling(a) => html! {
            <>
                if let Some(code) = &a.door {
                    <DoorCodeView code={code.clone()} />
                }
                <p>{ fill(t.cancel_question, &[("title", &a.cafe.cafe.details.title)]) }</p>
                <CafeCard cafe={a.cafe.clone()} heading="h4" />
                <div class="bg-form-buttons">
                    <button type="button" class="bg-button bg-danger" onclick={cancel}
                        disabled={matches!(*stage, Stage::Cancelling(_))}>{ t.cancel_button }</button>
                    { back }
                </div>
            </>
        },
        Stage::Cancelled(a) => html! {
            <>
                <p role="status" class="bg-decision">{ t.cancelled }</p>
                <CafeCard cafe={a.cafe.clone()} heading="h4" />
                { back }
            </>
        },
        Stage::NotFound => html! { <><p role="alert">{ t.not_found }</p>{ back }</> },
        Stage::Failed => html! {
            <div role="alert">
                <p>{ t.offline }</p>
                <button type="button" class="bg-button" onclick={let a = attempt.clone(); move |_| a.set(*a + 1)}>{ ui.texts.retry }</button>
                { back }
            </div>
        },
    };
    html! {
        <section class="bg-cancel">
            <h3>{ t.cancel_heading }</h3>
            { body }
        </section>
    }
}

fn failed(e: &ApiError) -> Stage {
    web_sys::console::warn_1(&format!("Bondgenoot: {e}").into());
    match e {
        ApiError::Server { status: 404, .. } => Stage::NotFound,
        _ => Stage::Failed,
    }
}
