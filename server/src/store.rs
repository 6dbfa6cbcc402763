//! Where rule scripts come from: the defaults from `<scripts-dir>/<widget>.rhai`
//! (part of the release), each organisation's override from the database
//! (the live version an admin published, see [`crate::db::ScriptVersion`]).
//!
//! Scripts once lived as files in `<data-dir>/orgs/<org>/<widget>.rhai`; such
//! folders are imported once at start-up (see [`Store::import_legacy`]), so an upgrade
//! loses nothing.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::Context as _;
use plugin_host::Layer;

use crate::db::{Db, NewVersion};
use crate::error::ApiError;
use crate::names::{OrgName, Widget};

/// The demo organisation, set up by `serve --demo` from `scripts/examples/demo/`.
pub const DEMO_ORG: &str = "demo";

/// The default scripts on disk and the organisations' versions in the database.
#[derive(Debug, Clone)]
pub struct Store {
    db: Db,
    data_dir: PathBuf,
    scripts_dir: PathBuf,
    /// Counts the publishes: this instance's own, and those heard from
    /// other instances (see [`crate::rules_cache::follow_publishes`]).
    published: Arc<AtomicU64>,
}

impl Store {
    /// A store over the database, `data_dir` (old script folders, imported
    /// once) and `scripts_dir` (defaults).
    pub fn new(db: Db, data_dir: impl Into<PathBuf>, scripts_dir: impl Into<PathBuf>) -> Self {
        Self {
            db,
            data_dir: data_dir.into(),
            scripts_dir: scripts_dir.into(),
            published: Arc::default(),
        }
    }

    /// Tells the caches that an organisation's scripts changed, here or
    /// elsewhere: the next request reads them again.
    pub fn heard_publish(&self) {
        self.published.fetch_add(1, Ordering::Relaxed);
    }

    /// How many publishes were heard: a cache entry checked at another
    /// count is read again.
    pub fn publishes_heard(&self) -> u64 {
        self.published.load(Ordering::Relaxed)
    }

    /// The database the versions live in.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The widget's default script.
    pub async fn default_script(&self, widget: Widget) -> Result<String, ApiError> {
        let path = self.scripts_dir.join(widget.file_name());
        read_optional(&path)
            .await?
            .ok_or(ApiError::NoDefaultScript(widget))
    }

    /// The default script's test cases (JSON), or empty text if it has none.
    pub async fn default_tests(&self, widget: Widget) -> Result<String, ApiError> {
        let path = self
            .scripts_dir
            .join(format!("{}.tests.json", widget.name()));
        Ok(read_optional(&path).await?.unwrap_or_default())
    }

    /// The organisation's live override of the widget's rules, if it has one.
    pub async fn org_script(
        &self,
        org: &OrgName,
        widget: Widget,
    ) -> Result<Option<String>, ApiError> {
        let live = self.db.live_script(org.as_str(), widget).await?;
        Ok(live.map(|v| v.source))
    }

    /// The layers a widget's rules are compiled from: the default, then the
    /// organisation's override if it has one.
    pub async fn layers(&self, org: &OrgName, widget: Widget) -> Result<Vec<Layer>, ApiError> {
        let default = self.default_script(widget).await?;
        let org_source = self.org_script(org, widget).await?;
        Ok(layers(org, default, org_source))
    }

    /// Creates the demo organisation with its example scripts (for each
    /// widget only if it has no version yet, so an admin's edits are kept).
    pub async fn seed_demo(&self) -> anyhow::Result<()> {
        self.db.ensure_org(DEMO_ORG).await?;
        let examples = self.scripts_dir.join("examples").join(DEMO_ORG);
        let imported = self
            .import_folder(DEMO_ORG, &examples, "The demo organisation's example")
            .await?;
        if imported > 0 {
            tracing::info!("gave the demo organisation its example scripts");
        }
        Ok(())
    }

    /// Imports the script folders of older releases (`<data-dir>/orgs/<org>/`),
    /// each only if the organisation has no version yet for that widget.
    pub async fn import_legacy(&self) -> anyhow::Result<()> {
        let orgs = self.data_dir.join("orgs");
        let mut entries = match tokio::fs::read_dir(&orgs).await {
            Ok(entries) => entries,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e).with_context(|| format!("reading {}", orgs.display())),
        };
        while let Some(entry) = entries
            .next_entry()
            .await
            .with_context(|| format!("reading {}", orgs.display()))?
        {
            let name = entry.file_name();
            let Some(org) = name.to_str().and_then(OrgName::parse) else {
                continue;
            };
            if !entry.path().is_dir() {
                continue;
            }
            self.db.ensure_org(org.as_str()).await?;
            let imported = self
                .import_folder(org.as_str(), &entry.path(), "Imported from")
                .await?;
            if imported > 0 {
                tracing::info!(
                    %org,
                    "imported {imported} script(s) from {}; from now on the published \
                     version in the database counts, not the file",
                    entry.path().display()
                );
            }
        }
        Ok(())
    }

    /// Adds `<folder>/<widget>.rhai` (and its `.tests.json`) as a first
    /// version for each widget that has none; returns how many were added.
    async fn import_folder(&self, org: &str, folder: &Path, note: &str) -> anyhow::Result<usize> {
        let mut imported = 0;
        for widget in Widget::ALL {
            let file = folder.join(widget.file_name());
            let Some(source) = read_optional(&file).await.map_err(anyhow::Error::msg)? else {
                continue;
            };
            let tests_file = folder.join(format!("{}.tests.json", widget.name()));
            let tests = read_optional(&tests_file)
                .await
                .map_err(anyhow::Error::msg)?
                .unwrap_or_default();
            let new = NewVersion {
                source,
                tests,
                note: format!("{note} {}", file.display()),
                author: "Bondgenoot".to_owned(),
            };
            if self
                .db
                .publish_script(org, widget, new, true)
                .await?
                .is_some()
            {
                imported += 1;
            }
        }
        Ok(imported)
    }
}

/// The default layer, then the organisation's layer if it has one.
pub fn layers(org: &OrgName, default: String, org_source: Option<String>) -> Vec<Layer> {
    let mut layers = vec![Layer::new("default", default)];
    if let Some(source) = org_source {
        layers.push(Layer::new(org_layer(org), source));
    }
    layers
}

/// The name errors give the organisation's layer: `org:<name>`.
pub fn org_layer(org: &OrgName) -> String {
    format!("org:{org}")
}

/// The file's text, or `None` if it does not exist.
async fn read_optional(path: &Path) -> Result<Option<String>, ApiError> {
    match tokio::fs::read_to_string(path).await {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ApiError::internal(format!("reading {}", path.display()), e)),
    }
}
