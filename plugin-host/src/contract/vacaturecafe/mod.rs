//! Vacaturecafé (job-café signup): the hook calls (here), their data
//! ([`types`]), the check every form gets before a script sees it ([`form`]),
//! the contact keys that mark possible duplicates and find a person's
//! signups to delete ([`keys`]) and the playground's preview
//! ([`preview`]). Everything is re-exported here, so callers name
//! `contract::vacaturecafe::X` whatever file it lives in.
//!
//! Hooks (documented for admins in `scripts/vacaturecafe.rhai`):
//! - `fields(cafe, ctx)` → `[Field]`
//! - `validate(form, cafe, ctx)` → [`FieldErrors`]
//! - `decide(form, cafe, counts, ctx)` → [`Decision`]
//! - `keep_days(cafe)` → how many days after the café its signups keep their
//!   personal details (0 to [`MAX_KEEP_DAYS`])
//! - `message(kind, signup, cafe, ctx)` → [`Mail`]: the e-mail a person gets
//!   (see [`MessageKind`])
//!
//! The browser calls `fields` and `validate` for instant feedback; the server
//! calls the rest, and its answer counts.

mod form;
mod keys;
mod preview;
mod types;

pub use form::{Problem, Refusal, check_form, clean, clean_form};
pub use keys::{answer_of_kind, email_key, phone_key};
pub use preview::dry_run;
pub use types::*;
/// Field id → what is wrong with it, in `ctx.lang`. Empty: the form is fine.
pub use wire::FieldErrors;
pub use wire::cafe::{
    Cafe, CafeDetails, CafeList, CafeListing, CafeText, CafeTexts, Counts, DoorCode, Form,
    SignupAnswer, SignupRequest, Value,
};
pub use wire::{ProblemCode, SignupStatus};

use super::{Ctx, shape_error};
use crate::ScriptError;
use crate::contract::hooks::{self, Hooks};

const FIELDS_SHAPE: &str =
    "an array of #{ id, label, kind, required, help, options: [#{ id, label }] }";
const ERRORS_SHAPE: &str = "a map #{ <field id>: \"what is wrong\" } (empty when all is well)";
const DECISION_SHAPE: &str =
    "a map #{ outcome: \"confirmed\" | \"waitlist\" | \"rejected\", message }";
const KEEP_DAYS_SHAPE: &str = "a whole number of days from 0 to 30";
const MAIL_SHAPE: &str = "a map #{ subject: \"one line\", text: \"the message\" }";

/// The longest subject, in characters.
pub const MAX_SUBJECT: usize = 200;
/// The longest message, in characters.
pub const MAX_MAIL_TEXT: usize = 10_000;

/// The most days after a café that its signups keep their personal details:
/// what the default consent text promises ("at the latest 30 days after the
/// café"). An
/// organisation's script may keep them shorter, never longer.
pub const MAX_KEEP_DAYS: u32 = 30;

/// The longest answer a one-line field takes, in characters.
pub const MAX_TEXT: usize = 200;
/// The longest answer a `textarea` takes, in characters.
pub const MAX_TEXTAREA: usize = 2000;
/// The most fields a form may have.
pub const MAX_FIELDS: usize = 40;

/// Calls `fields(cafe, ctx)` and checks the fields make a usable form.
pub fn fields(rules: &dyn Hooks, cafe: &Cafe, ctx: &Ctx) -> Result<Vec<Field>, ScriptError> {
    checked_fields(hooks::call(rules, "fields", &[cafe, ctx], FIELDS_SHAPE)?)
}

fn checked_fields(fields: Vec<Field>) -> Result<Vec<Field>, ScriptError> {
    if fields.is_empty() || fields.len() > MAX_FIELDS {
        return Err(shape_error(
            "fields",
            format!(
                "the form has {} fields; it needs 1 to {MAX_FIELDS}",
                fields.len()
            ),
        ));
    }
    let mut seen = std::collections::BTreeSet::new();
    for f in &fields {
        if !is_field_id(&f.id) {
            return Err(shape_error(
                "fields",
                format!(
                    "the field id `{}` should be lower-case letters, digits and _ (at most 32)",
                    f.id
                ),
            ));
        }
        if !seen.insert(f.id.as_str()) {
            return Err(shape_error(
                "fields",
                format!("two fields have the id `{}`", f.id),
            ));
        }
        if matches!(f.kind, FieldKind::Choice | FieldKind::Choices) && f.options.is_empty() {
            return Err(shape_error(
                "fields",
                format!("the field `{}` is a choice without options", f.id),
            ));
        }
    }
    Ok(fields)
}

