//! The reference of every widget's hooks and helpers, kept in
//! `scripts/reference.json`: the admin playground shows it beside the editor
//! and the README's hook sections are made from it, so there is one source.

use std::path::Path;

use anyhow::Context as _;
use serde::{Deserialize, Serialize};

use crate::names::Widget;

/// The whole file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Reference {
    /// What the file is, for whoever opens it.
    pub about: String,
    /// Per widget name.
    pub widgets: std::collections::BTreeMap<String, WidgetReference>,
}

/// One widget's hooks, notes and helpers.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WidgetReference {
    /// The hooks the widget calls.
    pub hooks: Vec<Hook>,
    /// What the arguments hold and the rules the results follow.
    pub notes: Vec<String>,
    /// Smaller functions an organisation can override instead of a hook.
    pub helpers: Vec<Helper>,
}

/// A hook: its call, arguments, return shape and an example.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Hook {
    /// E.g. `score(answers, ctx)`.
    pub hook: String,
    /// The arguments, in words.
    pub gets: String,
    /// The return shape.
    pub returns: String,
    /// A small organisation script that uses it.
    pub example: String,
}

/// A helper: what overriding it changes, and an example.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Helper {
    /// E.g. `weight_changes()`.
    pub helper: String,
    /// What it changes.
    pub changes: String,
    /// A one-line override, or empty.
    pub example: String,
}

impl Reference {
    /// Reads `<scripts-dir>/reference.json`.
    pub fn load(scripts_dir: &Path) -> anyhow::Result<Self> {
        let path = scripts_dir.join("reference.json");
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        serde_json::from_str(&text).with_context(|| format!("reading {}", path.display()))
    }

    /// The widget's part.
    pub fn widget(&self, widget: Widget) -> Option<&WidgetReference> {
        self.widgets.get(widget.name())
    }

    /// `readme` with each widget's section (between `<!-- reference:NAME -->`
    /// and `<!-- /reference:NAME -->`) made again from this reference.
    pub fn update_readme(&self, readme: &str) -> anyhow::Result<String> {
        let mut out = readme.to_owned();
        for widget in Widget::ALL {
            let Some(part) = self.widget(widget) else {
                anyhow::bail!("reference.json has no part for {widget}");
            };
            let (open, close) = markers(widget);
            let start = out
                .find(&open)
                .with_context(|| format!("the README has no {open}"))?
                + open.len();
            let end = out[start..]
                .find(&close)
                .with_context(|| format!("the README has no {close}"))?
                + start;
            out.replace_range(start..end, &format!("\n{}", part.markdown()));
        }
        Ok(out)
    }
}

fn markers(widget: Widget) -> (String, String) {
    (
        format!("<!-- reference:{widget} -->"),
        format!("<!-- /reference:{widget} -->"),
    )
}

impl WidgetReference {
    /// The README section: a table of hooks, the notes, a table of helpers.
    pub fn markdown(&self) -> String {
        let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        let mut md = String::from("| hook | gets | returns |\n|---|---|---|\n");
        for h in &self.hooks {
            md.push_str(&format!(
                "| `{}` | {} | {} |\n",
                h.hook,
                cell(&h.gets),
                cell(&h.returns)
            ));
        }
        md.push('\n');
        for note in &self.notes {
            md.push_str(&format!("- {note}\n"));
        }
        md.push_str("\nHelpers you may override instead of a whole hook:\n\n");
        md.push_str("| helper | what it changes | example |\n|---|---|---|\n");
        for h in &self.helpers {
            let example = if h.example.is_empty() {
                String::new()
            } else {
                format!("`{}`", cell(&h.example))
            };
            md.push_str(&format!(
                "| `{}` | {} | {example} |\n",
                h.helper,
                cell(&h.changes)
            ));
        }
        md
    }
}
