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

/// The hostile case called `name`.
fn case(name: &str) -> hostile_cases::Case {
    hostile_cases::cases()
        .into_iter()
        .find(|c| c.name == name)
        .expect("case exists")
}

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

/// Runs `f` as the server runs a hook: on a thread with a 2 MiB stack (the
/// browser's wasm build runs these tests on its own stack).
fn on_a_server_thread<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::thread::scope(|scope| {
            std::thread::Builder::new()
                .stack_size(2 * 1024 * 1024)
                .spawn_scoped(scope, f)
                .expect("a thread")
                .join()
                .expect("no panic, no stack overflow")
        })
    }
    #[cfg(target_arch = "wasm32")]
    f()
}

#[test]
fn every_hostile_script_ends_in_the_expected_clear_error() {
    for case in hostile_cases::cases() {
        let err = on_a_server_thread(|| outcome(&case));
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

/// Found by fuzzing: Rhai reports a back-quoted string left open after a
/// `${…}` without a position; the error points at the end of the script.
#[test]
fn a_string_left_open_points_at_the_end_of_the_script() {
    let err = common::with_org("hostile", "fn score(answers, ctx) {\n    let s = `${1}")
        .expect_err("does not compile");
    assert_eq!(err.kind, ErrorKind::Compile);
    assert!(err.message.contains("not terminated"), "{err}");
    assert_eq!((err.line, err.column), (Some(2), Some(18)), "{err}");
}

/// Found by fuzzing: Rhai runs a bare `let` as a switch arm wrongly (later
/// variables read the wrong value, or the engine panics), so it is refused
/// where it is written; the same arm in braces runs right.
#[test]
fn a_let_as_a_switch_arm_is_refused_at_its_place_and_braces_work() {
    let err = outcome(&case("let as a switch arm"));
    assert_eq!(err.kind, ErrorKind::Compile, "{err}");
    assert!(err.message.contains("put it in braces"), "{err}");
    assert_eq!((err.line, err.column), (Some(2), Some(47)), "{err}");

    let also_const = common::with_org(
        "hostile",
        "fn score(answers, ctx) { switch 1 { 1 => 2, _ => const x = 2 }; ctx }",
    )
    .expect_err("does not compile");
    assert!(
        also_const.message.contains("put it in braces"),
        "{also_const}"
    );

    // Braced, the variable ends with the arm and `ctx` is still `ctx`.
    let rules = common::with_org(
        "hostile",
        "fn tag(ctx) { let t = switch 1 { _ => { let x = 2; x } }; `${ctx.lang}-${t}` }",
    )
    .expect("a braced arm compiles");
    let tag = rules
        .call_json("tag", &[serde_json::json!({ "lang": "uk" })])
        .expect("runs");
    assert_eq!(tag, serde_json::json!("uk-2"));
}

#[test]
fn eval_and_import_are_named_in_the_error() {
    let eval = outcome(&case("eval"));
    assert!(eval.message.contains("`eval` is not allowed"), "{eval}");
    let import = outcome(&case("import"));
    assert!(import.message.contains("`import`"), "{import}");
    assert_eq!((import.line, import.column), (Some(1), Some(1)));
}

#[test]
fn an_unknown_function_is_named_with_its_line_and_column() {
    let err = outcome(&case("unknown function"));
    assert!(err.message.contains("steal_cookies"), "{err}");
    assert_eq!((err.line, err.column), (Some(2), Some(5)));
}

#[test]
fn a_wrong_return_shape_names_the_hook_and_what_was_expected() {
    let err = outcome(&case("wrong return type"));
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
    let rules = common::with_org("hostile", &case("print flood").source).expect("compiles");
    let _ = netwerkscan::score(&rules, &Answers::default(), &common::ctx());
    let log = rules.take_log();
    assert_eq!(log.len(), LIMITS.log_lines);
    assert_eq!(log[0].text, "spam");
    assert!(rules.take_log().is_empty(), "take_log empties the log");
}

#[test]
fn a_long_printed_line_is_cut_to_a_readable_length() {
    // 16,384 characters: within a string's limit, far over a line's.
    let source = "fn score(answers, ctx) {\n    let s = \"é\"; for i in 0..14 { s += s; } print(s); s.len()\n}\n";
    let rules = common::with_org("hostile", source).expect("compiles");
    let _ = netwerkscan::score(&rules, &Answers::default(), &common::ctx());
    let log = rules.take_log();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].text.chars().count(), LIMITS.log_line_chars + 1);
    assert!(log[0].text.ends_with("é…"), "cut at a character, and said");
}

/// Not minutes, not a frozen tab: every hostile script is stopped within
/// the time budget (plus compiling, and slack for a busy test machine).
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn every_hostile_script_is_stopped_within_the_time_budget() {
    for case in hostile_cases::cases() {
        let started = std::time::Instant::now();
        let _ = on_a_server_thread(|| outcome(&case));
        let took = started.elapsed();
        assert!(
            took < LIMITS.hook_time * 10,
            "{} ran {took:?}, budget {:?}",
            case.name,
            LIMITS.hook_time
        );
    }
}

#[test]
fn sleep_and_exit_do_not_exist_for_scripts() {
    for name in ["sleep", "exit"] {
        let err = outcome(&case(name));
        assert!(
            err.message.contains(&format!("unknown function `{name}")),
            "{err}"
        );
    }
}

#[test]
fn deep_data_is_refused_with_the_depth_limit_named() {
    for name in [
        "deep data printed",
        "deep data compared",
        "deep data searched",
        "deep data returned",
        "deep data thrown",
        "copying nested data for ever",
        "building nested data for ever",
    ] {
        let err = outcome(&case(name));
        assert!(
            err.message.contains(&format!(
                "`v` holds lists and maps nested too deeply (more than {} levels)",
                LIMITS.data_depth
            )),
            "{name}: {err}"
        );
        assert_eq!(err.line, Some(2), "{name}: the line that reads `v`: {err}");
    }
}

#[test]
fn a_loop_over_a_long_list_is_stopped_by_the_clock_not_the_operation_count() {
    let err = outcome(&case("copying a long list for ever"));
    assert!(
        err.message
            .contains(&format!("more than {} ms", LIMITS.hook_time.as_millis())),
        "{err}"
    );
}

#[test]
fn curry_is_refused_when_the_script_is_compiled() {
    let err = outcome(&case("curried function pointers"));
    assert!(err.message.contains("`curry` is not allowed"), "{err}");
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
