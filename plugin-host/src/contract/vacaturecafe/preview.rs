//! The playground's preview of a signup: decided by the edited script, as the
//! server would, but nothing is stored.

use super::{CafeListing, Form, Outcome, SignupAnswer, decide};
use crate::ScriptError;
use crate::contract::Ctx;
use crate::contract::hooks::Hooks;

/// What the server would answer to this (checked) signup now, without taking
/// it: the admin playground's preview runs the edited script this way, so
/// trying the form creates no signup. No cancellation token, since nothing
/// was stored.
pub fn dry_run(
    rules: &dyn Hooks,
    form: &Form,
    listing: &CafeListing,
    ctx: &Ctx,
) -> Result<SignupAnswer, ScriptError> {
    let decision = decide(rules, form, &listing.cafe, &listing.counts, ctx)?;
    let outcome = decision.outcome.within(&listing.counts);
    // `then` not `then_some`: the sum is only made for a waiting-list place,
    // and saturates, since the counts come from the caller.
    let position =
        (outcome == Outcome::Waitlist).then(|| listing.counts.waitlist.saturating_add(1));
    Ok(SignupAnswer {
        status: outcome.status(),
        message: decision.message,
        position,
        cancel_token: None,
        already: false,
        cafe: listing.clone(),
        mail: false,
        door: None,
    })
}
