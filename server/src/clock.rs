//! The one clock the server reads today's date from: for the cafés that are
//! still to come, whether a café still takes signups, `ctx.today` for the
//! rules, and the demo's café dates. Tests set it to a fixed day, so "a café
//! that has passed" is a test, not a wait.

use time::Date;

/// Today, from the system or fixed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Clock {
    fixed: Option<Date>,
}

impl Clock {
    /// The system's clock (UTC).
    pub const fn system() -> Self {
        Self { fixed: None }
    }

    /// Always `date`.
    pub const fn fixed(date: Date) -> Self {
        Self { fixed: Some(date) }
    }

    /// Today's date.
    pub fn today(self) -> Date {
        self.fixed
            .unwrap_or_else(|| time::OffsetDateTime::now_utc().date())
    }

    /// Today as `YYYY-MM-DD`, as `ctx.today` and the database compare it.
    pub fn today_text(self) -> String {
        self.today().to_string()
    }
}
