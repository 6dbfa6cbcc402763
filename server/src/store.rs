//! Rule scripts on the filesystem: the defaults in `<scripts-dir>/<widget>.rhai`
//! and each organisation's overrides in `<data-dir>/orgs/<org>/<widget>.rhai`.
//!
//! An organisation exists iff its folder exists, so an admin can add one with
//! `mkdir`. Files are read on every request because admins edit them in place;
//! they are small and the OS caches them.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use plugin_host::Layer;

use crate::error::ApiError;
use crate::names::{OrgName, Widget};

/// The demo organisation, created on first start from `scripts/examples/demo/`.
pub const DEMO_ORG: &str = "demo";

/// Where the default and organisation scripts live.
#[derive(Debug, Clone)]
pub struct Store {
    data_dir: PathBuf,
    scripts_dir: PathBuf,
}

impl Store {
    /// A store over `data_dir` (organisations) and `scripts_dir` (defaults).
    pub fn new(data_dir: impl Into<PathBuf>, scripts_dir: impl Into<PathBuf>) -> Self {
        Self {
            data_dir: data_dir.into(),
            scripts_dir: scripts_dir.into(),
        }
    }

    fn orgs_dir(&self) -> PathBuf {
        self.data_dir.join("orgs")
    }

    fn org_dir(&self, org: &OrgName) -> PathBuf {
        // Safe to join: an OrgName is one plain path segment (see `names`).
        self.orgs_dir().join(org.as_str())
    }

    /// The organisation called `name`, if the name is valid and it exists.
    ///
    /// An invalid name is rejected before any filesystem access.
    pub async fn find_org(&self, name: &str) -> Result<OrgName, ApiError> {
        let not_found = || ApiError::OrgNotFound(name.to_owned());
        let org = OrgName::parse(name).ok_or_else(not_found)?;
        match tokio::fs::metadata(self.org_dir(&org)).await {
            Ok(meta) if meta.is_dir() => Ok(org),
            Ok(_) => Err(not_found()),
            Err(e) if e.kind() == ErrorKind::NotFound => Err(not_found()),
            Err(e) => Err(ApiError::internal(
                format!("checking organisation '{org}'"),
                e,
            )),
        }
    }

    /// The widget's default script.
    pub async fn default_script(&self, widget: Widget) -> Result<String, ApiError> {
        let path = self.scripts_dir.join(widget.file_name());
        read_optional(&path)
            .await?
            .ok_or(ApiError::NoDefaultScript(widget))
    }

    /// The organisation's override of the widget's rules, if it has one.
    pub async fn org_script(
        &self,
        org: &OrgName,
        widget: Widget,
    ) -> Result<Option<String>, ApiError> {
        read_optional(&self.org_dir(org).join(widget.file_name())).await
    }

    /// The layers a widget's rules are compiled from: the default, then the
    /// organisation's override if it has one.
    pub async fn layers(&self, org: &OrgName, widget: Widget) -> Result<Vec<Layer>, ApiError> {
        let mut layers = vec![Layer::new("default", self.default_script(widget).await?)];
        if let Some(source) = self.org_script(org, widget).await? {
            layers.push(Layer::new(format!("org:{org}"), source));
        }
        Ok(layers)
    }

    /// Creates the folder of an organisation if it is missing.
    pub async fn ensure_org_dir(&self, org: &OrgName) -> anyhow::Result<()> {
        let dir = self.org_dir(org);
        tokio::fs::create_dir_all(&dir)
            .await
            .with_context(|| format!("creating {}", dir.display()))
    }

    /// Creates the data folder, and the demo organisation if it is missing.
    ///
    /// Returns whether the demo organisation was created. An existing demo
    /// folder is left alone, so an admin's edits survive restarts.
    pub async fn ensure_demo_org(&self) -> anyhow::Result<bool> {
        let orgs = self.orgs_dir();
        tokio::fs::create_dir_all(&orgs)
            .await
            .with_context(|| format!("creating the data folder {}", orgs.display()))?;
        let demo = orgs.join(DEMO_ORG);
        if tokio::fs::try_exists(&demo)
            .await
            .with_context(|| format!("checking {}", demo.display()))?
        {
            return Ok(false);
        }
        let examples = self.scripts_dir.join("examples").join(DEMO_ORG);
        // Fill a folder that is not a valid org name, then rename it: a crash
        // half-way never leaves a demo organisation with missing scripts.
        let partial = orgs.join(".demo.partial");
        if tokio::fs::try_exists(&partial).await.unwrap_or(false) {
            tokio::fs::remove_dir_all(&partial)
                .await
                .with_context(|| format!("removing the leftover {}", partial.display()))?;
        }
        tokio::fs::create_dir(&partial)
            .await
            .with_context(|| format!("creating {}", partial.display()))?;
        copy_scripts(&examples, &partial).await?;
        tokio::fs::rename(&partial, &demo)
            .await
            .with_context(|| format!("creating {}", demo.display()))?;
        Ok(true)
    }
}

/// Copies every `*.rhai` file from `from` to `to`; `from` must hold at least one.
async fn copy_scripts(from: &Path, to: &Path) -> anyhow::Result<()> {
    let context = || {
        format!(
            "reading the demo organisation's scripts in {}",
            from.display()
        )
    };
    let mut entries = tokio::fs::read_dir(from).await.with_context(context)?;
    let mut copied = 0;
    while let Some(entry) = entries.next_entry().await.with_context(context)? {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "rhai") {
            tokio::fs::copy(&path, to.join(entry.file_name()))
                .await
                .with_context(|| format!("copying {}", path.display()))?;
            copied += 1;
        }
    }
    anyhow::ensure!(copied > 0, "no .rhai scripts in {}", from.display());
    Ok(())
}

/// The file's text, or `None` if it does not exist.
async fn read_optional(path: &Path) -> Result<Option<String>, ApiError> {
    match tokio::fs::read_to_string(path).await {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ApiError::internal(format!("reading {}", path.display()), e)),
    }
}
