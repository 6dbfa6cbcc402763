//! The signup form: fields from the rules' `fields`, errors from `validate`
//! as you type, then the server's decision. What was typed stays while
//! sending, when the server cannot be reached, and when it refuses.

use std::collections::BTreeSet;

use gloo_timers::callback::Timeout;
use plugin_host::contract::vacaturecafe::{self, CafeListing, FieldErrors, Form, SignupAnswer};
use wasm_bindgen_futures::spawn_local;
use wire::ErrorCode;
use yew::prelude::*;

use super::api::{self, ApiError};
use super::cafe_card::CafeCard;
use super::texts::texts;
use crate::app::Ui;
use crate::config::Config;
use crate::i18n::fill;
use crate::rules::SharedRules;

/// After this long without an answer, say it takes long (the form stays usable).
const SLOW_MS: u32 = 6_000;

/// Props of [`SignupForm`].
#[derive(Properties, PartialEq)]
pub struct SignupFormProps {
    /// The organisation's rules.
    pub rules: SharedRules,
    /// Where the API is.
    pub config: Config,
    /// The café to sign up for.
    pub cafe: CafeListing,
    /// Back to the list.
    pub onback: Callback<()>,
    /// The server took the signup (or knew it already).
    pub ondone: Callback<SignupAnswer>,
}

/// Where sending stands.
#[derive(Clone, Copy, PartialEq)]
enum Sending {
    Idle,
    Busy {
        slow: bool,
    },
    /// Failed; the answers are kept.
    Failed(Failure),
}

/// Why sending failed, as the person is told.
#[derive(Clone, Copy, PartialEq)]
enum Failure {
    Offline,
    Fields,
    Closed,
    RateLimited,
    Server,
}

