//! Vacaturecafé (job-café signup): the hooks' arguments and results, and the
//! checks every signup form gets before a script sees it.
//!
//! Hooks (documented for admins in `scripts/vacaturecafe.rhai`):
//! - `fields(cafe, ctx)` → `[Field]`
//! - `validate(form, cafe, ctx)` → [`FieldErrors`]
//! - `decide(form, cafe, counts, ctx)` → [`Decision`]
//!
//! The browser calls `fields` and `validate` for instant feedback; the server
//! calls all three, and its answer counts.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use wire::{ProblemCode, SignupStatus};

use super::{Choice, Ctx, Lang, shape_error};
use crate::{Rules, ScriptError};

/// A job café as organisations publish it. Scripts and JSON see one flat
/// map: `#{ id, title, date, … }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cafe {
    /// Stable id, assigned by the server.
    pub id: i64,
    /// Everything else, as an admin writes it.
    #[serde(flatten)]
    pub details: CafeDetails,
}

/// A café as an admin creates or edits it: everything but the id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CafeDetails {
    /// What it is called, e.g. "Vacaturecafé Zorg en Welzijn".
    pub title: String,
    /// A few words on what to expect.
    #[serde(default)]
    pub description: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`, local time.
    pub start: String,
    /// `HH:MM`, local time.
    pub end: String,
    /// The place's name, e.g. "Bibliotheek Centrum".
    pub place: String,
    /// Street, number and town.
    pub address: String,
    /// Sectors employers come from.
    #[serde(default)]
    pub sectors: Vec<String>,
    /// Employers who will be there.
    #[serde(default)]
    pub employers: Vec<String>,
    /// Languages spoken at the café (tags such as `nl`, `ar`, `en`).
    #[serde(default)]
    pub languages: Vec<String>,
    /// Confirmed places.
    pub capacity: i64,
    /// Closed by the organisation: no new signups.
    #[serde(default)]
    pub closed: bool,
}

impl Cafe {
    /// A café to try a script on (the admin CLI's `check`, examples).
    pub fn example() -> Self {
        Self {
            id: 1,
            details: CafeDetails {
                title: "Vacaturecafé".into(),
                description: String::new(),
                date: "2026-12-01".into(),
                start: "14:00".into(),
                end: "16:00".into(),
                place: "Bibliotheek".into(),
                address: "Markt 1".into(),
                sectors: vec!["Zorg".into(), "Techniek".into()],
                employers: vec![],
                languages: vec!["nl".into(), "ar".into()],
                capacity: 20,
                closed: false,
            },
        }
    }
}

/// How many people a café has, given to `decide` and shown in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Counts {
    /// Confirmed signups.
    pub confirmed: i64,
    /// People on the waiting list.
    pub waitlist: i64,
    /// `capacity - confirmed`, never below 0.
    pub places_left: i64,
}

/// A café with its current counts, as the public list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CafeListing {
    /// The café.
    #[serde(flatten)]
    pub cafe: Cafe,
    /// Its counts now.
    pub counts: Counts,
}

impl CafeListing {
    /// [`Cafe::example`] with every place free.
    pub fn example() -> Self {
        let cafe = Cafe::example();
        let places_left = cafe.details.capacity;
        Self {
            cafe,
            counts: Counts {
                confirmed: 0,
                waitlist: 0,
                places_left,
            },
        }
    }
}

/// The kinds of field a form can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// An e-mail address; also used to recognise a second signup.
    Email,
    /// A phone number; also used to recognise a second signup.
    Tel,
    /// Several lines of text.
    Textarea,
    /// One of `options`.
    Choice,
    /// Any number of `options`.
    Choices,
    /// A yes/no box, e.g. consent to store the data.
    Check,
}

/// One field of the signup form, in `ctx.lang`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    /// Stable id, the key in [`Form`].
    pub id: String,
    /// The label shown.
    pub label: String,
    /// What kind of input it is.
    pub kind: FieldKind,
    /// Whether it must be filled in (ticked, for `check`).
    #[serde(default)]
    pub required: bool,
    /// A short help text under the field (e.g. the privacy text for consent).
    #[serde(default)]
    pub help: String,
    /// The options of `choice` and `choices`.
    #[serde(default)]
    pub options: Vec<Choice>,
}

/// One answer in a form: text, a list of option ids, or a yes/no.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// `text`, `email`, `tel`, `textarea`, `choice`.
    Text(String),
    /// `choices`.
    List(Vec<String>),
    /// `check`.
    Check(bool),
}

/// Field id → answer. Fields left empty may be missing.
pub type Form = BTreeMap<String, Value>;

/// Field id → what is wrong with it, in `ctx.lang`. Empty: the form is fine.
pub use wire::FieldErrors;

/// What happens to a signup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The person has a place.
    Confirmed,
    /// The person is on the waiting list.
    Waitlist,
    /// The signup is not taken (e.g. the waiting list is full too).
    Rejected,
}

impl Outcome {
    /// The one rule no script can change: never more people confirmed than
    /// the café has places. A `confirmed` without a free place becomes
    /// `waitlist`. Used by the server's signup and the playground's preview.
    pub fn within(self, counts: &Counts) -> Self {
        match self {
            Self::Confirmed if counts.places_left > 0 => Self::Confirmed,
            Self::Confirmed | Self::Waitlist => Self::Waitlist,
            Self::Rejected => Self::Rejected,
        }
    }

    /// The signup status this outcome gives.
    pub const fn status(self) -> SignupStatus {
        match self {
            Self::Confirmed => SignupStatus::Confirmed,
            Self::Waitlist => SignupStatus::Waitlist,
            Self::Rejected => SignupStatus::Rejected,
        }
    }
}

/// The outcome of `decide`, with a message for the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// Confirmed, waiting list or rejected.
    pub outcome: Outcome,
    /// One or two plain sentences in `ctx.lang`.
    pub message: String,
}

/// The server's list of upcoming cafés.
#[derive(Debug, Serialize, Deserialize)]
pub struct CafeList {
    /// Upcoming, open cafés.
    pub cafes: Vec<CafeListing>,
}

/// What the widget sends to sign up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignupRequest {
    /// The answers, by field id.
    pub form: Form,
    /// The language the person uses; messages come back in it.
    #[serde(default)]
    pub lang: Lang,
}

/// The answer to a signup, a status request or a cancellation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupAnswer {
    /// Where the signup stands.
    pub status: SignupStatus,
    /// From the rules, in the person's language (empty for a status request).
    pub message: String,
    /// Place on the waiting list (1 = next), when waiting.
    pub position: Option<i64>,
    /// The token for the cancellation link; only in the answer that created the signup.
    pub cancel_token: Option<String>,
    /// True when the same person had already signed up: this is that signup.
    pub already: bool,
    /// The café, with counts after this signup.
    pub cafe: CafeListing,
}

const FIELDS_SHAPE: &str =
    "an array of #{ id, label, kind, required, help, options: [#{ id, label }] }";
const ERRORS_SHAPE: &str = "a map #{ <field id>: \"what is wrong\" } (empty when all is well)";
const DECISION_SHAPE: &str =
    "a map #{ outcome: \"confirmed\" | \"waitlist\" | \"rejected\", message }";

/// The longest answer a one-line field takes, in characters.
pub const MAX_TEXT: usize = 200;
/// The longest answer a `textarea` takes, in characters.
pub const MAX_TEXTAREA: usize = 2000;
/// The most fields a form may have.
pub const MAX_FIELDS: usize = 40;

/// Calls `fields(cafe, ctx)` and checks the fields make a usable form.
pub fn fields(rules: &Rules, cafe: &Cafe, ctx: &Ctx) -> Result<Vec<Field>, ScriptError> {
    checked_fields(rules.call("fields", &[cafe, ctx], FIELDS_SHAPE)?)
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
    rules: &Rules,
    form: &Form,
    cafe: &Cafe,
    ctx: &Ctx,
) -> Result<FieldErrors, ScriptError> {
    rules.call("validate", &[form, cafe, ctx], ERRORS_SHAPE)
}

/// Calls `decide(form, cafe, counts, ctx)`.
pub fn decide(
    rules: &Rules,
    form: &Form,
    cafe: &Cafe,
    counts: &Counts,
    ctx: &Ctx,
) -> Result<Decision, ScriptError> {
    rules.call("decide", &[form, cafe, counts, ctx], DECISION_SHAPE)
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
        _ => return None,
    })
}

/// Why a form cannot be taken at all, whatever the script says: a field the
/// form does not have, an answer of the wrong type, too long, or with
/// characters that have no place in a name or address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The field, as in [`Form`].
    pub field: String,
    /// What is wrong, as the error body sends it.
    pub code: ProblemCode,
}

impl Problem {
    fn new(field: &str, code: ProblemCode) -> Self {
        Self {
            field: field.to_owned(),
            code,
        }
    }

    /// What is wrong, in plain words in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let (nl, en, ar) = match self.code {
            ProblemCode::TooLong => (
                "Dit is te lang. Maak het korter.",
                "This is too long. Please make it shorter.",
                "هذا طويل جدًا. اجعله أقصر من فضلك.",
            ),
            ProblemCode::Markup => (
                "Gebruik geen < of > tekens.",
                "Please do not use the < or > characters.",
                "من فضلك لا تستخدم الرمزين < أو >.",
            ),
            ProblemCode::ControlCharacters => (
                "Hier staan onzichtbare tekens in. Typ het opnieuw.",
                "This contains invisible characters. Please type it again.",
                "يحتوي هذا على رموز غير مرئية. اكتبه مرة أخرى من فضلك.",
            ),
            ProblemCode::UnknownField | ProblemCode::WrongType | ProblemCode::NotAnOption => (
                "Dit antwoord past niet bij deze vraag.",
                "This answer does not fit this question.",
                "هذه الإجابة لا تناسب هذا السؤال.",
            ),
        };
        match lang {
            Lang::Nl => nl,
            Lang::En => en,
            Lang::Ar => ar,
        }
        .to_owned()
    }
}

/// Checks a form against its fields and returns it cleaned: text trimmed,
/// empty answers dropped. The same check runs in the browser (as you type) and
/// on the server (before the script), so neither accepts what the other refuses.
pub fn clean_form(fields: &[Field], form: &Form) -> Result<Form, Problem> {
    let mut clean = Form::new();
    for (id, value) in form {
        let field = fields
            .iter()
            .find(|f| &f.id == id)
            .ok_or_else(|| Problem::new(id, ProblemCode::UnknownField))?;
        let wrong = || Problem::new(id, ProblemCode::WrongType);
        let value = match (field.kind, value) {
            (FieldKind::Check, Value::Check(b)) => Value::Check(*b),
            (FieldKind::Choices, Value::List(ids)) => {
                if ids.len() > field.options.len() {
                    return Err(Problem::new(id, ProblemCode::TooLong));
                }
                if let Some(_bad) = ids
                    .iter()
                    .find(|v| !field.options.iter().any(|o| &o.id == *v))
                {
                    return Err(Problem::new(id, ProblemCode::NotAnOption));
                }
                Value::List(ids.clone())
            }
            (FieldKind::Choice, Value::Text(v)) => {
                if !v.is_empty() && !field.options.iter().any(|o| &o.id == v) {
                    return Err(Problem::new(id, ProblemCode::NotAnOption));
                }
                Value::Text(v.clone())
            }
            (FieldKind::Text | FieldKind::Email | FieldKind::Tel, Value::Text(v)) => {
                Value::Text(clean_text(id, v, MAX_TEXT, false)?)
            }
            (FieldKind::Textarea, Value::Text(v)) => {
                Value::Text(clean_text(id, v, MAX_TEXTAREA, true)?)
            }
            _ => return Err(wrong()),
        };
        let empty = match &value {
            Value::Text(t) => t.is_empty(),
            Value::List(l) => l.is_empty(),
            Value::Check(_) => false,
        };
        if !empty {
            clean.insert(id.clone(), value);
        }
    }
    Ok(clean)
}

fn clean_text(id: &str, text: &str, max: usize, lines: bool) -> Result<String, Problem> {
    let text = text.trim();
    if text.chars().count() > max {
        return Err(Problem::new(id, ProblemCode::TooLong));
    }
    if text.contains(['<', '>']) {
        return Err(Problem::new(id, ProblemCode::Markup));
    }
    if text.chars().any(|c| is_odd_char(c, lines)) {
        return Err(Problem::new(id, ProblemCode::ControlCharacters));
    }
    Ok(text.to_owned())
}

/// Characters that only hide or disguise text: control characters, bidi
/// overrides and isolates (which can make a name display as something else),
/// the byte-order mark and Unicode noncharacters. Arabic's joiners stay allowed.
fn is_odd_char(c: char, lines: bool) -> bool {
    (c.is_control() && !(lines && c == '\n'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
        || matches!(c as u32, 0xFDD0..=0xFDEF)
        || (c as u32 & 0xFFFE) == 0xFFFE
}

/// Why a form is not taken: one answer that no form may hold, or the rules'
/// messages per field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// From [`clean_form`].
    Problem(Problem),
    /// From the rules' `validate`.
    Errors(FieldErrors),
}

impl Refusal {
    /// Field id → message in `lang`, to show beside the fields.
    pub fn field_errors(&self, lang: Lang) -> FieldErrors {
        match self {
            Self::Problem(p) => [(p.field.clone(), p.message(lang))].into(),
            Self::Errors(errors) => errors.clone(),
        }
    }
}

/// The whole check of a form, as the browser runs it while the person types
/// and the server before it decides: [`clean_form`], then `validate`. The
/// outer error is a failing script; the inner one is the person's to fix.
pub fn check_form(
    rules: &Rules,
    fields: &[Field],
    form: &Form,
    cafe: &Cafe,
    ctx: &Ctx,
) -> Result<Result<Form, Refusal>, ScriptError> {
    let clean = match clean_form(fields, form) {
        Ok(clean) => clean,
        Err(problem) => return Ok(Err(Refusal::Problem(problem))),
    };
    let errors = validate(rules, &clean, cafe, ctx)?;
    Ok(if errors.is_empty() {
        Ok(clean)
    } else {
        Err(Refusal::Errors(errors))
    })
}

/// What the server would answer to this (checked) signup now, without taking
/// it: the admin playground's preview runs the edited script this way, so
/// trying the form creates no signup. No cancellation token, since nothing
/// was stored.
pub fn dry_run(
    rules: &Rules,
    form: &Form,
    listing: &CafeListing,
    ctx: &Ctx,
) -> Result<SignupAnswer, ScriptError> {
    let decision = decide(rules, form, &listing.cafe, &listing.counts, ctx)?;
    let outcome = decision.outcome.within(&listing.counts);
    // `then` not `then_some`: the sum is only made for a waiting-list place,
    // and saturates, since the counts come from the caller.
    let position =
        (outcome == Outcome::Waitlist).then(|| listing.counts.waitlist.saturating_add(1));
    Ok(SignupAnswer {
        status: outcome.status(),
        message: decision.message,
        position,
        cancel_token: None,
        already: false,
        cafe: listing.clone(),
    })
}

/// The form's answer to the first field of `kind`, if any.
pub fn answer_of_kind<'f>(fields: &[Field], form: &'f Form, kind: FieldKind) -> Option<&'f str> {
    fields
        .iter()
        .filter(|f| f.kind == kind)
        .find_map(|f| match form.get(&f.id) {
            Some(Value::Text(t)) if !t.is_empty() => Some(t.as_str()),
            _ => None,
        })
}

/// The key two signups of one person share: the e-mail address in lower case.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// The key two signups of one person share: the phone number's digits, with
/// a leading `+` kept (so `06-1234 5678` and `0612345678` are the same).
pub fn phone_key(phone: &str) -> String {
    let phone = phone.trim();
    let plus = if phone.starts_with('+') { "+" } else { "" };
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    format!("{plus}{digits}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(id: &str, kind: FieldKind) -> Field {
        Field {
            id: id.into(),
            label: id.into(),
            kind,
            required: false,
            help: String::new(),
            options: vec![Choice {
                id: "a".into(),
                label: "A".into(),
            }],
        }
    }

    fn form(pairs: &[(&str, Value)]) -> Form {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect()
    }

    fn text(t: &str) -> Value {
        Value::Text(t.into())
    }

    #[test]
    fn clean_form_trims_and_drops_empty_answers() {
        let fields = [
            field("name", FieldKind::Text),
            field("note", FieldKind::Textarea),
        ];
        let clean = clean_form(
            &fields,
            &form(&[("name", text("  Amal  ")), ("note", text(" "))]),
        );
        assert_eq!(clean, Ok(form(&[("name", text("Amal"))])));
    }

    #[test]
    fn clean_form_refuses_what_no_form_should_hold() {
        let fields = [
            field("name", FieldKind::Text),
            field("sectors", FieldKind::Choices),
            field("lang", FieldKind::Choice),
            field("ok", FieldKind::Check),
        ];
        let cases = [
            (form(&[("other", text("x"))]), ProblemCode::UnknownField),
            (
                form(&[("name", Value::Check(true))]),
                ProblemCode::WrongType,
            ),
            (
                form(&[("name", text(&"x".repeat(201)))]),
                ProblemCode::TooLong,
            ),
            (
                form(&[("name", text("<script>alert(1)</script>"))]),
                ProblemCode::Markup,
            ),
            (
                form(&[("name", text("Amal\u{202E}evil"))]),
                ProblemCode::ControlCharacters,
            ),
            (
                form(&[("name", text("a\u{0}b"))]),
                ProblemCode::ControlCharacters,
            ),
            (
                form(&[("name", text("a\nb"))]),
                ProblemCode::ControlCharacters,
            ),
            (
                form(&[("sectors", Value::List(vec!["zz".into()]))]),
                ProblemCode::NotAnOption,
            ),
            (form(&[("lang", text("zz"))]), ProblemCode::NotAnOption),
            (form(&[("ok", text("yes"))]), ProblemCode::WrongType),
        ];
        for (f, code) in cases {
            assert_eq!(
                clean_form(&fields, &f).map_err(|p| p.code),
                Err(code),
                "{f:?}"
            );
        }
    }

    #[test]
    fn arabic_names_and_joiners_are_fine() {
        let fields = [field("name", FieldKind::Text)];
        let name = "أمل\u{200C}الحسن";
        assert_eq!(
            clean_form(&fields, &form(&[("name", text(name))])),
            Ok(form(&[("name", text(name))]))
        );
    }

    #[test]
    fn one_person_is_recognised_across_spellings() {
        assert_eq!(email_key(" Amal@Example.NL "), "amal@example.nl");
        assert_eq!(phone_key("06-1234 5678"), phone_key("0612345678"));
        assert_eq!(phone_key("+31 6 12345678"), "+31612345678");
    }

    #[test]
    fn no_script_confirms_beyond_the_places() {
        let full = Counts {
            confirmed: 5,
            waitlist: 2,
            places_left: 0,
        };
        let free = Counts {
            places_left: 1,
            ..full
        };
        assert_eq!(Outcome::Confirmed.within(&full), Outcome::Waitlist);
        assert_eq!(Outcome::Confirmed.within(&free), Outcome::Confirmed);
        assert_eq!(Outcome::Waitlist.within(&free), Outcome::Waitlist);
        assert_eq!(Outcome::Rejected.within(&free), Outcome::Rejected);
    }

    fn dutch_ctx() -> Ctx {
        Ctx {
            lang: crate::contract::Lang::Nl,
            org: "t".into(),
            today: "2026-11-22".into(),
        }
    }

    #[test]
    fn a_dry_run_answers_as_the_server_would_without_a_token() {
        let always = "fn decide(form, cafe, counts, ctx) { #{ outcome: \"confirmed\", message: \"Welkom\" } }";
        let Ok(rules) = Rules::compile(&[crate::Layer::new("org:t", always)]) else {
            panic!("compiles");
        };
        let ctx = dutch_ctx();
        let mut listing = CafeListing {
            cafe: Cafe::example(),
            counts: Counts {
                confirmed: 0,
                waitlist: 0,
                places_left: 3,
            },
        };
        let answer = dry_run(&rules, &Form::new(), &listing, &ctx);
        assert_eq!(
            answer.as_ref().map(|a| a.status),
            Ok(SignupStatus::Confirmed)
        );
        assert_eq!(answer.as_ref().map(|a| a.cancel_token.clone()), Ok(None));

        listing.counts = Counts {
            confirmed: 20,
            waitlist: 4,
            places_left: 0,
        };
        let answer = dry_run(&rules, &Form::new(), &listing, &ctx);
        assert_eq!(
            answer.map(|a| (a.status, a.position, a.message)),
            Ok((SignupStatus::Waitlist, Some(5), "Welkom".to_owned()))
        );
    }

    #[test]
    fn a_dry_run_with_the_largest_counts_answers_without_overflowing() {
        let always =
            "fn decide(form, cafe, counts, ctx) { #{ outcome: \"confirmed\", message: \"\" } }";
        let Ok(rules) = Rules::compile(&[crate::Layer::new("org:t", always)]) else {
            panic!("compiles");
        };
        let ctx = dutch_ctx();
        for waitlist in [i64::MAX, i64::MIN, 0] {
            let listing = CafeListing {
                cafe: Cafe::example(),
                counts: Counts {
                    confirmed: i64::MAX,
                    waitlist,
                    places_left: 0,
                },
            };
            let answer = dry_run(&rules, &Form::new(), &listing, &ctx);
            assert_eq!(
                answer.map(|a| a.position),
                Ok(Some(waitlist.saturating_add(1)))
            );
        }
    }
}
