//! The Netwerkscan's state and its reducer: one place that changes it.

use std::collections::BTreeMap;
use std::rc::Rc;

use plugin_host::contract::netwerkscan::{Answers, Person};
use yew::Reducible;

/// Where the person is in the flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stage {
    /// Mapping people.
    #[default]
    People,
    /// Answering questions.
    Questions,
    /// Looking at the result.
    Result,
}

impl Stage {
    /// 0-based position, for the progress indicator.
    pub fn index(self) -> usize {
        match self {
            Self::People => 0,
            Self::Questions => 1,
            Self::Result => 2,
        }
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
}

impl State {
    /// The answers as the hooks take them.
    pub fn answers(&self) -> Answers {
        Answers {
            people: self.people.clone(),
            answers: self.answers.clone(),
        }
    }
}

/// What can happen.
pub enum Action {
    /// Add a person at the end.
    AddPerson(Person),
    /// Remove the person at this index.
    RemovePerson(usize),
    /// Choose an option for a question.
    Answer {
        /// Question id.
        id: String,
        /// Option id.
        option: String,
    },
    /// Go to a stage.
    Go(Stage),
    /// Forget everything and start again.
    Reset,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::AddPerson(p) => next.people.push(p),
            Action::RemovePerson(i) if i < next.people.len() => {
                next.people.remove(i);
            }
            Action::RemovePerson(_) => return self,
            Action::Answer { id, option } => {
                next.answers.insert(id, option);
            }
            Action::Go(stage) => next.stage = stage,
            Action::Reset => next = State::default(),
        }
        Rc::new(next)
    }
}
