//! The Vacaturecafé's own UI texts in every language. Field labels, errors
//! and decisions come from the rules; these are the words around them.

use plugin_host::contract::vacaturecafe::ProblemCode;

use crate::Counted;
#[cfg(feature = "data")]
use crate::common;
use crate::common::CommonTexts;

crate::texts! {
    /// Every text of the Vacaturecafé's chrome. `{n}`, `{title}` are filled in.
    pub struct CafeTexts {
        /// The texts every widget shares.
        pub common: CommonTexts,
        /// One line under it.
        pub intro: &'static str,
        /// While the cafés load.
        pub loading: &'static str,
        /// No upcoming cafés.
        pub none: &'static str,
        /// The list could not be loaded.
        pub list_failed: &'static str,
        /// Label: date and time.
        pub when: &'static str,
        /// Label: place.
        pub place: &'static str,
        /// Label: sectors.
        pub sectors: &'static str,
        /// Label: employers.
        pub employers: &'static str,
        /// Label: languages spoken.
        pub languages: &'static str,
        /// `{n}` places left.
        pub places_left: Counted,
        /// Full, a waiting list.
        pub full: &'static str,
        /// Button: sign up.
        pub sign_up: &'static str,
        /// Button: join the waiting list.
        pub join_waitlist: &'static str,
        /// Instead of a button, when the waiting list is full too.
        pub all_full: &'static str,
        /// Back to the list.
        pub back: &'static str,
        /// Heading of the form: `{title}`.
        pub form_heading: &'static str,
        /// After a required field's label.
        pub required: &'static str,
        /// Send the form.
        pub submit: &'static str,
        /// While sending.
        pub sending: &'static str,
        /// Sending takes long.
        pub slow: &'static str,
        /// Some fields need attention.
        pub check_fields: &'static str,
        /// The server could not be reached.
        pub offline: &'static str,
        /// Send again.
        pub send_again: &'static str,
        /// The café no longer takes signups.
        pub closed: &'static str,
        /// Too many tries.
        pub rate_limited: &'static str,
        /// A problem on the server.
        pub server_problem: &'static str,
        /// Confirmed heading.
        pub confirmed: &'static str,
        /// Waiting-list heading.
        pub waitlisted: &'static str,
        /// Position `{n}` on the waiting list.
        pub position: &'static str,
        /// Signed up before.
        pub already: &'static str,
        /// The server sends this confirmation by e-mail too.
        pub mail_on_its_way: &'static str,
        /// The playground's preview of that e-mail.
        pub mail_preview: &'static str,
        /// Not taken heading.
        pub rejected: &'static str,
        /// In the admin playground's preview, after a signup.
        pub preview_note: &'static str,
        /// Calendar link.
        pub add_calendar: &'static str,
        /// Heading over the door code.
        pub door_code: &'static str,
        /// What the door code is for.
        pub door_code_help: &'static str,
        /// Heading over the cancellation link.
        pub cancel_link: &'static str,
        /// What the cancellation link is for.
        pub cancel_link_help: &'static str,
        /// The cancellation link's words (not the address with its token).
        pub cancel_link_text: &'static str,
        /// Heading of the cancel view.
        pub cancel_heading: &'static str,
        /// Asks to confirm: `{title}`.
        pub cancel_question: &'static str,
        /// Button: cancel my signup.
        pub cancel_button: &'static str,
        /// Done cancelling.
        pub cancelled: &'static str,
        /// No such signup.
        pub not_found: &'static str,
        /// An answer that is too long (`ProblemCode::TooLong`).
        pub too_long: &'static str,
        /// An answer with `<` or `>` (`ProblemCode::Markup`).
        pub markup: &'static str,
        /// An answer with invisible characters (`ProblemCode::ControlCharacters`).
        pub invisible: &'static str,
        /// An answer the form cannot hold (a field it does not have, the wrong
        /// type, an option it does not offer).
        pub does_not_fit: &'static str,
        /// Language names by tag.
        pub lang_names: [(&'static str, &'static str); 5],
    }
}

