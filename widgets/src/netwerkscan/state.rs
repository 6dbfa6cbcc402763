//! The Netwerkscan's state and its reducer: one place that changes it. The
//! same [`Saved`] form goes to localStorage and into a downloaded file. Each
//! scan carries the day it was last changed; on the first change of a later
//! day the scan as it was is kept among the earlier ones, so the person can
//! set then beside now.

use std::collections::BTreeMap;
use std::rc::Rc;

use plugin_host::contract::netwerkscan::{Answers, Person};
use serde::{Deserialize, Serialize};
use yew::Reducible;

/// Where the person is in the flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// What this is, how long it takes, that answers stay here.
    #[default]
    Intro,
    /// Mapping people.
    People,
    /// Answering questions.
    Questions,
    /// Looking at the result.
    Result,
}

impl Stage {
    /// The three counted steps, for the progress indicator.
    pub const STEPS: [Stage; 3] = [Stage::People, Stage::Questions, Stage::Result];

    /// 0-based position among [`Stage::STEPS`]; `None` for the intro.
    pub fn step(self) -> Option<usize> {
        Self::STEPS.iter().position(|s| *s == self)
    }
}

/// Everything the person has entered, and where they are.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    /// Current stage.
    pub stage: Stage,
    /// The people they mapped.
    pub people: Vec<Person>,
    /// Question id → option id.
    pub answers: BTreeMap<String, String>,
    /// Index of the person being edited.
    pub editing: Option<usize>,
    /// The day this scan was last changed, `YYYY-MM-DD`.
    pub date: String,
    /// Earlier scans kept on the device, oldest first.
    pub earlier: Vec<Dated>,
    /// The earlier scan set beside this one, if any.
    pub comparing: Option<Dated>,
    /// Today: a change dates the scan.
    pub today: String,
}

/// An earlier scan: its day, people and answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dated {
    /// `YYYY-MM-DD`; empty for a file from before scans were dated.
    #[serde(default)]
    pub date: String,
    /// The people.
    #[serde(default)]
    pub people: Vec<Person>,
    /// The answers.
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
}

impl Dated {
    /// The answers as the hooks take them.
    pub fn answers(&self) -> Answers {
        Answers {
            people: self.people.clone(),
            answers: self.answers.clone(),
        }
    }
}

/// What is kept on the device and in a downloaded answers file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// Always [`Saved::FORMAT`]: tells our files from any other JSON.
    pub format: String,
    /// Format version, for files kept for a long time.
    pub version: u32,
    /// Where the person was.
    #[serde(default)]
    pub stage: Stage,
    /// The people.
    #[serde(default)]
    pub people: Vec<Person>,
    /// The answers.
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    /// The day they were last changed (none in files from before).
    #[serde(default)]
    pub date: String,
    /// Earlier scans kept beside them.
    #[serde(default)]
    pub earlier: Vec<Dated>,
}

/// Why a file is not taken as answers. The person is told one kind message
/// for all; the reason goes to the console, for whoever helps them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileRefusal {
    /// Larger than any answers file: not even read.
    TooLarge,
    /// Not JSON in the shape of answers.
    Unreadable,
    /// JSON of another program, or of a format version we do not know.
    NotOurs,
}

impl std::fmt::Display for FileRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::TooLarge => "the file is too large to be an answers file",
            Self::Unreadable => "the file is not a readable answers file",
            Self::NotOurs => "the file is not a Netwerkscan answers file of this version",
        })
    }
}

impl Saved {
    /// The `format` value of a Netwerkscan answers file.
    pub const FORMAT: &'static str = "bondgenoot-netwerkscan";

    /// Larger files are not answers files: they are refused before reading.
    pub const MAX_FILE_BYTES: f64 = 256.0 * 1024.0;

    /// Whether a file of `bytes` may be read as answers.
    pub fn check_size(bytes: f64) -> Result<(), FileRefusal> {
        if bytes <= Self::MAX_FILE_BYTES {
            Ok(())
        } else {
            Err(FileRefusal::TooLarge)
        }
    }

    /// Reads an answers file, or what localStorage kept.
    pub fn read(json: &str) -> Result<Self, FileRefusal> {
        let saved: Saved = serde_json::from_str(json).map_err(|_| FileRefusal::Unreadable)?;
        if saved.format == Self::FORMAT && saved.version == 1 {
            Ok(saved)
        } else {
            Err(FileRefusal::NotOurs)
        }
    }

