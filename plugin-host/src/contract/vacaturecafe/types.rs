//! The data only Vacaturecafé hooks see: form fields and the decision with
//! its outcome. The data that also crosses HTTP (cafés, counts, answers, the
//! signup bodies) is `wire`'s, re-exported in this module's parent.

use serde::{Deserialize, Serialize};
use wire::SignupStatus;
use wire::cafe::Counts;

use crate::contract::Choice;

/// The kinds of field a form can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// An e-mail address; also used to recognise a second signup.
    Email,
    /// A phone number; also used to recognise a second signup.
    Tel,
    /// Several lines of text.
    Textarea,
    /// One of `options`.
    Choice,
    /// Any number of `options`.
    Choices,
    /// A yes/no box, e.g. consent to store the data.
    Check,
}

/// One field of the signup form, in `ctx.lang`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    /// Stable id, the key in [`Form`].
    pub id: String,
    /// The label shown.
    pub label: String,
    /// What kind of input it is.
    pub kind: FieldKind,
    /// Whether it must be filled in (ticked, for `check`).
    #[serde(default)]
    pub required: bool,
    /// A short help text under the field (e.g. the privacy text for consent).
    #[serde(default)]
    pub help: String,
    /// The options of `choice` and `choices`.
    #[serde(default)]
    pub options: Vec<Choice>,
}

/// What happens to a signup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The person has a place.
    Confirmed,
    /// The person is on the waiting list.
    Waitlist,
    /// The signup is not taken (e.g. the waiting list is full too).
    Rejected,
}

impl Outcome {
    /// The one rule no script can change: never more people confirmed than
    /// the café has places. A `confirmed` without a free place becomes
    /// `waitlist`. Used by the server's signup and the playground's preview.
    pub fn within(self, counts: &Counts) -> Self {
        match self {
            Self::Confirmed if counts.places_left > 0 => Self::Confirmed,
            Self::Confirmed | Self::Waitlist => Self::Waitlist,
            Self::Rejected => Self::Rejected,
        }
    }

    /// The signup status this outcome gives.
    pub const fn status(self) -> SignupStatus {
        match self {
            Self::Confirmed => SignupStatus::Confirmed,
            Self::Waitlist => SignupStatus::Waitlist,
            Self::Rejected => SignupStatus::Rejected,
        }
    }
}

/// The outcome of `decide`, with a message for the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// Confirmed, waiting list or rejected.
    pub outcome: Outcome,
    /// One or two plain sentences in `ctx.lang`.
    pub message: String,
}

/// Which message a person gets (the `kind` of the `message` hook).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    /// Signed up and has a place.
    Confirmed,
    /// Signed up and waits for a place.
    Waitlist,
    /// Had been waiting and has a place now.
    MovedUp,
    /// Has a place at a café that is tomorrow.
    Reminder,
    /// Cancelled their signup.
    Cancelled,
}

impl MessageKind {
    /// Every kind, in the order a person may get them.
    pub const ALL: [Self; 5] = [
        Self::Confirmed,
        Self::Waitlist,
        Self::MovedUp,
        Self::Reminder,
        Self::Cancelled,
    ];

    /// As the script and the database write it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed",
            Self::Waitlist => "waitlist",
            Self::MovedUp => "moved_up",
            Self::Reminder => "reminder",
            Self::Cancelled => "cancelled",
        }
    }

    /// The kind written as `text`, if any.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// What the `message` hook knows of the person's signup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageSignup {
    /// The name they gave.
    pub name: String,
    /// Place on the waiting list (1 = next), for `waitlist`.
    pub position: Option<i64>,
    /// The link to see or cancel the signup (empty for `cancelled`).
    pub cancel_link: String,
}

/// A message as the `message` hook writes it: plain text, in `ctx.lang`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mail {
    /// One line.
    pub subject: String,
    /// The whole message; lines end in `\n`.
    pub text: String,
}
