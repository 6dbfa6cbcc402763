//! The check every signup form gets before a script sees it, the same in the
//! browser (as the person types) and on the server: the structural
//! [`clean_form`], then the rules' `validate` ([`check_form`]).

use serde::{Deserialize, Serialize};
use wire::ProblemCode;

use super::{Cafe, Field, FieldErrors, FieldKind, Form, MAX_TEXT, MAX_TEXTAREA, Value, validate};
use crate::ScriptError;
use crate::contract::Ctx;
use crate::contract::hooks::Hooks;

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
    clean(text, max, lines).map_err(|code| Problem::new(id, code))
}

/// One text as people type it (a name, an address, a café's title):
/// trimmed; at most `max` characters; no `<` `>`; no control characters
/// (line breaks only where `lines`), and nothing that hides or disguises
/// text. The one cleaner for every text a person or an admin gives: signup
/// forms here, cafés on the server.
pub fn clean(text: &str, max: usize, lines: bool) -> Result<String, ProblemCode> {
    let text = text.trim();
    if text.chars().count() > max {
        return Err(ProblemCode::TooLong);
    }
    if text.contains(['<', '>']) {
        return Err(ProblemCode::Markup);
    }
    if text.chars().any(|c| is_odd_char(c, lines)) {
        return Err(ProblemCode::ControlCharacters);
    }
    Ok(text.to_owned())
}

/// Characters that only hide or disguise text: control characters, bidi
/// overrides and isolates (which can make a name display as something else),
/// the byte-order mark and Unicode noncharacters. Arabic's joiners stay allowed.
fn is_odd_char(c: char, lines: bool) -> bool {
    (c.is_control() && !(lines && c == '\n'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
        // Invisible: zero-width space, left-to-right, right-to-left and Arabic
        // letter marks, word joiner and invisible operators. The zero-width
        // (non-)joiners U+200C and U+200D stay: Arabic and Persian need them.
        || matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2060}'..='\u{2064}')
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
    /// Field id → message, to show beside the fields; `say` puts a
    /// [`Problem`] in words (their home is `ui-texts`).
    pub fn field_errors(&self, say: impl Fn(ProblemCode) -> &'static str) -> FieldErrors {
        match self {
            Self::Problem(p) => [(p.field.clone(), say(p.code).to_owned())].into(),
            Self::Errors(errors) => errors.clone(),
        }
    }
}

/// The whole check of a form, as the browser runs it while the person types
/// and the server before it decides: [`clean_form`], then `validate`. The
/// outer error is a failing script; the inner one is the person's to fix.
pub fn check_form(
    rules: &dyn Hooks,
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
