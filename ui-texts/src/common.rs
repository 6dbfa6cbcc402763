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
        /// Heading of the offer to share the scores at the end of a scan.
        pub share_heading: &'static str,
        /// The offer in one sentence: only the scores, nothing else.
        pub share_offer: &'static str,
        /// The button that shares them.
        pub share_button: &'static str,
        /// While they are sent.
        pub share_sending: &'static str,
        /// Once they are (also when shared earlier this month).
        pub share_done: &'static str,
        /// In the playground's preview, where nothing is sent.
        pub share_preview: &'static str,
        /// When they could not be sent.
        pub share_failed: &'static str,
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
    share_heading: "Je scores delen?",
    share_offer: "Als je wilt, gaan je scores en de stappen die je kreeg naar de organisatie van deze website, zonder je naam, de mensen die je noemde of je antwoorden, zodat zij weet wat helpt.",
    share_button: "Mijn scores en stappen delen",
    share_sending: "Je scores worden verstuurd…",
    share_done: "Dank je wel. Je hebt je scores deze maand gedeeld.",
    share_preview: "Dit is een voorbeeld: er is niets verstuurd.",
    share_failed: "Je scores zijn niet verstuurd. Probeer het later nog een keer.",
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
    share_heading: "Share your scores?",
    share_offer: "If you like, your scores and the steps you were given go to the organisation behind this website, without your name, the people you named or your answers, so it knows what helps.",
    share_button: "Share my scores and steps",
    share_sending: "Sending your scores…",
    share_done: "Thank you. You shared your scores this month.",
    share_preview: "This is a preview: nothing was sent.",
    share_failed: "Your scores were not sent. Please try again later.",
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
    share_heading: "هل تريد مشاركة درجاتك؟",
    share_offer: "إذا أردت، تُرسَل درجاتك والخطوات المقترحة لك إلى المؤسسة صاحبة هذا الموقع، بدون اسمك أو الأشخاص الذين ذكرتهم أو إجاباتك، لكي تعرف المؤسسة ما الذي يساعد.",
    share_button: "شارك درجاتي وخطواتي",
    share_sending: "جارٍ إرسال درجاتك…",
    share_done: "شكرًا لك. لقد شاركت درجاتك هذا الشهر.",
    share_preview: "هذه معاينة: لم يتم إرسال أي شيء.",
    share_failed: "لم يتم إرسال درجاتك. حاول مرة أخرى لاحقًا.",
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
    share_heading: "Поділитися своїми балами?",
    share_offer: "Якщо хочете, ваші бали й запропоновані вам кроки отримає організація, якій належить цей сайт, без вашого імені, людей, яких ви назвали, і ваших відповідей, щоб знати, що допомагає.",
    share_button: "Поділитися моїми балами й кроками",
    share_sending: "Надсилаємо ваші бали…",
    share_done: "Дякуємо. Цього місяця ви поділилися своїми балами.",
    share_preview: "Це попередній перегляд: нічого не надіслано.",
    share_failed: "Ваші бали не надіслано. Спробуйте пізніше.",
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
    share_heading: "Puanlarınızı paylaşmak ister misiniz?",
    share_offer: "İsterseniz puanlarınız ve size önerilen adımlar, adınız, andığınız kişiler ve cevaplarınız olmadan bu sitenin sahibi olan kuruluşa gider ve kuruluş neyin işe yaradığını öğrenir.",
    share_button: "Puanlarınızı ve adımlarınızı paylaşın",
    share_sending: "Puanlarınız gönderiliyor…",
    share_done: "Teşekkürler. Puanlarınızı bu ay paylaştınız.",
    share_preview: "Bu bir önizleme: hiçbir şey gönderilmedi.",
    share_failed: "Puanlarınız gönderilemedi. Lütfen daha sonra tekrar deneyin.",
};

#[cfg(feature = "data")]
crate::by_lang!(CommonTexts);
