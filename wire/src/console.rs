//! What the organiser console and the admin API exchange beyond cafés: who
//! is signed in, the signup lists, check-in at the door, walk-ins, the
//! attendance counts and the admin log.

use serde::{Deserialize, Serialize};

use crate::SignupStatus;
use crate::cafe::Form;

/// What an admin may do. The organisation's own token is `All`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Edit, test and publish rule scripts.
    Scripts,
    /// Cafés, signups and check-in at the door.
    Cafes,
    /// Both, and the organisation's webhook.
    All,
}

impl Role {
    /// As stored and typed on the command line.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Scripts => "scripts",
            Self::Cafes => "cafes",
            Self::All => "all",
        }
    }

    /// From its text.
    pub fn parse(text: &str) -> Option<Self> {
        [Self::Scripts, Self::Cafes, Self::All]
            .into_iter()
            .find(|r| r.as_str() == text)
    }

    /// Whether an admin with this role may do what `needed` allows.
    pub fn allows(self, needed: Self) -> bool {
        self == Self::All || self == needed
    }
}

/// Who signed in, as `GET /v1/admin/orgs/{org}` tells the console.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    /// Their name; `None` with the organisation's own token.
    pub name: Option<String>,
    /// What they may do.
    pub role: Role,
}

/// One signup in the organisation's lists and export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupRow {
    /// The signup's id.
    pub id: i64,
    /// The café's id.
    pub cafe_id: i64,
    /// The café's title (first language).
    pub cafe_title: String,
    /// The café's date.
    pub cafe_date: String,
    /// Where it stands.
    pub status: SignupStatus,
    /// Place on the waiting list (1 = next), when waiting.
    #[serde(default)]
    pub position: Option<i64>,
    /// The person's name (empty once cancelled or past its keeping time).
    pub name: String,
    /// The whole form (empty once cancelled or past its keeping time).
    pub form: Form,
    /// The language the person used.
    pub lang: String,
    /// When they signed up (RFC 3339, UTC).
    pub created_at: String,
    /// When they moved up from the waiting list to a place, if they did.
    #[serde(default)]
    pub moved_up_at: Option<String>,
    /// When they cancelled, if they did.
    #[serde(default)]
    pub cancelled_at: Option<String>,
    /// When they were ticked present at the door.
    #[serde(default)]
    pub present_at: Option<String>,
    /// The key in their door code (the QR on their confirmation), which the
    /// console finds them by when it is scanned.
    #[serde(default)]
    pub door_key: Option<String>,
    /// An earlier live signup for the same café with the same e-mail address
    /// or phone number: probably the same person, signed up twice (the
    /// public API cannot tell them so without telling anyone who knows the
    /// address; the organisation can remove one).
    pub duplicate_of: Option<i64>,
}

/// `PUT …/signups/{id}/presence`: ticked present at the door, or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresenceRequest {
    /// Present (true) or the tick taken back (false).
    pub present: bool,
    /// When the tick was made (RFC 3339), if it was made offline and sent
    /// later; the server's time when missing.
    #[serde(default)]
    pub at: Option<String>,
}

/// `POST …/cafes/{id}/walk-ins`: someone who came without signing up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WalkInRequest {
    /// Their name, as they gave it.
    pub name: String,
    /// Made by the console for this walk-in (see [`crate::token_text`]): a
    /// walk-in sent again after a lost answer or while offline is found by it,
    /// not added twice.
    pub key: String,
}

/// A walk-in as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalkIn {
    /// Its id.
    pub id: i64,
    /// The café.
    pub cafe_id: i64,
    /// Their name.
    pub name: String,
    /// When they were added.
    pub at: String,
}

/// Who came to one café.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    /// The café.
    pub cafe_id: i64,
    /// Its title (first language).
    pub title: String,
    /// Its date.
    pub date: String,
    /// People with a place.
    pub signed_up: i64,
    /// People ticked present: with a place, or from the waiting list (who
    /// came anyway and got in), so it can be more than `signed_up`.
    pub came: i64,
    /// People with a place who were not ticked present; `None` before the
    /// café's day.
    pub did_not_come: Option<i64>,
    /// People who came without signing up.
    pub walk_ins: i64,
}

/// One line of the admin log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    /// When (RFC 3339, UTC).
    pub at: String,
    /// The admin's name; `organisation token` for the organisation's own
    /// token; empty for the server itself (retention) and the command line.
    pub who: String,
    /// What, e.g. `update_cafe`.
    pub action: String,
    /// On what, e.g. `café 3`.
    pub detail: String,
}
