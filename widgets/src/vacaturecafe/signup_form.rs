//! The signup form: fields from the rules' `fields`, errors from `validate`
//! as you type, then the server's decision. What was typed stays while
//! sending, when the server cannot be reached, and when it refuses. The
//! state lives in [`super::state`]; this draws it and sends.

use gloo_timers::callback::Timeout;
use plugin_host::contract::vacaturecafe::{self, CafeListing, FieldErrors, Form, SignupAnswer};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::api::{self, ApiError};
use super::cafe_card::CafeCard;
use super::field_input::FieldInput;
use super::state::{Action, Failure, Sending, State};
use super::texts::texts;
use crate::config::Config;
use crate::i18n::fill;
use crate::rule_call::use_rule_call;
use crate::rules::SharedRules;
use crate::ui::{Ui, use_ui};

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

/// The form for one café.
#[component]
pub fn SignupForm(props: &SignupFormProps) -> Html {
    let ui = use_ui();
    let state = use_reducer(State::default);
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |()| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    // The send button is disabled while sending, so the browser drops its
    // focus: when sending fails, focus goes to what went wrong. Whether the
    // browser has already moved focus off the disabled button depends on
    // timing (a fast failure can arrive before its focus fix-up), so focus
    // still on the button counts as lost too.
    let notice = use_node_ref();
    let send = use_node_ref();
    {
        let (notice, send) = (notice.clone(), send.clone());
        let failed = matches!(state.sending, Sending::Failed(_));
        use_effect_with(failed, move |failed| {
            if *failed && (crate::focus::lost(&notice) || crate::focus::has(&send)) {
                crate::focus::to(&notice);
            }
        });
    }
    // What the form's polite live region says: the error of the field the
    // person just left.
    let said = use_state(String::new);
    let fields = use_rule_call(&props.rules, props.cafe.cafe.clone(), vacaturecafe::fields);
    // The same check the server makes before it decides: structure, then the
    // rules' `validate`. Made again only when the answers, the fields, the
    // café or `ctx` change, not on every render (such as "this takes long").
    let check = use_rule_call(
        &props.rules,
        (fields, state.form.clone(), props.cafe.cafe.clone()),
        |rules, (fields, form, cafe), ctx| {
            let fields = fields.result().clone()?;
            let checked = vacaturecafe::check_form(rules, &fields, form, cafe, ctx)?;
            Ok((fields, checked))
        },
    );
    let (fields, checked) = match check.or_notice() {
        Ok(check) => check,
        Err(notice) => return notice,
    };
    let t = texts(ui.lang);
    let errors: FieldErrors = match checked {
        Ok(_) => FieldErrors::new(),
        Err(refusal) => refusal.field_errors(|code| t.problem(code)),
    };

    let onchange = {
        let state = state.clone();
        Callback::from(move |(id, value)| state.dispatch(Action::Change(id, value)))
    };
    let onblur = {
        let (state, said, errors) = (state.clone(), said.clone(), errors.clone());
        Callback::from(move |id: String| {
            said.set(errors.get(&id).cloned().unwrap_or_default());
            state.dispatch(Action::Blur(id));
        })
    };
    let submit = {
        let busy = state.busy();
        let first_error = fields
            .iter()
            .find(|f| errors.contains_key(&f.id))
            .map(|f| f.id.clone());
        let clean = checked.clone().ok();
        let sender = Sender {
            state: state.clone(),
            rules: props.rules.clone(),
            config: props.config.clone(),
            listing: props.cafe.clone(),
            ondone: props.ondone.clone(),
            ui: ui.clone(),
        };
        Callback::from(move |()| {
            sender.state.dispatch(Action::Try);
            if busy {
                return; // A double click sends once.
            }
            match (&first_error, &clean) {
                (Some(id), _) => focus(&sender.ui, id),
                (None, Some(clean)) => sender.send(clean.clone()),
                (None, None) => {}
            }
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
    // "Look at the questions with a ⚠" only while one still has one.
    let has_errors = fields
        .iter()
        .any(|f| state.shown_error(&f.id, &errors).is_some());
    let status = match state.sending {
        Sending::Idle if state.tried && has_errors => Some((false, t.check_fields)),
        Sending::Idle => None,
        Sending::Busy { slow: false } => Some((false, t.sending)),
        Sending::Busy { slow: true } => Some((false, t.slow)),
        Sending::Failed(Failure::Offline) => Some((true, t.offline)),
        // Refused for fields even when none shows an error here (the rules
        // changed since the page loaded): still say so.
        Sending::Failed(Failure::Fields) => Some((true, t.check_fields)),
        Sending::Failed(Failure::Closed) => Some((true, t.closed)),
        Sending::Failed(Failure::RateLimited) => Some((true, t.rate_limited)),
        Sending::Failed(Failure::Server) => Some((true, t.server_problem)),
    };
    let can_retry = matches!(state.sending, Sending::Failed(f) if f.can_retry());

    html! {
        <section class="bg-signup">
            <h3 ref={heading} tabindex="-1">{ fill(t.form_heading, &[("title", &props.cafe.cafe.details.title)]) }</h3>
            <CafeCard cafe={props.cafe.clone()} heading="h4" />
            <form class="bg-form" {onsubmit} novalidate=true>
                { for fields.iter().map(|f| html! {
                    <FieldInput field={f.clone()} value={state.form.get(&f.id).cloned()}
                        error={state.shown_error(&f.id, &errors)} onchange={onchange.clone()} onblur={onblur.clone()} />
                }) }
                <p class={classes!("bg-notice", status.is_some_and(|s| s.0).then_some("bg-field-error"))}
                   role="status" aria-live="polite" tabindex="-1" ref={notice}>{ status.map(|s| s.1).unwrap_or_default() }</p>
                <p class="bg-sr-only" aria-live="polite">{ (*said).clone() }</p>
                <div class="bg-form-buttons">
                    <button type="submit" class="bg-button bg-primary" disabled={state.busy()} {onclick} ref={send}>
                        { if can_retry { t.send_again } else { t.submit } }
                    </button>
                    <button type="button" class="bg-button" onclick={let c = props.onback.clone(); move |_| c.emit(())}>{ t.back }</button>
                </div>
            </form>
        </section>
    }
}

/// What sending a checked form needs.
struct Sender {
    state: UseReducerHandle<State>,
    rules: SharedRules,
    config: Config,
    listing: CafeListing,
    ondone: Callback<SignupAnswer>,
    ui: Ui,
}

impl Sender {
    /// Sends the form, or in the admin playground's preview decides it here.
    fn send(&self, clean: Form) {
        if self.config.preview {
            // The edited script decides, as the server would; nothing is
            // sent, no signup is made.
            let decided = vacaturecafe::dry_run(&self.rules, &clean, &self.listing, &self.ui.ctx);
            match decided {
                Ok(answer) => {
                    self.state.dispatch(Action::Done);
                    self.ondone.emit(answer);
                }
                Err(e) => {
                    web_sys::console::error_1(&format!("Bondgenoot: {e}").into());
                    self.state.dispatch(Action::Failed(Failure::Server));
                }
            }
            return;
        }
        // Kept through failures: a retry after a lost answer is the same signup.
        let token = self.state.token.clone().or_else(api::new_token);
        self.state.dispatch(Action::Send(token.clone()));
        let slow = {
            let state = self.state.clone();
            Timeout::new(SLOW_MS, move || state.dispatch(Action::Slow))
        };
        let (state, config, ondone, ui) = (
            self.state.clone(),
            self.config.clone(),
            self.ondone.clone(),
            self.ui.clone(),
        );
        let cafe = self.listing.cafe.id;
        spawn_local(async move {
            let result = api::sign_up(&config, cafe, &clean, ui.lang, token).await;
            drop(slow);
            match result {
                Ok(answer) => {
                    state.dispatch(Action::Done);
                    ondone.emit(answer);
                }
                Err(ApiError::Network(e)) => {
                    web_sys::console::warn_1(&format!("Bondgenoot: {e}").into());
                    state.dispatch(Action::Failed(Failure::Offline));
                }
                Err(ApiError::Server {
                    code,
                    fields,
                    message,
                    ..
                }) => {
                    web_sys::console::warn_1(&format!("Bondgenoot: {code:?}: {message}").into());
                    if let Some(id) = fields.keys().next() {
                        focus(&ui, id);
                    }
                    state.dispatch(Action::Refused(Failure::of(code), fields));
                }
            }
        });
    }
}

/// Moves the keyboard focus to a field of this widget (after this render:
/// the field may only now show its error).
fn focus(ui: &Ui, id: &str) {
    let Some(host) = ui.host().cloned() else {
        return;
    };
    let selector = format!("#bg-f-{id}, [name=\"bg-f-{id}\"]");
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
