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
        format!("{page}#{FRAGMENT}{}", encode_component(&json))
    }

    /// The scan in a link or a bare fragment, if it carries one.
    pub fn from_link(link: &str) -> Option<Self> {
        let encoded = link.split_once(FRAGMENT)?.1;
        let encoded = encoded.split('&').next().unwrap_or(encoded).trim();
        Self::parse(&decode_component(encoded)?)
    }
}

/// Characters `encodeURIComponent` leaves as they are.
fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b)
}

/// `encodeURIComponent` in Rust (the same links as before, and pure, so the
/// share link is tested natively): UTF-8 bytes as `%XX`, but for unreserved.
fn encode_component(text: &str) -> String {
    text.bytes().fold(String::new(), |mut out, b| {
        if is_unreserved(b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
        out
    })
}

/// `decodeURIComponent` in Rust: `None` for a broken escape or bytes that
/// are not UTF-8, where JavaScript throws.
fn decode_component(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        if b == b'%' {
            let (&[high, low], tail) = tail.split_first_chunk::<2>()?;
            let digit = |d: u8| char::from(d).to_digit(16);
            bytes.push(u8::try_from(digit(high)? * 16 + digit(low)?).ok()?);
            rest = tail;
        } else {
            bytes.push(b);
            rest = tail;
        }
    }
    String::from_utf8(bytes).ok()
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

#[cfg(test)]
#[allow(clippy::expect_used, reason = "a failed expectation is a failed test")]
mod tests {
    use super::*;

    const PAGE: &str = "https://example.org/samen?tab=scan#top";

    fn ticks() -> Ticks {
        let tick = Tick {
            level: "partly".into(),
            note: "Afspraken: zie verslag #3 & 50% (é, عربي)".into(),
            owner: "Gemeente".into(),
            role: "gangmaker".into(),
        };
        [("trust".to_owned(), tick)].into()
    }

    fn scan(partner: &str) -> Scan {
        Scan::new(partner, &ticks())
    }

    fn after(state: State, actions: impl IntoIterator<Item = Action>) -> State {
        let end = actions
            .into_iter()
            .fold(Rc::new(state), |state, action| state.reduce(action));
        (*end).clone()
    }

    #[test]
    fn a_share_link_carries_the_scan_to_a_partner_unchanged() {
        let ours = scan("Taalschool Noord & Zn.");
        let link = ours.link(PAGE);
        assert!(
            link.starts_with("https://example.org/samen?tab=scan#bg-alliantiescan=%7B%22format%22"),
            "the page's own fragment gives way to the scan: {link}"
        );
        assert!(
            !link.contains(' ') && !link.contains('é'),
            "one unbroken link: {link}"
        );
        assert_eq!(Scan::from_link(&link), Some(ours.clone()));
        let fragment = link.split_once('#').map(|(_, f)| format!("#{f}"));
        assert_eq!(fragment.and_then(|f| Scan::from_link(&f)), Some(ours));
    }

    #[test]
    fn share_links_escape_as_encode_uri_component_does() {
        assert_eq!(
            encode_component("a b&c=d/é~*'()!_.-"),
            "a%20b%26c%3Dd%2F%C3%A9~*'()!_.-"
        );
        assert_eq!(
            decode_component("a%20b%26c%3Dd%2F%C3%A9~*'()!_.-").as_deref(),
            Some("a b&c=d/é~*'()!_.-")
        );
    }

    #[test]
    fn a_corrupted_share_link_is_refused() {
        let link = scan("Stichting Samen").link(PAGE);
        let cut = &link[..link.len() - 10];
        assert_eq!(Scan::from_link(cut), None, "cut off when copied");
        let broken_escape = link.replacen("%22", "%2", 1);
        assert_eq!(Scan::from_link(&broken_escape), None);
        let not_utf8 = link.replacen("%22", "%C3%22", 1);
        assert_eq!(Scan::from_link(&not_utf8), None);
        let other_format = link.replacen("bondgenoot-alliantiescan", "bondgenoot-netwerkscan", 1);
        assert_eq!(Scan::from_link(&other_format), None);
        assert_eq!(Scan::from_link(PAGE), None, "a page without a scan");
    }

    #[test]
    fn a_shared_scan_on_a_fresh_device_becomes_ours() {
        let state = after(State::default(), [Action::Shared(scan("Gemeente"))]);
        assert_eq!(state.partner, "Gemeente");
        assert_eq!(state.ticks, ticks());
        assert_eq!(state.view, View::Result);
        assert!(state.compare.is_empty());
    }

    #[test]
    fn a_shared_scan_next_to_our_own_goes_into_the_comparison() {
        let ours = after(State::default(), [Action::Partner("Taalschool".into())]);
        let state = after(ours, [Action::Shared(scan("Gemeente"))]);
        assert_eq!(state.partner, "Taalschool");
        assert!(state.ticks.is_empty(), "our scan is not overwritten");
        assert_eq!(state.compare, [scan("Gemeente")]);
        assert_eq!(state.view, View::Compare);
    }

    #[test]
    fn comparing_a_partner_again_replaces_their_earlier_scan() {
        let newer = Scan::new("Gemeente", &Ticks::new());
        let state = after(
            State::default(),
            [
                Action::Compare(scan("Gemeente")),
                Action::Compare(scan("Buurthuis")),
                Action::Compare(newer.clone()),
            ],
        );
        assert_eq!(state.compare, [scan("Buurthuis"), newer]);
        let state = after(state, [Action::Uncompare(0), Action::Uncompare(5)]);
        assert_eq!(state.compare.len(), 1);
    }

    #[test]
    fn changing_a_note_on_an_unticked_item_ticks_it_as_not_yet_in_place() {
        let state = after(
            State::default(),
            [Action::Set(
                "trust".into(),
                Field::Note,
                "next meeting".into(),
            )],
        );
        let tick = state.ticks.get("trust").cloned().unwrap_or_default();
        assert_eq!(
            (tick.level.as_str(), tick.note.as_str()),
            ("no", "next meeting")
        );
    }

    #[test]
    fn what_is_kept_on_the_device_comes_back_and_remove_forgets_it() {
        let state = after(
            State::default(),
            [
                Action::Open(scan("Taalschool")),
                Action::Compare(scan("Gemeente")),
            ],
        );
        let json = serde_json::to_string(&state.kept()).expect("what we keep serialises");
        let kept: Kept = serde_json::from_str(&json).expect("what we keep reads back");
        let back = State::from_kept(kept);
        assert_eq!(
            (back.partner, back.ticks, back.compare),
            (
                state.partner.clone(),
                state.ticks.clone(),
                state.compare.clone()
            )
        );
        assert!(after(state, [Action::Reset]).is_empty());
    }
}
