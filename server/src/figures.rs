//! Anonymous figures (`wire::figures`): what a scan's script takes as a share
//! (its terms, made once per script version in the organisation's share of
//! the hook threads), the check a share gets before it is stored, and a
//! month's figures made from the shares, with no figure about fewer than
//! [`MIN_PEOPLE`] people.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use plugin_host::Rules;
use plugin_host::contract::figures::{self, Figures};
use plugin_host::contract::{Ctx, Lang, Widget};
use wire::figures::{
    FiguresShare, LangCount, MAX_STEPS, MIN_PEOPLE, MonthFigures, ScoreSpread, StepCount,
    is_step_id,
};

use crate::db::FigureRow;
use crate::error::{ApiError, shown};
use crate::kept::{MadeOnce, Version};
use crate::script_share::{RunError, ScriptShares};

/// What an organisation's script says about figures for one widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Terms {
    /// `figures()`: offered, and kept how long.
    pub figures: Figures,
    /// The score ids every share must hold, in the script's order.
    pub score_ids: Vec<String>,
}

/// The terms made so far; shared by all requests.
#[derive(Debug, Default)]
pub struct TermsCache {
    /// Per (organisation, widget), made from a version of the rules.
    made: MadeOnce<(String, Widget), Version, Arc<Terms>, NotMade>,
}

/// Why the terms were not made: a value, so that every request that waited
/// for them hears the same.
#[derive(Debug, Clone)]
enum NotMade {
    Run(RunError),
    Broken(plugin_host::ScriptError),
}

impl TermsCache {
    /// The terms of `rules` (the organisation's, for `widget`), made in its
    /// share the first time and again only when the rules changed; once
    /// however many ask at the same time.
    pub async fn get(
        &self,
        shares: &ScriptShares,
        org: &str,
        widget: Widget,
        rules: &Arc<Rules>,
        today: String,
    ) -> Result<Arc<Terms>, ApiError> {
        let key = (org.to_owned(), widget);
        let from = Version(Arc::clone(rules));
        let made = self.made.get_or_make(key, from, || {
            let rules = Arc::clone(rules);
            let ctx = Ctx {
                lang: Lang::En,
                org: org.to_owned(),
                today,
            };
            async move {
                let terms = shares
                    .run(org, move || {
                        Ok::<_, plugin_host::ScriptError>(Terms {
                            figures: figures::figures(&*rules)?,
                            score_ids: figures::score_ids(widget, &*rules, &ctx)?,
                        })
                    })
                    .await
                    .map_err(NotMade::Run)?
                    .map_err(NotMade::Broken)?;
                Ok(Arc::new(terms))
            }
        });
        made.await.map_err(|not| match not {
            NotMade::Run(e) => ApiError::from(e),
            NotMade::Broken(e) => ApiError::RulesBroken(e),
        })
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

/// Months since year 0 of a `YYYY-MM` month, if it is one.
fn month_index(month: &str) -> Option<u64> {
    let (year, m) = month.split_once('-')?;
    let (year, m) = (year.parse::<u64>().ok()?, m.parse::<u64>().ok()?);
    (1..=12)
        .contains(&m)
        .then(|| year.saturating_mul(12).saturating_add(m - 1))
}

/// The `YYYY-MM` month of a [`month_index`].
fn month_at(index: u64) -> String {
    format!("{:04}-{:02}", index / 12, index % 12 + 1)
}

/// The month `months` after `month` (`YYYY-MM`); `month` itself when it
/// cannot be read.
pub fn months_after(month: &str, months: u32) -> String {
    month_index(month).map_or_else(
        || month.to_owned(),
        |i| month_at(i.saturating_add(u64::from(months))),
    )
}

/// The month `months` before `month` (`YYYY-MM`); `month` itself when it
/// cannot be read.
pub fn months_before(month: &str, months: u32) -> String {
    month_index(month).map_or_else(
        || month.to_owned(),
        |i| month_at(i.saturating_sub(u64::from(months))),
    )
}

/// The months' figures from their shares (newest month first, each month's
/// in the order they came, as `rows` come). A month's figures are made from
/// its first shares in groups of [`MIN_PEOPLE`]: with fewer it says only
/// that; a score held by fewer is left out; a step or a language is named
/// only when at least that many had it and not all but a few (else the few
/// without it would be singled out). Scores follow `order` (the script's),
/// then any others by id.
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

/// Whether `count` of `counted` may be named: at least [`MIN_PEOPLE`] had
/// it, and those without it are none or at least as many.
fn nameable(count: u64, counted: u64) -> bool {
    let without = counted - count.min(counted);
    count >= MIN_PEOPLE && (without == 0 || without >= MIN_PEOPLE)
}

fn month_figures(month: &str, group: &[&FigureRow], order: &[String]) -> MonthFigures {
    let shared = group.len() as u64;
    let counted = shared - shared % MIN_PEOPLE;
    let mut figures = MonthFigures {
        month: month.to_owned(),
        shared: (shared >= MIN_PEOPLE).then_some(shared),
        counted,
        scores: Vec::new(),
        steps: Vec::new(),
        langs: Vec::new(),
    };
    if counted == 0 {
        return figures;
    }
    let counted_rows = group
        .iter()
        .take(usize::try_from(counted).unwrap_or(usize::MAX));
    let mut values: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    let mut steps: BTreeMap<String, u64> = BTreeMap::new();
    let mut langs: BTreeMap<String, u64> = BTreeMap::new();
    for row in counted_rows {
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
        *langs.entry(row.lang.clone()).or_default() += 1;
    }
    let rank = |id: &String| order.iter().position(|o| o == id).unwrap_or(order.len());
    let mut ids: Vec<String> = values.keys().cloned().collect();
    ids.sort_by_key(|id| rank(id));
    figures.scores = ids
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
    figures.steps = named(steps, counted)
        .map(|(id, count)| StepCount { id, count })
        .collect();
    figures.langs = named(langs, counted)
        .map(|(lang, count)| LangCount { lang, count })
        .collect();
    figures
}

/// The counts that may be named ([`nameable`]), most first, then by name.
fn named(counts: BTreeMap<String, u64>, counted: u64) -> impl Iterator<Item = (String, u64)> {
    let mut kept: Vec<(String, u64)> = counts
        .into_iter()
        .filter(|(_, count)| nameable(*count, counted))
        .collect();
    // Stable: equal counts stay in name order.
    kept.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    kept.into_iter()
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
            lang: "nl".into(),
            scores: scores.into(),
            steps: steps.into(),
        }
    }

