//! [`use_rule_call`]: a component's call of a rule hook, made again only when
//! its input, the rules or the `ctx` change, and shown as the kind
//! [`ErrorNotice`] when the script fails. One place for what every widget
//! does with the hooks it calls while rendering.

use std::rc::Rc;

use plugin_host::contract::Ctx;
use plugin_host::{Rules, ScriptError};
use yew::prelude::*;

use crate::components::error_notice::ErrorNotice;
use crate::rules::SharedRules;
use crate::ui::use_ui;

/// What a rule hook answered, kept between renders; equal when the answers are.
#[derive(PartialEq)]
pub struct RuleAnswer<T>(Rc<Result<T, ScriptError>>);

impl<T> Clone for RuleAnswer<T> {
    fn clone(&self) -> Self {
        Self(Rc::clone(&self.0))
    }
}

impl<T> RuleAnswer<T> {
    /// The answer, or the kind notice to render instead (it logs the detail
    /// for the admin).
    pub fn or_notice(&self) -> Result<&T, Html> {
        self.result()
            .as_ref()
            .map_err(|e| html! { <ErrorNotice detail={e.to_string()} /> })
    }

    /// The answer, if the script did not fail.
    pub fn ok(&self) -> Option<&T> {
        self.result().as_ref().ok()
    }

    /// The answer or the script's error.
    pub fn result(&self) -> &Result<T, ScriptError> {
        &self.0
    }
}

/// Calls `call` with the rules (counted as a running hook call for exactly
/// that long, see [`SharedRules::hooks`]), `input` and the widget's `ctx`, on
/// the first render and whenever one of them changes.
#[hook]
pub fn use_rule_call<I, T, F>(rules: &SharedRules, input: I, call: F) -> RuleAnswer<T>
where
    I: PartialEq + 'static,
    T: 'static,
    F: FnOnce(&Rules, &I, &Ctx) -> Result<T, ScriptError>,
{
    let ctx = use_ui().ctx;
    RuleAnswer(use_memo(
        (rules.clone(), input, ctx),
        |(rules, input, ctx)| call(&rules.hooks(), input, ctx),
    ))
}
