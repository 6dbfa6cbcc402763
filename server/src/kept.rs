//! What an organisation's rules made, kept per key together with what it
//! was made from, so a request runs no script when nothing it depends on
//! changed. Scripts get no clock and no I/O (see `plugin_host::contract::Ctx`),
//! so the same rules and inputs make the same answer: a kept answer is the
//! answer. Used for the first screens, the form's fields and the figures'
//! terms; each says what its answers are made from (and by `etag` for the
//! best-quality brotli copy of an answer, made from the answer's text).

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex, PoisonError};

use plugin_host::Rules;

/// The most answers kept; when full, all are forgotten (they are made
/// again, one each, as requests need them).
const KEPT: usize = 4096;

/// A version of an organisation's compiled rules, equal only to itself: the
/// rules cache makes a new one for every new script version.
#[derive(Debug, Clone)]
pub struct Version(pub Arc<Rules>);

impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Answers `V` per key `K`, each with what it was made from (`F`).
#[derive(Debug)]
pub struct Kept<K, F, V> {
    made: Mutex<HashMap<K, (F, Arc<V>)>>,
}

impl<K, F, V> Default for Kept<K, F, V> {
    fn default() -> Self {
        Self {
            made: Mutex::new(HashMap::new()),
        }
    }
}

impl<K: Eq + Hash, F: PartialEq, V> Kept<K, F, V> {
    /// The answer kept for `key`, if it was made from `from`.
    pub fn get(&self, key: &K, from: &F) -> Option<Arc<V>> {
        self.lock()
            .get(key)
            .filter(|(made_from, _)| made_from == from)
            .map(|(_, answer)| Arc::clone(answer))
    }

    /// Keeps `answer` for `key`, made from `from`; returns it.
    pub fn keep(&self, key: K, from: F, answer: V) -> Arc<V> {
        let answer = Arc::new(answer);
        let mut made = self.lock();
        if made.len() >= KEPT {
            made.clear();
        }
        made.insert(key, (from, Arc::clone(&answer)));
        answer
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<K, (F, Arc<V>)>> {
        self.made.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
