//! The first screen's answers sent with a widget's rules
//! (`plugin_host::contract::first_screen`): made once per script version and
//! day, within the organisation's share of the hook threads, so a page view
//! runs no script and a slow script slows only its own organisation.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use plugin_host::Rules;
use plugin_host::contract::{Widget, first_screen};
use wire::Answered;

use crate::script_share::ScriptShares;

/// (organisation, widget) → the rules and the day they were made for, and the answers.
type Made = HashMap<(String, Widget), (Arc<Rules>, String, Arc<Vec<Answered>>)>;

/// The answers made so far; shared by all requests.
#[derive(Debug, Default)]
pub struct FirstScreens {
    made: Mutex<Made>,
}

impl FirstScreens {
    /// The first screen's answers of `rules` on `today`; none when the
    /// organisation's share is busy (the widget then waits for its engine).
    pub async fn get(
        &self,
        shares: &ScriptShares,
        org: &str,
        widget: Widget,
        rules: &Arc<Rules>,
        today: &str,
    ) -> Arc<Vec<Answered>> {
        let key = (org.to_owned(), widget);
        if let Some((made_by, day, answers)) = self.lock().get(&key)
            && Arc::ptr_eq(made_by, rules)
            && day == today
        {
            return Arc::clone(answers);
        }
        let made = {
            let (rules, org, today) = (Arc::clone(rules), org.to_owned(), today.to_owned());
            shares
                .run(&org.clone(), move || {
                    first_screen(widget, &*rules, &org, &today)
                })
                .await
        };
        let Ok(answers) = made else {
            return Arc::default();
        };
        let answers = Arc::new(answers);
        self.lock().insert(
            key,
            (Arc::clone(rules), today.to_owned(), Arc::clone(&answers)),
        );
        answers
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Made> {
        self.made.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
