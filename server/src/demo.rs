//! The demo organisation's cafés, created with it on first start so the demo
//! site has something to sign up for.

use crate::db::CafeInput;

/// Three upcoming cafés, one, two and four weeks after `today`.
pub fn cafes(today: time::Date) -> Vec<CafeInput> {
    let day = |weeks: i64| (today + time::Duration::weeks(weeks)).to_string();
    let cafe = |weeks, title: &str, sectors: &[&str], employers: &[&str], capacity| CafeInput {
        title: title.to_owned(),
        description:
            "Kom langs, drink een kop koffie en praat met werkgevers. Geen sollicitatiegesprek: \
                      gewoon kennismaken."
                .to_owned(),
        date: day(weeks),
        start: "14:00".to_owned(),
        end: "16:30".to_owned(),
        place: "Bibliotheek Centrum".to_owned(),
        address: "Stationsplein 1, Utrecht".to_owned(),
        sectors: sectors.iter().map(|s| (*s).to_owned()).collect(),
        employers: employers.iter().map(|s| (*s).to_owned()).collect(),
        languages: vec!["nl".into(), "en".into(), "ar".into()],
        capacity,
        closed: false,
    };
    vec![
        cafe(
            1,
            "Vacaturecafé Zorg en Welzijn",
            &["Zorg", "Welzijn"],
            &["Zorggroep Midden", "Thuiszorg Samen"],
            20,
        ),
        cafe(
            2,
            "Vacaturecafé Techniek en Logistiek",
            &["Techniek", "Logistiek"],
            &["Installatiebedrijf Van Dijk", "Distributiecentrum Noord"],
            15,
        ),
        cafe(
            4,
            "Vacaturecafé Horeca",
            &["Horeca", "Schoonmaak"],
            &["Hotel De Poort"],
            12,
        ),
    ]
}
