//! Anonymous figures: the scores a person chose to share at the end of a
//! scan (`POST /v1/orgs/{org}/figures/{widget}`), and what the
//! organisation's admins read back per month
//! (`GET /v1/admin/orgs/{org}/figures/{widget}`).
//!
//! A share holds no name, no people, no free text, no answers and nothing
//! that tells one device from another: the language, each score and the
//! ids of the steps the scan suggested. The month is the server's, not the
//! sender's. What comes back only ever counts groups of at least
//! [`MIN_PEOPLE`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Lang;

/// No figure is given about fewer people than this (k-anonymity): a month
/// with fewer shares shows only that it had fewer, a step suggested to
/// fewer is not named.
pub const MIN_PEOPLE: u64 = 10;

/// At most this many step ids in one share (a scan suggests three to five).
pub const MAX_STEPS: usize = 20;

/// One person's shared scores. Unknown fields are refused: nothing else
/// can be sent along.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiguresShare {
    /// The language the scan was done in.
    pub lang: Lang,
    /// Score id → 0 to 100: exactly the dimensions (Netwerkscan) or phases
    /// (Alliantiescan) the organisation's script gives.
    pub scores: BTreeMap<String, i64>,
    /// Ids of the steps the scan suggested, most useful first.
    pub steps: Vec<String>,
}

/// The figures of one widget, newest month first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiguresReport {
    /// [`MIN_PEOPLE`], so the page can say why a month shows no figures.
    pub min_people: u64,
    /// How long shares are kept, in months (the script's `figures()`).
    pub keep_months: u32,
    /// Whether the widget offers sharing now (the script's `figures()`).
    pub offer: bool,
    /// Each month with at least one share.
    pub months: Vec<MonthFigures>,
}

/// One month's figures. They are made from the month's first shares in
/// groups of [`MIN_PEOPLE`] (`counted`: 10, 20, …), so they change only when
/// ten more have shared, and comparing two looks never singles one out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthFigures {
    /// `YYYY-MM`, in the organisation's time zone.
    pub month: String,
    /// How many shared; `None` when fewer than [`MIN_PEOPLE`] did, and then
    /// everything else is empty.
    pub shared: Option<u64>,
    /// How many shares the figures below are made from: `shared` rounded
    /// down to a multiple of [`MIN_PEOPLE`].
    pub counted: u64,
    /// Per score, how the values spread.
    pub scores: Vec<ScoreSpread>,
    /// Steps suggested to at least [`MIN_PEOPLE`] (and not to all but a
    /// few), most often first.
    pub steps: Vec<StepCount>,
    /// The languages scanned in by at least [`MIN_PEOPLE`] (and not by all
    /// but a few), most first.
    pub langs: Vec<LangCount>,
}

/// How many people scanned in a language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LangCount {
    /// The language's tag.
    pub lang: String,
    /// How many counted shares were in it.
    pub count: u64,
}

/// How one score's values spread in a month: the middle half lies between
/// `low` and `high`. No lowest or highest value: an outlier is one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreSpread {
    /// The score's id.
    pub id: String,
    /// A quarter scored this or lower.
    pub low: i64,
    /// The median.
    pub median: i64,
    /// Three quarters scored this or lower.
    pub high: i64,
}

/// How many people a step was suggested to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepCount {
    /// The step's id.
    pub id: String,
    /// How many shares held it.
    pub count: u64,
}

/// Whether `text` can be sent as a step id: 1 to 64 of a–z, 0–9, `-` and
/// `_`, as the scripts write them (`tell-three`). The widget sends only
/// these; the server takes only these, so no free text rides along.
pub fn is_step_id(text: &str) -> bool {
    (1..=64).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// The share a scan's result gives: its scores and the step ids that can be
/// sent (at most [`MAX_STEPS`]), in `lang`.
pub fn share<'a>(
    lang: Lang,
    scores: impl IntoIterator<Item = (&'a str, i64)>,
    steps: impl IntoIterator<Item = &'a str>,
) -> FiguresShare {
    // Inserted one by one: collecting would sort, and the sort's code
    // would cost the widget's first screen 2 KB.
    let mut by_id = BTreeMap::new();
    for (id, value) in scores {
        by_id.insert(id.to_owned(), value);
    }
    FiguresShare {
        lang,
        scores: by_id,
        steps: steps
            .into_iter()
            .filter(|s| is_step_id(s))
            .take(MAX_STEPS)
            .map(str::to_owned)
            .collect(),
    }
}

/// The month (`YYYY-MM`) of a day (`YYYY-MM-DD`): what a share is counted
/// under on the server, and what the widget remembers it shared in.
pub fn month_of(day: &str) -> &str {
    day.get(..7).unwrap_or(day)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_days_month() {
        assert_eq!(super::month_of("2026-12-03"), "2026-12");
        assert_eq!(super::month_of(""), "");
    }
}
