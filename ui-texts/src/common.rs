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
    share_offer: "Als je wilt, gaan alleen je scores naar de organisatie van deze website, zonder je naam, de mensen of je antwoorden, zodat zij ziet wat helpt.",
    share_button: "Alleen mijn scores delen",
    share_sending: "Je scores worden verstuurd…",
    share_done: "Dank je wel. Je scores zijn gedeeld.",
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
    share_offer: "If you like, only your scores go to the organisation behind this website, without your name, the people or your answers, so it can see what helps.",
    share_button: "Share my scores only",
    share_sending: "Sending your scores…",
    share_done: "Thank you. Your scores have been shared.",
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
    share_offer: "إذا أردت، تُرسَل درجاتك فقط إلى المؤسسة صاحبة هذا الموقع، بدون اسمك أو الأشخاص أو إجاباتك، لكي ترى ما الذي يساعد.",
    share_button: "شارك درجاتي فقط",
    share_sending: "جارٍ إرسال درجاتك…",
    share_done: "شكرًا لك. تمت مشاركة درجاتك.",
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
    share_offer: "Якщо хочете, організація, якій належить цей сайт, отримає лише ваші бали, без вашого імені, людей і ваших відповідей, щоб бачити, що допомагає.",
    share_button: "Поділитися лише моїми балами",
    share_sending: "Надсилаємо ваші бали…",
    share_done: "Дякуємо. Ваші бали надіслано.",
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
    share_offer: "İsterseniz bu web sitesinin kuruluşuna yalnızca puanlarınız gider; adınız, kişiler ve cevaplarınız gitmez, böylece kuruluş neyin işe yaradığını görür.",
    share_button: "Yalnızca puanlarınızı paylaşın",
    share_sending: "Puanlarınız gönderiliyor…",
    share_done: "Teşekkürler. Puanlarınız paylaşıldı.",
    share_failed: "Puanlarınız gönderilemedi. Lütfen daha sonra tekrar deneyin.",
};

#[cfg(feature = "data")]
crate::by_lang!(CommonTexts);
