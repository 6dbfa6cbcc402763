//! Alliantiescan (alliance phase checklist): the hooks' arguments and results.
//!
//! Hooks (documented for admins in `scripts/alliantiescan.rhai`):
//! - `checklist(ctx)` → [`Checklist`]
//! - `assess(ticks, ctx)` → [`Assessment`]

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use super::Step;
use super::{Choice, Ctx, check_percent, check_step_links, shape_error};
use crate::ScriptError;
use crate::contract::hooks::{self, Hooks};

/// What the partners tick, in `ctx.lang`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checklist {
    /// How far an item is: not yet / partly / in place.
    pub levels: Vec<Choice>,
    /// The roles an alliance needs (explorer, connector, expert).
    pub roles: Vec<Role>,
    /// The phases, in order, each with its items.
    pub phases: Vec<Phase>,
}

/// A role someone in the alliance takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// Stable id, e.g. `gangmaker`.
    pub id: String,
    /// Name shown.
    pub label: String,
    /// What the role does.
    pub text: String,
}

/// One phase of alliance building.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phase {
    /// Stable id, e.g. `formeren`.
    pub id: String,
    /// Name shown.
    pub label: String,
    /// What the phase is about.
    pub text: String,
    /// What should be in place in this phase.
    pub items: Vec<Item>,
}

/// One checklist item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Stable id, the key in [`Ticks`].
    pub id: String,
    /// The statement partners tick, e.g. "We meet regularly".
    pub text: String,
    /// A short explanation.
    #[serde(default)]
    pub help: String,
    /// The role that usually makes it happen.
    #[serde(default)]
    pub role: String,
}

/// How far one item is, with an optional note and owner.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Tick {
    /// `no`, `partly` or `yes`.
    pub level: String,
    /// A free note.
    #[serde(default)]
    pub note: String,
    /// Which partner owns it.
    #[serde(default)]
    pub owner: String,
    /// In which role (a [`Role`] id), if any.
    #[serde(default)]
    pub role: String,
}

/// Item id → tick. Items not ticked yet are missing.
pub type Ticks = BTreeMap<String, Tick>;

/// How far item `id` is: its tick's level, or `no` when it is not ticked
/// (as the default script's `level` reads it).
pub fn level<'a>(ticks: &'a Ticks, id: &str) -> &'a str {
    ticks.get(id).map_or("no", |tick| tick.level.as_str())
}

impl Checklist {
    /// The name shown for a level id, if the checklist has that level.
    pub fn level_label(&self, level: &str) -> Option<&str> {
        self.levels
            .iter()
            .find(|l| l.id == level)
            .map(|l| l.label.as_str())
    }
}

/// The outcome of `assess`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// Id of the phase the alliance is in.
    pub phase: String,
    /// Its name.
    pub phase_label: String,
    /// One or two sentences about where the alliance stands.
    pub summary: String,
    /// Progress per phase, in order.
    pub progress: Vec<PhaseProgress>,
    /// What goes wrong, most important first.
    pub warnings: Vec<Warning>,
    /// The next 3–5 steps.
    pub steps: Vec<Step>,
    /// Which roles are taken.
    pub roles: Vec<RoleCover>,
}

/// How far one phase is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseProgress {
    /// Phase id.
    pub id: String,
    /// Phase name.
    pub label: String,
    /// 0 to 100.
    pub value: i64,
    /// Whether the phase counts as reached.
    pub reached: bool,
}

/// A warning with a stable id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// Stable id, e.g. `contracts-first`.
    pub id: String,
    /// What is wrong, in plain language.
    pub text: String,
}

/// Whether someone takes a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleCover {
    /// Role id.
    pub id: String,
    /// Role name.
    pub label: String,
    /// Whether a partner owns a ticked item in this role.
    pub covered: bool,
}

const CHECKLIST_SHAPE: &str = "a map #{ levels: [#{ id, label }], roles: [#{ id, label, text }], \
     phases: [#{ id, label, text, items: [#{ id, text, help, role }] }] }";
const ASSESSMENT_SHAPE: &str = "a map #{ phase, phase_label, summary, progress: [#{ id, label, value, reached }], \
     warnings: [#{ id, text }], steps: [#{ id, title, why }], roles: [#{ id, label, covered }] }";

/// Calls `checklist(ctx)`.
pub fn checklist(rules: &dyn Hooks, ctx: &Ctx) -> Result<Checklist, ScriptError> {
    checked_checklist(hooks::call(rules, "checklist", &[ctx], CHECKLIST_SHAPE)?)
}

fn checked_checklist(list: Checklist) -> Result<Checklist, ScriptError> {
    if list.phases.is_empty() {
        return Err(shape_error(
            "checklist",
            "the checklist has no phases".into(),
        ));
    }
    Ok(list)
}

/// Calls `assess(ticks, ctx)` and checks the result is in range.
pub fn assess(rules: &dyn Hooks, ticks: &Ticks, ctx: &Ctx) -> Result<Assessment, ScriptError> {
    checked_assessment(hooks::call(
        rules,
        "assess",
        &[ticks, ctx],
        ASSESSMENT_SHAPE,
    )?)
}

fn checked_assessment(a: Assessment) -> Result<Assessment, ScriptError> {
    check_percent(
        "assess",
        "progress of",
        a.progress.iter().map(|p| (p.id.as_str(), p.value)),
    )?;
    check_step_links("assess", &a.steps)?;
    Ok(a)
}

/// A result a script test got as JSON, checked as the widget's typed call
/// checks it: `None` for a name that is not one of this widget's hooks.
pub(crate) fn check_json(hook: &str, value: &serde_json::Value) -> Option<Result<(), ScriptError>> {
    Some(match hook {
        "checklist" => super::typed(hook, value, CHECKLIST_SHAPE)
            .and_then(checked_checklist)
            .map(drop),
        "assess" => super::typed(hook, value, ASSESSMENT_SHAPE)
            .and_then(checked_assessment)
            .map(drop),
        _ => return None,
    })
}
