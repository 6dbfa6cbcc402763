//! Anonymous figures (`wire::figures`): what a scan's script takes as a share
//! (its terms, made once per script version in the organisation's share of
//! the hook threads), the check a share gets before it is stored, and a
//! month's figures made from the shares, with no figure about fewer than
//! [`MIN_PEOPLE`] people.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex, PoisonError};

use plugin_host::Rules;
use plugin_host::contract::figures::{self, Figures};
use plugin_host::contract::{Ctx, Lang, Widget};
use wire::figures::{
    FiguresShare, MAX_STEPS, MIN_PEOPLE, MonthFigures, ScoreSpread, StepCount, is_step_id,
};

use crate::db::FigureRow;
use crate::error::ApiError;
use crate::script_share::ScriptShares;

/// What an organisation's script says about figures for one widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Terms {
    /// `figures()`: offered, and kept how long.
    pub figures: Figures,
    /// The score ids every share must hold, in the script's order.
    pub score_ids: Vec<String>,
}

/// (organisation, widget) → the rules the terms were made with, and them.
type Made = HashMap<(String, Widget), (Arc<Rules>, Arc<Terms>)>;

/// The terms made so far; shared by all requests.
#[derive(Debug, Default)]
pub struct TermsCache {
    made: Mutex<Made>,
}

