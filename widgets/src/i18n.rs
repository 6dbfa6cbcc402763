//! The texts every widget needs before its own have loaded (its name, the
//! language switch, loading, the error notice) in every language, compiled
//! in: they show before anything else has loaded, and a failure to load is
//! said in them. Everything else lives in `ui-texts` and is fetched per
//! language (`widget_texts.rs`), the texts all widgets share among them
//! (`ui_texts::common`), so a language costs the first screen little; content
//! (questions, scores, advice) comes from the rule scripts instead. One
//! struct per language, so a missing translation does not compile.

use plugin_host::contract::{Lang, Widget};

/// The texts compiled in.
#[derive(Debug, PartialEq)]
pub struct Texts {
    /// The language's own name, for the language switch.
    pub language_name: &'static str,
    /// The Netwerkscan's name (the widget's region and heading): here, not
    /// with its own texts, since it names the region while those load.
    pub netwerkscan: &'static str,
    /// The Alliantiescan's name.
    pub alliantiescan: &'static str,
    /// The Vacaturecafé's name.
    pub vacaturecafe: &'static str,
    /// Said when the language picked cannot be loaded.
    pub lang_failed: &'static str,
    /// Label of the language switch.
    pub language_label: &'static str,
    /// Shown while the rules load.
    pub loading: &'static str,
    /// Kind message when the widget cannot work.
    pub error_title: &'static str,
    /// What the person can do about it.
    pub error_body: &'static str,
    /// Button to try again after an error.
    pub retry: &'static str,
}

const NL: Texts = Texts {
    language_name: "Nederlands",
    netwerkscan: "Netwerkscan: wie staan er om je heen?",
    alliantiescan: "Alliantiescan: waar staat jullie samenwerking?",
    vacaturecafe: "Vacaturecafés",
    lang_failed: "Deze taal kan nu niet worden geladen. Probeer het later nog eens.",
    language_label: "Taal",
    loading: "Even geduld, de vragen worden geladen…",
    error_title: "Dit onderdeel werkt nu even niet.",
    error_body: "Dat ligt niet aan jou. Probeer het later nog eens, of vraag je contactpersoon om hulp.",
    retry: "Opnieuw proberen",
};

const EN: Texts = Texts {
    language_name: "English",
    netwerkscan: "Network scan: who is around you?",
    alliantiescan: "Alliance scan: where does your cooperation stand?",
    vacaturecafe: "Job cafés",
    lang_failed: "This language cannot be loaded right now. Please try again later.",
    language_label: "Language",
    loading: "One moment, the questions are loading…",
    error_title: "This part is not working right now.",
    error_body: "It is not your fault. Please try again later, or ask your contact person for help.",
    retry: "Try again",
};

const AR: Texts = Texts {
    language_name: "العربية",
    netwerkscan: "مسح الشبكة: من حولك؟",
    alliantiescan: "مسح التحالف: أين وصل تعاونكم؟",
    vacaturecafe: "مقاهي الوظائف",
    lang_failed: "لا يمكن تحميل هذه اللغة الآن. حاول مرة أخرى لاحقًا.",
    language_label: "اللغة",
    loading: "لحظة من فضلك، يتم تحميل الأسئلة…",
    error_title: "هذا الجزء لا يعمل الآن.",
    error_body: "هذا ليس خطأك. حاول مرة أخرى لاحقًا، أو اطلب المساعدة من الشخص المسؤول عنك.",
    retry: "حاول مرة أخرى",
};

const UK: Texts = Texts {
    language_name: "Українська",
    netwerkscan: "Мережа знайомств: хто поруч із вами?",
    alliantiescan: "Оцінка альянсу: на якому етапі ваша співпраця?",
    vacaturecafe: "Кав’ярні вакансій",
    lang_failed: "Зараз не вдається завантажити цю мову. Спробуйте пізніше.",
    language_label: "Мова",
    loading: "Зачекайте, завантажуємо питання…",
    error_title: "Ця частина зараз не працює.",
    error_body: "Це не ваша помилка. Спробуйте пізніше або попросіть про допомогу свою контактну особу.",
    retry: "Спробувати ще раз",
};

