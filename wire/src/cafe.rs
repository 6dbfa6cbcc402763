//! The job cafés' data as it crosses HTTP and reaches the rule scripts: a
//! café and its counts, a form's answers, and the signup request and answer.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Lang, SignupStatus};

/// The café's fields, written once. [`CafeDetails`] is them; on the wire
/// a café is one flat map, `#{ id, title, date, … }` (and a listing has its
/// `counts` beside them), read and written through `FlatCafe` and
/// `FlatListing`, made here from the same list. serde's `flatten` would do
/// it with a buffer of every value first, whose code cost the widgets' first
/// screen 2.8 KB.
macro_rules! cafe {
    ($($(#[$meta:meta])* $field:ident: $ty:ty,)*) => {
        /// A café as an admin creates or edits it: everything but the id.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        pub struct CafeDetails {
            $($(#[$meta])* pub $field: $ty,)*
        }

        /// [`Cafe`] on the wire.
        #[derive(Serialize, Deserialize)]
        struct FlatCafe {
            id: i64,
            $($(#[$meta])* $field: $ty,)*
        }

        /// [`CafeListing`] on the wire.
        #[derive(Serialize, Deserialize)]
        struct FlatListing {
            id: i64,
            $($(#[$meta])* $field: $ty,)*
            counts: Counts,
        }

        impl From<FlatCafe> for Cafe {
            fn from(flat: FlatCafe) -> Self {
                Self { id: flat.id, details: CafeDetails { $($field: flat.$field,)* } }
            }
        }

        impl From<Cafe> for FlatCafe {
            fn from(cafe: Cafe) -> Self {
                let CafeDetails { $($field,)* } = cafe.details;
                Self { id: cafe.id, $($field,)* }
            }
        }

        impl From<FlatListing> for CafeListing {
            fn from(flat: FlatListing) -> Self {
                Self {
                    cafe: Cafe { id: flat.id, details: CafeDetails { $($field: flat.$field,)* } },
                    counts: flat.counts,
                }
            }
        }

        impl From<CafeListing> for FlatListing {
            fn from(listing: CafeListing) -> Self {
                let CafeDetails { $($field,)* } = listing.cafe.details;
                Self { id: listing.cafe.id, $($field,)* counts: listing.counts }
            }
        }
    };
}

/// A job café as organisations publish it. Scripts and JSON see one flat
/// map: `#{ id, title, date, … }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "FlatCafe", into = "FlatCafe")]
pub struct Cafe {
    /// Stable id, assigned by the server.
    pub id: i64,
    /// Everything else, as an admin writes it.
    pub details: CafeDetails,
}

cafe! {
    /// What it is called, e.g. "Vacaturecafé Zorg en Welzijn".
    title: String,
    /// A few words on what to expect.
    #[serde(default)]
    description: String,
    /// `YYYY-MM-DD`.
    date: String,
    /// `HH:MM`, local time.
    start: String,
    /// `HH:MM`, local time.
    end: String,
    /// The place's name, e.g. "Bibliotheek Centrum".
    place: String,
    /// Street, number and town.
    address: String,
    /// Sectors employers come from.
    #[serde(default)]
    sectors: Vec<String>,
    /// Employers who will be there.
    #[serde(default)]
    employers: Vec<String>,
    /// Languages spoken at the café (tags such as `nl`, `ar`, `en`).
    #[serde(default)]
    languages: Vec<String>,
    /// Confirmed places.
    capacity: i64,
    /// Closed by the organisation: no new signups.
    #[serde(default)]
    closed: bool,
    /// The title, description, sectors and employers in other languages
    /// than the fields above, which are in the organisation's first
    /// language. A person reads [`Cafe::in_lang`]: their language where it
    /// is written, the first language where not.
    #[serde(default, skip_serializing_if = "CafeTexts::is_empty")]
    texts: CafeTexts,
}

/// A café's words in the other languages, at most one text each. On the
/// wire a map by language tag (`{ "en": {…}, "ar": {…} }`); a struct, not a
/// map type, because the widgets' bundle would carry a whole tree map's code
/// for five entries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CafeTexts {
    /// In Dutch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    nl: Option<CafeText>,
    /// In English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    en: Option<CafeText>,
    /// In Arabic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ar: Option<CafeText>,
    /// In Ukrainian.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    uk: Option<CafeText>,
    /// In Turkish.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tr: Option<CafeText>,
}

impl CafeTexts {
    fn slot(&mut self, lang: Lang) -> &mut Option<CafeText> {
        match lang {
            Lang::Nl => &mut self.nl,
            Lang::En => &mut self.en,
            Lang::Ar => &mut self.ar,
            Lang::Uk => &mut self.uk,
            Lang::Tr => &mut self.tr,
        }
    }

    /// The text in `lang`, if written.
    pub fn get(&self, lang: Lang) -> Option<&CafeText> {
        match lang {
            Lang::Nl => self.nl.as_ref(),
            Lang::En => self.en.as_ref(),
            Lang::Ar => self.ar.as_ref(),
            Lang::Uk => self.uk.as_ref(),
            Lang::Tr => self.tr.as_ref(),
        }
    }

    /// Sets the text in `lang`.
    pub fn insert(&mut self, lang: Lang, text: CafeText) {
        *self.slot(lang) = Some(text);
    }

    /// Whether no other language is written.
    pub fn is_empty(&self) -> bool {
        Lang::ALL.into_iter().all(|lang| self.get(lang).is_none())
    }

    /// The texts written, in the languages' order.
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &CafeText)> {
        Lang::ALL
            .into_iter()
            .filter_map(|lang| self.get(lang).map(|text| (lang, text)))
    }
}

impl FromIterator<(Lang, CafeText)> for CafeTexts {
    fn from_iter<I: IntoIterator<Item = (Lang, CafeText)>>(iter: I) -> Self {
        let mut texts = Self::default();
        for (lang, text) in iter {
            texts.insert(lang, text);
        }
        texts
    }
}

/// A café's words in one more language. An empty field falls back to the
/// organisation's first language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CafeText {
    /// The title.
    #[serde(default)]
    pub title: String,
    /// The description.
    #[serde(default)]
    pub description: String,
    /// The sectors, in the same order as the first language's.
    #[serde(default)]
    pub sectors: Vec<String>,
    /// The employers (names often stay the same: leave empty to keep them).
    #[serde(default)]
    pub employers: Vec<String>,
}

impl Cafe {
    /// A café to try a script on (the admin CLI's `check`, examples).
    pub fn example() -> Self {
        Self {
            id: 1,
            details: CafeDetails {
                title: "Vacaturecafé".into(),
                description: String::new(),
                date: "2026-12-01".into(),
                start: "14:00".into(),
                end: "16:00".into(),
                place: "Bibliotheek".into(),
                address: "Markt 1".into(),
                sectors: vec!["Zorg".into(), "Techniek".into()],
                employers: vec![],
                languages: vec!["nl".into(), "ar".into()],
                capacity: 20,
                closed: false,
                texts: CafeTexts::default(),
            },
        }
    }

    /// The café as a person reading `lang` sees it: each of its words in
    /// that language where the organisation wrote them, else in its first
    /// language; without the other languages' texts (scripts, messages and
    /// the calendar file get one language).
    pub fn in_lang(&self, lang: Lang) -> Self {
        let mut cafe = self.clone();
        let texts = std::mem::take(&mut cafe.details.texts);
        if let Some(text) = texts.get(lang) {
            let d = &mut cafe.details;
            let pick = |own: &String, first: &mut String| {
                if !own.trim().is_empty() {
                    first.clone_from(own);
                }
            };
            pick(&text.title, &mut d.title);
            pick(&text.description, &mut d.description);
            if !text.sectors.is_empty() {
                d.sectors.clone_from(&text.sectors);
            }
            if !text.employers.is_empty() {
                d.employers.clone_from(&text.employers);
            }
        }
        cafe
    }
}

impl CafeListing {
    /// [`Cafe::in_lang`], with the same counts.
    pub fn in_lang(&self, lang: Lang) -> Self {
        Self {
            cafe: self.cafe.in_lang(lang),
            counts: self.counts,
        }
    }
}

/// How many people a café has, given to `decide` and shown in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Counts {
    /// Confirmed signups.
    pub confirmed: i64,
    /// People on the waiting list.
    pub waitlist: i64,
    /// `capacity - confirmed`, never below 0.
    pub places_left: i64,
}

/// A café with its current counts, as the public list shows it: on the
/// wire the café's map with `counts` in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "FlatListing", into = "FlatListing")]
pub struct CafeListing {
    /// The café.
    pub cafe: Cafe,
    /// Its counts now.
    pub counts: Counts,
}

impl CafeListing {
    /// [`Cafe::example`] with every place free.
    pub fn example() -> Self {
        let cafe = Cafe::example();
        let places_left = cafe.details.capacity;
        Self {
            cafe,
            counts: Counts {
                confirmed: 0,
                waitlist: 0,
                places_left,
            },
        }
    }
}

/// One answer in a form: text, a list of option ids, or a yes/no.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// `text`, `email`, `tel`, `textarea`, `choice`.
    Text(String),
    /// `choices`.
    List(Vec<String>),
    /// `check`.
    Check(bool),
}

/// Field id → answer. Fields left empty may be missing.
pub type Form = BTreeMap<String, Value>;

/// The server's list of upcoming cafés.
#[derive(Debug, Serialize, Deserialize)]
pub struct CafeList {
    /// Upcoming, open cafés.
    pub cafes: Vec<CafeListing>,
}

/// What the widget sends to sign up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignupRequest {
    /// The answers, by field id.
    pub form: Form,
    /// The language the person uses; messages come back in it.
    #[serde(default)]
    pub lang: Lang,
    /// The signup's cancellation token, made by the browser (see
    /// [`crate::token_text`]). Sent again with the same signup (its answer
    /// lost on a slow connection), it finds that signup instead of making a
    /// second one. Without it the server makes a token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// The page the person signs up on (without its `#…`), for the links in
    /// the messages they get; used only when it is on one of the
    /// organisation's sites.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
}

/// The answer to a signup, a status request or a cancellation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupAnswer {
    /// Where the signup stands.
    pub status: SignupStatus,
    /// From the rules, in the person's language (empty for a status request).
    pub message: String,
    /// Place on the waiting list (1 = next), when waiting.
    pub position: Option<i64>,
    /// The token for the cancellation link; only in the answer that created the signup.
    pub cancel_token: Option<String>,
    /// True when this signup was sent before with the same token (its first
    /// answer was lost): this is that signup, not a second one.
    pub already: bool,
    /// The café, with counts after this signup.
    pub cafe: CafeListing,
    /// An e-mail about this signup is on its way to the person.
    #[serde(default)]
    pub mail: bool,
    /// The code to show at the door, for a signup that is confirmed or
    /// waiting (in the signup and the status answers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub door: Option<DoorCode>,
}

/// A QR code the person shows at the door: the organiser's phone, signed in
/// to the console, opens `link` (that person's check-in) from it. Sent as
/// its modules, so the widget draws it without a QR library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoorCode {
    /// What the code says: the console's check-in address for this signup.
    pub link: String,
    /// Modules per side.
    pub size: u32,
    /// `size × size` modules, row by row: `1` dark, `0` light.
    pub modules: String,
}

impl DoorCode {
    /// The dark modules as (column, row), for drawing.
    pub fn dark(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        let size = self.size.max(1);
        (0u32..)
            .zip(self.modules.bytes())
            .filter(|(_, m)| *m == b'1')
            .map(move |(i, _)| (i % size, i / size))
    }
}