impl TermsCache {
    /// The terms of `rules` (the organisation's, for `widget`), made in its
    /// share the first time and again only when the rules changed.
    pub async fn get(
        &self,
        shares: &ScriptShares,
        org: &str,
        widget: Widget,
        rules: &Arc<Rules>,
        today: String,
    ) -> Result<Arc<Terms>, ApiError> {
        let key = (org.to_owned(), widget);
        if let Some((made_by, terms)) = self.lock().get(&key)
            && Arc::ptr_eq(made_by, rules)
        {
            return Ok(Arc::clone(terms));
        }
        let made = {
            let rules = Arc::clone(rules);
            let ctx = Ctx {
                lang: Lang::En,
                org: org.to_owned(),
                today,
            };
            shares
                .run(org, move || {
                    Ok::<_, plugin_host::ScriptError>(Terms {
                        figures: figures::figures(&*rules)?,
                        score_ids: figures::score_ids(widget, &*rules, &ctx)?,
                    })
                })
                .await?
                .map_err(ApiError::RulesBroken)?
        };
        let terms = Arc::new(made);
        self.lock()
            .insert(key, (Arc::clone(rules), Arc::clone(&terms)));
        Ok(terms)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Made> {
        self.made.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Checks a share against the script's terms: exactly its score ids, each
/// from 0 to 100, and step ids that are ids. The message says what is wrong.
pub fn check(share: &FiguresShare, terms: &Terms) -> Result<(), String> {
    let expected: BTreeSet<&str> = terms.score_ids.iter().map(String::as_str).collect();
    if let Some(unknown) = share
        .scores
        .keys()
        .find(|id| !expected.contains(id.as_str()))
    {
        return Err(format!(
            "`scores` has `{}`, which is not one of this scan's scores ({})",
            shown(unknown),
            terms.score_ids.join(", ")
        ));
    }
    if let Some(missing) = terms
        .score_ids
        .iter()
        .find(|id| !share.scores.contains_key(*id))
    {
        return Err(format!("`scores` lacks `{missing}`"));
    }
    if let Some((id, value)) = share.scores.iter().find(|(_, v)| !(0..=100).contains(*v)) {
        return Err(format!(
            "`scores.{id}` is {value}, but a score is from 0 to 100"
        ));
    }
    if share.steps.len() > MAX_STEPS {
        return Err(format!("`steps` holds at most {MAX_STEPS} step ids"));
    }
    if let Some(bad) = share.steps.iter().find(|s| !is_step_id(s)) {
        return Err(format!(
            "`steps` holds `{}`, which is not a step id (1 to 64 letters a–z, digits, - and _)",
            shown(bad)
        ));
    }
    Ok(())
}

/// At most 40 characters of what a client sent, for a message.
fn shown(text: &str) -> String {
    text.chars().take(40).collect()
}

/// `YYYY-MM` of a `YYYY-MM-DD` day.
pub fn month_of(day: &str) -> &str {
    day.get(..7).unwrap_or(day)
}

/// The month `months` after `month` (`YYYY-MM`); `month` itself when it
/// cannot be read.
pub fn months_after(month: &str, months: u32) -> String {
    let parsed = month
        .split_once('-')
        .and_then(|(y, m)| Some((y.parse::<u32>().ok()?, m.parse::<u32>().ok()?)))
        .filter(|(_, m)| (1..=12).contains(m));
    let Some((year, m)) = parsed else {
        return month.to_owned();
    };
    let index = year * 12 + (m - 1) + months;
    format!("{:04}-{:02}", index / 12, index % 12 + 1)
}

/// The months' figures from their shares (newest month first, as `rows`
/// come): a month with fewer than [`MIN_PEOPLE`] shares says only that; a
/// score held by fewer is left out, and so is a step suggested to fewer.
/// Scores follow `order` (the script's), then any others by id.
pub fn months(rows: &[FigureRow], order: &[String]) -> Vec<MonthFigures> {
    let mut by_month: Vec<(&str, Vec<&FigureRow>)> = Vec::new();
    for row in rows {
        match by_month.last_mut() {
            Some((month, group)) if *month == row.month => group.push(row),
            _ => by_month.push((&row.month, vec![row])),
        }
    }
    by_month
        .into_iter()
        .map(|(month, group)| month_figures(month, &group, order))
        .collect()
}

fn month_figures(month: &str, group: &[&FigureRow], order: &[String]) -> MonthFigures {
    let shared = group.len() as u64;
    if shared < MIN_PEOPLE {
        return MonthFigures {
            month: month.to_owned(),
            shared: None,
            scores: Vec::new(),
            steps: Vec::new(),
        };
    }
    let mut values: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    let mut steps: BTreeMap<String, u64> = BTreeMap::new();
    for row in group {
        // Stored by this server after the check: unreadable only if the
        // database was edited by hand, and then that share is left out.
        if let Ok(scores) = serde_json::from_str::<BTreeMap<String, i64>>(&row.scores) {
            for (id, value) in scores {
                values.entry(id).or_default().push(value);
            }
        }
        if let Ok(ids) = serde_json::from_str::<BTreeSet<String>>(&row.steps) {
            for id in ids {
                *steps.entry(id).or_default() += 1;
            }
        }
    }
    let rank = |id: &String| order.iter().position(|o| o == id).unwrap_or(order.len());
    let mut ids: Vec<String> = values.keys().cloned().collect();
    ids.sort_by_key(|id| rank(id));
    let scores = ids
        .into_iter()
        .filter_map(|id| {
            let mut v = values.remove(&id)?;
            if (v.len() as u64) < MIN_PEOPLE {
                return None;
            }
            v.sort_unstable();
            Some(ScoreSpread {
                low: nearest_rank(&v, 1, 4),
                median: nearest_rank(&v, 1, 2),
                high: nearest_rank(&v, 3, 4),
                id,
            })
        })
        .collect();
    let mut steps: Vec<StepCount> = steps
        .into_iter()
        .filter(|(_, count)| *count >= MIN_PEOPLE)
        .map(|(id, count)| StepCount { id, count })
        .collect();
    steps.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.id.cmp(&b.id)));
    MonthFigures {
        month: month.to_owned(),
        shared: Some(shared),
        scores,
        steps,
    }
}

/// The value at fraction `num / den` of `sorted` by nearest rank: the
/// smallest value with at least that share of the values at or below it.
fn nearest_rank(sorted: &[i64], num: usize, den: usize) -> i64 {
    let rank = (sorted.len() * num).div_ceil(den).max(1);
    sorted.get(rank - 1).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(month: &str, scores: &str, steps: &str) -> FigureRow {
        FigureRow {
            month: month.into(),
            scores: scores.into(),
            steps: steps.into(),
        }
    }

    #[test]
    fn months_are_counted_on_from_any_month() {
        assert_eq!(months_after("2026-12", 24), "2028-12");
        assert_eq!(months_after("2026-11", 1), "2026-12");
        assert_eq!(months_after("2026-12", 1), "2027-01");
        assert_eq!(month_of("2026-12-03"), "2026-12");
    }

    #[test]
    fn nine_shares_give_no_figure_and_ten_give_the_quartiles() {
        let nine: Vec<FigureRow> = (0..9)
            .map(|i| row("2026-12", &format!("{{\"a\":{i}}}"), "[\"s\"]"))
            .collect();
        let month = &months(&nine, &[])[0];
        assert_eq!(month.shared, None);
        assert!(month.scores.is_empty() && month.steps.is_empty());

        let ten: Vec<FigureRow> = (1..=10)
            .map(|i| row("2026-12", &format!("{{\"a\":{}}}", i * 10), "[\"s\",\"s\"]"))
            .collect();
        let month = &months(&ten, &[])[0];
        assert_eq!(month.shared, Some(10));
        let a = &month.scores[0];
        // 10..100: a quarter is 3 values (30), half 5 (50), three quarters 8 (80).
        assert_eq!((a.low, a.median, a.high), (30, 50, 80));
        // A step counts once per share, however often it was sent.
        assert_eq!(
            month.steps,
            [StepCount {
                id: "s".into(),
                count: 10
            }]
        );
    }

    #[test]
    fn a_score_or_step_held_by_fewer_than_ten_is_left_out_and_order_is_the_scripts() {
        let mut rows: Vec<FigureRow> = (0..10)
            .map(|_| row("2026-12", "{\"b\":1,\"a\":2}", "[\"common\"]"))
            .collect();
        rows.push(row("2026-12", "{\"b\":1,\"a\":2,\"new\":5}", "[\"rare\"]"));
        let month = &months(&rows, &["b".into(), "a".into()])[0];
        let ids: Vec<&str> = month.scores.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"]);
        let steps: Vec<&str> = month.steps.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(steps, ["common"]);
    }
}
