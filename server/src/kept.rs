//! What an organisation's rules made, kept per key together with what it
//! was made from, so a request runs no script when nothing it depends on
//! changed. Scripts get no clock and no I/O (see `plugin_host::contract::Ctx`),
//! so the same rules and inputs make the same answer: a kept answer is the
//! answer. Used for the first screens, the form's fields and the figures'
//! terms; each says what its answers are made from (and by `etag` for the
//! best-quality brotli copy of an answer, made from the answer's text).
//! Where the answer is made on another thread (the organisation's share of
//! the hook threads, a blocking thread), [`Kept::get_or_make`] makes it once
//! for all the requests that ask at the same time.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::OnceCell;

use plugin_host::Rules;

/// The most answers kept; when full, all are forgotten (they are made
/// again as requests need them; one being made then is not kept).
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
        Self::insert(&mut self.lock(), key, from, Arc::clone(&answer));
        answer
    }

    /// The value kept for `key` if it was made from `from`, or else `new()`
    /// kept for it now: looked up and kept under one lock, so requests at
    /// the same time get the same value.
    fn get_or_keep(&self, key: K, from: F, new: impl FnOnce() -> V) -> Arc<V> {
        let mut made = self.lock();
        if let Some((_, kept)) = made.get(&key).filter(|(made_from, _)| *made_from == from) {
            return Arc::clone(kept);
        }
        let kept = Arc::new(new());
        Self::insert(&mut made, key, from, Arc::clone(&kept));
        kept
    }

    fn insert(made: &mut HashMap<K, (F, Arc<V>)>, key: K, from: F, answer: Arc<V>) {
        if made.len() >= KEPT {
            made.clear();
        }
        made.insert(key, (from, answer));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<K, (F, Arc<V>)>> {
        self.made.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Answers made on another thread, each once however many ask for it at the
/// same time (see [`Kept::get_or_make`]): kept answers, and the ones being made.
pub type MadeOnce<K, F, V, E> = Kept<K, F, OnceCell<Result<V, E>>>;

impl<K: Eq + Hash + Clone, F: PartialEq, V: Clone, E: Clone> MadeOnce<K, F, V, E> {
    /// The answer for `key` made from `from`: kept, or made now by `make`,
    /// once however many requests ask for it at the same time: the others
    /// wait for that one and get its answer, or its error (if the request
    /// making it goes away, one of them makes it). An error is not kept: the
    /// next request after it makes the answer again. (Without this, every
    /// request that came while an answer was being made made it too: after a
    /// restart or a new script, a crowd of page views compressed the same
    /// rules at once.)
    pub async fn get_or_make<Made>(
        &self,
        key: K,
        from: F,
        make: impl FnOnce() -> Made,
    ) -> Result<V, E>
    where
        Made: Future<Output = Result<V, E>>,
    {
        let making = self.get_or_keep(key.clone(), from, OnceCell::new);
        let made = making.get_or_init(make).await.clone();
        if made.is_err() {
            let mut kept = self.lock();
            if kept
                .get(&key)
                .is_some_and(|(_, cell)| Arc::ptr_eq(cell, &making))
            {
                kept.remove(&key);
            }
        }
        made
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "a failed test should fail loudly")]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use super::MadeOnce;

    type Answers = MadeOnce<&'static str, u32, usize, ()>;

    /// Makes the next number after a while, counting how often it is asked;
    /// or, with `fail`, fails once all 16 requests of a crowd are asking
    /// (so none comes after the failure and rightly tries again).
    async fn make_or(fail: bool, made: &AtomicUsize, asking: &AtomicUsize) -> Result<usize, ()> {
        tokio::time::sleep(Duration::from_millis(50)).await;
        while fail && asking.load(Ordering::SeqCst) < 16 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let n = made.fetch_add(1, Ordering::SeqCst) + 1;
        if fail { Err(()) } else { Ok(n) }
    }

    async fn make(made: &AtomicUsize) -> Result<usize, ()> {
        make_or(false, made, &AtomicUsize::new(0)).await
    }

    /// 16 requests at once for the same answer, each able to make it (or
    /// fail to, with `fail`); what each got, and how often it was made.
    async fn crowd(kept: &Arc<Answers>, fail: bool) -> (Vec<Result<usize, ()>>, usize) {
        let (made, asking) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let crowd: Vec<_> = (0..16)
            .map(|_| {
                let (kept, made, asking) =
                    (Arc::clone(kept), Arc::clone(&made), Arc::clone(&asking));
                tokio::spawn(async move {
                    // Counted in the same step as the request finds the
                    // answer being made: nothing is awaited in between.
                    asking.fetch_add(1, Ordering::SeqCst);
                    kept.get_or_make("rules", 1, || make_or(fail, &made, &asking))
                        .await
                })
            })
            .collect();
        let mut got = Vec::new();
        for asked in crowd {
            got.push(asked.await.unwrap());
        }
        (got, made.load(Ordering::SeqCst))
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn a_crowd_asking_at_once_has_the_answer_made_once() {
        let kept = Arc::new(Answers::default());
        let (got, made) = crowd(&kept, false).await;
        assert!(
            got.iter().all(|g| *g == Ok(1)),
            "everyone gets the one answer: {got:?}"
        );
        assert_eq!(made, 1, "made once for 16 requests");
        // Asked again later: kept.
        let again = AtomicUsize::new(0);
        assert_eq!(kept.get_or_make("rules", 1, || make(&again)).await, Ok(1));
        assert_eq!(again.load(Ordering::SeqCst), 0);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn a_crowd_waiting_for_an_answer_that_fails_gets_that_failure() {
        let kept = Arc::new(Answers::default());
        let (got, tries) = crowd(&kept, true).await;
        assert!(
            got.iter().all(|g| g.is_err()),
            "everyone hears of the one failure: {got:?}"
        );
        assert_eq!(tries, 1, "tried once, not once after another");
        let made = AtomicUsize::new(0);
        assert_eq!(
            kept.get_or_make("rules", 1, || make(&made)).await,
            Ok(1),
            "tried again"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn an_old_attempt_failing_late_leaves_the_new_rules_answer_kept() {
        let kept = Arc::new(Answers::default());
        let old = {
            let kept = Arc::clone(&kept);
            tokio::spawn(async move {
                let fail_late = || async {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    Err(())
                };
                kept.get_or_make("rules", 1, fail_late).await
            })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        let made = AtomicUsize::new(0);
        assert_eq!(
            kept.get_or_make("rules", 2, || make(&made)).await,
            Ok(1),
            "new rules"
        );
        assert_eq!(old.await.unwrap(), Err(()));
        assert_eq!(
            kept.get_or_make("rules", 2, || make(&made)).await,
            Ok(1),
            "still kept"
        );
        assert_eq!(made.load(Ordering::SeqCst), 1, "made once");
    }

    #[tokio::test]
    async fn a_failure_is_not_kept_and_new_inputs_are_made_anew() {
        let (kept, made) = (Answers::default(), AtomicUsize::new(0));
        assert_eq!(
            kept.get_or_make("rules", 1, || async { Err(()) }).await,
            Err(())
        );
        // (key, rules version) asked in turn → the answer, and why.
        for (key, version, answer, why) in [
            ("rules", 1, 1, "the failure was not kept: made"),
            ("rules", 2, 2, "new rules: made anew"),
            ("texts", 2, 3, "another key: made"),
            ("rules", 2, 2, "kept"),
        ] {
            let asked = kept.get_or_make(key, version, || make(&made)).await;
            assert_eq!(asked, Ok(answer), "{why}");
        }
    }
}
