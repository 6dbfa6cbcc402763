//! Vacaturecafé — sign up for an informal job café. Lists the organisation's
//! upcoming cafés, shows the form its rules define (checked as you type with
//! the same `validate` the server runs), sends it, and shows the server's
//! decision with a calendar file and a cancellation link. Nothing is kept on
//! the device: the answers go to the organisation only when sent.

mod api;
mod cafe_card;
mod cancel_view;
mod confirmation;
mod door_code;
mod field_input;
mod mail_preview;
mod signup_form;
mod state;
pub(crate) mod texts;

use plugin_host::contract::vacaturecafe::{self, CafeListing, Form, Outcome, SignupAnswer};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::components::loading::Loading;
use crate::config::Config;
use crate::rules::SharedRules;
use crate::ui::use_ui;
use cafe_card::CafeCard;
use cancel_view::CancelView;
use confirmation::Confirmation;
use signup_form::SignupForm;

/// What the host page hears when someone signs up: the café and how it went,
/// never who.
#[derive(serde::Serialize)]
struct Signed {
    cafe: i64,
    status: wire::SignupStatus,
}
use texts::texts;

/// Props of [`Vacaturecafe`].
#[derive(Properties, PartialEq)]
pub struct VacaturecafeProps {
    /// The organisation's compiled rules.
    pub rules: SharedRules,
    /// `data-org`, `data-cafe` and where the API is.
    pub config: Config,
}

#[derive(Clone, PartialEq)]
enum View {
    List,
    Form(CafeListing),
    Done(SignupAnswer),
    Cancel(String),
}

/// The fragment a cancellation link carries.
const CANCEL_PREFIX: &str = "#bg-cancel=";

fn token_in_page() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let token = hash.strip_prefix(CANCEL_PREFIX)?;
    (!token.is_empty()).then(|| token.to_owned())
}

/// The Vacaturecafé widget.
#[component]
pub fn Vacaturecafe(props: &VacaturecafeProps) -> Html {
    let ui = use_ui();
    let view = use_state(|| token_in_page().map_or(View::List, View::Cancel));
    let cafes = use_state(|| None::<Result<Vec<CafeListing>, api::ApiError>>);
    let attempt = use_state(|| 0_u32);
    {
        // Reload on a retry and on every return to the list (places change).
        let (cafes, config) = (cafes.clone(), props.config.clone());
        let on_list = *view == View::List;
        use_effect_with((*attempt, on_list), move |(_, on_list)| {
            if *on_list {
                spawn_local(async move { cafes.set(Some(api::cafes(&config).await)) });
            }
        });
    }
    // Back on the list, focus goes to the café the person came from (its
    // button), not to the start of the list.
    let came_from = use_state(|| None::<i64>);
    let heading = use_node_ref();
    {
        let (came_from, heading) = (came_from.clone(), heading.clone());
        let listed = *view == View::List && matches!(*cafes, Some(Ok(_)));
        use_effect_with((listed, *came_from), move |(listed, from)| {
            if let (true, Some(id)) = (listed, from) {
                crate::focus::to_id(&heading, &format!("bg-signup-{id}"));
                came_from.set(None);
            }
        });
    }
    let t = texts(ui.lang);
    let to_list = {
        let view = view.clone();
        Callback::from(move |()| {
            if token_in_page().is_some()
                && let Some(w) = web_sys::window()
            {
                let _ = w.location().set_hash("");
            }
            view.set(View::List);
        })
    };

    let body = match &*view {
        View::Form(cafe) => {
            let ondone = {
                let (view, ui) = (view.clone(), ui.clone());
                Callback::from(move |answer: SignupAnswer| {
                    ui.dispatch(
                        "bondgenoot:signup",
                        &Signed {
                            cafe: answer.cafe.cafe.id,
                            status: answer.status,
                        },
                    );
                    view.set(View::Done(answer));
                })
            };
            html! {
                <SignupForm rules={props.rules.clone()} config={props.config.clone()} cafe={cafe.clone()}
                    onback={to_list} {ondone} />
            }
        }
        View::Done(answer) => html! {
            <>
                <Confirmation answer={answer.clone()} onback={to_list} preview={props.config.preview}
                    calendar={api::calendar_url(&props.config, answer.cafe.cafe.id)} />
                if props.config.preview {
                    <mail_preview::MailPreview rules={props.rules.clone()} answer={answer.clone()} />
                }
            </>
        },
        View::Cancel(token) => html! {
            <CancelView config={props.config.clone()} token={token.clone()} onback={to_list} />
        },
        View::List => match &*cafes {
            None => html! { <p class="bg-loading" role="status">{ t.loading }</p> },
            Some(Err(e)) => {
                web_sys::console::warn_1(&format!("Bondgenoot: {e}").into());
                html! {
                    <div class="bg-error" role="alert">
                        <p class="bg-error-title">{ t.list_failed }</p>
                        <button type="button" class="bg-button"
                            onclick={let a = attempt.clone(); move |_| a.set(*a + 1)}>{ ui.texts.retry }</button>
                    </div>
                }
            }
            Some(Ok(list)) => {
                // A preview without upcoming cafés shows an example one, so
                // the admin can still try the form.
                let example;
                let list = if props.config.preview && list.is_empty() {
                    example = vec![CafeListing::example()];
                    &example
                } else {
                    list
                };
                let shown: Vec<&CafeListing> = list
                    .iter()
                    .filter(|c| props.config.cafe.is_none_or(|id| c.cafe.id == id))
                    .collect();
                if shown.is_empty() {
                    html! { <p>{ t.none }</p> }
                } else {
                    html! {
                        <ul class="bg-cafes">
                            { for shown.into_iter().map(|c| {
                                let (view, chosen, came_from) = (view.clone(), c.clone(), came_from.clone());
                                let full = c.counts.places_left == 0;
                                // Full: do the rules still take someone on the
                                // waiting list? If not, no button that leads to
                                // a whole form and then a refusal. (Asked with an
                                // empty form; if the rules fail, the server decides.)
                                let nothing_left = full
                                    && matches!(
                                        vacaturecafe::decide(&props.rules, &Form::new(), &c.cafe, &c.counts, &ui.ctx),
                                        Ok(d) if d.outcome == Outcome::Rejected
                                    );
                                // Full, and the rules engine still on its way:
                                // not a button that may turn out to lead nowhere.
                                let not_yet = full && !props.rules.has_engine();
                                html! {
                                    <li><CafeCard cafe={c.clone()}>
                                        if not_yet {
                                            <Loading />
                                        } else if nothing_left {
                                            <p class="bg-all-full">{ t.all_full }</p>
                                        } else {
                                        // Named with the café ("Sign up Vacaturecafé Zorg"):
                                        // the list has one such button per café.
                                        <button type="button" class="bg-button bg-primary" id={format!("bg-signup-{}", c.cafe.id)}
                                            aria-labelledby={format!("bg-signup-{0} bg-cafe-{0}", c.cafe.id)}
                                            onclick={move |_| { came_from.set(Some(chosen.cafe.id)); view.set(View::Form(chosen.clone())) }}>
                                            { if full { t.join_waitlist } else { t.sign_up } }
                                        </button>
                                        }
                                    </CafeCard></li>
                                }
                            }) }
                        </ul>
                    }
                }
            }
        },
    };
    html! {
        <div class="bg-vacaturecafe">
            <h2 id="bg-vc-title" ref={heading}>{ ui.texts.vacaturecafe }</h2>
            if *view == View::List { <p class="bg-intro">{ t.intro }</p> }
            { body }
        </div>
    }
}