/// The form for one café.
#[component]
pub fn SignupForm(props: &SignupFormProps) -> Html {
    let ui = use_context::<Ui>();
    let form = use_state(Form::new);
    let touched = use_state(BTreeSet::<String>::new);
    let tried = use_state(|| false);
    let server_errors = use_state(FieldErrors::new);
    let sending = use_state(|| Sending::Idle);
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |()| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let ctx = ui.as_ref().map(|u| u.ctx.clone());
    let fields = use_memo(
        (props.rules.clone(), props.cafe.cafe.clone(), ctx.clone()),
        |(rules, cafe, ctx)| {
            ctx.as_ref()
                .map(|ctx| vacaturecafe::fields(&rules.hooks(), cafe, ctx))
        },
    );
    let Some(ui) = ui else { return html! {} };
    let t = texts(ui.lang);
    let fields = match &*fields {
        Some(Ok(fields)) => fields.clone(),
        Some(Err(e)) => {
            return html! { <crate::components::error_notice::ErrorNotice detail={e.to_string()} /> };
        }
        None => return html! {},
    };
    // The same checks the server makes first: structure, then the rules.
    // The same check the server makes before it decides.
    let checked = vacaturecafe::check_form(
        &props.rules.hooks(),
        &fields,
        &form,
        &props.cafe.cafe,
        &ui.ctx,
    );
    let checked = match checked {
        Ok(checked) => checked,
        Err(e) => {
            return html! { <crate::components::error_notice::ErrorNotice detail={e.to_string()} /> };
        }
    };
    let errors: FieldErrors = match &checked {
        Ok(_) => FieldErrors::new(),
        Err(refusal) => refusal.field_errors(ui.lang),
    };
    let shown = |id: &str| -> Option<String> {
        server_errors.get(id).cloned().or_else(|| {
            (*tried || touched.contains(id))
                .then(|| errors.get(id).cloned())
                .flatten()
        })
    };

    let onchange = {
        let (form, touched, server_errors) = (form.clone(), touched.clone(), server_errors.clone());
        Callback::from(move |(id, value): (String, Option<vacaturecafe::Value>)| {
            let mut next = (*form).clone();
            match value {
                Some(v) => next.insert(id.clone(), v),
                None => next.remove(&id),
            };
            form.set(next);
            let mut seen = (*touched).clone();
            seen.insert(id.clone());
            touched.set(seen);
            if server_errors.contains_key(&id) {
                let mut left = (*server_errors).clone();
                left.remove(&id);
                server_errors.set(left);
            }
        })
    };
    let onblur = {
        let touched = touched.clone();
        Callback::from(move |id: String| {
            if !touched.contains(&id) {
                let mut seen = (*touched).clone();
                seen.insert(id);
                touched.set(seen);
            }
        })
    };
    let busy = matches!(*sending, Sending::Busy { .. });
    let submit = {
        let (form, tried, sending, server_errors) = (
            form.clone(),
            tried.clone(),
            sending.clone(),
            server_errors.clone(),
        );
        let (config, cafe, ondone, lang, host) = (
            props.config.clone(),
            props.cafe.cafe.id,
            props.ondone.clone(),
            ui.lang,
            ui.host.clone(),
        );
        let (rules, listing, ctx) = (props.rules.clone(), props.cafe.clone(), ui.ctx.clone());
        let first_error = fields
            .iter()
            .find(|f| errors.contains_key(&f.id))
            .map(|f| f.id.clone());
        let clean = checked.ok();
        Callback::from(move |()| {
            tried.set(true);
            if busy {
                return; // A double click sends once.
            }
            let (Some(clean), None) = (clean.clone(), first_error.clone()) else {
                if let Some(id) = &first_error {
                    focus(&host, id);
                }
                return;
            };
            if config.preview {
                // The admin playground: the edited script decides, as the
                // server would; nothing is sent, no signup is made.
                let decided = vacaturecafe::dry_run(&rules.hooks(), &clean, &listing, &ctx);
                match decided {
                    Ok(answer) => {
                        form.set(Form::new());
                        ondone.emit(answer);
                    }
                    Err(e) => {
                        web_sys::console::error_1(&format!("Bondgenoot: {e}").into());
                        sending.set(Sending::Failed(Failure::Server));
                    }
                }
                return;
            }
            sending.set(Sending::Busy { slow: false });
            let slow = {
                let sending = sending.clone();
                Timeout::new(SLOW_MS, move || sending.set(Sending::Busy { slow: true }))
            };
            let (config, sending, server_errors, ondone, form, host) = (
                config.clone(),
                sending.clone(),
                server_errors.clone(),
                ondone.clone(),
                form.clone(),
                host.clone(),
            );
            spawn_local(async move {
                let result = api::sign_up(&config, cafe, &clean, lang).await;
                drop(slow);
                match result {
                    Ok(answer) => {
                        sending.set(Sending::Idle);
                        form.set(Form::new());
                        ondone.emit(answer);
                    }
                    Err(ApiError::Network(e)) => {
                        web_sys::console::warn_1(&format!("Bondgenoot: {e}").into());
                        sending.set(Sending::Failed(Failure::Offline));
                    }
                    Err(ApiError::Server {
                        code,
                        fields,
                        message,
                        ..
                    }) => {
                        web_sys::console::warn_1(
                            &format!("Bondgenoot: {code:?}: {message}").into(),
                        );
                        let failed = match code {
                            ErrorCode::ValidationFailed | ErrorCode::InvalidField => {
                                Failure::Fields
                            }
                            ErrorCode::CafeClosed
                            | ErrorCode::CafePast
                            | ErrorCode::CafeNotFound => Failure::Closed,
                            ErrorCode::RateLimited => Failure::RateLimited,
                            _ => Failure::Server,
                        };
                        if let Some(id) = fields.keys().next() {
                            focus(&host, id);
                        }
                        server_errors.set(fields);
                        sending.set(Sending::Failed(failed));
                    }
                }
            });
        })
    };
    let onsubmit = {
        let submit = submit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            submit.emit(());
        })
    };
    // As in the Netwerkscan: the click sends, so a sandbox without forms works.
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        submit.emit(());
    });
    let status = match *sending {
        Sending::Idle if *tried && !errors.is_empty() => Some((false, t.check_fields)),
        Sending::Idle => None,
        Sending::Busy { slow: false } => Some((false, t.sending)),
        Sending::Busy { slow: true } => Some((false, t.slow)),
        Sending::Failed(Failure::Offline) => Some((true, t.offline)),
        Sending::Failed(Failure::Fields) => Some((true, t.check_fields)),
        Sending::Failed(Failure::Closed) => Some((true, t.closed)),
        Sending::Failed(Failure::RateLimited) => Some((true, t.rate_limited)),
        Sending::Failed(Failure::Server) => Some((true, t.server_problem)),
    };
    let can_retry = matches!(
        *sending,
        Sending::Failed(Failure::Offline | Failure::Server)
    );

    html! {
        <section class="bg-signup">
            <h3 ref={heading} tabindex="-1">{ fill(t.form_heading, &[("title", &props.cafe.cafe.details.title)]) }</h3>
            <CafeCard cafe={props.cafe.clone()} heading="h4" />
            <form class="bg-form" {onsubmit} novalidate=true>
                { for fields.iter().map(|f| html! {
                    <super::field_input::FieldInput field={f.clone()} value={form.get(&f.id).cloned()}
                        error={shown(&f.id)} onchange={onchange.clone()} onblur={onblur.clone()} />
                }) }
                <p class={classes!("bg-notice", status.is_some_and(|s| s.0).then_some("bg-field-error"))}
                   role="status" aria-live="polite">{ status.map(|s| s.1).unwrap_or_default() }</p>
                <div class="bg-form-buttons">
                    <button type="submit" class="bg-button bg-primary" disabled={busy} {onclick}>
                        { if can_retry { t.send_again } else { t.submit } }
                    </button>
                    <button type="button" class="bg-button" onclick={let c = props.onback.clone(); move |_| c.emit(())}>{ t.back }</button>
                </div>
            </form>
        </section>
    }
}

/// Moves the keyboard focus to a field of this widget (after this render:
/// the field may only now show its error).
fn focus(host: &web_sys::Element, id: &str) {
    let (host, selector) = (host.clone(), format!("#bg-f-{id}, [name=\"bg-f-{id}\"]"));
    Timeout::new(0, move || {
        use wasm_bindgen::JsCast;
        let field = host
            .shadow_root()
            .and_then(|root| root.query_selector(&selector).ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(field) = field {
            let _ = field.focus();
        }
    })
    .forget();
}