#[cfg(feature = "data")]
const NL: CafeTexts = CafeTexts {
    common: common::NL,
    intro: "Kom koffie drinken en praat met werkgevers. Geen sollicitatiegesprek, gewoon kennismaken.",
    loading: "De vacaturecafés worden geladen…",
    none: "Er zijn nu geen vacaturecafés gepland. Kijk later nog eens.",
    list_failed: "We konden de lijst met vacaturecafés niet laden.",
    when: "Wanneer",
    place: "Waar",
    sectors: "Soort werk",
    employers: "Werkgevers",
    languages: "Talen",
    places_left: Counted {
        one: Some("Nog {n} plek vrij"),
        ..Counted::other("Nog {n} plekken vrij")
    },
    full: "Vol — je kunt op de wachtlijst",
    sign_up: "Aanmelden",
    join_waitlist: "Op de wachtlijst",
    all_full: "Vol: ook de wachtlijst is vol.",
    back: "Terug naar de lijst",
    form_heading: "Aanmelden: {title}",
    required: "(verplicht)",
    submit: "Aanmelden",
    sending: "Bezig met aanmelden…",
    slow: "Dit duurt langer dan normaal. Je antwoorden blijven staan.",
    check_fields: "Kijk nog even naar de vragen met een ⚠.",
    offline: "We konden de server niet bereiken. Je antwoorden staan er nog. Probeer het zo opnieuw.",
    send_again: "Opnieuw versturen",
    closed: "Dit café neemt geen aanmeldingen meer aan. Kies een ander café.",
    rate_limited: "Je hebt het vaak geprobeerd. Wacht een minuut en probeer het dan opnieuw.",
    server_problem: "Aanmelden lukt nu niet door een probleem bij ons. Je antwoorden staan er nog. Probeer het later opnieuw.",
    confirmed: "Je bent aangemeld",
    waitlisted: "Je staat op de wachtlijst",
    position: "Je bent nummer {n} op de wachtlijst.",
    already: "Je aanmelding was al binnengekomen. Er is niets dubbel.",
    mail_on_its_way: "We sturen je deze bevestiging ook per e-mail, met de link om af te melden.",
    mail_preview: "De e-mail die de persoon krijgt (als de server e-mail verstuurt)",
    rejected: "Aanmelden lukte niet",
    preview_note: "Voorbeeld: er is niets verstuurd en niets opgeslagen.",
    add_calendar: "Zet in je agenda (.ics)",
    door_code: "Je code voor de deur",
    door_code_help: "Laat deze code zien als je binnenkomt. De organisator scant hem en ziet dan dat je er bent.",
    cancel_link: "Je link om af te melden",
    cancel_link_help: "Bewaar deze link. Kun je niet komen? Open de link en meld je af; dan gaat je plek naar iemand op de wachtlijst.",
    cancel_link_text: "Mijn aanmelding bekijken of afmelden",
    cancel_heading: "Afmelden",
    cancel_question: "Wil je je afmelden voor {title}?",
    cancel_button: "Ja, meld me af",
    cancelled: "Je bent afgemeld. Je plek gaat naar iemand op de wachtlijst.",
    not_found: "We vinden deze aanmelding niet (meer). Misschien is hij verwijderd.",
    too_long: "Dit is te lang. Maak het korter.",
    markup: "Gebruik geen < of > tekens.",
    invisible: "Hier staan onzichtbare tekens in. Typ het opnieuw.",
    does_not_fit: "Dit antwoord past niet bij deze vraag.",
    lang_names: [
        ("nl", "Nederlands"),
        ("en", "Engels"),
        ("ar", "Arabisch"),
        ("tr", "Turks"),
        ("uk", "Oekraïens"),
    ],
};