    /// Reads a saved state; `None` if it is not ours or not readable.
    pub fn parse(json: &str) -> Option<Self> {
        Self::read(json).ok()
    }
}

impl State {
    /// The answers as the hooks take them.
    pub fn answers(&self) -> Answers {
        Answers {
            people: self.people.clone(),
            answers: self.answers.clone(),
        }
    }

    /// What to keep.
    pub fn saved(&self) -> Saved {
        Saved {
            format: Saved::FORMAT.to_owned(),
            version: 1,
            stage: self.stage,
            people: self.people.clone(),
            answers: self.answers.clone(),
            date: self.date.clone(),
            earlier: self.earlier.clone(),
        }
    }

    /// Nothing entered yet, on `today`.
    pub fn new(today: &str) -> Self {
        Self {
            today: today.into(),
            ..Self::default()
        }
    }

    /// A state from something kept earlier, on `today`.
    pub fn from_saved(saved: Saved, today: &str) -> Self {
        Self {
            stage: saved.stage,
            people: saved.people,
            answers: saved.answers,
            date: saved.date,
            earlier: saved.earlier,
            ..Self::new(today)
        }
    }

    /// Whether anything was entered (earlier scans aside).
    pub fn is_empty(&self) -> bool {
        self.people.is_empty() && self.answers.is_empty()
    }

    /// Whether there is nothing at all to keep.
    pub fn is_blank(&self) -> bool {
        self.is_empty() && self.earlier.is_empty()
    }

    /// This scan as an earlier one.
    fn dated(&self) -> Dated {
        Dated {
            date: self.date.clone(),
            people: self.people.clone(),
            answers: self.answers.clone(),
        }
    }

    /// Keeps `scan` among the earlier ones, oldest first (undated first).
    /// Nothing is ever replaced: only the very same scan is not kept twice,
    /// so two different scans of one day are both kept.
    fn keep(&mut self, scan: Dated) {
        if scan == self.dated() || self.earlier.contains(&scan) {
            return;
        }
        // Put in its place: a sort brought 1.5 KB (brotli) of sorting code.
        let at = self.earlier.partition_point(|s| s.date <= scan.date);
        self.earlier.insert(at, scan);
    }

    /// Before a change: on the first change of a later day the scan as it
    /// was is kept (a scan kept before scans were dated too, undated), and
    /// the scan is dated today.
    fn touch(&mut self) {
        if self.date != self.today && !self.is_empty() {
            let then = self.dated();
            self.date.clone_from(&self.today);
            self.keep(then);
        }
        self.date.clone_from(&self.today);
    }

    /// The earlier scan being set beside this one.
    pub fn compared(&self) -> Option<&Dated> {
        let then = self.comparing.as_ref()?;
        self.earlier.iter().find(|s| *s == then)
    }

    /// Where the earlier scan set beside this one is in the list.
    pub fn compared_at(&self) -> Option<usize> {
        let then = self.comparing.as_ref()?;
        self.earlier.iter().position(|s| s == then)
    }
}

/// What loading a file does to the answers here: says it, and does it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loading {
    /// Nothing here yet: the file's scan becomes this one.
    Replaces,
    /// Kept beside the answers here, as an earlier scan.
    Beside,
    /// The very same scan is here already: nothing changes.
    AlreadyHere,
}

impl Saved {
    /// Its own scan (its earlier ones aside), as an earlier one.
    pub fn scan(&self) -> Dated {
        Dated {
            date: self.date.clone(),
            people: self.people.clone(),
            answers: self.answers.clone(),
        }
    }

    /// What loading `file` next to these answers does.
    pub fn loading(&self, file: &Saved) -> Loading {
        let theirs = file.scan();
        if self.people.is_empty() && self.answers.is_empty() {
            Loading::Replaces
        } else if theirs == self.scan() || self.earlier.contains(&theirs) {
            Loading::AlreadyHere
        } else {
            Loading::Beside
        }
    }
}

