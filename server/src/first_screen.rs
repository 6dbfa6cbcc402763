//! The first screen's answers (`plugin_host::contract::first_screen`): made
//! once per script version, day and language, within the organisation's
//! share of the hook threads, so a page view runs no script and a slow script
//! slows only its own organisation.

use std::sync::Arc;

use plugin_host::Rules;
use plugin_host::contract::{Ctx, Lang, Widget, first_screen};
use wire::Answered;

use crate::kept::{MadeOnce, Version};
use crate::script_share::{RunError, ScriptShares};

/// The answers made so far, per (organisation, widget, language, day), made
/// from a version of the rules; shared by all requests.
#[derive(Debug, Default)]
pub struct FirstScreens {
    made: MadeOnce<Which, Version, Arc<Vec<Answered>>, RunError>,
}

/// A first screen: (organisation, widget, language, day). The day is in the
/// key, not in what it was made from: around midnight people a time zone
/// apart ask for two days at once, and each day keeps its own. Three days
/// at most are asked for on any one day of the organisation's (see
/// `scripts::day_for`); past days stay until the kept answers are forgotten
/// all at once (`kept::KEPT`), and are made again as asked for.
type Which = (String, Widget, Lang, String);

impl FirstScreens {
    /// The first screen's answers of `rules` for `ctx`; none when the
    /// organisation's share is busy (the widget then waits for its engine).
    /// Made once however many page views ask for it at the same time.
    pub async fn get(
        &self,
        shares: &ScriptShares,
        widget: Widget,
        rules: &Arc<Rules>,
        ctx: Ctx,
    ) -> Arc<Vec<Answered>> {
        let key = (ctx.org.clone(), widget, ctx.lang, ctx.today.clone());
        let made = self.made.get_or_make(key, Version(Arc::clone(rules)), || {
            let rules = Arc::clone(rules);
            let org = ctx.org.clone();
            async move {
                shares
                    .run(&org, move || Arc::new(first_screen(widget, &*rules, &ctx)))
                    .await
            }
        });
        made.await.unwrap_or_default()
    }
}
