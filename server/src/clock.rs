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

    /// Today's date in time zone `zone` (an IANA name; UTC if unknown):
    /// where an organisation's cafés are, a café at 00:30 on the 3rd has
    /// not passed at 23:45 UTC on the 2nd. A fixed clock is the same
    /// everywhere.
    pub fn today_in(self, zone: &str) -> Date {
        if let Some(fixed) = self.fixed {
            return fixed;
        }
        let Ok(tz) = jiff::tz::TimeZone::get(zone) else {
            return self.today();
        };
        let local = tz.to_datetime(jiff::Timestamp::now()).date();
        time::Month::try_from(local.month().unsigned_abs())
            .ok()
            .and_then(|month| {
                Date::from_calendar_date(i32::from(local.year()), month, local.day().unsigned_abs())
                    .ok()
            })
            .unwrap_or_else(|| self.today())
    }
}

/// A day written `YYYY-MM-DD`, as `ctx.today`, a café's date and the
/// command line give it; `None` when it is not one.
pub fn parse_day(text: &str) -> Option<Date> {
    Date::parse(
        text,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

/// Whether `zone` is a time zone the server knows (an IANA name such as
/// `Europe/Amsterdam`).
pub fn is_time_zone(zone: &str) -> bool {
    jiff::tz::TimeZone::get(zone).is_ok()
}
