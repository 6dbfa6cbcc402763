//! In the admin playground's preview: the e-mail the person would get for
//! this signup, written by the edited script's `message` hook (the server
//! sends it when it has a mail server).

use plugin_host::contract::vacaturecafe::{self, MessageKind, MessageSignup, SignupAnswer};
use wire::SignupStatus;
use yew::prelude::*;

use super::texts::texts;
use crate::rule_call::use_rule_call;
use crate::rules::SharedRules;
use crate::ui::use_ui;

/// Props of [`MailPreview`].
#[derive(Properties, PartialEq)]
pub struct MailPreviewProps {
    /// The edited rules.
    pub rules: SharedRules,
    /// The preview's decision.
    pub answer: SignupAnswer,
}

/// The message as subject and text; nothing for a refused signup.
#[component]
pub fn MailPreview(props: &MailPreviewProps) -> Html {
    let t = texts(use_ui().lang);
    let kind = match props.answer.status {
        SignupStatus::Confirmed => Some(MessageKind::Confirmed),
        SignupStatus::Waitlist => Some(MessageKind::Waitlist),
        SignupStatus::Rejected | SignupStatus::Cancelled => None,
    };
    let mail = use_rule_call(
        &props.rules,
        (kind, props.answer.clone()),
        |rules, (kind, answer), ctx| {
            let Some(kind) = *kind else { return Ok(None) };
            let signup = MessageSignup {
                position: answer.position,
                ..vacaturecafe::example_signup(kind)
            };
            vacaturecafe::message(rules, kind, &signup, &answer.cafe.cafe, ctx).map(Some)
        },
    );
    let mail = match mail.or_notice() {
        Ok(Some(mail)) => mail.clone(),
        Ok(None) => return html! {},
        Err(notice) => return notice,
    };
    html! {
        <details class="bg-mail-preview" open=true>
            <summary>{ t.mail_preview }</summary>
            <p class="bg-mail-subject"><strong>{ mail.subject }</strong></p>
            <pre class="bg-mail-text">{ mail.text }</pre>
        </details>
    }
}
