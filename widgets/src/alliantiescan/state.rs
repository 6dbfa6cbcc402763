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
    /// The day it was last changed, `YYYY-MM-DD` (links made before scans
    /// were dated have none): the same partner's scans of other days are
    /// kept side by side, the way an alliance sees how it changed.
    #[serde(default)]
    pub date: String,
    /// The ticks.
    #[serde(default)]
    pub ticks: Ticks,
}

/// The fragment key of a share link: `…#bg-alliantiescan=<scan>`.
const FRAGMENT: &str = "bg-alliantiescan=";

impl Scan {
    /// The `format` value of a shared Alliantiescan scan.
    pub const FORMAT: &'static str = "bondgenoot-alliantiescan";

    /// A scan of ours, last changed on `date`.
    pub fn new(partner: &str, ticks: &Ticks, date: &str) -> Self {
        Self {
            format: Self::FORMAT.into(),
            version: 1,
            partner: partner.into(),
            date: date.into(),
            ticks: ticks.clone(),
        }
    }

    /// Whether this is a scan by `partner` (as typed: spaces around it and
    /// ASCII case aside; `to_lowercase` would bring Unicode's case tables,
    /// 10 KB, into the UI module).
    pub fn is_by(&self, partner: &str) -> bool {
        self.partner.trim().eq_ignore_ascii_case(partner.trim())
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
    /// The day our scan was last changed.
    pub date: String,
    /// Partners' scans to compare with ours, and our own of other days.
    pub compare: Vec<Scan>,
    /// Today, `YYYY-MM-DD`: a change dates our scan.
    pub today: String,
}

impl Default for State {
    fn default() -> Self {
        Self {
            view: View::Checklist,
            partner: String::new(),
            ticks: Ticks::new(),
            date: String::new(),
            compare: Vec::new(),
            today: String::new(),
        }
    }
}

impl State {
    /// Nothing yet, on `today`.
    pub fn new(today: &str) -> Self {
        Self {
            today: today.into(),
            ..Self::default()
        }
    }

    /// From what was kept, on `today`.
    pub fn from_kept(kept: Kept, today: &str) -> Self {
        Self {
            partner: kept.scan.partner,
            ticks: kept.scan.ticks,
            date: kept.scan.date,
            compare: kept.compare,
            ..Self::new(today)
        }
    }

    /// Our scan as it is now.
    pub fn scan(&self) -> Scan {
        Scan::new(&self.partner, &self.ticks, &self.date)
    }

    /// What to keep.
    pub fn kept(&self) -> Kept {
        Kept {
            scan: self.scan(),
            compare: self.compare.clone(),
        }
    }

    /// Before a change: the scan is dated today, and on the first change of
    /// a later day our scan as it was is kept beside it, so an alliance that
    /// scans again half a year on sees then and now.
    fn touch(&mut self) {
        // A scan kept from before scans were dated is kept too, undated.
        if self.date != self.today && !self.ticks.is_empty() {
            let then = self.scan();
            self.compare
                .retain(|s| !s.is_by(&then.partner) || s.date != then.date);
            self.compare.push(then);
        }
        self.date.clone_from(&self.today);
    }

    /// Whether nothing was entered.
    pub fn is_empty(&self) -> bool {
        self.ticks.is_empty() && self.partner.is_empty() && self.compare.is_empty()
    }
}

/// Our latest scan from before `now` among `compare`: one by the same partner
/// and dated earlier (an undated one counts as the oldest), to set beside
/// ours as "then and now".
pub fn earlier<'a>(compare: &'a [Scan], ours: &Scan) -> Option<&'a Scan> {
    compare
        .iter()
        .filter(|s| s.is_by(&ours.partner) && s.date < ours.date)
        .max_by(|a, b| a.date.cmp(&b.date))
}

