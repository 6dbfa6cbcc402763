//! The calendar file (.ics, RFC 5545) for one café.
//!
//! Times are local to the organisation's time zone and say so
//! (`DTSTART;TZID=Europe/Amsterdam:…`), with a `VTIMEZONE` that gives the
//! zone's offset around the café: a person who adds it to a calendar while
//! abroad still sees the café at 14:00 Dutch time, in their own time. Lines
//! end in CRLF, text is escaped, and long lines are folded at 75 bytes as
//! the RFC asks.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use plugin_host::contract::vacaturecafe::Cafe;

/// The calendar file for `cafe` of `org` in time zone `zone` (an IANA name;
/// floating local times if the server does not know it), served from `host`.
pub fn calendar(cafe: &Cafe, org: &str, host: &str, zone: &str) -> String {
    let d = &cafe.details;
    let stamp =
        |date: &str, time: &str| format!("{}T{}00", date.replace('-', ""), time.replace(':', ""));
    let mut description = d.description.clone();
    if !d.employers.is_empty() {
        if !description.is_empty() {
            description.push_str("\n\n");
        }
        description.push_str(&d.employers.join(", "));
    }
    let start = stamp(&d.date, &d.start);
    let timezone = vtimezone(zone, &start);
    // With a zone the server knows: times in it; else floating local times.
    let tzid = if timezone.is_empty() {
        String::new()
    } else {
        format!(";TZID={zone}")
    };
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Bondgenoot//Vacaturecafe//NL".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
    ];
    lines.extend(timezone);
    lines.extend([
        "BEGIN:VEVENT".to_owned(),
        format!("UID:cafe-{}-{}@{}", org, cafe.id, host),
        format!("DTSTAMP:{}Z", stamp(&d.date, &d.start)),
        format!("DTSTART{tzid}:{start}"),
        format!("DTEND{tzid}:{}", stamp(&d.date, &d.end)),
        format!("SUMMARY:{}", escape(&d.title)),
        format!(
            "LOCATION:{}",
            escape(&format!("{}, {}", d.place, d.address))
        ),
        format!("DESCRIPTION:{}", escape(&description)),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ]);
    lines.iter().map(|l| fold(l)).collect()
}

/// The `VTIMEZONE` for `zone` around local time `start` (`YYYYMMDDTHHMMSS`):
/// the last change of offset before it (or, for a zone that never changes,
/// its one offset), which is all a calendar needs to place the café. Empty
/// if the zone or the time is unknown.
fn vtimezone(zone: &str, start: &str) -> Vec<String> {
    let Ok(tz) = TimeZone::get(zone) else {
        return Vec::new();
    };
    let Ok(local) = jiff::civil::DateTime::strptime("%Y%m%dT%H%M%S", start) else {
        return Vec::new();
    };
    let Ok(at) = tz.to_timestamp(local) else {
        return Vec::new();
    };
    let offset = |o: jiff::tz::Offset| {
        let seconds = o.seconds();
        let sign = if seconds < 0 { '-' } else { '+' };
        let minutes = seconds.unsigned_abs() / 60;
        format!("{sign}{:02}{:02}", minutes / 60, minutes % 60)
    };
    let (since, from, to, name, dst) = match tz.preceding(at).next() {
        Some(change) => {
            let before = Timestamp::from_second(change.timestamp().as_second() - 1)
                .map_or(change.offset(), |t| tz.to_offset(t));
            // DTSTART is the change's local time in the offset before it.
            let since = before.to_datetime(change.timestamp());
            (
                since.strftime("%Y%m%dT%H%M%S").to_string(),
                offset(before),
                offset(change.offset()),
                change.abbreviation().to_owned(),
                change.dst().is_dst(),
            )
        }
        None => {
            let now = tz.to_offset(at);
            let name = tz.to_offset_info(at).abbreviation().to_owned();
            (
                "19700101T000000".to_owned(),
                offset(now),
                offset(now),
                name,
                false,
            )
        }
    };
    let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
    vec![
        "BEGIN:VTIMEZONE".to_owned(),
        format!("TZID:{zone}"),
        format!("BEGIN:{kind}"),
        format!("DTSTART:{since}"),
        format!("TZOFFSETFROM:{from}"),
        format!("TZOFFSETTO:{to}"),
        format!("TZNAME:{name}"),
        format!("END:{kind}"),
        "END:VTIMEZONE".to_owned(),
    ]
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Folds a line into pieces of at most 75 bytes, never inside a character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_calendar_has_the_cafe_at_local_time_with_escaped_folded_text() {
        let mut cafe = Cafe::example();
        cafe.details.title = "Café; zorg, welzijn".into();
        cafe.details.address = "مكتبة ".repeat(20);
        let ics = calendar(&cafe, "demo", "example.org", "Europe/Amsterdam");
        assert!(ics.contains("DTSTART;TZID=Europe/Amsterdam:20261201T140000\r\n"));
        assert!(ics.contains("DTEND;TZID=Europe/Amsterdam:20261201T160000\r\n"));
        // December in Amsterdam: winter time since the last Sunday of October.
        assert!(
            ics.contains("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"),
            "{ics}"
        );
        assert!(ics.contains("SUMMARY:Café\\; zorg\\, welzijn\r\n"));
        assert!(ics.split("\r\n").all(|l| l.len() <= 75), "{ics}");
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn a_summer_cafe_gets_summer_time_and_an_unknown_zone_floating_times() {
        let mut cafe = Cafe::example();
        cafe.details.date = "2027-07-01".into();
        let ics = calendar(&cafe, "demo", "example.org", "Europe/Amsterdam");
        assert!(
            ics.contains("BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"),
            "{ics}"
        );
        let ics = calendar(&cafe, "demo", "example.org", "Mars/Olympus");
        assert!(ics.contains("DTSTART:20270701T140000\r\n"));
        assert!(!ics.contains("VTIMEZONE"));
    }
}
