//! The texts every widget shares (the widgets' names, the language switch,
//! loading, the error notice, "remove my answers", printing) in every
//! language, compiled in: they show before anything else has loaded, and a
//! failure to load is said in them. Each widget's own texts live in
//! `ui-texts` and are fetched per language (`widget_texts.rs`); content
//! (questions, scores, advice) comes from the rule scripts instead. One
//! struct per language, so a missing translation does not compile.

use plugin_host::contract::{Lang, Widget};

/// The shared UI texts. `{n}` and `{total}` are filled in by the caller.
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
    /// Progress, e.g. "Step 1 of 3".
    pub step_of: &'static str,
    /// Heading over a result's next steps.
    pub steps_heading: &'static str,
    /// Label before a step's reason.
    pub why: &'static str,
    /// Cancel (a change, a removal).
    pub cancel: &'static str,
    /// Print button.
    pub print: &'static str,
    /// The "remove my answers" button.
    pub remove_answers: &'static str,
    /// Asked before removing.
    pub remove_confirm: &'static str,
    /// Confirms removing.
    pub remove_yes: &'static str,
    /// Said after removing.
    pub removed: &'static str,
    /// The button that reads a question or step aloud.
    pub read_aloud: &'static str,
    /// The same button while it reads.
    pub stop_reading: &'static str,
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
    step_of: "Stap {n} van {total}",
    steps_heading: "Wat kun je nu doen?",
    why: "Waarom:",
    cancel: "Annuleren",
    print: "Afdrukken",
    remove_answers: "Mijn antwoorden weghalen",
    remove_confirm: "Alles wat je hebt ingevuld weghalen, ook van dit apparaat?",
    remove_yes: "Ja, weghalen",
    removed: "Je antwoorden zijn weggehaald.",
    read_aloud: "Lees voor",
    stop_reading: "Stop met voorlezen",
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
    step_of: "Step {n} of {total}",
    steps_heading: "What can you do now?",
    why: "Why:",
    cancel: "Cancel",
    print: "Print",
    remove_answers: "Remove my answers",
    remove_confirm: "Remove everything you filled in, from this device too?",
    remove_yes: "Yes, remove",
    removed: "Your answers were removed.",
    read_aloud: "Read aloud",
    stop_reading: "Stop reading",
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
    step_of: "الخطوة {n} من {total}",
    steps_heading: "ماذا يمكنك أن تفعل الآن؟",
    why: "السبب:",
    cancel: "إلغاء",
    print: "اطبع",
    remove_answers: "احذف إجاباتي",
    remove_confirm: "هل تريد حذف كل ما كتبته، من هذا الجهاز أيضًا؟",
    remove_yes: "نعم، احذف",
    removed: "تم حذف إجاباتك.",
    read_aloud: "اقرأ لي",
    stop_reading: "أوقف القراءة",
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

/// The shared texts for a language.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
        Lang::Ar => &AR,
    }
}

// The widgets' own texts are filled the same way: one home for it, beside
// those texts (`ui-texts`), with `Counted`.
pub use ui_texts::fill;

#[cfg(test)]
mod tests {
    use ui_texts::Counted;

    use super::*;
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
                "بقي 0 مكان",
                "بقي مكان واحد",
                "بقي مكانان",
                "بقي 3 أماكن",
                "بقي 11 مكانًا",
                "بقي 100 مكان"
            ]
        );
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
