//! Personal data is kept only as long as promised: the consent text says the
//! details of a café's signups are deleted within a month after the café.
//!
//! For every past café whose signups still have their details, the
//! organisation's `keep_days(cafe)` hook says how many days to keep them (the
//! default script: 30; at most `--keep-days`, itself at most 30). On that
//! day, [`run`] deletes them (names, e-mail and phone keys, answers,
//! cancellation tokens); each signup's status stays, so the organisation's
//! counts do. The server runs it at start-up and every hour after
//! ([`every_hour`]); `bondgenoot retention run` runs it by hand, on any day.
//! Each café done is a line in the organisation's admin log.
//!
//! Shared figures go the same way, a month at a time: from the month the
//! keeping time promised when they came ended (`delete_from`), or sooner
//! when the organisation's `figures()` now keeps them for less.

use std::sync::Arc;
use std::time::Duration;

use plugin_host::Rules;
use plugin_host::contract::vacaturecafe::{self, MAX_KEEP_DAYS};
use plugin_host::contract::{Widget, figures};
use time::Date;

use crate::db::{Db, DbError};
use crate::names::OrgName;
use crate::rules_cache::RulesCache;
use crate::store::Store;

/// What one run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Cafés whose signups' details were deleted.
    pub cafes: u64,
    /// Signups whose details were deleted.
    pub signups: u64,
    /// Shared figures whose keeping time ended.
    pub figures: u64,
}

/// Deletes the details of every café whose keeping time ended before `today`.
/// `max_days` caps every organisation's `keep_days`.
pub async fn run(
    db: &Db,
    rules: &RulesCache,
    today: Date,
    max_days: u32,
) -> Result<Summary, DbError> {
    let max_days = max_days.min(MAX_KEEP_DAYS);
    let mut summary = Summary::default();
    for kept in db.cafes_with_details_before(&today.to_string()).await? {
        let Some(listing) = db.cafe(&kept.org, kept.id).await? else {
            continue;
        };
        let days = keep_days(rules, &kept.org, &listing.cafe)
            .await
            .min(max_days);
        let Some(date) = crate::clock::parse_day(&listing.cafe.details.date) else {
            tracing::warn!(
                org = kept.org,
                cafe = kept.id,
                "a café with an unreadable date"
            );
            continue;
        };
        // On the day `days` after the café at the latest: 30 days is
        // "within a month" for a café on the 31st, and one day over for one
        // in a short month.
        let due = date.saturating_add(time::Duration::days(i64::from(days)));
        if today < due {
            continue;
        }
        let why = format!("{days} days after {date}");
        summary.signups += db.delete_details(kept, today.to_string(), why).await?;
        summary.cafes += 1;
    }
    summary.figures = delete_figures(db, rules, &today.to_string()).await?;
    Ok(summary)
}

/// Deletes shared figures whose keeping time ended: the time promised when
/// they came, or the organisation's `keep_months` now if that is shorter.
/// Months go whole. How many shares went.
async fn delete_figures(db: &Db, rules: &RulesCache, today: &str) -> Result<u64, DbError> {
    let this_month = wire::figures::month_of(today).to_owned();
    let mut deleted = db.delete_figures_from(this_month.clone()).await?;
    for (org, widget) in db.figure_owners().await? {
        let Some(keep) = keep_months(rules, &org, &widget).await else {
            continue;
        };
        let last = crate::figures::months_before(&this_month, keep);
        deleted += db.delete_figures_through(&org, &widget, last).await?;
    }
    Ok(deleted)
}

/// The organisation's `keep_months` for a widget's figures now; `None` when
/// its rules fail (logged: the shares keep the time promised when they came).
async fn keep_months(rules: &RulesCache, org: &str, widget: &str) -> Option<u32> {
    let Some(widget) = Widget::parse(widget) else {
        tracing::warn!(
            org,
            widget,
            "figures of an unknown widget: kept as promised when they came"
        );
        return None;
    };
    match hook(rules, org, widget, |rules| figures::figures(rules)).await {
        Ok(figures) => Some(figures.keep_months),
        Err(e) => {
            tracing::warn!(org, %widget, error = %e, "figures() failed: shares kept as promised when they came");
            None
        }
    }
}

/// The organisation's `keep_days` for the café; what the default consent
/// text promises when its rules fail (logged).
async fn keep_days(rules: &RulesCache, org: &str, cafe: &vacaturecafe::Cafe) -> u32 {
    let cafe = cafe.clone();
    let days = hook(rules, org, Widget::Vacaturecafe, move |rules| {
        vacaturecafe::keep_days(rules, &cafe)
    });
    match days.await {
        Ok(days) => days,
        Err(e) => {
            tracing::warn!(org, error = %e, "keep_days failed: details kept {MAX_KEEP_DAYS} days, as promised");
            MAX_KEEP_DAYS
        }
    }
}

/// Runs `call` on the organisation's rules for `widget`, off the async
/// threads; why not, in words for the log.
async fn hook<T: Send + 'static>(
    rules: &RulesCache,
    org: &str,
    widget: Widget,
    call: impl FnOnce(&Rules) -> Result<T, plugin_host::ScriptError> + Send + 'static,
) -> Result<T, String> {
    let name = OrgName::parse(org).ok_or("not a valid organisation name")?;
    let rules = rules.get(&name, widget).await.map_err(|e| e.to_string())?;
    tokio::task::spawn_blocking(move || call(&rules))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())
}

/// Runs [`run`] now and then every hour until `stop`'s sender is dropped
/// (the server stops): a café's
/// details go on the first run after their last day, whenever the server
/// was started.
pub fn every_hour(
    db: Db,
    store: Arc<Store>,
    clock: crate::clock::Clock,
    max_days: u32,
    mut leader: crate::leader::Leader,
    mut stop: tokio::sync::watch::Receiver<()>,
) {
    let rules = RulesCache::new(store);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60 * 60));
        loop {
            // Only the leader deletes (see `crate::leader`).
            tokio::select! {
                () = async { tick.tick().await; leader.wait().await } => {}
                _ = stop.changed() => return,
            }
            match run(&db, &rules, clock.today(), max_days).await {
                Ok(s) => {
                    if s.cafes > 0 {
                        tracing::info!(
                            "deleted the personal details of {} signups of {} past cafés",
                            s.signups,
                            s.cafes
                        );
                    }
                    if s.figures > 0 {
                        tracing::info!(
                            "deleted {} shared figures whose keeping time ended",
                            s.figures
                        );
                    }
                }
                Err(e) => {
                    tracing::error!(error = %e, "deleting personal details and figures whose time ended")
                }
            }
        }
    });
}
