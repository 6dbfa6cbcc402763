//! The signup form's fields (the `fields` hook) per café, made once per
//! script version, café, day and language.
//!
//! Why: the server checks every signup against the form's fields, and the
//! hook ran for each one; it was an eighth of the server's work per signup
//! (a CPU profile at 2,000 signups a second). Scripts get no clock and no
//! I/O (see [`Ctx`]), so the same rules, café and `ctx` give the same
//! fields: a kept answer is the answer.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use plugin_host::contract::vacaturecafe::{self, Cafe, Field};
use plugin_host::contract::{Ctx, Lang};
use plugin_host::{Rules, ScriptError};

/// The most forms kept; when full, all are forgotten (an organisation
/// with this many cafés in use at once makes them again, one each).
const KEPT: usize = 4096;

/// What a form was made from, and the form.
#[derive(Debug)]
struct Made {
    rules: Arc<Rules>,
    cafe: Cafe,
    today: String,
    fields: Arc<Vec<Field>>,
}

/// The forms made so far; shared by all requests.
#[derive(Debug, Default)]
pub struct FormFields {
    made: Mutex<HashMap<(String, i64, Lang), Made>>,
}

impl FormFields {
    /// The fields of `rules` for `cafe` (as the person sees it) and `ctx`:
    /// kept, or made now by the hook. Run it within the organisation's
    /// share: a miss runs the script.
    pub fn get(
        &self,
        rules: &Arc<Rules>,
        cafe: &Cafe,
        ctx: &Ctx,
    ) -> Result<Arc<Vec<Field>>, ScriptError> {
        let key = (ctx.org.clone(), cafe.id, ctx.lang);
        if let Some(made) = self.lock().get(&key)
            && Arc::ptr_eq(&made.rules, rules)
            && made.today == ctx.today
            && made.cafe == *cafe
        {
            return Ok(Arc::clone(&made.fields));
        }
        let fields = Arc::new(vacaturecafe::fields(&**rules, cafe, ctx)?);
        let mut made = self.lock();
        if made.len() >= KEPT {
            made.clear();
        }
        made.insert(
            key,
            Made {
                rules: Arc::clone(rules),
                cafe: cafe.clone(),
                today: ctx.today.clone(),
                fields: Arc::clone(&fields),
            },
        );
        Ok(fields)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(String, i64, Lang), Made>> {
        self.made.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
