//! The first screen's answers (`plugin_host::contract::first_screen`): made
//! once per script version, day and language, within the organisation's
//! share of the hook threads, so a page view runs no script and a slow script
//! slows only its own organisation.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use plugin_host::Rules;
use plugin_host::contract::{Ctx, Lang, Widget, first_screen};
use wire::Answered;

use crate::script_share::ScriptShares;

/// (organisation, widget, language) → the rules and the day they were made
/// for, and the answers.
type Made = HashMap<(String, Widget, Lang), (Arc<Rules>, String, Arc<Vec<Answered>>)>;

/// The answers made so far; shared by all requests.
#[derive(Debug, Default)]
pub struct FirstScreens {
    made: Mutex<Made>,
}

impl FirstScreens {
    /// The first screen's answers of `rules` for `ctx`; none when the
    /// organisation's share is busy (the widget then waits for its engine).
    pub async fn get(
        &self,
        shares: &ScriptShares,
        widget: Widget,
        rules: &Arc<Rules>,
        ctx: Ctx,
    ) -> Arc<Vec<Answered>> {
        let key = (ctx.org.clone(), widget, ctx.lang);
        if let Some((made_by, day, answers)) = self.lock().get(&key)
            && Arc::ptr_eq(made_by, rules)
            && *day == ctx.today
        {
            return Arc::clone(answers);
        }
        let today = ctx.today.clone();
        let made = {
            let rules = Arc::clone(rules);
            let org = ctx.org.clone();
            shares
                .run(&org, move || first_screen(widget, &*rules, &ctx))
                .await
        };
        let Ok(answers) = made else {
            return Arc::default();
        };
        let answers = Arc::new(answers);
        self.lock()
            .insert(key, (Arc::clone(rules), today, Arc::clone(&answers)));
        answers
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Made> {
        self.made.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
