//! The Alliantiescan's state and reducer, and the forms it travels in: kept
//! on the device, and shared as a link whose fragment (never sent to a
//! server) carries one partner's scan.

use std::rc::Rc;

use plugin_host::contract::alliantiescan::{Tick, Ticks};
use serde::{Deserialize, Serialize};
use yew::Reducible;

/// Which view is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// Ticking items.
    #[default]
    Checklist,
    /// The assessment.
    Result,
    /// Partners' scans side by side.
    Compare,
}

/// One partner's scan: what a share link carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scan {
    /// Always [`Scan::FORMAT`].
    pub format: String,
    /// Format version.
    pub version: u32,
    /// Which partner filled it in.
    #[serde(default)]
    pub partner: String,
    /// The ticks.
    #[serde(default)]
    pub ticks: Ticks,
}

/// The fragment key of a share link: `…#bg-alliantiescan=<scan>`.
const FRAGMENT: &str = "bg-alliantiescan=";

impl Scan {
    /// The `format` value of a shared Alliantiescan scan.
    pub const FORMAT: &'static str = "bondgenoot-alliantiescan";

    /// A scan of ours.
    pub fn new(partner: &str, ticks: &Ticks) -> Self {
        Self {
            format: Self::FORMAT.into(),
            version: 1,
            partner: partner.into(),
            ticks: ticks.clone(),
        }
    }

    /// Reads a scan from JSON; `None` if it is not one of ours.
    pub fn parse(json: &str) -> Option<Self> {
        let scan: Scan = serde_json::from_str(json).ok()?;
        (scan.format == Self::FORMAT && scan.version == 1).then_some(scan)
    }

    /// `page` (without fragment) plus a fragment carrying this scan.
    pub fn link(&self, page: &str) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        let page = page.split('#').next().unwrap_or(page);
        format!(
            "{page}#{FRAGMENT}{}",
            String::from(js_sys::encode_uri_component(&json))
        )
    }

    /// The scan in a link or a bare fragment, if it carries one.
    pub fn from_link(link: &str) -> Option<Self> {
        let encoded = link.split_once(FRAGMENT)?.1;
        let encoded = encoded.split('&').next().unwrap_or(encoded).trim();
        let json = js_sys::decode_uri_component(encoded).ok()?;
        Self::parse(&String::from(json))
    }
}

/// What is kept on the device between visits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kept {
    /// Our own scan.
    pub scan: Scan,
    /// Partners' scans being compared.
    #[serde(default)]
    pub compare: Vec<Scan>,
}

/// Everything on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The view shown.
    pub view: View,
    /// Which partner we are.
    pub partner: String,
    /// Our ticks.
    pub ticks: Ticks,
    /// Partners' scans to compare with ours.
    pub compare: Vec<Scan>,
}

impl Default for State {
    fn default() -> Self {
        Self {
            view: View::Checklist,
            partner: String::new(),
            ticks: Ticks::new(),
            compare: Vec::new(),
        }
    }
}

impl State {
    /// From what was kept.
    pub fn from_kept(kept: Kept) -> Self {
        Self {
            partner: kept.scan.partner,
            ticks: kept.scan.ticks,
            compare: kept.compare,
            ..Self::default()
        }
    }

    /// What to keep.
    pub fn kept(&self) -> Kept {
        Kept {
            scan: Scan::new(&self.partner, &self.ticks),
            compare: self.compare.clone(),
        }
    }

    /// Whether nothing was entered.
    pub fn is_empty(&self) -> bool {
        self.ticks.is_empty() && self.partner.is_empty() && self.compare.is_empty()
    }
}

/// One field of a tick.
pub enum Field {
    /// `no` / `partly` / `yes`.
    Level,
    /// The note.
    Note,
    /// The owning partner.
    Owner,
    /// The owner's role.
    Role,
}

/// What can happen.
pub enum Action {
    /// Change one field of an item's tick.
    Set(String, Field, String),
    /// Our partner name.
    Partner(String),
    /// Show a view.
    Go(View),
    /// Replace our scan with a shared one.
    Open(Scan),
    /// Add a partner's scan to the comparison (replacing one of the same partner).
    Compare(Scan),
    /// A scan arrived in a share link: ours if we have none, else compared.
    Shared(Scan),
    /// Remove a scan from the comparison.
    Uncompare(usize),
    /// Forget everything.
    Reset,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Set(id, field, value) => {
                let tick = next.ticks.entry(id).or_insert_with(|| Tick {
                    level: "no".into(),
                    ..Tick::default()
                });
                match field {
                    Field::Level => tick.level = value,
                    Field::Note => tick.note = value,
                    Field::Owner => tick.owner = value,
                    Field::Role => tick.role = value,
                }
            }
            Action::Partner(name) => next.partner = name,
            Action::Go(view) => next.view = view,
            Action::Open(scan) => {
                next.partner = scan.partner;
                next.ticks = scan.ticks;
                next.view = View::Result;
            }
            Action::Compare(scan) => {
                next.compare.retain(|s| s.partner != scan.partner);
                next.compare.push(scan);
                next.view = View::Compare;
            }
            Action::Shared(scan) if next.ticks == scan.ticks => return self,
            Action::Shared(scan) if next.ticks.is_empty() && next.partner.is_empty() => {
                return self.reduce(Action::Open(scan));
            }
            Action::Shared(scan) => return self.reduce(Action::Compare(scan)),
            Action::Uncompare(i) if i < next.compare.len() => {
                next.compare.remove(i);
            }
            Action::Uncompare(_) => return self,
            Action::Reset => next = State::default(),
        }
        Rc::new(next)
    }
}
