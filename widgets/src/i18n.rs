//! The texts every widget shares (the language switch, loading, the error
//! notice, "remove my answers", printing) in every language, and [`fill`]
//! for their placeholders. Each widget keeps its own texts beside it
//! (`netwerkscan/texts.rs`, …); content (questions, scores, advice) comes
//! from the rule scripts instead. One struct per language, so a missing
//! translation does not compile.

use plugin_host::contract::Lang;

/// The shared UI texts. `{n}` and `{total}` are filled in by the caller.
#[derive(Debug, PartialEq)]
pub struct Texts {
    /// The language's own name, for the language switch.
    pub language_name: &'static str,
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
}

const NL: Texts = Texts {
    language_name: "Nederlands",
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
};

const EN: Texts = Texts {
    language_name: "English",
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
};

const AR: Texts = Texts {
    language_name: "العربية",
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
};

/// The shared texts for a language.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
        Lang::Ar => &AR,
    }
}

/// Fills `{key}` placeholders.
pub fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    pairs.iter().fold(template.to_owned(), |s, (k, v)| {
        s.replace(&format!("{{{k}}}"), v)
    })
}