/// What can happen.
pub enum Action {
    /// Add a person at the end.
    AddPerson(Person),
    /// Replace the person at this index.
    UpdatePerson(usize, Person),
    /// Remove the person at this index.
    RemovePerson(usize),
    /// Start or stop editing a person.
    Edit(Option<usize>),
    /// Choose an option for a question.
    Answer {
        /// Question id.
        id: String,
        /// Option id.
        option: String,
    },
    /// Go to a stage.
    Go(Stage),
    /// Answers loaded from a file: they become this scan when there is
    /// none, else they are kept beside it as earlier scans (see [`Loading`]).
    Load(Saved),
    /// Set the earlier scan at this index beside this one (`None`: none).
    Compare(Option<usize>),
    /// Remove the earlier scan at this index.
    Forget(usize),
    /// Start a new scan: this one is kept among the earlier ones.
    StartOver,
    /// Forget everything and start again.
    Reset,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::AddPerson(p) => {
                next.touch();
                next.people.push(p);
            }
            Action::UpdatePerson(i, p) if i < next.people.len() => {
                next.touch();
                next.people[i] = p;
                next.editing = None;
            }
            Action::UpdatePerson(..) => return self,
            Action::RemovePerson(i) if i < next.people.len() => {
                next.touch();
                next.people.remove(i);
                next.editing = None;
            }
            Action::RemovePerson(_) => return self,
            Action::Edit(i) => next.editing = i.filter(|i| *i < next.people.len()),
            Action::Answer { id, option } => {
                next.touch();
                next.answers.insert(id, option);
            }
            Action::Go(stage) => {
                next.stage = stage;
                next.editing = None;
            }
            Action::Load(saved) => match next.saved().loading(&saved) {
                Loading::Replaces => {
                    let earlier = std::mem::take(&mut next.earlier);
                    next = State::from_saved(saved, &next.today);
                    for scan in earlier {
                        next.keep(scan);
                    }
                }
                Loading::Beside => {
                    let loaded = saved.scan();
                    for scan in saved.earlier.into_iter().chain([loaded]) {
                        next.keep(scan);
                    }
                }
                Loading::AlreadyHere => return self,
            },
            Action::Compare(i) => next.comparing = i.and_then(|i| next.earlier.get(i).cloned()),
            Action::Forget(i) if i < next.earlier.len() => {
                let gone = next.earlier.remove(i);
                if next.comparing.as_ref() == Some(&gone) {
                    next.comparing = None;
                }
            }
            Action::Forget(_) => return self,
            Action::StartOver => {
                let now = next.dated();
                let had_answers = !next.is_empty();
                next.people.clear();
                next.answers.clear();
                next.date.clear();
                if had_answers {
                    next.keep(now);
                }
                next.comparing = None;
                next.editing = None;
                next.stage = Stage::Intro;
            }
            Action::Reset => next = State::new(&next.today),
        }
        Rc::new(next)
    }
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "a failed expectation is a failed test")]
mod tests {
    use super::*;

    fn person(name: &str) -> Person {
        Person {
            name: name.into(),
            ..Person::default()
        }
    }

    fn after(state: State, actions: impl IntoIterator<Item = Action>) -> State {
        let end = actions
            .into_iter()
            .fold(Rc::new(state), |state, action| state.reduce(action));
        (*end).clone()
    }

    fn names(state: &State) -> Vec<&str> {
        state.people.iter().map(|p| p.name.as_str()).collect()
    }

    fn with_people() -> State {
        after(
            State::default(),
            ["Fatima", "the neighbour", "my uncle"].map(|n| Action::AddPerson(person(n))),
        )
    }

    #[test]
    fn added_people_appear_in_the_order_they_were_added() {
        assert_eq!(
            names(&with_people()),
            ["Fatima", "the neighbour", "my uncle"]
        );
    }

    #[test]
    fn changing_a_person_replaces_only_them_and_closes_the_form() {
        let changed = Person {
            close: true,
            ..person("the coach")
        };
        let state = after(
            with_people(),
            [
                Action::Edit(Some(1)),
                Action::UpdatePerson(1, changed.clone()),
            ],
        );
        assert_eq!(names(&state), ["Fatima", "the coach", "my uncle"]);
        assert_eq!(state.people[1], changed);
        assert_eq!(state.editing, None);
    }

    #[test]
    fn removing_a_person_keeps_the_others_and_stops_editing() {
        let state = after(
            with_people(),
            [Action::Edit(Some(2)), Action::RemovePerson(0)],
        );
        assert_eq!(names(&state), ["the neighbour", "my uncle"]);
        assert_eq!(
            state.editing, None,
            "the index being edited may now be someone else"
        );
    }

    #[test]
    fn a_person_who_is_no_longer_there_cannot_be_changed_removed_or_edited() {
        let before = Rc::new(with_people());
        for action in [
            Action::UpdatePerson(3, person("nobody")),
            Action::RemovePerson(3),
        ] {
            let next = Rc::clone(&before).reduce(action);
            assert!(
                Rc::ptr_eq(&before, &next),
                "nothing changes, nothing re-renders"
            );
        }
        assert_eq!(after(with_people(), [Action::Edit(Some(3))]).editing, None);
    }

