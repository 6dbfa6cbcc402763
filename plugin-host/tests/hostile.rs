//! Hostile organisation scripts end in a clear error naming the hook and the
//! place, never a panic or a hang — natively and in wasm32.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test should fail loudly"
)]

mod support;

use support as common;
use support::hostile_cases;

use plugin_host::contract::netwerkscan::{self, Answers};
use plugin_host::{ErrorKind, LIMITS};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn outcome(case: &hostile_cases::Case) -> plugin_host::ScriptError {
    let rules = match common::with_org("hostile", &case.source) {
        Ok(rules) => rules,
        Err(e) => return e,
    };
    match netwerkscan::score(&rules, &Answers::default(), &common::ctx()) {
        Ok(r) => panic!("{}: expected an error, got {r:?}", case.name),
        Err(e) => e,
    }
}

#[test]
fn every_hostile_script_ends_in_the_expected_clear_error() {
    for case in hostile_cases::cases() {
        let err = outcome(&case);
        assert_eq!(err.kind, case.kind, "{}: {err}", case.name);
        assert!(!err.message.is_empty(), "{}", case.name);
        if case.kind != ErrorKind::Compile {
            assert_eq!(err.hook.as_deref(), Some("score"), "{}: {err}", case.name);
        }
        if matches!(
            case.kind,
            ErrorKind::Compile | ErrorKind::Runtime | ErrorKind::Limit
        ) {
            assert_eq!(
                err.layer.as_deref(),
                Some("org:hostile"),
                "{}: {err}",
                case.name
            );
            assert!(
                err.line.is_some() && err.column.is_some(),
                "{}: no position in {err}",
                case.name
            );
        }
    }
}

#[test]
fn an_endless_loop_is_reported_as_running_too_long() {
    let err = outcome(&hostile_cases::cases().remove(0));
    // Rhai gives no position for this limit, so the error points at the hook.
    assert_eq!((err.line, err.column), (Some(1), Some(1)));
    assert!(err.message.contains("ran too long"), "{err}");
    assert!(
        err.to_string()
            .starts_with("hook `score` (org:hostile script, line 1, column 1)"),
        "{err}"
    );
}

#[test]
fn eval_and_import_are_named_in_the_error() {
    let cases = hostile_cases::cases();
    let eval = outcome(
        cases
            .iter()
            .find(|c| c.name == "eval")
            .expect("case exists"),
    );
    assert!(eval.message.contains("`eval` is not allowed"), "{eval}");
    let import = outcome(
        cases
            .iter()
            .find(|c| c.name == "import")
            .expect("case exists"),
    );
    assert!(import.message.contains("`import`"), "{import}");
    assert_eq!((import.line, import.column), (Some(1), Some(1)));
}

#[test]
fn an_unknown_function_is_named_with_its_line_and_column() {
    let cases = hostile_cases::cases();
    let err = outcome(
        cases
            .iter()
            .find(|c| c.name == "unknown function")
            .expect("case exists"),
    );
    assert!(err.message.contains("steal_cookies"), "{err}");
    assert_eq!((err.line, err.column), (Some(2), Some(5)));
}

#[test]
fn a_wrong_return_shape_names_the_hook_and_what_was_expected() {
    let cases = hostile_cases::cases();
    let err = outcome(
        cases
            .iter()
            .find(|c| c.name == "wrong return type")
            .expect("case exists"),
    );
    assert!(
        err.message.contains("returned a value of type i64"),
        "{err}"
    );
    assert!(
        err.message.contains("dimensions"),
        "expected shape is described: {err}"
    );
}

#[test]
fn a_printing_loop_keeps_only_a_bounded_log() {
    let cases = hostile_cases::cases();
    let case = cases
        .iter()
        .find(|c| c.name == "print flood")
        .expect("case exists");
    let rules = common::with_org("hostile", &case.source).expect("compiles");
    let _ = netwerkscan::score(&rules, &Answers::default(), &common::ctx());
    let log = rules.take_log();
    assert_eq!(log.len(), LIMITS.log_lines);
    assert_eq!(log[0].text, "spam");
    assert!(rules.take_log().is_empty(), "take_log empties the log");
}

#[test]
fn rules_stay_usable_after_a_hostile_call() {
    let rules =
        common::with_org("hostile", "fn score(answers, ctx) { loop {} }").expect("compiles");
    assert!(netwerkscan::score(&rules, &Answers::default(), &common::ctx()).is_err());
    // The default `questions` hook still works on the same compiled rules.
    let q = netwerkscan::questions(&rules, &common::ctx()).expect("questions still work");
    assert_eq!(q.questions.len(), 5);
}
