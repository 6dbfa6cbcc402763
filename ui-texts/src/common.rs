//! The texts every widget shows around its own (progress, next steps,
//! printing, "remove my answers", read aloud), in every language. They
//! travel inside each widget's texts (its `common` field), so a language
//! costs the first screen nothing; what must show before those arrive (the
//! widget's name, loading, the error notice, the language switch) is
//! compiled in instead (`widgets/src/i18n.rs`).

crate::texts! {
    /// The texts every widget shares. `{n}` and `{total}` are filled in by
    /// the caller.
    pub struct CommonTexts {
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
        /// The day of a scan kept before scans were dated: it fills the
        /// same place in a sentence as a day does.
        pub undated: &'static str,
    }
}

/// In Dutch.
#[cfg(feature = "data")]
pub const NL: CommonTexts = CommonTexts {
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
    undated: "een eerdere dag",
};

/// In English.
#[cfg(feature = "data")]
pub const EN: CommonTexts = CommonTexts {
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
    undated: "an earlier day",
};

/// In Arabic.
#[cfg(feature = "data")]
pub const AR: CommonTexts = CommonTexts {
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
    undated: "يوم سابق",
};

/// In Ukrainian.
#[cfg(feature = "data")]
pub const UK: CommonTexts = CommonTexts {
    step_of: "Крок {n} з {total}",
    steps_heading: "Що ви можете зробити зараз?",
    why: "Чому:",
    cancel: "Скасувати",
    print: "Друкувати",
    remove_answers: "Видалити мої відповіді",
    remove_confirm: "Видалити все, що ви заповнили, також із цього пристрою?",
    remove_yes: "Так, видалити",
    removed: "Ваші відповіді видалено.",
    read_aloud: "Прочитати вголос",
    stop_reading: "Зупинити читання",
    undated: "без дати",
};

/// In Turkish.
#[cfg(feature = "data")]
pub const TR: CommonTexts = CommonTexts {
    step_of: "Adım {n} (toplam {total})",
    steps_heading: "Şimdi ne yapabilirsiniz?",
    why: "Neden:",
    cancel: "Vazgeçin",
    print: "Yazdırın",
    remove_answers: "Cevaplarınızı silin",
    remove_confirm: "Doldurduğunuz her şey, bu cihazdan da silinsin mi?",
    remove_yes: "Evet, silinsin",
    removed: "Cevaplarınız silindi.",
    read_aloud: "Sesli dinleyin",
    stop_reading: "Okumayı durdurun",
    undated: "tarihsiz",
};

#[cfg(feature = "data")]
crate::by_lang!(CommonTexts);