#[cfg(feature = "data")]
const EN: CafeTexts = CafeTexts {
    common: common::EN,
    intro: "Have a coffee and talk with employers. Not a job interview: just getting to know each other.",
    loading: "Loading the job cafés…",
    none: "No job cafés are planned right now. Please look again later.",
    list_failed: "We could not load the list of job cafés.",
    when: "When",
    place: "Where",
    sectors: "Kind of work",
    employers: "Employers",
    languages: "Languages",
    places_left: Counted {
        one: Some("{n} place left"),
        ..Counted::other("{n} places left")
    },
    full: "Full — you can join the waiting list",
    sign_up: "Sign up",
    join_waitlist: "Join the waiting list",
    all_full: "Full: the waiting list is full too.",
    back: "Back to the list",
    form_heading: "Sign up: {title}",
    required: "(required)",
    submit: "Sign up",
    sending: "Signing you up…",
    slow: "This takes longer than usual. Your answers stay here.",
    check_fields: "Please look again at the questions marked ⚠.",
    offline: "We could not reach the server. Your answers are still here. Please try again in a moment.",
    send_again: "Send again",
    closed: "This café no longer takes signups. Please choose another one.",
    rate_limited: "You have tried many times. Please wait a minute and try again.",
    server_problem: "Signing up does not work right now because of a problem on our side. Your answers are still here. Please try again later.",
    confirmed: "You are signed up",
    waitlisted: "You are on the waiting list",
    position: "You are number {n} on the waiting list.",
    already: "Your signup had already arrived. Nothing was sent twice.",
    mail_on_its_way: "We also send you this confirmation by e-mail, with the link to cancel.",
    mail_preview: "The e-mail the person gets (when the server sends e-mail)",
    rejected: "Signing up did not work",
    preview_note: "Preview: nothing was sent and nothing was stored.",
    add_calendar: "Add to your calendar (.ics)",
    door_code: "Your code for the door",
    door_code_help: "Show this code when you come in. The organiser scans it and sees that you are there.",
    cancel_link: "Your link to cancel",
    cancel_link_help: "Keep this link. Can't come? Open the link and cancel; your place then goes to someone on the waiting list.",
    cancel_link_text: "See or cancel my signup",
    cancel_heading: "Cancel",
    cancel_question: "Do you want to cancel your signup for {title}?",
    cancel_button: "Yes, cancel my signup",
    cancelled: "Your signup is cancelled. Your place goes to someone on the waiting list.",
    not_found: "We cannot find this signup (any more). It may have been deleted.",
    too_long: "This is too long. Please make it shorter.",
    markup: "Please do not use the < or > characters.",
    invisible: "This contains invisible characters. Please type it again.",
    does_not_fit: "This answer does not fit this question.",
    lang_names: [
        ("nl", "Dutch"),
        ("en", "English"),
        ("ar", "Arabic"),
        ("tr", "Turkish"),
        ("uk", "Ukrainian"),
    ],
};

