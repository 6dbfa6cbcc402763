//! Fuzzing the rule-script sandbox: an organisation's script is untrusted
//! input, so random and mutated scripts, with random and mutated test answers,
//! go through the review the server runs when an admin publishes (compile,
//! every hook in every language, every test case). What must hold
//! ([`exercise`]):
//!
//! - no panic and no stack overflow, on a thread with the browser's stack
//!   (`LIMITS.min_stack`);
//! - no hang: the review ends within `LIMITS.review_time` and a margin (2 s);
//! - every failure is a `ScriptError` with a message, and a position only
//!   where it points into the script (a compile error always has one).
//!
//! Two fuzzers share this: [`run_for`] (random mutations, runs anywhere; a
//! short run in `cargo xtask test`) and `fuzz_afl` (coverage-guided AFL++,
//! `cargo xtask bench`). An input that broke a rule once is kept in
//! `regressions/` and replayed by the tests.

use std::time::{Duration, Instant};

use plugin_host::contract::Widget;
use plugin_host::{LIMITS, Layer, ScriptError};

#[path = "../../plugin-host/tests/support/hostile_cases.rs"]
#[allow(dead_code, missing_docs, reason = "shared with plugin-host's tests")]
mod hostile_cases;

/// Between the script and its tests in an input.
const TESTS_MARK: &str = "\n//--tests--\n";

/// One fuzzing input: which widget, the organisation's script, its tests.
///
/// As bytes: the widget's first letter (`n`, `v`, `a`; any other byte picks
/// one by its value), the script, then [`TESTS_MARK`] and the tests' JSON.
/// Every byte string is an input; text that is not UTF-8 is read lossily.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The widget whose hooks run.
    pub widget: Widget,
    /// The organisation's script, layered on the default.
    pub script: String,
    /// The test file (JSON), possibly broken.
    pub tests: String,
}

impl Input {
    /// Reads any bytes as an input.
    pub fn decode(bytes: &[u8]) -> Self {
        let (first, rest) = bytes
            .split_first()
            .map_or((b'n', &[][..]), |(f, r)| (*f, r));
        let widget = match first {
            b'n' => Widget::Netwerkscan,
            b'v' => Widget::Vacaturecafe,
            b'a' => Widget::Alliantiescan,
            other => Widget::ALL[usize::from(other) % Widget::ALL.len()],
        };
        let text = String::from_utf8_lossy(rest);
        let (script, tests) = text.split_once(TESTS_MARK).unwrap_or((&text, ""));
        Self {
            widget,
            script: script.to_owned(),
            tests: tests.to_owned(),
        }
    }

    /// The bytes [`Input::decode`] reads back as this input.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = vec![self.widget.name().as_bytes()[0]];
        out.extend_from_slice(self.script.as_bytes());
        if !self.tests.is_empty() {
            out.extend_from_slice(TESTS_MARK.as_bytes());
            out.extend_from_slice(self.tests.as_bytes());
        }
        out
    }
}

/// The default script of `widget`, under every organisation's layer.
pub fn default_script(widget: Widget) -> &'static str {
    match widget {
        Widget::Netwerkscan => include_str!("../../scripts/netwerkscan.rhai"),
        Widget::Vacaturecafe => include_str!("../../scripts/vacaturecafe.rhai"),
        Widget::Alliantiescan => include_str!("../../scripts/alliantiescan.rhai"),
    }
}

