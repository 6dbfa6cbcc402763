//! Reviewing an organisation's script before it goes live: compile it over
//! the default, run every hook of its widget once in each language, and run
//! its own test cases. The server runs this before it accepts a new version,
//! the admin playground runs it (in wasm) as the admin types, and
//! `bondgenoot script check` runs [`smoke`]: one review, three places.

use serde::{Deserialize, Serialize};

use crate::contract::{Ctx, Lang, Widget, alliantiescan, figures, netwerkscan, vacaturecafe};
use crate::script_tests::{self, CaseOutcome, TestFile};
use crate::{Layer, LogLine, Rules, ScriptError};

/// What a review found; [`Review::passed`] says whether the script may go live.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// The script does not compile; nothing else ran.
    pub compile: Option<ScriptError>,
    /// A hook failed when run on empty input (in which language).
    pub smoke: Option<SmokeFailure>,
    /// The test cases could not be read.
    pub tests_unreadable: Option<String>,
    /// How each test case went, in order.
    pub tests: Vec<CaseOutcome>,
    /// What the script printed while it was reviewed.
    pub log: Vec<LogLine>,
}

/// A hook that fails on empty input, and in which language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SmokeFailure {
    /// The language the hooks ran in (a tag of `Lang::ALL`).
    pub lang: String,
    /// What failed.
    pub error: ScriptError,
}

impl Review {
    /// Whether the script compiles, runs, and passes every test case.
    pub fn passed(&self) -> bool {
        self.compile.is_none()
            && self.smoke.is_none()
            && self.tests_unreadable.is_none()
            && self.tests.iter().all(CaseOutcome::passed)
    }

    /// One line per problem, for logs and the command line.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(e) = &self.compile {
            out.push(e.to_string());
        }
        if let Some(s) = &self.smoke {
            out.push(format!("in {}: {}", s.lang, s.error));
        }
        if let Some(e) = &self.tests_unreadable {
            out.push(format!("the tests cannot be read: {e}"));
        }
        for case in self.tests.iter().filter(|c| !c.passed()) {
            let why = case.error.as_ref().map_or_else(
                || case.differences.join("; "),
                std::string::ToString::to_string,
            );
            out.push(format!("test \"{}\" fails: {why}", case.name));
        }
        out
    }
}

/// Runs every hook of `widget` once in `lang` on empty input.
pub fn smoke(widget: Widget, rules: &Rules, ctx: &Ctx) -> Result<(), ScriptError> {
    match widget {
        Widget::Netwerkscan => netwerkscan::questions(rules, ctx)
            .and_then(|_| netwerkscan::score(rules, &netwerkscan::Answers::default(), ctx))
            .and_then(|_| figures::figures(rules))
            .map(|_| ()),
        Widget::Alliantiescan => alliantiescan::checklist(rules, ctx)
            .and_then(|_| alliantiescan::assess(rules, &alliantiescan::Ticks::new(), ctx))
            .and_then(|_| figures::figures(rules))
            .map(|_| ()),
        Widget::Vacaturecafe => {
            let cafe = vacaturecafe::Cafe::example();
            let form = vacaturecafe::Form::new();
            let counts = vacaturecafe::Counts::default();
            vacaturecafe::fields(rules, &cafe, ctx)
                .and_then(|_| vacaturecafe::validate(rules, &form, &cafe, ctx))
                .and_then(|_| vacaturecafe::decide(rules, &form, &cafe, &counts, ctx))
                .and_then(|_| vacaturecafe::keep_days(rules, &cafe))
                .and_then(|_| {
                    vacaturecafe::MessageKind::ALL
                        .into_iter()
                        .try_for_each(|kind| {
                            let signup = vacaturecafe::example_signup(kind);
                            vacaturecafe::message(rules, kind, &signup, &cafe, ctx).map(drop)
                        })
                })
                .map(|_| ())
        }
    }
}

/// Reviews `layers` (the default, then the organisation's script) for
/// `widget`: compile, [`smoke`] in every language, then the test cases in
/// `tests` (JSON as in [`script_tests`]; empty text means no tests).
///
/// The whole review has one time budget ([`crate::LIMITS`]`.review_time`)
/// besides each hook call's: thousands of test cases, each just within its
/// own budget, still end in seconds.
pub fn review(widget: Widget, layers: &[Layer], tests: &str, org: &str, today: &str) -> Review {
    crate::budget::total(crate::LIMITS.review_time, || {
        review_within_budget(widget, layers, tests, org, today)
    })
}