/// The partners' scans to tell differences by: each other partner's latest
/// (not our own earlier scans, nor a partner's older ones: those show what
/// changed, not where partners disagree).
pub fn latest_of_partners<'a>(compare: &'a [Scan], ours: &Scan) -> Vec<&'a Scan> {
    compare
        .iter()
        .filter(|s| {
            !s.is_by(&ours.partner)
                && !compare
                    .iter()
                    .any(|other| other.is_by(&s.partner) && other.date > s.date)
        })
        .collect()
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
    /// Add a partner's scan to the comparison (replacing one of the same
    /// partner and day).
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
                next.touch();
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
            Action::Partner(name) => {
                // Kept under the name it had: "then" is found by that name.
                next.touch();
                next.partner = name;
            }
            Action::Go(view) => next.view = view,
            Action::Open(scan) => {
                next.partner = scan.partner;
                next.ticks = scan.ticks;
                next.date = scan.date;
                next.view = View::Result;
            }
            Action::Compare(scan) => {
                next.compare
                    .retain(|s| !s.is_by(&scan.partner) || s.date != scan.date);
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
            Action::Reset => next = State::new(&next.today),
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
        Scan::new(partner, &ticks(), "2026-06-01")
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
    fn comparing_a_partner_again_the_same_day_replaces_their_scan() {
        let newer = Scan::new("Gemeente", &Ticks::new(), "2026-06-01");
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
    fn a_partner_scan_of_another_day_is_kept_beside_the_earlier_one() {
        let later = Scan::new("Gemeente", &Ticks::new(), "2026-12-01");
        let state = after(
            State::default(),
            [
                Action::Compare(scan("Gemeente")),
                Action::Compare(later.clone()),
            ],
        );
        assert_eq!(state.compare, [scan("Gemeente"), later]);
    }

    #[test]
    fn a_link_carries_its_date_and_a_link_from_before_dates_still_opens() {
        let ours = scan("Taalschool");
        assert_eq!(
            Scan::from_link(&ours.link(PAGE)).map(|s| s.date),
            Some("2026-06-01".into())
        );
        let undated =
            r#"{"format":"bondgenoot-alliantiescan","version":1,"partner":"Buurthuis","ticks":{}}"#;
        let old = Scan::parse(undated).expect("an undated scan opens");
        assert_eq!((old.partner.as_str(), old.date.as_str()), ("Buurthuis", ""));
    }

    #[test]
    fn the_first_change_on_a_later_day_keeps_our_scan_as_it_was_for_then_and_now() {
        // Ticked in June, kept on the device, changed again in December.
        let june = after(
            State::new("2026-06-01"),
            [
                Action::Partner("Taalschool".into()),
                Action::Set("trust".into(), Field::Level, "partly".into()),
            ],
        );
        assert_eq!(june.date, "2026-06-01");
        let kept = june.kept();
        let december = after(
            State::from_kept(kept, "2026-12-01"),
            [
                Action::Set("trust".into(), Field::Level, "yes".into()),
                Action::Set("goal".into(), Field::Level, "yes".into()),
            ],
        );
        assert_eq!(december.date, "2026-12-01");
        assert_eq!(december.compare.len(), 1, "kept once, not once per change");
        let then = earlier(&december.compare, &december.scan()).expect("June's scan is then");
        assert_eq!(then.date, "2026-06-01");
        assert_eq!(
            then.ticks.get("trust").map(|t| t.level.as_str()),
            Some("partly")
        );
        assert_eq!(
            december.ticks.get("trust").map(|t| t.level.as_str()),
            Some("yes")
        );
    }

    #[test]
    fn renaming_on_a_later_day_keeps_the_scan_under_the_name_it_had() {
        let june = after(
            State::new("2026-06-01"),
            [
                Action::Partner("Taalschool Noord".into()),
                Action::Set("trust".into(), Field::Level, "yes".into()),
            ],
        );
        let december = after(
            State::from_kept(june.kept(), "2026-12-01"),
            [Action::Partner("Taalschool N".into())], // the first key pressed
        );
        assert_eq!(december.compare.len(), 1);
        assert_eq!(
            (
                december.compare[0].partner.as_str(),
                december.compare[0].date.as_str()
            ),
            ("Taalschool Noord", "2026-06-01")
        );
        let back = after(december, [Action::Partner("Taalschool Noord".into())]);
        assert_eq!(
            earlier(&back.compare, &back.scan()).map(|s| s.date.as_str()),
            Some("2026-06-01")
        );
    }

    #[test]
    fn a_scan_kept_before_scans_were_dated_becomes_the_oldest_then() {
        let undated = Kept {
            scan: Scan::new("Gemeente", &ticks(), ""),
            compare: Vec::new(),
        };
        let state = after(
            State::from_kept(undated, "2026-12-01"),
            [Action::Set("goal".into(), Field::Level, "yes".into())],
        );
        let then = earlier(&state.compare, &state.scan()).expect("the undated scan is then");
        assert_eq!((then.date.as_str(), then.ticks.len()), ("", 1));
    }

    #[test]
    fn differences_are_told_by_each_other_partners_latest_scan_only() {
        let ours = Scan::new("Taalschool", &Ticks::new(), "2026-12-01");
        let by = |partner: &str, date: &str| Scan::new(partner, &ticks(), date);
        let compare = [
            by("Taalschool", "2026-06-01"),
            by("Gemeente", "2026-06-01"),
            by("gemeente", "2026-11-01"),
            by("Buurthuis", "2026-03-01"),
        ];
        let latest: Vec<(&str, &str)> = latest_of_partners(&compare, &ours)
            .iter()
            .map(|s| (s.partner.as_str(), s.date.as_str()))
            .collect();
        assert_eq!(
            latest,
            [("gemeente", "2026-11-01"), ("Buurthuis", "2026-03-01")]
        );
    }

    #[test]
    fn then_is_our_latest_earlier_scan_not_a_partner_nor_a_later_one() {
        let ours = Scan::new("Taalschool Noord", &Ticks::new(), "2026-12-01");
        let by = |partner: &str, date: &str| Scan::new(partner, &ticks(), date);
        let compare = [
            by("taalschool noord ", "2026-03-01"),
            by("Gemeente", "2026-11-01"),
            by("Taalschool Noord", "2026-06-01"),
            by("Taalschool Noord", "2027-01-01"),
            by("Taalschool Noord", ""),
        ];
        // An undated scan of ours counts as the oldest: June is still then.
        assert_eq!(
            earlier(&compare, &ours).map(|s| s.date.as_str()),
            Some("2026-06-01")
        );
        assert_eq!(
            earlier(&compare[1..2], &ours),
            None,
            "another partner is no 'then'"
        );
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
        let back = State::from_kept(kept, "2026-12-01");
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
