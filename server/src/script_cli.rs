//! `bondgenoot script check|test|run`: the admin's and CI's way to try a rule
//! script before publishing it. Same engine and limits as browser and server;
//! an error names the hook, the file, the line and the column.
//!
//! A script is layered over its widget's default script (as on the server),
//! unless it *is* the default script.

use std::path::{Path, PathBuf};

use plugin_host::contract::{Ctx, Lang, Widget};
use plugin_host::{Layer, Rules, script_tests};

/// What a command printed and whether it succeeded.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Whether the exit code is success.
    pub ok: bool,
    /// The report, for stdout.
    pub report: String,
}

impl Outcome {
    /// Success so far, nothing reported yet.
    fn passing() -> Self {
        Self {
            ok: true,
            report: String::new(),
        }
    }

    fn line(&mut self, text: impl AsRef<str>) {
        self.report.push_str(text.as_ref());
        self.report.push('\n');
    }

    fn fail(mut self, text: impl AsRef<str>) -> Self {
        self.line(text);
        self.ok = false;
        self
    }
}

/// Where a script is and which widget it belongs to.
#[derive(Debug, Clone)]
pub struct Script {
    /// The script file.
    pub file: PathBuf,
    /// The widget; from the file name (`netwerkscan.rhai`) when not given.
    pub widget: Option<Widget>,
    /// The folder with the default scripts.
    pub scripts_dir: PathBuf,
}

impl Script {
    fn widget(&self) -> Result<Widget, String> {
        let stem = self
            .file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        self.widget.or_else(|| Widget::parse(stem)).ok_or_else(|| {
            format!(
                "say which widget this script is for with --widget ({})",
                Widget::list()
            )
        })
    }

    /// The layers: the widget's default script, then this file.
    fn layers(&self, widget: Widget) -> Result<Vec<Layer>, String> {
        let read = |path: &Path| {
            std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))
        };
        let default_path = self.scripts_dir.join(widget.file_name());
        let own = read(&self.file)?;
        let is_default =
            std::fs::canonicalize(&default_path).ok() == std::fs::canonicalize(&self.file).ok();
        let mut layers = vec![Layer::new("default", read(&default_path)?)];
        if !is_default {
            layers.push(Layer::new(self.file.display().to_string(), own));
        }
        Ok(layers)
    }

    fn compile(&self) -> Result<(Widget, Rules, Vec<String>), String> {
        let widget = self.widget()?;
        let layers = self.layers(widget)?;
        let names = layers.iter().map(|l| l.name.clone()).collect();
        let rules = Rules::compile(&layers).map_err(|e| e.to_string())?;
        Ok((widget, rules, names))
    }
}

fn ctx(lang: Lang, org: &str, today: &str) -> Ctx {
    Ctx {
        lang,
        org: org.to_owned(),
        today: today.to_owned(),
    }
}

/// Compiles the script, checks the widget's hooks exist, and runs them once
/// in every language on empty input, so a missing text or a typo shows now.
pub fn check(script: &Script) -> Outcome {
    let mut out = Outcome::passing();
    let (widget, rules, layers) = match script.compile() {
        Ok(compiled) => compiled,
        Err(e) => return out.fail(format!("✗ {e}")),
    };
    out.line(format!(
        "✓ compiles ({} layer(s): {})",
        layers.len(),
        layers.join(", ")
    ));
    for lang in Lang::ALL {
        let ctx = ctx(lang, "check", &today());
        let result = plugin_host::review::smoke(widget, &rules, &ctx);
        match result {
            Ok(()) => out.line(format!("✓ {widget} hooks run in {}", lang.tag())),
            Err(e) => return out.fail(format!("✗ in {}: {e}", lang.tag())),
        }
    }
    out
}

