//! A rule script's own tests: cases of hook inputs and the expected output,
//! kept as JSON files beside the script. The same runner serves `cargo test`,
//! the admin CLI and the playground.
//!
//! ```json
//! { "cases": [ { "name": "…", "hook": "score", "args": [ {…}, {…} ], "expect": {…} } ] }
//! ```
//! `expect` is a pattern: every key it names must be present with a matching
//! value; keys it leaves out are not checked; arrays must have the same length
//! and match item by item.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::contract::{self, Widget};
use crate::{Rules, ScriptError};

/// A file of test cases.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct TestFile {
    /// The cases, run in order.
    pub cases: Vec<TestCase>,
}

/// One test case: call `hook` with `args`, expect a result matching `expect`.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct TestCase {
    /// What the case proves, in words.
    pub name: String,
    /// The hook to call.
    pub hook: String,
    /// The hook's arguments.
    pub args: Vec<Value>,
    /// The pattern the result must match.
    pub expect: Value,
}

/// How one case went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseOutcome {
    /// The case's name.
    pub name: String,
    /// Each way the result differs from the expectation, as `path: expected …, got …`.
    pub differences: Vec<String>,
    /// The script error, if the hook failed.
    pub error: Option<ScriptError>,
}

impl CaseOutcome {
    /// Whether the case passed.
    pub fn passed(&self) -> bool {
        self.error.is_none() && self.differences.is_empty()
    }
}

/// Parses a test file.
pub fn parse(json: &str) -> Result<TestFile, serde_json::Error> {
    serde_json::from_str(json)
}

/// Runs every case against `widget`'s rules, in order. A hook's result must
/// pass the contract's checks (as in the widget) before it is compared.
/// Inside a review whose time budget has run out, the cases left are not
/// run; one outcome says how many.
pub fn run(rules: &Rules, widget: Widget, file: &TestFile) -> Vec<CaseOutcome> {
    let mut outcomes = Vec::with_capacity(file.cases.len());
    for (i, case) in file.cases.iter().enumerate() {
        if crate::budget::exceeded() == Some(crate::budget::Budget::Total) {
            let left = file.cases.len() - i;
            outcomes.push(CaseOutcome {
                name: format!("{left} more test case(s)"),
                differences: Vec::new(),
                error: Some(ScriptError::new(
                    crate::ErrorKind::Limit,
                    None,
                    format!(
                        "not run: the review ran out of time (more than {} s in all)",
                        crate::LIMITS.review_time.as_secs()
                    ),
                )),
            });
            break;
        }
        let mut args = case.args.clone();
        crate::contract::normalize_args(&case.hook, &mut args);
        let result = rules
            .call_json(&case.hook, &args)
            .and_then(|actual| contract::check_json(widget, &case.hook, &actual).map(|()| actual));
        outcomes.push(match result {
            Ok(actual) => {
                let mut differences = Vec::new();
                compare("$", &case.expect, &actual, &mut differences);
                CaseOutcome {
                    name: case.name.clone(),
                    differences,
                    error: None,
                }
            }
            Err(e) => CaseOutcome {
                name: case.name.clone(),
                differences: Vec::new(),
                error: Some(e),
            },
        });
    }
    outcomes
}

fn compare(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(want), Value::Object(got)) => {
            for (key, w) in want {
                match got.get(key) {
                    Some(g) => compare(&format!("{path}.{key}"), w, g, out),
                    None => out.push(format!("{path}.{key}: expected {w}, but it is missing")),
                }
            }
        }
        (Value::Array(want), Value::Array(got)) => {
            if want.len() != got.len() {
                out.push(format!(
                    "{path}: expected {} items, got {}: {actual}",
                    want.len(),
                    got.len()
                ));
            } else {
                for (i, (w, g)) in want.iter().zip(got).enumerate() {
                    compare(&format!("{path}[{i}]"), w, g, out);
                }
            }
        }
        (w, g) if w == g => {}
        (w, g) => out.push(format!("{path}: expected {w}, got {g}")),
    }
}
