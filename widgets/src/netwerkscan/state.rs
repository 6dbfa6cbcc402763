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

impl Saved {
    /// The `format` value of a Netwerkscan answers file.
    pub const FORMAT: &'static str = "bondgenoot-netwerkscan";

    /// Reads a saved state; `None` if it is not ours or not readable.
    pub fn parse(json: &str) -> Option<Self> {
        let saved: Saved = serde_json::from_str(json).ok()?;
        (saved.format == Self::FORMAT && saved.version == 1).then_some(saved)
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