/// What the fuzzers start from: the default scripts and every example with
/// their tests, and the hostile suite.
pub fn seeds() -> Vec<Vec<u8>> {
    let input = |widget, script: &str, tests: &str| {
        Input {
            widget,
            script: script.to_owned(),
            tests: tests.to_owned(),
        }
        .encode()
    };
    let mut seeds = vec![
        input(
            Widget::Netwerkscan,
            default_script(Widget::Netwerkscan),
            include_str!("../../scripts/netwerkscan.tests.json"),
        ),
        input(
            Widget::Vacaturecafe,
            default_script(Widget::Vacaturecafe),
            include_str!("../../scripts/vacaturecafe.tests.json"),
        ),
        input(
            Widget::Alliantiescan,
            default_script(Widget::Alliantiescan),
            include_str!("../../scripts/alliantiescan.tests.json"),
        ),
        input(
            Widget::Netwerkscan,
            include_str!("../../scripts/examples/demo/netwerkscan.rhai"),
            include_str!("../../scripts/examples/demo/netwerkscan.tests.json"),
        ),
        input(
            Widget::Netwerkscan,
            include_str!("../../scripts/examples/volunteers/netwerkscan.rhai"),
            include_str!("../../scripts/examples/volunteers/netwerkscan.tests.json"),
        ),
        input(
            Widget::Alliantiescan,
            include_str!("../../scripts/examples/taalschool/alliantiescan.rhai"),
            include_str!("../../scripts/examples/taalschool/alliantiescan.tests.json"),
        ),
        input(
            Widget::Vacaturecafe,
            include_str!("../../scripts/examples/werkplein/vacaturecafe.rhai"),
            include_str!("../../scripts/examples/werkplein/vacaturecafe.tests.json"),
        ),
    ];
    for case in hostile_cases::cases() {
        seeds.push(input(Widget::Netwerkscan, &case.source, ""));
    }
    seeds
}

/// What a run of [`exercise`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ran {
    /// Whether the script passed its review (most mutations do not).
    pub passed: bool,
}

/// Runs `bytes` as an input through the review, on a thread with the
/// browser's stack; `Err` says which rule broke.
pub fn exercise(bytes: &[u8]) -> Result<Ran, String> {
    let input = Input::decode(bytes);
    let started = Instant::now();
    let review = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(LIMITS.min_stack)
            .spawn_scoped(scope, || {
                let layers = [
                    Layer::new("default", default_script(input.widget)),
                    Layer::new("org:fuzz", input.script.as_str()),
                ];
                plugin_host::review::review(
                    input.widget,
                    &layers,
                    &input.tests,
                    "fuzz",
                    "2026-12-02",
                )
            })
            .map_err(|e| format!("cannot start a thread: {e}"))?
            .join()
            .map_err(|panic| format!("the review panicked: {}", panic_message(&*panic)))
    })?;
    let took = started.elapsed();
    // The review stops itself at `review_time`; the margin is for a busy
    // machine's scheduling, not for the script.
    let most = LIMITS.review_time + Duration::from_secs(2);
    if took > most {
        return Err(format!("the review took {took:?}, more than {most:?}"));
    }
    let mut errors: Vec<&ScriptError> = Vec::new();
    errors.extend(review.compile.as_ref());
    errors.extend(review.smoke.as_ref().map(|s| &s.error));
    errors.extend(review.tests.iter().filter_map(|t| t.error.as_ref()));
    for error in errors {
        check_error(error, &input.script)?;
    }
    Ok(Ran {
        passed: review.passed(),
    })
}

/// A failure tells the admin what and, where Rhai knows it, where.
fn check_error(e: &ScriptError, script: &str) -> Result<(), String> {
    let fail = |why: &str| Err(format!("{why}: {e:?}"));
    if e.message.trim().is_empty() {
        return fail("an error without a message");
    }
    if e.kind == plugin_host::ErrorKind::Compile && e.line.is_none() {
        return fail("a compile error without a line");
    }
    if e.column.is_some() && e.line.is_none() {
        return fail("a column without a line");
    }
    if let Some(line) = e.line {
        let lines = match e.layer.as_deref() {
            Some("org:fuzz") => script.lines().count(),
            Some("default") => usize::MAX,
            _ => return fail("a line without the layer it is in"),
        };
        // One past the end: Rhai points there for an unexpected end of script.
        if line == 0 || line > lines.saturating_add(1) {
            return fail("a line outside the script");
        }
    }
    Ok(())
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_owned())
}

/// Words and pieces of Rhai a mutation inserts: what makes a script
/// interesting to its parser and evaluator.
const PIECES: &[&str] = &[
    "fn f(x) { f(x) }",
    "loop { }",
    "while true { }",
    "for i in 0..1000000 { }",
    "[]",
    "#{}",
    "[[[[[[[[[[[[[[[[",
    "#{a:#{a:#{a:#{a:",
    "}",
    ")",
    "]",
    "\"",
    "`${",
    "'x'",
    "let x = ",
    "const ",
    "return ",
    "throw ",
    "switch x { _ => 0 }",
    "if true { } else { }",
    "x.len()",
    ".sub_string(-1)",
    " * 1e308",
    " / 0",
    " % 0",
    "9223372036854775807",
    "-9223372036854775808",
    " + \"\" ",
    " += [0]",
    "eval(\"1\")",
    "import \"x\" as y;",
    "Fn(\"f\")",
    "curry",
    "this",
    "answers",
    "ctx.lang",
    "form",
    "counts",
    "cafe",
    "\u{202E}",
    "\u{0}",
    ";",
    "\n",
    "//",
    "/*",
];

