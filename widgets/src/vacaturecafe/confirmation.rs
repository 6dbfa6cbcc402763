//! After signing up: the decision in plain words, the café, a calendar
//! file and the link to cancel.

use plugin_host::contract::vacaturecafe::SignupAnswer;
use wire::SignupStatus;
use yew::prelude::*;

use super::cafe_card::CafeCard;
use super::door_code::DoorCodeView;
use super::texts::texts;
use crate::i18n::fill;
use crate::ui::use_ui;

/// Props of [`Confirmation`].
#[derive(Properties, PartialEq)]
pub struct ConfirmationProps {
    /// The server's answer.
    pub answer: SignupAnswer,
    /// The calendar file's address.
    pub calendar: String,
    /// Back to the list.
    pub onback: Callback<()>,
    /// In the admin playground: nothing was sent.
    #[prop_or_default]
    pub preview: bool,
}

/// This page's address without its `#…`: where links back to the widget go.
pub fn this_page() -> String {
    let page = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    page.split('#').next().unwrap_or_default().to_owned()
}

/// The link that brings the person back here to cancel: this page, with the
/// token in the fragment (never sent to the page's server).
pub fn cancel_link(token: &str) -> String {
    format!("{}#bg-cancel={token}", this_page())
}

/// The confirmation screen.
#[component]
pub fn Confirmation(props: &ConfirmationProps) -> Html {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |()| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let ui = use_ui();
    let t = texts(ui.lang);
    let a = &props.answer;
    let title = match a.status {
        SignupStatus::Confirmed => t.confirmed,
        SignupStatus::Waitlist => t.waitlisted,
        SignupStatus::Rejected | SignupStatus::Cancelled => t.rejected,
    };
    let taken = matches!(a.status, SignupStatus::Confirmed | SignupStatus::Waitlist);
    html! {
        <section class="bg-done" data-status={a.status.as_str()}>
            <h3 ref={heading} tabindex="-1">{ title }</h3>
            if props.preview { <p class="bg-preview-note">{ t.preview_note }</p> }
            if a.already { <p>{ t.already }</p> }
            if a.mail { <p class="bg-mail-note">{ t.mail_on_its_way }</p> }
            if !a.message.is_empty() { <p class="bg-decision">{ &a.message }</p> }
            if let Some(n) = a.position {
                <p class="bg-position">{ fill(t.position, &[("n", &n.to_string())]) }</p>
            }
            // The calendar file only with a place: someone waiting who put
            // the café in their calendar might come without one.
            if a.status == SignupStatus::Confirmed {
                <CafeCard cafe={a.cafe.clone()} heading="h4">
                    <p><a class="bg-button" href={props.calendar.clone()} download="vacaturecafe.ics">{ t.add_calendar }</a></p>
                </CafeCard>
            } else if taken {
                <CafeCard cafe={a.cafe.clone()} heading="h4" />
            }
            if let (true, Some(code)) = (taken, &a.door) {
                <DoorCodeView code={code.clone()} />
            }
            if let Some(token) = &a.cancel_token {
                <div class="bg-cancel-link">
                    <h4>{ t.cancel_link }</h4>
                    <p>{ t.cancel_link_help }</p>
                    // Words, not the address with its token (a screen reader would spell it out).
                    <p><a href={cancel_link(token)}>{ t.cancel_link_text }</a></p>
                </div>
            }
            <button type="button" class="bg-button" onclick={let c = props.onback.clone(); move |_| c.emit(())}>{ t.back }</button>
        </section>
    }
}