    #[test]
    fn answering_a_question_again_replaces_the_answer() {
        let answer = |option: &str| Action::Answer {
            id: "time".into(),
            option: option.into(),
        };
        let state = after(State::default(), [answer("little"), answer("lots")]);
        assert_eq!(state.answers.get("time").map(String::as_str), Some("lots"));
    }

    #[test]
    fn moving_to_another_stage_closes_the_form_and_start_again_forgets_everything() {
        let state = after(
            with_people(),
            [Action::Edit(Some(0)), Action::Go(Stage::Questions)],
        );
        assert_eq!((state.stage, state.editing), (Stage::Questions, None));
        let state = after(state, [Action::Reset]);
        assert!(state.is_empty());
        assert_eq!(state.stage, Stage::Intro);
    }

    #[test]
    fn a_downloaded_answers_file_loads_back_into_the_same_answers() {
        let state = after(
            with_people(),
            [
                Action::Answer {
                    id: "time".into(),
                    option: "lots".into(),
                },
                Action::Go(Stage::Result),
            ],
        );
        let file = serde_json::to_string_pretty(&state.saved()).expect("answers serialise");
        Saved::check_size(file.len() as f64).expect("an answers file is not too large");
        let loaded = Saved::read(&file).expect("our own file reads back");
        let state_again = after(State::default(), [Action::Load(loaded)]);
        assert_eq!(state_again, state);
    }

    fn answer(id: &str, option: &str) -> Action {
        Action::Answer {
            id: id.into(),
            option: option.into(),
        }
    }

    /// A scan made in June, kept on the device, opened in December.
    fn june_then_december() -> State {
        let june = after(
            State::new("2026-06-01"),
            [
                Action::AddPerson(person("Fatima")),
                answer("time", "little"),
            ],
        );
        assert_eq!(june.date, "2026-06-01");
        State::from_saved(june.saved(), "2026-12-01")
    }

    #[test]
    fn the_first_change_on_a_later_day_keeps_the_scan_as_it_was() {
        let december = after(
            june_then_december(),
            [
                Action::AddPerson(person("the coach")),
                answer("time", "lots"),
            ],
        );
        assert_eq!(december.date, "2026-12-01");
        assert_eq!(names(&december), ["Fatima", "the coach"]);
        assert_eq!(december.earlier.len(), 1, "kept once, not once per change");
        let june = &december.earlier[0];
        assert_eq!(june.date, "2026-06-01");
        assert_eq!(june.people, [person("Fatima")]);
        assert_eq!(june.answers.get("time").map(String::as_str), Some("little"));
        // Looking again changes nothing: nothing is kept.
        let looked = after(june_then_december(), [Action::Go(Stage::Result)]);
        assert!(looked.earlier.is_empty());
        assert_eq!(looked.date, "2026-06-01");
    }

    #[test]
    fn a_file_loaded_next_to_answers_is_kept_beside_them_not_over_them() {
        let june = after(
            State::new("2026-06-01"),
            [Action::AddPerson(person("Fatima"))],
        )
        .saved();
        let december = after(
            State::new("2026-12-01"),
            [Action::AddPerson(person("the coach"))],
        );
        let both = after(december, [Action::Load(june.clone())]);
        assert_eq!(names(&both), ["the coach"], "today's answers stay");
        assert_eq!(
            both.earlier
                .iter()
                .map(|s| s.date.as_str())
                .collect::<Vec<_>>(),
            ["2026-06-01"]
        );
        // The same file again adds nothing, and says so; another scan of
        // today's own day is kept too: nothing is ever dropped or replaced.
        assert_eq!(both.saved().loading(&june), Loading::AlreadyHere);
        let again = after(both.clone(), [Action::Load(june.clone())]);
        assert_eq!(again.earlier.len(), 1);
        let same_day = after(State::new("2026-12-01"), [Action::AddPerson(person("x"))]).saved();
        assert_eq!(both.saved().loading(&same_day), Loading::Beside);
        let three = after(both.clone(), [Action::Load(same_day)]);
        assert_eq!(
            three
                .earlier
                .iter()
                .map(|s| s.date.as_str())
                .collect::<Vec<_>>(),
            ["2026-06-01", "2026-12-01"]
        );
        assert_eq!(names(&three), ["the coach"]);
        // Into an empty scan the file is the scan, as before.
        let fresh = after(State::new("2026-12-01"), [Action::Load(june)]);
        assert_eq!(
            (names(&fresh), fresh.date.as_str()),
            (vec!["Fatima"], "2026-06-01")
        );
        assert!(fresh.earlier.is_empty());
    }

