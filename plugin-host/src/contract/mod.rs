//! The types that cross browser ↔ server ↔ script. Widgets, server and tests all
//! use these, so the two sides cannot drift.

pub mod alliantiescan;
pub mod figures;
pub mod hooks;
pub mod netwerkscan;
pub mod vacaturecafe;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::{ErrorKind, ScriptError};

/// A language the widgets speak (`wire`'s: it crosses HTTP too).
pub use wire::Lang;

/// Everything a hook may depend on besides the answers. Scripts get no clock and
/// no I/O, so browser and server reach the same answer from the same `ctx`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ctx {
    /// The language texts should be returned in.
    pub lang: Lang,
    /// The organisation whose rules are running, e.g. `demo`.
    pub org: String,
    /// Today's date as `YYYY-MM-DD`.
    pub today: String,
}

/// One of the widgets. Its name is used in `data-widget`, in URLs and as its
/// script's file stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Widget {
    /// The network self-assessment.
    Netwerkscan,
    /// Job-café signup.
    Vacaturecafe,
    /// Alliance phase checklist.
    Alliantiescan,
}

impl Widget {
    /// Every widget, in the order they are listed to people.
    pub const ALL: [Self; 3] = [Self::Netwerkscan, Self::Vacaturecafe, Self::Alliantiescan];

    /// The widget called `name`, if any.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.name() == name)
    }

    /// The widget's name as used in URLs, `data-widget` and file names.
    pub fn name(self) -> &'static str {
        match self {
            Self::Netwerkscan => "netwerkscan",
            Self::Vacaturecafe => "vacaturecafe",
            Self::Alliantiescan => "alliantiescan",
        }
    }

    /// The script's file name, `<widget>.rhai`.
    pub fn file_name(self) -> String {
        format!("{}.rhai", self.name())
    }

    /// All widget names, comma-separated, for messages.
    pub fn list() -> String {
        Self::ALL.map(Self::name).join(", ")
    }
}

impl std::fmt::Display for Widget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One option of a choice: a stable id and its text in `ctx.lang`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// Stable id, stored in answers.
    pub id: String,
    /// Text shown to the person.
    pub label: String,
}

/// A concrete next step with the reason it was chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// Stable id, e.g. `tell-three`.
    pub id: String,
    /// What to do, in plain language.
    pub title: String,
    /// Why this step was chosen.
    pub why: String,
    /// Optional link, e.g. the organisation's own buddy programme.
    #[serde(default)]
    pub link: Option<String>,
}

/// The hook calls a widget's first screen makes in `ctx.lang` (the
/// Netwerkscan's `questions`, the Alliantiescan's `checklist`; the
/// Vacaturecafé's list needs none), answered by `rules`: the server sends
/// them, so the widget is usable before its rules engine has loaded. Kept
/// only when the typed call accepts them; else none, and the widget makes
/// the call itself and shows the error as it always did.
pub fn first_screen(widget: Widget, rules: &dyn hooks::Hooks, ctx: &Ctx) -> Vec<hooks::Answered> {
    let recorder = hooks::Recorder::new(rules);
    let typed = match widget {
        Widget::Netwerkscan => netwerkscan::questions(&recorder, ctx).map(drop),
        Widget::Alliantiescan => alliantiescan::checklist(&recorder, ctx).map(drop),
        Widget::Vacaturecafe => Ok(()),
    };
    match typed {
        Ok(()) => recorder.into_answered(),
        Err(_) => Vec::new(),
    }
}

/// Gives hand-written hook arguments (script tests, the admin CLI) the same
/// defaults the typed calls give: a person without `gives` gets an empty
/// list, as it does when the browser sends it. Unknown hooks pass unchanged.
pub fn normalize_args(hook: &str, args: &mut [serde_json::Value]) {
    fn through<T: serde::de::DeserializeOwned + Serialize>(value: &mut serde_json::Value) {
        if let Ok(normal) =
            serde_json::from_value::<T>(value.clone()).and_then(serde_json::to_value)
        {
            *value = normal;
        }
    }
    match (hook, args) {
        ("score", [answers, _]) => through::<netwerkscan::Answers>(answers),
        ("assess", [ticks, _]) => through::<alliantiescan::Ticks>(ticks),
        _ => {}
    }
}

/// A hook result that breaks the contract, named for the admin.
pub(crate) fn shape_error(hook: &str, message: String) -> crate::ScriptError {
    crate::ScriptError::new(crate::ErrorKind::WrongShape, Some(hook), message)
}

/// Checks every value is a percentage 0–100; `what` names it in the error.
pub(crate) fn check_percent<'a>(
    hook: &str,
    what: &str,
    values: impl IntoIterator<Item = (&'a str, i64)>,
) -> Result<(), crate::ScriptError> {
    match values.into_iter().find(|(_, v)| !(0..=100).contains(v)) {
        Some((id, v)) => Err(shape_error(
            hook,
            format!("{what} `{id}` is {v}, but it goes from 0 to 100"),
        )),
        None => Ok(()),
    }
}

/// Checks every step's link is safe to show.
pub(crate) fn check_step_links(hook: &str, steps: &[Step]) -> Result<(), crate::ScriptError> {
    match steps
        .iter()
        .find(|s| s.link.as_deref().is_some_and(|l| !is_safe_link(l)))
    {
        Some(s) => Err(shape_error(
            hook,
            format!(
                "step `{}` has a link that is not an http(s) or mailto address",
                s.id
            ),
        )),
        None => Ok(()),
    }
}

/// Checks a link a script wants to show: only web and mail links, never
/// `javascript:` or data URLs, whatever an org script returns.
pub fn is_safe_link(link: &str) -> bool {
    let lower = link.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
}

/// Checks a hook's result that a script's own test got as JSON, as the
/// widget's typed call checks it (shape, scores from 0 to 100, safe links…):
/// a test must not pass on a result the widget then refuses. Helpers that
/// are not one of `widget`'s hooks have no contract and pass.
pub fn check_json(
    widget: Widget,
    hook: &str,
    value: &serde_json::Value,
) -> Result<(), ScriptError> {
    let checked = match widget {
        Widget::Netwerkscan => {
            netwerkscan::check_json(hook, value).or_else(|| figures::check_json(hook, value))
        }
        Widget::Alliantiescan => {
            alliantiescan::check_json(hook, value).or_else(|| figures::check_json(hook, value))
        }
        Widget::Vacaturecafe => vacaturecafe::check_json(hook, value),
    };
    checked.unwrap_or(Ok(()))
}

/// A hook's JSON result read as the typed call reads it.
fn typed<T: DeserializeOwned>(
    hook: &str,
    value: &serde_json::Value,
    expected: &str,
) -> Result<T, ScriptError> {
    serde_json::from_value(value.clone()).map_err(|e| {
        ScriptError::new(
            ErrorKind::WrongShape,
            Some(hook),
            format!("returned a value that is not {expected} ({e})"),
        )
    })
}
