//! Compiled rules per organisation and widget, so a signup does not compile
//! the scripts again. An entry is reused while the scripts' text is the same;
//! an admin's edit is picked up by the next request.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use plugin_host::{Layer, Rules};

use crate::error::ApiError;
use crate::names::{OrgName, Widget};
use crate::store::Store;

/// (organisation, widget) → the layers compiled and the result.
type Compiled = HashMap<(String, Widget), (Vec<Layer>, Arc<Rules>)>;

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
        let layers = self.store.layers(org, widget).await?;
        let key = (org.to_string(), widget);
        if let Some((cached, rules)) = self.lock().get(&key)
            && *cached == layers
        {
            return Ok(Arc::clone(rules));
        }
        // Compiling is CPU work: off the async threads.
        let to_compile = layers.clone();
        let rules = tokio::task::spawn_blocking(move || Rules::compile(&to_compile))
            .await
            .map_err(|e| ApiError::internal("compiling rules", std::io::Error::other(e)))?
            .map_err(ApiError::RulesBroken)?;
        let rules = Arc::new(rules);
        self.lock().insert(key, (layers, Arc::clone(&rules)));
        Ok(rules)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Compiled> {
        self.compiled.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