#[cfg(feature = "data")]
const AR: CafeTexts = CafeTexts {
    common: common::AR,
    intro: "تعال واشرب القهوة وتحدث مع أصحاب العمل. ليست مقابلة عمل، بل مجرد تعارف.",
    loading: "جارٍ تحميل مقاهي الوظائف…",
    none: "لا توجد مقاهي وظائف مخططة الآن. انظر مرة أخرى لاحقًا.",
    list_failed: "لم نتمكن من تحميل قائمة مقاهي الوظائف.",
    when: "متى",
    place: "أين",
    sectors: "نوع العمل",
    employers: "أصحاب العمل",
    languages: "اللغات",
    places_left: Counted {
        zero: Some("لم يبقَ أي مكان"),
        one: Some("بقي مكان واحد"),
        two: Some("بقي مكانان"),
        few: Some("بقي {n} أماكن"),
        many: Some("بقي {n} مكانًا"),
        ..Counted::other("بقي {n} مكان")
    },
    full: "ممتلئ — يمكنك الانضمام إلى قائمة الانتظار",
    sign_up: "سجّل",
    join_waitlist: "انضم إلى قائمة الانتظار",
    all_full: "ممتلئ: قائمة الانتظار ممتلئة أيضًا.",
    back: "العودة إلى القائمة",
    form_heading: "التسجيل: {title}",
    required: "(مطلوب)",
    submit: "سجّل",
    sending: "جارٍ تسجيلك…",
    slow: "يستغرق هذا وقتًا أطول من المعتاد. إجاباتك محفوظة هنا.",
    check_fields: "من فضلك انظر مرة أخرى إلى الأسئلة المعلّمة بـ ⚠.",
    offline: "لم نتمكن من الوصول إلى الخادم. إجاباتك ما زالت هنا. حاول مرة أخرى بعد قليل.",
    send_again: "أرسل مرة أخرى",
    closed: "هذا اللقاء لم يعد يقبل التسجيل. اختر لقاءً آخر من فضلك.",
    rate_limited: "حاولت مرات كثيرة. انتظر دقيقة ثم حاول مرة أخرى.",
    server_problem: "التسجيل لا يعمل الآن بسبب مشكلة لدينا. إجاباتك ما زالت هنا. حاول مرة أخرى لاحقًا.",
    confirmed: "تم تسجيلك",
    waitlisted: "أنت على قائمة الانتظار",
    position: "رقمك {n} على قائمة الانتظار.",
    already: "وصل تسجيلك من قبل. لم يُرسل أي شيء مرتين.",
    mail_on_its_way: "نرسل لك هذا التأكيد أيضًا بالبريد الإلكتروني، مع رابط الإلغاء.",
    mail_preview: "البريد الإلكتروني الذي يصل إلى الشخص (إذا كان الخادم يرسل البريد)",
    rejected: "لم ينجح التسجيل",
    preview_note: "معاينة: لم يُرسَل شيء ولم يُحفَظ شيء.",
    add_calendar: "أضف إلى تقويمك (.ics)",
    door_code: "رمزك عند الباب",
    door_code_help: "أظهر هذا الرمز عند دخولك. يمسحه المنظم فيعرف أنك حضرت.",
    cancel_link: "رابطك لإلغاء التسجيل",
    cancel_link_help: "احتفظ بهذا الرابط. لا تستطيع المجيء؟ افتح الرابط وألغِ تسجيلك؛ عندها يذهب مكانك إلى شخص على قائمة الانتظار.",
    cancel_link_text: "عرض تسجيلي أو إلغاؤه",
    cancel_heading: "إلغاء التسجيل",
    cancel_question: "هل تريد إلغاء تسجيلك في {title}؟",
    cancel_button: "نعم، ألغِ تسجيلي",
    cancelled: "تم إلغاء تسجيلك. يذهب مكانك إلى شخص على قائمة الانتظار.",
    not_found: "لا نجد هذا التسجيل (بعد الآن). ربما تم حذفه.",
    too_long: "هذا طويل جدًا. اجعله أقصر من فضلك.",
    markup: "من فضلك لا تستخدم الرمزين < أو >.",
    invisible: "يحتوي هذا على رموز غير مرئية. اكتبه مرة أخرى من فضلك.",
    does_not_fit: "هذه الإجابة لا تناسب هذا السؤال.",
    lang_names: [
        ("nl", "الهولندية"),
        ("en", "الإنجليزية"),
        ("ar", "العربية"),
        ("tr", "التركية"),
        ("uk", "الأوكرانية"),
    ],
};

