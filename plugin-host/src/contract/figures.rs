//! The `figures()` hook, the same in the Netwerkscan's and the
//! Alliantiescan's script: whether the scan offers to share a person's
//! scores (only the scores) with the organisation, and how many months the
//! server keeps what was shared. The default scripts offer it and keep 24
//! months; an organisation switches the offer off with
//! `fn figures() { #{ offer: false, keep_months: 24 } }`.
//!
//! The widget asks before it shows the offer; the server asks again before
//! it takes a share, so a page cannot send figures the script switched off.

use serde::{Deserialize, Serialize};

use super::hooks::{self, Hooks};
use super::{Widget, shape_error};
use crate::ScriptError;

/// Shares are kept at most this long, whatever a script says: five years
/// is longer than any report an organisation makes.
pub const MAX_KEEP_MONTHS: u32 = 60;

/// What `figures()` returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    /// Whether the scan offers sharing the scores.
    pub offer: bool,
    /// Months a share is kept, 1 to [`MAX_KEEP_MONTHS`].
    pub keep_months: u32,
}

const FIGURES_SHAPE: &str = "a map #{ offer: true or false, keep_months: 1 to 60 }";

/// The widgets whose scripts have `figures()`: the two scans.
pub fn shared_by(widget: Widget) -> bool {
    matches!(widget, Widget::Netwerkscan | Widget::Alliantiescan)
}

/// Calls `figures()`.
pub fn figures(rules: &dyn Hooks) -> Result<Figures, ScriptError> {
    checked(hooks::call(rules, "figures", &[], FIGURES_SHAPE)?)
}

fn checked(figures: Figures) -> Result<Figures, ScriptError> {
    if (1..=MAX_KEEP_MONTHS).contains(&figures.keep_months) {
        Ok(figures)
    } else {
        Err(shape_error(
            "figures",
            format!(
                "returned keep_months: {}, but it must be from 1 to {MAX_KEEP_MONTHS}",
                figures.keep_months
            ),
        ))
    }
}

/// A script test's result of `figures()`, checked as [`figures`] checks it.
pub(crate) fn check_json(hook: &str, value: &serde_json::Value) -> Option<Result<(), ScriptError>> {
    (hook == "figures").then(|| {
        super::typed(hook, value, FIGURES_SHAPE)
            .and_then(checked)
            .map(drop)
    })
}

/// The score ids a share of `widget` must hold, exactly: the Netwerkscan's
/// dimensions or the Alliantiescan's phases, as the organisation's script
/// gives them for an empty scan (its scores have the same ids whatever the
/// answers). Empty for a widget without figures.
pub fn score_ids(
    widget: Widget,
    rules: &dyn Hooks,
    ctx: &super::Ctx,
) -> Result<Vec<String>, ScriptError> {
    Ok(match widget {
        Widget::Netwerkscan => {
            super::netwerkscan::score(rules, &super::netwerkscan::Answers::default(), ctx)?
                .dimensions
                .into_iter()
                .map(|d| d.id)
                .collect()
        }
        Widget::Alliantiescan => {
            super::alliantiescan::assess(rules, &super::alliantiescan::Ticks::new(), ctx)?
                .progress
                .into_iter()
                .map(|p| p.id)
                .collect()
        }
        Widget::Vacaturecafe => Vec::new(),
    })
}
