//! The form check, the capacity rule and the preview.
#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

use super::*;
use crate::contract::Choice;

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
fn invisible_characters_that_hide_or_disguise_text_are_refused() {
    let fields = [field("name", FieldKind::Text)];
    // Zero-width space, LRM, RLM, Arabic letter mark, word joiner, an
    // invisible operator, the RLO override and the byte-order mark.
    for odd in [
        '\u{200B}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{2060}', '\u{2062}', '\u{202E}',
        '\u{FEFF}',
    ] {
        let name = format!("Amal{odd}Hassan");
        assert_eq!(
            clean_form(&fields, &form(&[("name", text(&name))])).map_err(|p| p.code),
            Err(ProblemCode::ControlCharacters),
            "U+{:04X}",
            odd as u32
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
    let always =
        "fn decide(form, cafe, counts, ctx) { #{ outcome: \"confirmed\", message: \"Welkom\" } }";
    let Ok(rules) = crate::Rules::compile(&[crate::Layer::new("org:t", always)]) else {
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
    let Ok(rules) = crate::Rules::compile(&[crate::Layer::new("org:t", always)]) else {
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
