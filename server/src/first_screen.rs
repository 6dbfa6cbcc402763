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

/// The answers made so far, per (organisation, widget, language), made from
/// a version of the rules on a day; shared by all requests.
#[derive(Debug, Default)]
pub struct FirstScreens {
    made: MadeOnce<Which, (Version, String), Arc<Vec<Answered>>, RunError>,
}

/// A first screen: (organisation, widget, language).
type Which = (String, Widget, Lang);

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
        let key = (ctx.org.clone(), widget, ctx.lang);
        let from = (Version(Arc::clone(rules)), ctx.today.clone());
        let made = self.made.get_or_make(key, from, || {
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