fn is_field_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 32
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Calls `validate(form, cafe, ctx)`. Only fields of the form can have errors.
pub fn validate(
    rules: &dyn Hooks,
    form: &Form,
    cafe: &Cafe,
    ctx: &Ctx,
) -> Result<FieldErrors, ScriptError> {
    hooks::call(rules, "validate", &[form, cafe, ctx], ERRORS_SHAPE)
}

/// Calls `decide(form, cafe, counts, ctx)`.
pub fn decide(
    rules: &dyn Hooks,
    form: &Form,
    cafe: &Cafe,
    counts: &Counts,
    ctx: &Ctx,
) -> Result<Decision, ScriptError> {
    hooks::call(rules, "decide", &[form, cafe, counts, ctx], DECISION_SHAPE)
}

/// Calls `keep_days(cafe)`: days after the café that its signups keep their
/// personal details, from 0 to [`MAX_KEEP_DAYS`].
pub fn keep_days(rules: &dyn Hooks, cafe: &Cafe) -> Result<u32, ScriptError> {
    let days: i64 = hooks::call(rules, "keep_days", &[cafe], KEEP_DAYS_SHAPE)?;
    checked_keep_days(days)
}

fn checked_keep_days(days: i64) -> Result<u32, ScriptError> {
    u32::try_from(days)
        .ok()
        .filter(|d| *d <= MAX_KEEP_DAYS)
        .ok_or_else(|| {
            shape_error(
                "keep_days",
                format!("returned {days}, but it must be {KEEP_DAYS_SHAPE}"),
            )
        })
}

/// Calls `message(kind, signup, cafe, ctx)`: the e-mail the person gets.
/// The subject is one line of at most [`MAX_SUBJECT`] characters, the text
/// at most [`MAX_MAIL_TEXT`]; neither is empty.
pub fn message(
    rules: &dyn Hooks,
    kind: MessageKind,
    signup: &MessageSignup,
    cafe: &Cafe,
    ctx: &Ctx,
) -> Result<Mail, ScriptError> {
    let mail: Mail = hooks::call(
        rules,
        "message",
        &[&kind.as_str(), signup, cafe, ctx],
        MAIL_SHAPE,
    )?;
    checked_mail(mail)
}

fn checked_mail(mail: Mail) -> Result<Mail, ScriptError> {
    let fail = |why: &str| Err(shape_error("message", format!("{why}: {MAIL_SHAPE}")));
    if mail.subject.trim().is_empty() || mail.text.trim().is_empty() {
        return fail("the subject and the text may not be empty");
    }
    if mail.subject.chars().any(char::is_control) {
        return fail("the subject is one line, without control characters");
    }
    if mail.subject.chars().count() > MAX_SUBJECT || mail.text.chars().count() > MAX_MAIL_TEXT {
        return fail("the subject or the text is too long");
    }
    Ok(mail)
}

/// An example signup for `kind`, to try the `message` hook with.
pub fn example_signup(kind: MessageKind) -> MessageSignup {
    MessageSignup {
        name: "Amina".into(),
        position: (kind == MessageKind::Waitlist).then_some(1),
        cancel_link: if kind == MessageKind::Cancelled {
            String::new()
        } else {
            "https://www.example.nl/vacaturecafe#bg-cancel=0123456789abcdef0123456789abcdef".into()
        },
    }
}

/// A result a script test got as JSON, checked as the widget's typed call
/// checks it: `None` for a name that is not one of this widget's hooks.
pub(crate) fn check_json(hook: &str, value: &serde_json::Value) -> Option<Result<(), ScriptError>> {
    Some(match hook {
        "fields" => super::typed(hook, value, FIELDS_SHAPE)
            .and_then(checked_fields)
            .map(drop),
        "validate" => super::typed::<FieldErrors>(hook, value, ERRORS_SHAPE).map(drop),
        "decide" => super::typed::<Decision>(hook, value, DECISION_SHAPE).map(drop),
        "message" => super::typed::<Mail>(hook, value, MAIL_SHAPE)
            .and_then(checked_mail)
            .map(drop),
        "keep_days" => super::typed::<i64>(hook, value, KEEP_DAYS_SHAPE)
            .and_then(checked_keep_days)
            .map(drop),
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
