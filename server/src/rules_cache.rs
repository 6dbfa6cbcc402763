//! Compiled rules per organisation and widget, so a signup does not compile
//! the scripts again. For a second after a check an entry is used as it is;
//! after that the scripts are read again and recompiled only if their text
//! changed, so an admin's edit counts within a second.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use plugin_host::{Layer, Rules};

use crate::error::ApiError;
use crate::names::{OrgName, Widget};
use crate::store::Store;

/// How long a checked entry is used without reading the scripts again.
const FRESH: Duration = Duration::from_secs(1);

/// (organisation, widget) → when checked, the layers compiled and the result.
type Compiled = HashMap<(String, Widget), (Instant, Vec<Layer>, Arc<Rules>)>;

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
        if let Some((checked, _, rules)) = self.lock().get(&key)
            && checked.elapsed() < FRESH
        {
            return Ok(Arc::clone(rules));
        }
        let layers = self.store.layers(org, widget).await?;
        if let Some((checked, cached, rules)) = self.lock().get_mut(&key)
            && *cached == layers
        {
            *checked = Instant::now();
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
            .insert(key, (Instant::now(), layers, Arc::clone(&rules)));
        Ok(rules)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Compiled> {
        self.compiled.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
