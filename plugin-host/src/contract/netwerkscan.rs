//! Netwerkscan (network self-assessment): the hooks' arguments and results.
//!
//! Hooks (documented for admins in `scripts/netwerkscan.rhai`):
//! - `questions(ctx)` → [`Questionnaire`]
//! - `score(answers, ctx)` → [`NetwerkscanResult`]

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use super::Step;
use super::{Choice, Ctx, check_percent, check_step_links, shape_error};
use crate::ScriptError;
use crate::contract::hooks::{self, Hooks};

/// What the widget asks, in `ctx.lang`: the kinds of relation a person can
/// have to you, the kinds of help they can give, people to think of, and the
/// questions about your situation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Questionnaire {
    /// Kinds of relation (family, neighbourhood, work…).
    pub relations: Vec<Choice>,
    /// Kinds of help a person can give (listening, practical help, job tips…).
    #[serde(default)]
    pub supports: Vec<Choice>,
    /// "Who could you ask?": roles that help people who think they know nobody.
    #[serde(default)]
    pub suggestions: Vec<Suggestion>,
    /// Questions about the situation, each answered with one option.
    pub questions: Vec<Question>,
}

/// A kind of person to think of, with the relation it usually is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// A role, e.g. "the neighbour".
    pub name: String,
    /// Id of a relation choice.
    #[serde(default)]
    pub relation: String,
}

/// One question about the job seeker's situation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Stable id, the key in [`Answers::answers`].
    pub id: String,
    /// The question in plain language.
    pub text: String,
    /// The options; the person picks one.
    pub options: Vec<Choice>,
}

/// One person in the job seeker's network.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Person {
    /// A first name or a role ("the neighbour"): never more is needed.
    pub name: String,
    /// Id of a [`Questionnaire::relations`] choice; empty if not given.
    #[serde(default)]
    pub relation: String,
    /// Close (inner circle) or not so close.
    pub close: bool,
    /// Whether this person knows the job seeker is looking for work.
    pub knows_looking: bool,
    /// Ids of [`Questionnaire::supports`] this person gives.
    #[serde(default)]
    pub gives: Vec<String>,
    /// Moves in other circles than the job seeker (another background, a
    /// sector they want to work in): a bridge.
    #[serde(default)]
    pub other_circles: bool,
    /// Has links with employers or institutions.
    #[serde(default)]
    pub work_links: bool,
}

/// Everything the job seeker entered.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Answers {
    /// The people they mapped.
    pub people: Vec<Person>,
    /// Question id → chosen option id.
    pub answers: BTreeMap<String, String>,
}

/// The outcome of `score`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetwerkscanResult {
    /// Scores such as bonding, bridging, linking, awareness.
    pub dimensions: Vec<Dimension>,
    /// A short overall reading of the network, in `ctx.lang`.
    pub summary: String,
    /// The next steps, most useful first.
    pub steps: Vec<Step>,
}

/// One score 0–100 with the reason for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dimension {
    /// Stable id, e.g. `bonding`.
    pub id: String,
    /// Name shown to the person.
    pub label: String,
    /// 0 to 100.
    pub value: i64,
    /// One line: why this score.
    pub why: String,
}

const QUESTIONNAIRE_SHAPE: &str = "a map #{ relations: [#{ id, label }], supports: [#{ id, label }], \
     suggestions: [#{ name, relation }], questions: [#{ id, text, options: [#{ id, label }] }] }";
const RESULT_SHAPE: &str = "a map #{ dimensions: [#{ id, label, value, why }], summary, steps: [#{ id, title, why, link? }] }";

/// Calls `questions(ctx)`.
pub fn questions(rules: &dyn Hooks, ctx: &Ctx) -> Result<Questionnaire, ScriptError> {
    checked_questionnaire(hooks::call(
        rules,
        "questions",
        &[ctx],
        QUESTIONNAIRE_SHAPE,
    )?)
}

fn checked_questionnaire(q: Questionnaire) -> Result<Questionnaire, ScriptError> {
    if let Some(bad) = q.questions.iter().find(|q| q.options.is_empty()) {
        return Err(shape_error(
            "questions",
            format!("question `{}` has no options", bad.id),
        ));
    }
    Ok(q)
}

/// Calls `score(answers, ctx)` and checks the result is in range.
pub fn score(
    rules: &dyn Hooks,
    answers: &Answers,
    ctx: &Ctx,
) -> Result<NetwerkscanResult, ScriptError> {
    checked_result(hooks::call(rules, "score", &[answers, ctx], RESULT_SHAPE)?)
}

fn checked_result(result: NetwerkscanResult) -> Result<NetwerkscanResult, ScriptError> {
    check_percent(
        "score",
        "score",
        result.dimensions.iter().map(|d| (d.id.as_str(), d.value)),
    )?;
    check_step_links("score", &result.steps)?;
    Ok(result)
}

/// A result a script test got as JSON, checked as the widget's typed call
/// checks it: `None` for a name that is not one of this widget's hooks.
pub(crate) fn check_json(hook: &str, value: &serde_json::Value) -> Option<Result<(), ScriptError>> {
    Some(match hook {
        "questions" => super::typed(hook, value, QUESTIONNAIRE_SHAPE)
            .and_then(checked_questionnaire)
            .map(drop),
        "score" => super::typed(hook, value, RESULT_SHAPE)
            .and_then(checked_result)
            .map(drop),
        _ => return None,
    })
}