    #[test]
    fn an_earlier_scan_is_compared_removed_alone_or_with_everything() {
        let december = after(
            june_then_december(),
            [Action::AddPerson(person("the coach"))],
        );
        let comparing = after(december.clone(), [Action::Compare(Some(0))]);
        assert_eq!(
            comparing.compared().map(|s| s.date.as_str()),
            Some("2026-06-01")
        );
        assert_eq!(comparing.compared_at(), Some(0));
        let forgotten = after(comparing.clone(), [Action::Forget(0)]);
        assert!(forgotten.earlier.is_empty() && forgotten.compared().is_none());
        assert_eq!(
            names(&forgotten),
            ["Fatima", "the coach"],
            "today's scan stays"
        );
        let reset = after(comparing, [Action::Reset]);
        assert!(
            reset.is_blank(),
            "remove my answers removes the earlier scans too"
        );
        assert_eq!(reset.today, "2026-12-01");
    }

    #[test]
    fn start_again_keeps_the_scan_among_the_earlier_ones() {
        let december = after(
            june_then_december(),
            [Action::AddPerson(person("the coach"))],
        );
        let again = after(december, [Action::Go(Stage::Result), Action::StartOver]);
        assert!(again.is_empty() && again.stage == Stage::Intro);
        assert_eq!(
            again
                .earlier
                .iter()
                .map(|s| s.date.as_str())
                .collect::<Vec<_>>(),
            ["2026-06-01", "2026-12-01"],
            "June and the December scan just left are both kept"
        );
        // The new scan, changed the same day, keeps nothing more.
        let new = after(again, [Action::AddPerson(person("Sara"))]);
        assert_eq!((new.earlier.len(), new.date.as_str()), (2, "2026-12-01"));
        // Starting again from nothing keeps nothing.
        let blank = after(State::new("2026-12-01"), [Action::StartOver]);
        assert!(blank.is_blank());
    }

    #[test]
    fn a_scan_kept_before_scans_were_dated_is_kept_undated_on_the_first_change() {
        // Kept by a release that dated nothing: no day on it.
        let old = after(State::default(), [Action::AddPerson(person("Fatima"))]).saved();
        assert_eq!(old.date, "");
        let state = State::from_saved(old, "2026-12-01");
        let changed = after(state, [Action::AddPerson(person("the coach"))]);
        assert_eq!(changed.earlier.len(), 1);
        assert_eq!(
            (
                changed.earlier[0].date.as_str(),
                changed.earlier[0].people.len()
            ),
            ("", 1)
        );
    }

    #[test]
    fn a_file_from_before_dates_still_loads() {
        let old = r#"{"format": "bondgenoot-netwerkscan", "version": 1, "stage": "result", "people": [], "answers": {"time": "lots"}}"#;
        let saved = Saved::read(old).expect("an undated file reads");
        assert_eq!((saved.date.as_str(), saved.earlier.len()), ("", 0));
    }

    #[test]
    fn a_file_that_is_not_answers_is_refused_as_unreadable() {
        assert_eq!(Saved::read("{\"hello\": 1}"), Err(FileRefusal::Unreadable));
        assert_eq!(
            Saved::read("Fatima, the neighbour"),
            Err(FileRefusal::Unreadable)
        );
        assert_eq!(Saved::read(""), Err(FileRefusal::Unreadable));
    }

    #[test]
    fn another_programs_file_or_an_unknown_version_is_refused_as_not_ours() {
        let other = r#"{"format": "bondgenoot-alliantiescan", "version": 1}"#;
        assert_eq!(Saved::read(other), Err(FileRefusal::NotOurs));
        let newer = r#"{"format": "bondgenoot-netwerkscan", "version": 2}"#;
        assert_eq!(Saved::read(newer), Err(FileRefusal::NotOurs));
        assert_eq!(
            Saved::parse(newer),
            None,
            "nor is it taken from localStorage"
        );
    }

    #[test]
    fn a_file_larger_than_any_answers_file_is_refused_before_reading() {
        assert_eq!(Saved::check_size(Saved::MAX_FILE_BYTES), Ok(()));
        assert_eq!(
            Saved::check_size(Saved::MAX_FILE_BYTES + 1.0),
            Err(FileRefusal::TooLarge)
        );
    }
}
