//! How one person is recognised across signups: the first e-mail and phone
//! answers, in one normal form each.

use super::{Field, FieldKind, Form, Value};

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