const TR: Texts = Texts {
    language_name: "Türkçe",
    netwerkscan: "Çevre taraması: Etrafınızda kimler var?",
    alliantiescan: "Ortaklık taraması: İş birliğiniz ne durumda?",
    vacaturecafe: "İş Kafe buluşmaları",
    lang_failed: "Bu dil şu anda yüklenemiyor. Lütfen daha sonra tekrar deneyin.",
    language_label: "Dil",
    loading: "Biraz bekleyin, sorular yükleniyor…",
    error_title: "Bu bölüm şu anda çalışmıyor.",
    error_body: "Bu sizin hatanız değil. Daha sonra tekrar deneyin ya da size yardımcı olan kişiden destek isteyin.",
    retry: "Tekrar deneyin",
};

impl Texts {
    /// The name of `widget`.
    pub const fn title(&self, widget: Widget) -> &'static str {
        match widget {
            Widget::Netwerkscan => self.netwerkscan,
            Widget::Alliantiescan => self.alliantiescan,
            Widget::Vacaturecafe => self.vacaturecafe,
        }
    }
}

ui_texts::by_lang!(Texts);

// The widgets' own texts are filled the same way: one home for it, beside
// those texts (`ui-texts`), with `Counted`.
pub use ui_texts::fill;

/// `2026-12-01` in the language's own words, by the browser (`Intl`), with
/// `parts` as `toLocaleDateString`'s options, e.g. `[("day", "numeric"),
/// ("month", "long")]`; a date it cannot read is shown as it is.
pub fn local_date(
    date: &str,
    lang: Lang,
    parts: &'static [(&'static str, &'static str)],
) -> String {
    /// A date once written, with how: the browser makes a new formatter for
    /// every `toLocaleDateString`, which cost more than the rest of a
    /// Netwerkscan result's text, and a widget shows the same few dates again.
    type Written = (
        String,
        Lang,
        &'static [(&'static str, &'static str)],
        String,
    );
    /// A handful of dates per widget; a list of earlier scans or cafés
    /// longer than this starts again rather than grow.
    const KEPT: usize = 32;
    thread_local! {
        static WRITTEN: std::cell::RefCell<Vec<Written>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let known = WRITTEN.with_borrow(|w| {
        w.iter()
            .find(|(d, l, p, _)| d == date && *l == lang && *p == parts)
            .map(|(.., text)| text.clone())
    });
    if let Some(text) = known {
        return text;
    }
    let js = js_sys::Date::new(&format!("{date}T12:00:00").into());
    if js.get_time().is_nan() {
        return date.to_owned();
    }
    let options = js_sys::Object::new();
    for &(key, value) in parts {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let text = String::from(js.to_locale_date_string(lang.tag(), &options));
    WRITTEN.with_borrow_mut(|w| {
        if w.len() >= KEPT {
            w.clear();
        }
        w.push((date.to_owned(), lang, parts, text.clone()));
    });
    text
}

#[cfg(test)]
mod tests {
    use plugin_host::contract::Lang;
    use ui_texts::Counted;

    use crate::{netwerkscan, vacaturecafe};

    /// The counts that show each language's forms: Arabic's zero, one,
    /// two, few (3–10), many (11–99) and other (100).
    const COUNTS: [i64; 6] = [0, 1, 2, 3, 11, 100];

    fn all(lang: Lang, counted: &Counted) -> Vec<String> {
        COUNTS.iter().map(|&n| counted.of(lang, n)).collect()
    }

    #[test]
    fn places_left_agree_with_their_number() {
        let of = |lang| all(lang, &vacaturecafe::texts::texts(lang).places_left);
        assert_eq!(
            of(Lang::Nl),
            [
                "Nog 0 plekken vrij",
                "Nog 1 plek vrij",
                "Nog 2 plekken vrij",
                "Nog 3 plekken vrij",
                "Nog 11 plekken vrij",
                "Nog 100 plekken vrij"
            ]
        );
        assert_eq!(
            of(Lang::En),
            [
                "0 places left",
                "1 place left",
                "2 places left",
                "3 places left",
                "11 places left",
                "100 places left"
            ]
        );
        assert_eq!(
            of(Lang::Ar),
            [
                "لم يبقَ أي مكان",
                "بقي مكان واحد",
                "بقي مكانان",
                "بقي 3 أماكن",
                "بقي 11 مكانًا",
                "بقي 100 مكان"
            ]
        );
    }

    #[test]
    fn places_left_in_ukrainian_and_turkish() {
        let of = |lang| all(lang, &vacaturecafe::texts::texts(lang).places_left);
        // Ukrainian: one (1), few (2–4), many (0, 5–20, 100).
        assert_eq!(
            of(Lang::Uk),
            [
                "Ще 0 вільних місць",
                "Ще 1 вільне місце",
                "Ще 2 вільні місця",
                "Ще 3 вільні місця",
                "Ще 11 вільних місць",
                "Ще 100 вільних місць"
            ]
        );
        // Turkish keeps the noun singular after any number.
        assert_eq!(
            of(Lang::Tr),
            [
                "0 boş yer kaldı",
                "1 boş yer kaldı",
                "2 boş yer kaldı",
                "3 boş yer kaldı",
                "11 boş yer kaldı",
                "100 boş yer kaldı"
            ]
        );
    }

    #[test]
    fn the_network_pictures_label_in_ukrainian_and_turkish() {
        let close = |lang| all(lang, &netwerkscan::texts::texts(lang).picture_close);
        let knows = |lang| all(lang, &netwerkscan::texts::texts(lang).picture_knows);
        let others = |lang| all(lang, &netwerkscan::texts::texts(lang).picture_others);
        assert_eq!(
            close(Lang::Uk),
            [
                "0 близьких людей",
                "1 близька людина",
                "2 близькі людини",
                "3 близькі людини",
                "11 близьких людей",
                "100 близьких людей"
            ]
        );
        // The verb agrees too: знає, знають.
        assert_eq!(
            knows(Lang::Uk)[..3],
            [
                "0 людей знають, що ви шукаєте роботу",
                "1 людина знає, що ви шукаєте роботу",
                "2 людини знають, що ви шукаєте роботу"
            ]
        );
        assert_eq!(
            others(Lang::Uk)[..5],
            [
                "0 інших людей",
                "1 інша людина",
                "2 інші людини",
                "3 інші людини",
                "11 інших людей"
            ]
        );
        assert_eq!(
            close(Lang::Tr)[..3],
            ["0 yakın kişi", "1 yakın kişi", "2 yakın kişi"]
        );
        assert_eq!(
            knows(Lang::Tr)[..2],
            [
                "0 kişi iş aradığınızı biliyor",
                "1 kişi iş aradığınızı biliyor"
            ]
        );
        assert_eq!(others(Lang::Tr)[5], "diğer 100 kişi");
    }

    #[test]
    fn the_network_pictures_label_agrees_with_its_numbers() {
        let close = |lang| all(lang, &netwerkscan::texts::texts(lang).picture_close);
        let knows = |lang| all(lang, &netwerkscan::texts::texts(lang).picture_knows);
        let others = |lang| all(lang, &netwerkscan::texts::texts(lang).picture_others);
        assert_eq!(
            close(Lang::Nl),
            [
                "0 mensen dichtbij",
                "1 persoon dichtbij",
                "2 mensen dichtbij",
                "3 mensen dichtbij",
                "11 mensen dichtbij",
                "100 mensen dichtbij"
            ]
        );
        assert_eq!(
            knows(Lang::En)[..2],
            [
                "0 know you are looking for work",
                "1 knows you are looking for work"
            ]
        );
        assert_eq!(others(Lang::En)[..3], ["0 others", "1 other", "2 others"]);
        assert_eq!(
            others(Lang::Ar)[..3],
            ["لا أحد آخر", "شخص واحد آخر", "شخصان آخران"]
        );
        assert_eq!(
            close(Lang::Ar),
            [
                "لا أحد قريب",
                "شخص واحد قريب",
                "شخصان قريبان",
                "3 أشخاص قريبون",
                "11 شخصًا قريبًا",
                "100 شخص قريب"
            ]
        );
        assert_eq!(
            knows(Lang::Ar)[..4],
            [
                "لا أحد يعرف أنك تبحث عن عمل",
                "شخص واحد يعرف أنك تبحث عن عمل",
                "شخصان يعرفان أنك تبحث عن عمل",
                "3 يعرفون أنك تبحث عن عمل"
            ]
        );
    }
}
