//! Compiled rules per organisation and widget, so a signup does not compile
//! the scripts again. For a second after a check an entry is used as it is;
//! after that the scripts are read again and recompiled only if their text
//! changed, so a change made any other way counts within a second. A publish
//! or roll-back at this instance counts from the next request on
//! ([`Store::heard_publish`]); on PostgreSQL one at any instance is heard at
//! once ([`follow_publishes`]), and the next request reads the scripts again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use plugin_host::{Layer, Rules};

use sqlx::postgres::PgListener;

use crate::db::{Db, SCRIPTS_CHANNEL};
use crate::error::ApiError;
use crate::names::{OrgName, Widget};
use crate::store::Store;

/// How long a checked entry is used without reading the scripts again.
const FRESH: Duration = Duration::from_secs(1);

/// When an entry was checked: the time, and the publishes heard then.
type Checked = (Instant, u64);

/// (organisation, widget) → when checked, the layers compiled and the result.
type Compiled = HashMap<(String, Widget), (Checked, Vec<Layer>, Arc<Rules>)>;

/// The cache; shared by all requests.
#[derive(Debug)]
pub struct RulesCache {
    store: Arc<Store>,
    compiled: Mutex<Compiled>,
}

impl RulesCache {
    /// An empty cache over `store`.
    pub fn new(store: Arc<Store>) -> Self {
        Self {
            store,
            compiled: Mutex::default(),
        }
    }

    /// The organisation's compiled rules for `widget`.
    pub async fn get(&self, org: &OrgName, widget: Widget) -> Result<Arc<Rules>, ApiError> {
        let key = (org.to_string(), widget);
        let heard = self.store.publishes_heard();
        if let Some(((at, seen), _, rules)) = self.lock().get(&key)
            && at.elapsed() < FRESH
            && *seen == heard
        {
            return Ok(Arc::clone(rules));
        }
        let layers = self.store.layers(org, widget).await?;
        if let Some((checked, cached, rules)) = self.lock().get_mut(&key)
            && *cached == layers
        {
            *checked = (Instant::now(), heard);
            return Ok(Arc::clone(rules));
        }
        // Compiling is CPU work: off the async threads.
        let to_compile = layers.clone();
        let rules = tokio::task::spawn_blocking(move || Rules::compile(&to_compile))
            .await
            .map_err(|e| ApiError::internal("compiling rules", std::io::Error::other(e)))?
            .map_err(ApiError::RulesBroken)?;
        let rules = Arc::new(rules);
        self.lock()
            .insert(key, ((Instant::now(), heard), layers, Arc::clone(&rules)));
        Ok(rules)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Compiled> {
        self.compiled.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// On PostgreSQL: listens for publishes and rollbacks at any instance (see
/// [`crate::db::SCRIPTS_CHANNEL`]) and tells `store`'s caches, until
/// `stop`'s sender is dropped. A connection lost meanwhile counts as a
/// publish heard (one may have been missed).
pub fn follow_publishes(db: &Db, store: Arc<Store>, mut stop: tokio::sync::watch::Receiver<()>) {
    let Some(url) = db.url().map(str::to_owned) else {
        return;
    };
    tokio::spawn(async move {
        let mut listener = loop {
            let connected = async {
                let mut listener = PgListener::connect(&url).await?;
                listener.listen(SCRIPTS_CHANNEL).await?;
                Ok::<_, sqlx::Error>(listener)
            };
            match connected.await {
                Ok(listener) => break listener,
                Err(e) => tracing::warn!(error = %e, "listening for published scripts"),
            }
            tokio::select! {
                () = tokio::time::sleep(FRESH) => {}
                _ = stop.changed() => return,
            }
        };
        loop {
            tokio::select! {
                heard = listener.try_recv() => {
                    if let Err(e) = &heard {
                        tracing::warn!(error = %e, "listening for published scripts");
                        tokio::time::sleep(FRESH).await;
                    }
                    store.heard_publish();
                }
                _ = stop.changed() => return,
            }
        }
    });
}
