//! Anonymous figures: one row per share, read back only as a month's
//! figures (see `crate::controllers::figures`), deleted from the month the
//! organisation's keeping time ends.

use sqlx::Row as _;

use super::{Db, DbError};

/// One stored share, as the month's figures are made from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureRow {
    /// `YYYY-MM`.
    pub month: String,
    /// The language tag.
    pub lang: String,
    /// Score id → value, as JSON.
    pub scores: String,
    /// Step ids, as JSON.
    pub steps: String,
}

/// A share to store: the widget's name, the month and language, the scores
/// and steps as JSON, and the month from which it is deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFigures {
    /// The widget's name.
    pub widget: String,
    /// `YYYY-MM`, in the organisation's time zone.
    pub month: String,
    /// The language tag.
    pub lang: String,
    /// Score id → value, as JSON.
    pub scores: String,
    /// Step ids, as JSON.
    pub steps: String,
    /// `YYYY-MM`: deleted from this month on.
    pub delete_from: String,
}

impl Db {
    /// Stores one share of the organisation's.
    pub async fn add_figures(&self, org: &str, share: NewFigures) -> Result<(), DbError> {
        let org = org.to_owned();
        self.write(move |conn| {
            Box::pin(async move {
                sqlx::query(
                    "INSERT INTO figures (org, widget, month, lang, scores, steps, delete_from) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(org)
                .bind(share.widget)
                .bind(share.month)
                .bind(share.lang)
                .bind(share.scores)
                .bind(share.steps)
                .bind(share.delete_from)
                .execute(conn)
                .await?;
                Ok(())
            })
        })
        .await
    }

    /// Every share of the organisation's for `widget`, newest month first,
    /// each month's in the order they came.
    pub async fn figures(&self, org: &str, widget: &str) -> Result<Vec<FigureRow>, DbError> {
        let rows = sqlx::query(
            "SELECT month, lang, scores, steps FROM figures WHERE org = $1 AND widget = $2 \
             ORDER BY month DESC, id",
        )
        .bind(org)
        .bind(widget)
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(FigureRow {
                    month: row.try_get("month")?,
                    lang: row.try_get("lang")?,
                    scores: row.try_get("scores")?,
                    steps: row.try_get("steps")?,
                })
            })
            .collect()
    }

    /// The organisations and widgets that have shares.
    pub async fn figure_owners(&self) -> Result<Vec<(String, String)>, DbError> {
        let rows = sqlx::query("SELECT DISTINCT org, widget FROM figures ORDER BY org, widget")
            .fetch_all(&self.read)
            .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("org")?, row.try_get("widget")?)))
            .collect()
    }

    /// Deletes, as whole months, every month of shares that one share's
    /// keeping time has ended in by `month` (`YYYY-MM`): a month never goes
    /// in part, so what is left of it is never a smaller group than it was.
    /// How many shares went.
    pub async fn delete_figures_from(&self, month: String) -> Result<u64, DbError> {
        self.write(move |conn| {
            Box::pin(async move {
                let done = sqlx::query(
                    "DELETE FROM figures WHERE (org, widget, month) IN \
                     (SELECT org, widget, month FROM figures WHERE delete_from <= $1)",
                )
                .bind(month)
                .execute(conn)
                .await?;
                Ok(done.rows_affected())
            })
        })
        .await
    }

    /// Deletes the organisation's shares for `widget` of `last` (`YYYY-MM`)
    /// and every month before: its keeping time now, when it was made
    /// shorter than it was when they came. How many went.
    pub async fn delete_figures_through(
        &self,
        org: &str,
        widget: &str,
        last: String,
    ) -> Result<u64, DbError> {
        let (org, widget) = (org.to_owned(), widget.to_owned());
        self.write(move |conn| {
            Box::pin(async move {
                let done = sqlx::query(
                    "DELETE FROM figures WHERE org = $1 AND widget = $2 AND month <= $3",
                )
                .bind(org)
                .bind(widget)
                .bind(last)
                .execute(conn)
                .await?;
                Ok(done.rows_affected())
            })
        })
        .await
    }
}
