//! [`use_rule_call`]: a component's call of a rule hook, made again only when
//! its input, the rules or the `ctx` change, and shown as the kind
//! [`ErrorNotice`] when the script fails, or as a loading line while the
//! rules engine is still on its way. One place for what every widget does
//! with the hooks it calls while rendering.

use std::rc::Rc;

use plugin_host::ScriptError;
use plugin_host::contract::Ctx;
use plugin_host::contract::hooks::Hooks;
use yew::prelude::*;

use crate::components::error_notice::ErrorNotice;
use crate::components::loading::Loading;
use crate::rules::SharedRules;
use crate::ui::use_ui;

/// What a rule hook answered, kept between renders; equal when the answers are.
#[derive(PartialEq)]
pub struct RuleAnswer<T> {
    answer: Rc<Result<T, ScriptError>>,
    /// Not answered yet: the rules engine has not loaded (only the first
    /// screen's calls are answered before it).
    pending: bool,
}

impl<T> Clone for RuleAnswer<T> {
    fn clone(&self) -> Self {
        Self {
            answer: Rc::clone(&self.answer),
            pending: self.pending,
        }
    }
}

impl<T> RuleAnswer<T> {
    /// The answer, or what to render instead: a loading line while the
    /// engine loads, else the kind notice (it logs the detail for the admin).
    pub fn or_notice(&self) -> Result<&T, Html> {
        if self.pending {
            return Err(html! { <Loading /> });
        }
        self.result()
            .as_ref()
            .map_err(|e| html! { <ErrorNotice detail={e.to_string()} /> })
    }

    /// The answer, if the script did not fail.
    pub fn ok(&self) -> Option<&T> {
        self.result().as_ref().ok()
    }

    /// The answer or the script's error (or, while pending, why not yet).
    pub fn result(&self) -> &Result<T, ScriptError> {
        &self.answer
    }
}

/// Calls `call` with the rules, `input` and the widget's `ctx`, on the first
/// render and whenever one of them changes (the rules change once more, when
/// the engine arrives). Before the engine, a call the server did not answer
/// fails: that is "not yet", not an error.
#[hook]
pub fn use_rule_call<I, T, F>(rules: &SharedRules, input: I, call: F) -> RuleAnswer<T>
where
    I: PartialEq + 'static,
    T: 'static,
    F: FnOnce(&dyn Hooks, &I, &Ctx) -> Result<T, ScriptError>,
{
    let ctx = use_ui().ctx;
    let answer = use_memo((rules.clone(), input, ctx), |(rules, input, ctx)| {
        call(rules, input, ctx)
    });
    let pending = answer.is_err() && !rules.has_engine();
    RuleAnswer { answer, pending }
}
