//! The signup form's fields (the `fields` hook) per café, made once per
//! script version, café, day and language.
//!
//! Why: the server checks every signup against the form's fields, and the
//! hook ran for each one; it was an eighth of the server's work per signup
//! (a CPU profile at 2,000 signups a second). Scripts get no clock and no
//! I/O, so the same rules, café and `ctx` give the same fields (see
//! [`crate::kept`]).

use std::sync::Arc;

use plugin_host::contract::vacaturecafe::{self, Cafe, Field};
use plugin_host::contract::{Ctx, Lang};
use plugin_host::{Rules, ScriptError};

use crate::kept::{Kept, Version};

/// Which form: (organisation, café, language).
type Which = (String, i64, Lang);

/// What a form is made from: a version of the rules, a day and the café as
/// it was.
type MadeFrom = (Version, String, Cafe);

/// The forms made so far; shared by all requests.
#[derive(Debug, Default)]
pub struct FormFields {
    made: Kept<Which, MadeFrom, Vec<Field>>,
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
        let from = (Version(Arc::clone(rules)), ctx.today.clone(), cafe.clone());
        if let Some(fields) = self.made.get(&key, &from) {
            return Ok(fields);
        }
        let fields = vacaturecafe::fields(&**rules, cafe, ctx)?;
        Ok(self.made.keep(key, from, fields))
    }
}
