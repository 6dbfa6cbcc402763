//! The calendar file (.ics, RFC 5545) for one café.
//!
//! Times are "floating" local times (no zone): a café happens at 14:00 where
//! it is, which is what a calendar should show. Lines end in CRLF, text is
//! escaped, and long lines are folded at 75 bytes as the RFC asks.

use plugin_host::contract::vacaturecafe::Cafe;

/// The calendar file for `cafe` of `org`, served from `host`.
pub fn calendar(cafe: &Cafe, org: &str, host: &str) -> String {
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
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Bondgenoot//Vacaturecafe//NL".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:cafe-{}-{}@{}", org, cafe.id, host),
        format!("DTSTAMP:{}Z", stamp(&d.date, &d.start)),
        format!("DTSTART:{}", stamp(&d.date, &d.start)),
        format!("DTEND:{}", stamp(&d.date, &d.end)),
        format!("SUMMARY:{}", escape(&d.title)),
        format!(
            "LOCATION:{}",
            escape(&format!("{}, {}", d.place, d.address))
        ),
        format!("DESCRIPTION:{}", escape(&description)),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    lines.iter().map(|l| fold(l)).collect()
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
        let ics = calendar(&cafe, "demo", "example.org");
        assert!(ics.contains("DTSTART:20261201T140000\r\n"));
        assert!(ics.contains("DTEND:20261201T160000\r\n"));
        assert!(ics.contains("SUMMARY:Café\\; zorg\\, welzijn\r\n"));
        assert!(ics.split("\r\n").all(|l| l.len() <= 75), "{ics}");
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }
}