    #[test]
    fn months_are_counted_on_from_any_month() {
        assert_eq!(months_after("2026-12", 24), "2028-12");
        assert_eq!(months_after("2026-11", 1), "2026-12");
        assert_eq!(months_after("2026-12", 1), "2027-01");
        assert_eq!(months_before("2027-01", 1), "2026-12");
        assert_eq!(months_before("2028-12", 24), "2026-12");
        assert_eq!(months_after("not a month", 3), "not a month");
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
    fn figures_move_in_groups_of_ten_so_the_eleventh_share_changes_nothing() {
        let mut rows: Vec<FigureRow> = (1..=10)
            .map(|i| row("2026-12", &format!("{{\"a\":{}}}", i * 10), "[\"s\"]"))
            .collect();
        let ten = months(&rows, &[]);
        rows.push(row("2026-12", "{\"a\":0}", "[\"other\"]"));
        let eleven = months(&rows, &[]);
        assert_eq!(eleven[0].shared, Some(11));
        assert_eq!(eleven[0].counted, 10);
        assert_eq!(
            (&eleven[0].scores, &eleven[0].steps, &eleven[0].langs),
            (&ten[0].scores, &ten[0].steps, &ten[0].langs),
            "what the eleventh sent shows nowhere"
        );
    }

    #[test]
    fn a_step_all_but_a_few_had_is_not_named_as_it_would_single_the_few_out() {
        // 20 counted: "most" went to 19 (the one without it would stand
        // out), "half" to 10 and "all" to 20.
        let rows: Vec<FigureRow> = (0..20)
            .map(|i| {
                let mut steps = vec!["all"];
                if i < 19 {
                    steps.push("most");
                }
                if i < 10 {
                    steps.push("half");
                }
                row(
                    "2026-12",
                    "{\"a\":1}",
                    &serde_json::to_string(&steps).unwrap_or_default(),
                )
            })
            .collect();
        let steps: Vec<(String, u64)> = months(&rows, &[])[0]
            .steps
            .iter()
            .map(|s| (s.id.clone(), s.count))
            .collect();
        assert_eq!(steps, [("all".into(), 20), ("half".into(), 10)]);
        assert_eq!(
            months(&rows, &[])[0].langs,
            [LangCount {
                lang: "nl".into(),
                count: 20
            }]
        );
    }

    #[test]
    fn a_score_or_step_held_by_fewer_than_ten_is_left_out_and_order_is_the_scripts() {
        // 20 shares; a score and a step that only five of them have.
        let rows: Vec<FigureRow> = (0..20)
            .map(|i| {
                if i < 5 {
                    row(
                        "2026-12",
                        "{\"b\":1,\"a\":2,\"new\":5}",
                        "[\"common\",\"rare\"]",
                    )
                } else {
                    row("2026-12", "{\"b\":1,\"a\":2}", "[\"common\"]")
                }
            })
            .collect();
        let month = &months(&rows, &["b".into(), "a".into()])[0];
        let ids: Vec<&str> = month.scores.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"]);
        let steps: Vec<&str> = month.steps.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(steps, ["common"]);
    }
}
