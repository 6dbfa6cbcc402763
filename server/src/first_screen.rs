//! The first screen's answers (`plugin_host::contract::first_screen`): made
//! once per script version, day and language, within the organisation's
//! share of the hook threads, so a page view runs no script and a slow script
//! slows only its own organisation.

use std::sync::Arc;

use plugin_host::Rules;
use plugin_host::contract::{Ctx, Lang, Widget, first_screen};
use wire::Answered;

use crate::error::ApiError;
use crate::etag::Precompressed;
use crate::kept::{Kept, Version};
use crate::script_share::ScriptShares;

/// The first screens as sent (JSON with its brotli copy, compressed once),
/// per (organisation, widget, language), made from a version of the rules on
/// a day; shared by all requests.
#[derive(Debug, Default)]
pub struct FirstScreens {
    sent: Kept<(String, Widget, Lang), (Version, String), Precompressed>,
}

impl FirstScreens {
    /// The first screen of `rules` for `ctx` as sent; `None` when the
    /// organisation's share is busy (the widget then waits for its engine:
    /// see [`json`] for the screen without answers).
    pub async fn sent(
        &self,
        shares: &ScriptShares,
        widget: Widget,
        rules: &Arc<Rules>,
        ctx: Ctx,
    ) -> Result<Option<Arc<Precompressed>>, ApiError> {
        let key = (ctx.org.clone(), widget, ctx.lang);
        let from = (Version(Arc::clone(rules)), ctx.today.clone());
        if let Some(body) = self.sent.get(&key, &from) {
            return Ok(Some(body));
        }
        let (org, lang) = (ctx.org.clone(), ctx.lang);
        let made = {
            let rules = Arc::clone(rules);
            let org = ctx.org.clone();
            shares
                .run(&org, move || first_screen(widget, &*rules, &ctx))
                .await
        };
        let Ok(answered) = made else {
            return Ok(None);
        };
        let body = Precompressed::off_workers(json(&org, widget, lang, answered)?)
            .await
            .map_err(|e| ApiError::internal("compressing the first screen", e))?;
        Ok(Some(self.sent.keep(key, from, body)))
    }
}

/// The first screen as sent (`wire::FirstScreen`).
pub fn json(
    org: &str,
    widget: Widget,
    lang: Lang,
    answered: Vec<Answered>,
) -> Result<String, ApiError> {
    let body = wire::FirstScreen {
        org: org.to_owned(),
        widget: widget.name().to_owned(),
        lang,
        answered,
    };
    serde_json::to_string(&body)
        .map_err(|e| ApiError::internal("writing the first screen as JSON", e.into()))
}