/// Runs the script's test cases (`<script>.tests.json` beside it, or `tests`).
pub fn test(script: &Script, tests: Option<&Path>) -> Outcome {
    let mut out = Outcome::passing();
    let (widget, rules, _) = match script.compile() {
        Ok(compiled) => compiled,
        Err(e) => return out.fail(format!("✗ {e}")),
    };
    let path = tests.map_or_else(
        || script.file.with_extension("tests.json"),
        Path::to_path_buf,
    );
    let file = match std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|json| script_tests::parse(&json).map_err(|e| e.to_string()))
    {
        Ok(file) if !file.cases.is_empty() => file,
        Ok(_) => return out.fail(format!("✗ {} has no test cases", path.display())),
        Err(e) => {
            return out.fail(format!(
                "✗ cannot read the tests in {}: {e}",
                path.display()
            ));
        }
    };
    let outcomes = script_tests::run(&rules, widget, &file);
    for case in &outcomes {
        if case.passed() {
            out.line(format!("✓ {}", case.name));
        } else {
            out.line(format!("✗ {}", case.name));
            for d in &case.differences {
                out.line(format!("    {d}"));
            }
            if let Some(e) = &case.error {
                out.line(format!("    {e}"));
            }
        }
    }
    let failed = outcomes.iter().filter(|c| !c.passed()).count();
    out.line(format!(
        "{} passed, {failed} failed",
        outcomes.len() - failed
    ));
    out.ok = failed == 0;
    out
}

/// Calls one hook with the arguments in `input` (a JSON array, or one value
/// for the first argument); `ctx` is added when the hook takes one more.
pub fn run(script: &Script, hook: &str, input: Option<&Path>, ctx_value: &Ctx) -> Outcome {
    let mut out = Outcome::passing();
    let (_, rules, _) = match script.compile() {
        Ok(compiled) => compiled,
        Err(e) => return out.fail(format!("✗ {e}")),
    };
    let mut args = match input.map(|p| {
        std::fs::read_to_string(p)
            .map_err(|e| format!("cannot read {}: {e}", p.display()))
            .and_then(|s| {
                serde_json::from_str::<serde_json::Value>(&s)
                    .map_err(|e| format!("{} is not JSON: {e}", p.display()))
            })
    }) {
        None => Vec::new(),
        Some(Ok(serde_json::Value::Array(args))) => args,
        Some(Ok(value)) => vec![value],
        Some(Err(e)) => return out.fail(format!("✗ {e}")),
    };
    if rules.has_hook(hook, args.len() + 1) {
        match serde_json::to_value(ctx_value) {
            Ok(ctx) => args.push(ctx),
            Err(e) => return out.fail(format!("✗ {e}")),
        }
    }
    plugin_host::contract::normalize_args(hook, &mut args);
    let result = rules.call_json(hook, &args);
    for line in rules.take_log() {
        eprintln!("{:?}: {}", line.kind, line.text);
    }
    match result.map(|v| serde_json::to_string_pretty(&v)) {
        Ok(Ok(json)) => out.line(json),
        Ok(Err(e)) => return out.fail(format!("✗ {e}")),
        Err(e) => return out.fail(format!("✗ {e}")),
    }
    out
}

/// The hooks' reference as Markdown, or written into `readme`'s sections.
pub fn reference(scripts_dir: &Path, readme: Option<&Path>) -> Result<Outcome, String> {
    let reference = crate::reference::Reference::load(scripts_dir).map_err(|e| format!("{e:#}"))?;
    let mut out = Outcome::passing();
    match readme {
        None => {
            for widget in Widget::ALL {
                if let Some(part) = reference.widget(widget) {
                    out.line(format!("### {widget}\n\n{}", part.markdown()));
                }
            }
        }
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let updated = reference
                .update_readme(&text)
                .map_err(|e| format!("{}: {e:#}", path.display()))?;
            std::fs::write(path, updated)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            out.line(format!(
                "✓ updated the reference sections in {}",
                path.display()
            ));
        }
    }
    Ok(out)
}

/// Today as `YYYY-MM-DD` (UTC), for `ctx.today`: the system clock, as the
/// server's is outside tests.
pub fn today() -> String {
    crate::clock::Clock::system().today_text()
}
