//! The demo organisation, for `serve --demo` (what `cargo xtask serve` runs):
//! its example scripts, three cafés so the demo site has something to sign up
//! for, and a local admin token so a newcomer can open the playground at once.
//! The token is kept in the data folder so the printed link keeps working.
//! A plain `serve` sets up none of this: a real deployment starts empty.

use std::net::SocketAddr;
use std::path::Path;

use anyhow::Context as _;

use crate::clock::Clock;
use crate::db::CafeInput;
use crate::store::{DEMO_ORG, Store};
use plugin_host::contract::vacaturecafe::{CafeText, CafeTexts};
use wire::Lang;

/// How a newcomer signs in to the demo organisation's playground.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DemoAccess {
    /// With this local demo token (kept in `<data-dir>/demo-token`).
    Token(String),
    /// With the token an admin set with `org add demo`, which the demo keeps.
    OwnToken,
}

/// The file in the data folder that keeps the local demo token, so the
/// printed sign-in link keeps working across restarts.
const TOKEN_FILE: &str = "demo-token";

/// Sets up the demo organisation: its example scripts, cafés when it has
/// none, and a local admin token unless an admin gave it one with `org add`.
pub async fn set_up(store: &Store, data_dir: &Path, clock: Clock) -> anyhow::Result<DemoAccess> {
    store.seed_demo().await?;
    let db = store.db();
    // A demo without cafés has nothing to show; an admin's own cafés are kept.
    if db.cafes(DEMO_ORG, None, true).await?.is_empty() {
        for cafe in cafes(clock.today()) {
            db.create_cafe(DEMO_ORG, cafe).await?;
        }
        tracing::info!("created the demo organisation's cafés");
    }
    let file = data_dir.join(TOKEN_FILE);
    let kept = std::fs::read_to_string(&file)
        .ok()
        .map(|t| t.trim().to_owned());
    let stored = db.org(DEMO_ORG).await?.and_then(|org| org.token_hash);
    match (stored, kept) {
        (Some(hash), Some(token)) if crate::tokens::hash(&token) == hash => {
            Ok(DemoAccess::Token(token))
        }
        (Some(_), _) => Ok(DemoAccess::OwnToken),
        (None, _) => {
            let token = crate::tokens::new_token()?;
            write_private(&file, &token)
                .with_context(|| format!("saving the demo token in {}", file.display()))?;
            db.set_org_access(DEMO_ORG, Some(crate::tokens::hash(&token)), None)
                .await?;
            Ok(DemoAccess::Token(token))
        }
    }
}

/// Writes `text` readable by this user only: it is an admin token.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    std::io::Write::write_all(&mut options.open(path)?, text.as_bytes())
}

/// Where the demo pages and the playground are, and how to sign in. The
/// sign-in link carries the token in its fragment: browsers never send a
/// fragment to the server, so it is in no request log, and the playground
/// removes it from the address bar.
pub fn directions(addr: SocketAddr, access: &DemoAccess) -> String {
    // 0.0.0.0 or :: is where the server listens, not an address to open.
    let host = if addr.ip().is_unspecified() {
        format!("localhost:{}", addr.port())
    } else {
        addr.to_string()
    };
    let base = format!("http://{host}");
    let sign_in = match access {
        DemoAccess::Token(token) => format!(
            "Open the playground signed in as the demo organisation:\n  \
             {base}/admin/#org={DEMO_ORG}&token={token}\n\n  \
             This local demo token works for `{DEMO_ORG}` only. A real organisation\n  \
             gets its own token with `bondgenoot org add NAME`."
        ),
        DemoAccess::OwnToken => format!(
            "The demo organisation has the admin token given by `bondgenoot org add {DEMO_ORG}`:\n  \
             sign in at {base}/admin/ with that token."
        ),
    };
    format!(
        "\n  Netwerkscan demo     {base}/\n  \
         Vacaturecafé demo    {base}/vacaturecafe.html\n  \
         Alliantiescan demo   {base}/alliantie.html\n  \
         Console              {base}/admin/  (cafés, the door, rule scripts)\n\n  \
         {sign_in}\n\n"
    )
}

/// A café's words in the languages after Dutch, in the order of
/// [`OTHER_LANGS`]: (title, sectors) for each.
type Translated<'a> = [(&'a str, &'a [&'a str]); 4];

