//! Layering an organisation's script over the default, and what errors say.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test should fail loudly"
)]

mod support;
use support as common;

use plugin_host::contract::netwerkscan::{self, Answers, Person};
use plugin_host::{ErrorKind, Layer, Rules};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn one_work_contact() -> Answers {
    Answers {
        people: vec![Person {
            name: "Old colleague".into(),
            relation: "work".into(),
            close: false,
            knows_looking: true,
            ..Person::default()
        }],
        ..Answers::default()
    }
}

fn linking(rules: &Rules) -> i64 {
    let result = netwerkscan::score(rules, &one_work_contact(), &common::ctx()).expect("scores");
    result
        .dimensions
        .iter()
        .find(|d| d.id == "linking")
        .expect("linking")
        .value
}

#[test]
fn an_org_function_replaces_the_default_of_the_same_name_and_arity() {
    let default = Rules::compile(&[Layer::new("default", common::NETWERKSCAN)]).expect("compiles");
    let demo = common::with_org("demo", common::DEMO_OVERRIDE).expect("compiles");
    assert_eq!(linking(&default), 30);
    assert_eq!(linking(&demo), 50);
}

#[test]
fn a_function_with_another_arity_does_not_replace_the_default() {
    let rules =
        common::with_org("x", "fn weight_changes(extra) { #{ per_link: 99 } }").expect("compiles");
    assert_eq!(linking(&rules), 30);
}

#[test]
fn a_syntax_error_names_the_org_layer_line_and_column() {
    let err = common::with_org(
        "demo",
        "fn weights() {\n    let w = #{ per_link: 50 };\n    let = 3;\n    w\n}\n",
    )
    .expect_err("does not compile");
    assert_eq!(err.kind, ErrorKind::Compile);
    assert_eq!(err.layer.as_deref(), Some("org:demo"));
    assert_eq!(err.line, Some(3));
    assert!(err.column.is_some());
}

#[test]
fn an_error_in_an_org_helper_names_the_org_layer_and_its_line() {
    // The failing property read is in an org helper the org hook calls.
    let rules = common::with_org("x", "fn score(answers, ctx) { score_default(ctx) }\nfn score_default(ctx) { questions(ctx).nope }")
        .expect("compiles");
    let err = netwerkscan::score(&rules, &Answers::default(), &common::ctx()).expect_err("fails");
    assert_eq!(err.layer.as_deref(), Some("org:x"));
    assert!(err.message.contains("nope"), "{err}");
    assert_eq!(err.line, Some(2));
}

#[test]
fn an_error_inside_the_default_script_names_the_default_layer() {
    let rules = common::with_org("x", "fn thresholds() { #{} }").expect("compiles");
    let err = netwerkscan::score(&rules, &one_work_contact(), &common::ctx()).expect_err("fails");
    assert_eq!(err.kind, ErrorKind::Runtime);
    assert_eq!(err.hook.as_deref(), Some("score"));
    assert_eq!(err.layer.as_deref(), Some("default"));
    assert!(
        err.message.contains("awareness"),
        "names the missing property: {err}"
    );
}

#[test]
fn a_missing_hook_is_a_clear_error() {
    let rules =
        Rules::compile(&[Layer::new("org:x", "fn questions(ctx) { #{} }")]).expect("compiles");
    let err =
        netwerkscan::score(&rules, &Answers::default(), &common::ctx()).expect_err("no score hook");
    assert_eq!(err.kind, ErrorKind::MissingHook);
    assert!(err.message.contains("`score` with 2 argument(s)"), "{err}");
}

#[test]
fn print_and_debug_are_captured_with_their_line() {
    let rules = common::with_org(
        "x",
        "fn weight_changes() {\n print(\"hello\");\n debug(\"dbg\");\n #{ per_close: 1 } }",
    )
    .expect("compiles");
    netwerkscan::score(&rules, &Answers::default(), &common::ctx()).expect("scores");
    let log = rules.take_log();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].text, "hello");
    assert_eq!(log[1].line, Some(3));
}

#[test]
fn top_level_statements_are_not_run() {
    let rules = common::with_org("x", "print(\"top\");").expect("compiles");
    netwerkscan::questions(&rules, &common::ctx()).expect("questions");
    assert!(rules.take_log().is_empty());
}

#[test]
fn a_mistake_in_weight_changes_is_named_not_silently_ignored() {
    let cases = [
        (
            "fn weight_changes() { #{ per_lnk: 70 } }",
            "weight_changes() names 'per_lnk', which does not exist. The names are: meetings_bonus, per_bridge, per_close, per_kind, per_link, trust_bonus.",
        ),
        (
            "fn weight_changes() { #{ per_link: \"70\" } }",
            "weight_changes(): 'per_link' must be a whole number such as 50, not string.",
        ),
        (
            "fn threshold_changes() { 70 }",
            "threshold_changes() must give a map such as #{ awareness: 50 }, not i64. The names are: awareness, bonding, bridging, diversity, linking, support.",
        ),
    ];
    for (org, message) in cases {
        let rules = common::with_org("t", org).expect("compiles");
        let e = netwerkscan::score(&rules, &one_work_contact(), &common::ctx())
            .expect_err("a clear error");
        assert_eq!(e.kind, ErrorKind::Runtime);
        assert_eq!(e.hook.as_deref(), Some("score"));
        assert_eq!(e.message, message, "{org}");
    }
}