#[cfg(feature = "data")]
const UK: CafeTexts = CafeTexts {
    common: common::UK,
    intro: "Приходьте на каву й поговоріть із роботодавцями. Це не співбесіда, а просто знайомство.",
    loading: "Завантажуємо кав’ярні вакансій…",
    none: "Зараз немає запланованих кав’ярень вакансій. Загляньте пізніше.",
    list_failed: "Не вдалося завантажити список кав’ярень вакансій.",
    when: "Коли",
    place: "Де",
    sectors: "Сфера роботи",
    employers: "Роботодавці",
    languages: "Мови",
    places_left: Counted {
        one: Some("Ще {n} вільне місце"),
        few: Some("Ще {n} вільні місця"),
        many: Some("Ще {n} вільних місць"),
        ..Counted::other("Ще {n} вільних місць")
    },
    full: "Місць немає — можна записатися в список очікування",
    sign_up: "Записатися",
    join_waitlist: "Записатися в список очікування",
    all_full: "Місць немає: список очікування теж заповнений.",
    back: "Назад до списку",
    form_heading: "Запис: {title}",
    required: "(обов’язково)",
    submit: "Записатися",
    sending: "Записуємо вас…",
    slow: "Це триває довше, ніж зазвичай. Ваші відповіді нікуди не зникнуть.",
    check_fields: "Перевірте ще раз питання зі знаком ⚠.",
    offline: "Не вдалося з’єднатися із сервером. Ваші відповіді збережено тут. Спробуйте ще раз за хвилину.",
    send_again: "Надіслати ще раз",
    closed: "На цю зустріч більше не можна записатися. Виберіть іншу, будь ласка.",
    rate_limited: "Ви пробували вже багато разів. Зачекайте хвилину й спробуйте знову.",
    server_problem: "Зараз не вдається записатися через проблему з нашого боку. Ваші відповіді збережено тут. Спробуйте пізніше.",
    confirmed: "Ви записалися",
    waitlisted: "Ви в списку очікування",
    position: "Ваш номер у списку очікування: {n}.",
    already: "Ваш запис уже надійшов раніше. Двічі нічого не записано.",
    mail_on_its_way: "Ми також надішлемо вам це підтвердження електронною поштою разом із посиланням, щоб скасувати запис.",
    mail_preview: "Лист, який отримає людина (якщо сервер надсилає електронну пошту)",
    rejected: "Не вдалося записатися",
    preview_note: "Попередній перегляд: нічого не надіслано й нічого не збережено.",
    add_calendar: "Додати у свій календар (.ics)",
    door_code: "Ваш код для входу",
    door_code_help: "Покажіть цей код, коли прийдете. Організатор відсканує його й побачить, що ви прийшли.",
    cancel_link: "Ваше посилання, щоб скасувати запис",
    cancel_link_help: "Збережіть це посилання. Не можете прийти? Відкрийте посилання й скасуйте запис — тоді ваше місце отримає хтось зі списку очікування.",
    cancel_link_text: "Переглянути або скасувати мій запис",
    cancel_heading: "Скасувати запис",
    cancel_question: "Ви хочете скасувати свій запис на «{title}»?",
    cancel_button: "Так, скасувати мій запис",
    cancelled: "Ваш запис скасовано. Ваше місце отримає хтось зі списку очікування.",
    not_found: "Ми не можемо знайти цей запис. Можливо, його вже видалили.",
    too_long: "Це занадто довго. Напишіть коротше, будь ласка.",
    markup: "Будь ласка, не використовуйте знаки < і >.",
    invisible: "Тут є невидимі символи. Будь ласка, введіть це ще раз.",
    does_not_fit: "Ця відповідь не підходить до цього питання.",
    lang_names: [
        ("nl", "Нідерландська"),
        ("en", "Англійська"),
        ("ar", "Арабська"),
        ("tr", "Турецька"),
        ("uk", "Українська"),
    ],
};

