//! The first screen's answers (`plugin_host::contract::first_screen`): made
//! once per script version, day and language, within the organisation's
//! share of the hook threads, so a page view runs no script and a slow script
//! slows only its own organisation.

use std::sync::Arc;

use plugin_host::Rules;
use plugin_host::contract::{Ctx, Lang, Widget, first_screen};
use wire::Answered;

use crate::kept::{Kept, Version};
use crate::script_share::ScriptShares;

/// The answers made so far, per (organisation, widget, language), made from
/// a version of the rules on a day; shared by all requests.
#[derive(Debug, Default)]
pub struct FirstScreens {
    made: Kept<(String, Widget, Lang), (Version, String), Vec<Answered>>,
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
        let from = (Version(Arc::clone(rules)), ctx.today.clone());
        if let Some(answers) = self.made.get(&key, &from) {
            return answers;
        }
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
        self.made.keep(key, from, answers)
    }
}
