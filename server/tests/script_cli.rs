//! `bondgenoot script check|test|run`, run as the real binary on real files.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test should fail loudly"
)]

use std::path::Path;
use std::process::{Command, Output};

const SCRIPTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts");

fn bondgenoot(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bondgenoot"))
        .args(args)
        .args(["--scripts-dir", SCRIPTS])
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path.display().to_string()
}

#[test]
fn check_accepts_the_example_scripts_in_every_language() {
    for file in [
        "examples/demo/netwerkscan.rhai",
        "examples/volunteers/netwerkscan.rhai",
        "examples/taalschool/alliantiescan.rhai",
        "netwerkscan.rhai",
    ] {
        let o = bondgenoot(&["script", "check", &format!("{SCRIPTS}/{file}")]);
        assert!(o.status.success(), "{file}: {}", stdout(&o));
        assert!(stdout(&o).contains("hooks run in ar"), "{file}");
    }
}

#[test]
fn check_names_the_file_line_and_column_of_a_syntax_error_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "netwerkscan.rhai",
        "fn weight_changes() {\n    #{ per_link: 50 }\n    let = 1;\n}\n",
    );
    let o = bondgenoot(&["script", "check", &file]);
    assert!(!o.status.success());
    assert!(
        stdout(&o).contains(&format!("({file} script, line 3, column")),
        "{}",
        stdout(&o)
    );
}

#[test]
fn check_runs_the_hooks_so_a_runtime_mistake_shows_before_publishing() {
    let dir = tempfile::tempdir().unwrap();
    // Compiles fine; fails only when `score` looks up a step link in a number.
    let file = write(dir.path(), "mine.rhai", "fn step_links() { 42 }\n");
    let o = bondgenoot(&["script", "check", &file, "--widget", "netwerkscan"]);
    assert!(!o.status.success());
    assert!(stdout(&o).contains("✓ compiles"), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("✗ in nl: hook `score` (default script, line"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_script_without_a_known_widget_is_told_to_say_which() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "mine.rhai", "fn weight_changes() { #{} }\n");
    let o = bondgenoot(&["script", "check", &file]);
    assert!(!o.status.success());
    assert!(stdout(&o).contains("--widget"), "{}", stdout(&o));
}

#[test]
fn test_runs_the_cases_beside_the_script_and_counts_them() {
    let o = bondgenoot(&["script", "test", &format!("{SCRIPTS}/netwerkscan.rhai")]);
    assert!(o.status.success(), "{}", stdout(&o));
    assert!(stdout(&o).contains("✓ isolated newcomer who told nobody"));
    assert!(
        stdout(&o)
            .lines()
            .last()
            .unwrap()
            .ends_with("passed, 0 failed")
    );
}

#[test]
fn a_failing_case_shows_what_differs_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "netwerkscan.rhai",
        "fn weight_changes() { #{ per_link: 99 } }\n",
    );
    write(
        dir.path(),
        "netwerkscan.tests.json",
        r#"{"cases":[{"name":"linking counts 50","hook":"score",
        "args":[{"people":[{"name":"x","relation":"work","close":false,"knows_looking":true}],"answers":{}},
                {"lang":"en","org":"x","today":"2026-11-22"}],
        "expect":{"dimensions":[{},{},{"id":"linking","value":50},{},{},{}]}}]}"#,
    );
    let o = bondgenoot(&["script", "test", &file]);
    assert!(!o.status.success());
    assert!(
        stdout(&o).contains("$.dimensions[2].value: expected 50, got 99"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("0 passed, 1 failed"));
}

#[test]
fn run_prints_a_hooks_json_with_ctx_added() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        dir.path(),
        "answers.json",
        r#"{"people":[{"name":"Sara","relation":"family","close":true,"knows_looking":true}],"answers":{"trust":"yes"}}"#,
    );
    let o = bondgenoot(&[
        "script",
        "run",
        &format!("{SCRIPTS}/netwerkscan.rhai"),
        "--hook",
        "score",
        "--input",
        &input,
        "--lang",
        "en",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON on stdout");
    assert_eq!(json["dimensions"][0]["id"], "bonding");
    assert_eq!(json["dimensions"][0]["value"], 40);
    assert_eq!(json["dimensions"][0]["label"], "Close support");
}

#[test]
fn run_stops_an_endless_loop_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "netwerkscan.rhai",
        "fn score(answers, ctx) {\n    let n = 0;\n    loop { n += 1; }\n}\n",
    );
    let o = bondgenoot(&[
        "script",
        "run",
        &file,
        "--hook",
        "score",
        "--input",
        &write(dir.path(), "a.json", r#"{"people":[],"answers":{}}"#),
    ]);
    assert!(!o.status.success());
    assert!(stdout(&o).contains("ran too long"), "{}", stdout(&o));
}

#[test]
fn check_stops_a_script_that_would_sleep_or_loop_over_nested_data_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    for (source, says) in [
        (
            "fn score(answers, ctx) { sleep(9223372036854775807) }\n",
            "unknown function `sleep",
        ),
        (
            "fn score(answers, ctx) { let v = []; for i in 0..990 { v.push(`item ${i}`); } loop { let w = v; } }\n",
            "ran too long",
        ),
        (
            "fn score(answers, ctx) { let v = []; for i in 0..100 { v = if i % 2 == 0 { [v] } else { #{ a: v } }; } v == v }\n",
            "nested too deeply",
        ),
    ] {
        let file = write(dir.path(), "netwerkscan.rhai", source);
        let started = std::time::Instant::now();
        let o = bondgenoot(&["script", "check", &file]);
        assert!(!o.status.success(), "{source}");
        assert!(stdout(&o).contains(says), "{source}: {}", stdout(&o));
        assert!(started.elapsed().as_secs() < 5, "{source}");
    }
}