fn review_within_budget(
    widget: Widget,
    layers: &[Layer],
    tests: &str,
    org: &str,
    today: &str,
) -> Review {
    let mut review = Review::default();
    let rules = match Rules::compile(layers) {
        Ok(rules) => rules,
        Err(e) => {
            review.compile = Some(e);
            return review;
        }
    };
    for lang in Lang::ALL {
        let ctx = Ctx {
            lang,
            org: org.to_owned(),
            today: today.to_owned(),
        };
        if let Err(error) = smoke(widget, &rules, &ctx) {
            review.smoke = Some(SmokeFailure {
                lang: lang.tag().to_owned(),
                error,
            });
            break;
        }
    }
    match parse_tests(tests) {
        Ok(file) => review.tests = script_tests::run(&rules, widget, &file),
        Err(e) => review.tests_unreadable = Some(e),
    }
    review.log = rules.take_log();
    review
}

/// The test cases in `json`; blank text is a file without cases.
fn parse_tests(json: &str) -> Result<TestFile, String> {
    if json.trim().is_empty() {
        return Ok(TestFile { cases: Vec::new() });
    }
    script_tests::parse(json).map_err(|e| e.to_string())
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "a failed expectation is a failed test")]
mod tests {
    use super::*;

    const DEFAULT: &str = include_str!("../../scripts/netwerkscan.rhai");

    fn layers(org: &str) -> Vec<Layer> {
        vec![Layer::new("default", DEFAULT), Layer::new("org:t", org)]
    }

    fn run(org: &str, tests: &str) -> Review {
        review(Widget::Netwerkscan, &layers(org), tests, "t", "2026-11-22")
    }

    #[test]
    fn a_good_override_passes_and_its_print_output_is_kept() {
        let r = run(
            "fn weight_changes() { print(\"weights read\"); #{ per_link: 40 } }",
            "",
        );
        assert!(r.passed(), "{:?}", r.problems());
        assert!(
            r.log.iter().any(|l| l.text == "weights read"),
            "{:?}",
            r.log
        );
    }

    #[test]
    fn a_syntax_error_is_reported_at_its_line_and_nothing_else_runs() {
        let r = run(
            "fn weight_changes() {\n  let x = 1;\n  let y = ;\n  #{ per_link: 40 }\n}\n",
            "",
        );
        let e = r.compile.as_ref().expect("a compile error");
        assert_eq!(e.layer.as_deref(), Some("org:t"));
        assert_eq!(e.line, Some(3), "{e}");
        assert!(!r.passed());
        assert!(r.tests.is_empty());
    }

    #[test]
    fn a_hook_that_loops_for_ever_is_stopped_and_refused() {
        let r = run("fn score(answers, ctx) { loop {} }", "");
        let smoke = r.smoke.as_ref().expect("smoke failure");
        assert_eq!(smoke.error.kind, crate::ErrorKind::Limit);
        assert_eq!(smoke.lang, "nl");
        assert!(!r.passed());
    }

    #[test]
    fn a_thousand_slow_test_cases_end_within_the_reviews_time_budget() {
        let case = r#"{"name":"spam","hook":"spam","args":[],"expect":0}"#;
        let tests = format!("{{\"cases\":[{}]}}", vec![case; 1001].join(","));
        let started = web_time::Instant::now();
        let r = run("fn spam() { loop { print(\"spam\"); } }", &tests);
        let took = started.elapsed();
        assert!(!r.passed());
        assert!(
            took < crate::LIMITS.review_time * 2,
            "the review took {took:?}"
        );
        let last = r.tests.last().expect("outcomes");
        let error = last.error.as_ref().expect("the last outcome says why");
        assert!(
            error.message.contains("the review ran out of time"),
            "{error}"
        );
        assert!(r.tests.len() < 1001, "not every case ran");
        assert!(last.name.ends_with("more test case(s)"), "{}", last.name);
    }

    #[test]
    fn failing_and_unreadable_tests_are_refused_with_what_differs() {
        let tests = r#"{"cases":[{"name":"weight","hook":"weight_changes","args":[],"expect":{"per_link":50}}]}"#;
        let r = run("fn weight_changes() { #{ per_link: 70 } }", tests);
        assert!(!r.passed());
        assert_eq!(r.tests.len(), 1);
        assert_eq!(
            r.tests[0].differences,
            ["$.per_link: expected 50, got 70".to_owned()]
        );
        assert!(r.problems()[0].contains("expected 50, got 70"));

        let r = run("fn weight_changes() { #{ per_link: 70 } }", "{\"cases\": [");
        assert!(r.tests_unreadable.is_some());
        assert!(!r.passed());
    }
}