/// One random change of `input` (often several stacked), sometimes spliced
/// with another seed.
pub fn mutate(rng: &mut fastrand::Rng, input: &[u8], seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..rng.usize(1..=4) {
        let len = out.len();
        let at = rng.usize(0..=len);
        match rng.u8(0..8) {
            // Insert a piece of Rhai.
            0 | 1 => {
                let piece = PIECES[rng.usize(0..PIECES.len())];
                out.splice(at..at, piece.bytes());
            }
            // Delete a run.
            2 => {
                let end = (at + rng.usize(0..=32)).min(len);
                out.drain(at..end);
            }
            // Flip a byte.
            3 if at < len => out[at] = rng.u8(..),
            // Copy a run elsewhere (repeats a function, a block, a number).
            4 if len > 0 => {
                let from = rng.usize(0..len);
                let end = (from + rng.usize(1..=64)).min(len);
                let run: Vec<u8> = out[from..end].to_vec();
                out.splice(at..at, run);
            }
            // Splice in the tail of another seed.
            5 => {
                let other = &seeds[rng.usize(0..seeds.len())];
                let from = rng.usize(0..=other.len());
                out.truncate(at);
                out.extend_from_slice(&other[from..]);
            }
            // A number to its edges.
            6 => {
                let edge = ["0", "-1", "1e999", "4294967296", "NaN"][rng.usize(0..5)];
                out.splice(at..at, edge.bytes());
            }
            // Another widget.
            _ if len > 0 => out[0] = [b'n', b'v', b'a'][rng.usize(0..3)],
            _ => {}
        }
    }
    // Scripts beyond the server's size limit are refused before the review.
    out.truncate(256 * 1024);
    out
}

/// What a run of [`run_for`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Inputs run.
    pub execs: u64,
    /// Of those, scripts that passed their review.
    pub passed: u64,
    /// The first input that broke a rule, and how.
    pub failure: Option<(Vec<u8>, String)>,
}

/// Runs the seeds, then random mutations of them for `time`; stops at the
/// first input that breaks a rule. `seed` makes the run repeatable.
pub fn run_for(time: Duration, seed: u64) -> Report {
    let seeds = seeds();
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut report = Report {
        execs: 0,
        passed: 0,
        failure: None,
    };
    let started = Instant::now();
    let mut pool = seeds.clone();
    let mut next = 0;
    while next < seeds.len() || started.elapsed() < time {
        let input = match seeds.get(next) {
            Some(seed) => seed.clone(),
            None => {
                let from = rng.usize(0..pool.len());
                mutate(&mut rng, &pool[from], &seeds)
            }
        };
        next += 1;
        report.execs += 1;
        match exercise(&input) {
            Ok(ran) => {
                if ran.passed {
                    report.passed += 1;
                    // A mutation that still passes is a good start for more.
                    if pool.len() < 512 {
                        pool.push(input);
                    }
                }
            }
            Err(why) => {
                report.failure = Some((input, why));
                break;
            }
        }
    }
    report
}

/// Writes an input that broke a rule to `target/fuzz-failures/`, named by
/// its content; returns the path (move it to `fuzz/regressions/` once fixed).
pub fn keep_failure(input: &[u8]) -> std::path::PathBuf {
    use std::hash::{Hash as _, Hasher as _};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    input.hash(&mut hasher);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/fuzz-failures");
    let path = dir.join(format!("{:016x}.input", hasher.finish()));
    if let Err(e) = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, input)) {
        eprintln!("cannot keep the input in {}: {e}", path.display());
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_input_reads_back_as_itself() {
        for seed in seeds() {
            assert_eq!(Input::decode(&Input::decode(&seed).encode()).encode(), seed);
        }
    }
}