#[cfg(feature = "data")]
const TR: CafeTexts = CafeTexts {
    common: common::TR,
    intro: "Gelin, bir kahve için ve işverenlerle sohbet edin. İş görüşmesi değil, sadece tanışma.",
    loading: "İş Kafe buluşmaları yükleniyor…",
    none: "Şu anda planlanmış bir İş Kafe buluşması yok. Daha sonra tekrar bakın.",
    list_failed: "İş Kafe buluşmalarının listesini yükleyemedik.",
    when: "Ne zaman",
    place: "Nerede",
    sectors: "İş türü",
    employers: "İşverenler",
    languages: "Diller",
    places_left: Counted {
        one: Some("{n} boş yer kaldı"),
        ..Counted::other("{n} boş yer kaldı")
    },
    full: "Dolu — bekleme listesine yazılabilirsiniz",
    sign_up: "Kaydolun",
    join_waitlist: "Bekleme listesine yazılın",
    all_full: "Dolu: bekleme listesi de dolu.",
    back: "Listeye dönün",
    form_heading: "Kayıt: {title}",
    required: "(zorunlu)",
    submit: "Kaydolun",
    sending: "Kaydınız yapılıyor…",
    slow: "Bu, normalden uzun sürüyor. Cevaplarınız burada duruyor.",
    check_fields: "Lütfen ⚠ işaretli sorulara tekrar bakın.",
    offline: "Sunucuya ulaşamadık. Cevaplarınız hâlâ burada. Birazdan tekrar deneyin.",
    send_again: "Tekrar gönderin",
    closed: "Bu buluşma artık kayıt almıyor. Lütfen başka bir buluşma seçin.",
    rate_limited: "Çok kez denediniz. Bir dakika bekleyin, sonra tekrar deneyin.",
    server_problem: "Bizdeki bir sorun yüzünden şu anda kayıt yapılamıyor. Cevaplarınız hâlâ burada. Lütfen daha sonra tekrar deneyin.",
    confirmed: "Kaydınız yapıldı",
    waitlisted: "Bekleme listesindesiniz",
    position: "Bekleme listesindeki sıranız: {n}.",
    already: "Kaydınız zaten bize ulaşmıştı. Hiçbir şey iki kez kaydedilmedi.",
    mail_on_its_way: "Bu onayı size e-postayla da gönderiyoruz. E-postada kaydınızı iptal etmek için bir bağlantı da var.",
    mail_preview: "Kişiye giden e-posta (sunucu e-posta gönderiyorsa)",
    rejected: "Kayıt yapılamadı",
    preview_note: "Önizleme: hiçbir şey gönderilmedi, hiçbir şey saklanmadı.",
    add_calendar: "Takviminize ekleyin (.ics)",
    door_code: "Giriş kodunuz",
    door_code_help: "İçeri girerken bu kodu gösterin. Düzenleyici kodu okutur ve geldiğinizi görür.",
    cancel_link: "İptal bağlantınız",
    cancel_link_help: "Bu bağlantıyı saklayın. Gelemeyecek misiniz? Bağlantıyı açın ve kaydınızı iptal edin; o zaman yeriniz bekleme listesindeki birine verilir.",
    cancel_link_text: "Kaydınızı görün ya da iptal edin",
    cancel_heading: "Kaydı iptal etme",
    cancel_question: "{title} için kaydınızı iptal etmek istiyor musunuz?",
    cancel_button: "Evet, kaydımı iptal edin",
    cancelled: "Kaydınız iptal edildi. Yeriniz bekleme listesindeki birine verilecek.",
    not_found: "Bu kaydı bulamıyoruz. Kayıt silinmiş olabilir.",
    too_long: "Bu çok uzun. Lütfen daha kısa yazın.",
    markup: "Lütfen < ve > işaretlerini kullanmayın.",
    invisible: "Burada görünmeyen işaretler var. Lütfen yeniden yazın.",
    does_not_fit: "Bu cevap bu soruya uymuyor.",
    lang_names: [
        ("nl", "Hollandaca"),
        ("en", "İngilizce"),
        ("ar", "Arapça"),
        ("tr", "Türkçe"),
        ("uk", "Ukraynaca"),
    ],
};

#[cfg(feature = "data")]
crate::by_lang!(CafeTexts);

impl CafeTexts {
    /// Why an answer cannot be taken at all, in plain words (the same in the
    /// browser, as the person types, and in the server's refusal).
    pub const fn problem(&self, code: ProblemCode) -> &'static str {
        match code {
            ProblemCode::TooLong => self.too_long,
            ProblemCode::Markup => self.markup,
            ProblemCode::ControlCharacters => self.invisible,
            ProblemCode::UnknownField | ProblemCode::WrongType | ProblemCode::NotAnOption => {
                self.does_not_fit
            }
        }
    }

    /// A language's name, or its tag when unknown.
    pub fn lang_name<'a>(&self, tag: &'a str) -> &'a str {
        self.lang_names
            .iter()
            .find(|(t, _)| *t == tag)
            .map_or(tag, |(_, name)| name)
    }
}