/// The languages the demo cafés are written in besides Dutch, each with the
/// description every demo café shares.
const OTHER_LANGS: [(Lang, &str); 4] = [
    (
        Lang::En,
        "Drop in, have a coffee and talk with employers. No job interview: just meet.",
    ),
    (
        Lang::Ar,
        "تعال واشرب فنجان قهوة وتحدث مع أصحاب العمل. ليست مقابلة عمل: فقط تعارف.",
    ),
    (
        Lang::Uk,
        "Заходьте, випийте кави й поговоріть із роботодавцями. Це не співбесіда: просто знайомство.",
    ),
    (
        Lang::Tr,
        "Uğrayın, bir kahve için ve işverenlerle sohbet edin. İş görüşmesi değil: sadece tanışma.",
    ),
];

/// Three upcoming cafés, one, two and four weeks after `today`, in Dutch,
/// English, Arabic, Ukrainian and Turkish.
pub fn cafes(today: time::Date) -> Vec<CafeInput> {
    let day = |weeks: i64| (today + time::Duration::weeks(weeks)).to_string();
    let texts = |translated: Translated<'_>| {
        OTHER_LANGS
            .iter()
            .zip(translated)
            .map(|(&(lang, description), (title, sectors))| {
                let text = CafeText {
                    title: title.to_owned(),
                    description: description.to_owned(),
                    sectors: sectors.iter().map(|s| (*s).to_owned()).collect(),
                    employers: Vec::new(),
                };
                (lang, text)
            })
            .collect::<CafeTexts>()
    };
    let cafe = |weeks,
                title: &str,
                sectors: &[&str],
                employers: &[&str],
                capacity,
                translated: Translated<'_>| {
        CafeInput {
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
        languages: vec!["nl".into(), "en".into(), "ar".into(), "uk".into(), "tr".into()],
        capacity,
        closed: false,
        texts: texts(translated),
    }
    };
    vec![
        cafe(
            1,
            "Vacaturecafé Zorg en Welzijn",
            &["Zorg", "Welzijn"],
            &["Zorggroep Midden", "Thuiszorg Samen"],
            20,
            [
                ("Job café: Care and Welfare", &["Care", "Welfare"]),
                (
                    "مقهى الوظائف: الرعاية الصحية والاجتماعية",
                    &["الرعاية الصحية", "الرعاية الاجتماعية"],
                ),
                (
                    "Кав’ярня вакансій: догляд і соціальна робота",
                    &["Медицина й догляд", "Соціальна робота"],
                ),
                (
                    "İş Kafe: Sağlık, Bakım ve Sosyal Hizmetler",
                    &["Sağlık ve bakım", "Sosyal hizmetler"],
                ),
            ],
        ),
        cafe(
            2,
            "Vacaturecafé Techniek en Logistiek",
            &["Techniek", "Logistiek"],
            &["Installatiebedrijf Van Dijk", "Distributiecentrum Noord"],
            15,
            [
                (
                    "Job café: Engineering and Logistics",
                    &["Engineering", "Logistics"],
                ),
                (
                    "مقهى الوظائف: التقنية والنقل",
                    &["التقنية", "النقل والتخزين"],
                ),
                (
                    "Кав’ярня вакансій: техніка й логістика",
                    &["Техніка", "Логістика"],
                ),
                ("İş Kafe: Teknik ve Lojistik", &["Teknik işler", "Lojistik"]),
            ],
        ),
        cafe(
            4,
            "Vacaturecafé Horeca",
            &["Horeca", "Schoonmaak"],
            &["Hotel De Poort"],
            12,
            [
                (
                    "Job café: Hotels, Restaurants and Cafés",
                    &["Hotels and restaurants", "Cleaning"],
                ),
                (
                    "مقهى الوظائف: الفنادق والمطاعم",
                    &["الفنادق والمطاعم", "التنظيف"],
                ),
                (
                    "Кав’ярня вакансій: готелі, ресторани й кафе",
                    &["Готелі й ресторани", "Прибирання"],
                ),
                (
                    "İş Kafe: Otel, Restoran ve Kafe",
                    &["Otel ve restoran", "Temizlik"],
                ),
            ],
        ),
    ]
}
