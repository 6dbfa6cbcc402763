//! The Netwerkscan's state and its reducer: one place that changes it. The
//! same [`Saved`] form goes to localStorage and into a downloaded file.

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
        }
    }

    /// A state from something kept earlier.
    pub fn from_saved(saved: Saved) -> Self {
        Self {
            stage: saved.stage,
            people: saved.people,
            answers: saved.answers,
            editing: None,
        }
    }

    /// Whether anything was entered.
    pub fn is_empty(&self) -> bool {
        self.people.is_empty() && self.answers.is_empty()
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
    /// Replace everything with loaded answers.
    Load(Saved),
    /// Forget everything and start again.
    Reset,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::AddPerson(p) => next.people.push(p),
            Action::UpdatePerson(i, p) => match next.people.get_mut(i) {
                Some(slot) => {
                    *slot = p;
                    next.editing = None;
                }
                None => return self,
            },
            Action::RemovePerson(i) if i < next.people.len() => {
                next.people.remove(i);
                next.editing = None;
            }
            Action::RemovePerson(_) => return self,
            Action::Edit(i) => next.editing = i.filter(|i| *i < next.people.len()),
            Action::Answer { id, option } => {
                next.answers.insert(id, option);
            }
            Action::Go(stage) => {
                next.stage = stage;
                next.editing = None;
            }
            Action::Load(saved) => next = State::from_saved(saved),
            Action::Reset => next = State::default(),
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
