//! The widgets' own texts (buttons, labels, messages) in every language.
//! Content (questions, scores, advice) comes from the rule scripts instead.
//! One struct per language, so a missing translation does not compile.

use plugin_host::contract::Lang;

/// Every UI text. `{n}`, `{total}` and `{name}` are filled in by the caller.
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
    /// Netwerkscan title.
    pub nws_title: &'static str,
    /// Netwerkscan intro, plain language.
    pub nws_intro: &'static str,
    /// Progress, e.g. "Step 1 of 3".
    pub step_of: &'static str,
    /// Stage names.
    pub stage_people: &'static str,
    /// Stage names.
    pub stage_questions: &'static str,
    /// Stage names.
    pub stage_result: &'static str,
    /// People stage: explanation.
    pub people_help: &'static str,
    /// Name field.
    pub name_label: &'static str,
    /// Hint under the name field.
    pub name_hint: &'static str,
    /// Error when the name is empty.
    pub name_required: &'static str,
    /// Relation field.
    pub relation_label: &'static str,
    /// Empty choice of the relation field.
    pub relation_none: &'static str,
    /// "How close is this person?"
    pub close_label: &'static str,
    /// Close.
    pub close_yes: &'static str,
    /// Not so close.
    pub close_no: &'static str,
    /// "Does this person know you are looking for work?"
    pub knows_label: &'static str,
    /// Yes.
    pub yes: &'static str,
    /// No.
    pub no: &'static str,
    /// Add button.
    pub add_person: &'static str,
    /// Remove button, with `{name}`.
    pub remove_person: &'static str,
    /// Heading of the list of people, with `{n}`.
    pub people_count: &'static str,
    /// When nobody was added yet.
    pub people_empty: &'static str,
    /// Announced after adding, with `{name}`.
    pub person_added: &'static str,
    /// Tag in the list: close.
    pub tag_close: &'static str,
    /// Tag in the list: knows you are looking.
    pub tag_knows: &'static str,
    /// Tag in the list: does not know yet.
    pub tag_not_knows: &'static str,
    /// Next.
    pub next: &'static str,
    /// Back.
    pub back: &'static str,
    /// Show my result.
    pub show_result: &'static str,
    /// Start again.
    pub start_over: &'static str,
    /// Result: scores heading.
    pub scores_heading: &'static str,
    /// Result: steps heading.
    pub steps_heading: &'static str,
    /// Score value, with `{n}`.
    pub score_value: &'static str,
    /// Label before a step's reason.
    pub why: &'static str,
    /// Link text of a step's link.
    pub more_info: &'static str,
    /// Privacy line.
    pub privacy: &'static str,
}

const NL: Texts = Texts {
    language_name: "Nederlands",
    language_label: "Taal",
    loading: "Even geduld, de vragen worden geladen…",
    error_title: "Dit onderdeel werkt nu even niet.",
    error_body: "Dat ligt niet aan jou. Probeer het later nog eens, of vraag je contactpersoon om hulp.",
    retry: "Opnieuw proberen",
    nws_title: "Netwerkscan: wie staan er om je heen?",
    nws_intro: "Zet de mensen om je heen op een rij en zie hoe ze je kunnen helpen bij werk zoeken. Het duurt ongeveer 10 minuten.",
    step_of: "Stap {n} van {total}",
    stage_people: "Jouw mensen",
    stage_questions: "Jouw situatie",
    stage_result: "Jouw uitkomst",
    people_help: "Denk aan familie, vrienden, buren, mensen van sport, school, werk of de moskee, kerk of vereniging. Een voornaam of rol is genoeg.",
    name_label: "Naam of rol",
    name_hint: "Bijvoorbeeld: Fatima, de buurvrouw, mijn oom, de trainer",
    name_required: "Vul een naam of rol in.",
    relation_label: "Waar ken je deze persoon van?",
    relation_none: "Kies…",
    close_label: "Hoe goed ken je deze persoon?",
    close_yes: "Dichtbij",
    close_no: "Minder dichtbij",
    knows_label: "Weet deze persoon dat je werk zoekt?",
    yes: "Ja",
    no: "Nee",
    add_person: "Persoon toevoegen",
    remove_person: "{name} weghalen",
    people_count: "Jouw mensen ({n})",
    people_empty: "Je hebt nog niemand toegevoegd.",
    person_added: "{name} is toegevoegd.",
    tag_close: "dichtbij",
    tag_knows: "weet dat je zoekt",
    tag_not_knows: "weet het nog niet",
    next: "Volgende",
    back: "Terug",
    show_result: "Bekijk mijn uitkomst",
    start_over: "Opnieuw beginnen",
    scores_heading: "Jouw netwerk in cijfers",
    steps_heading: "Wat kun je nu doen?",
    score_value: "{n} van 100",
    why: "Waarom:",
    more_info: "Meer informatie",
    privacy: "Je antwoorden blijven op jouw apparaat. Er wordt niets verstuurd.",
};

const EN: Texts = Texts {
    language_name: "English",
    language_label: "Language",
    loading: "One moment, the questions are loading…",
    error_title: "This part is not working right now.",
    error_body: "It is not your fault. Please try again later, or ask your contact person for help.",
    retry: "Try again",
    nws_title: "Network scan: who is around you?",
    nws_intro: "List the people around you and see how they can help you find work. It takes about 10 minutes.",
    step_of: "Step {n} of {total}",
    stage_people: "Your people",
    stage_questions: "Your situation",
    stage_result: "Your result",
    people_help: "Think of family, friends, neighbours, people from sport, school, work or your mosque, church or club. A first name or a role is enough.",
    name_label: "Name or role",
    name_hint: "For example: Fatima, the neighbour, my uncle, the coach",
    name_required: "Please fill in a name or a role.",
    relation_label: "Where do you know this person from?",
    relation_none: "Choose…",
    close_label: "How well do you know this person?",
    close_yes: "Close",
    close_no: "Not so close",
    knows_label: "Does this person know you are looking for work?",
    yes: "Yes",
    no: "No",
    add_person: "Add person",
    remove_person: "Remove {name}",
    people_count: "Your people ({n})",
    people_empty: "You have not added anyone yet.",
    person_added: "{name} was added.",
    tag_close: "close",
    tag_knows: "knows you are looking",
    tag_not_knows: "does not know yet",
    next: "Next",
    back: "Back",
    show_result: "Show my result",
    start_over: "Start again",
    scores_heading: "Your network in numbers",
    steps_heading: "What can you do now?",
    score_value: "{n} out of 100",
    why: "Why:",
    more_info: "More information",
    privacy: "Your answers stay on your device. Nothing is sent.",
};

const AR: Texts = Texts {
    language_name: "العربية",
    language_label: "اللغة",
    loading: "لحظة من فضلك، يتم تحميل الأسئلة…",
    error_title: "هذا الجزء لا يعمل الآن.",
    error_body: "هذا ليس خطأك. حاول مرة أخرى لاحقًا، أو اطلب المساعدة من الشخص المسؤول عنك.",
    retry: "حاول مرة أخرى",
    nws_title: "مسح الشبكة: من حولك؟",
    nws_intro: "اكتب أسماء الناس من حولك وانظر كيف يمكنهم مساعدتك في إيجاد عمل. يستغرق ذلك حوالي 10 دقائق.",
    step_of: "الخطوة {n} من {total}",
    stage_people: "الأشخاص من حولك",
    stage_questions: "وضعك",
    stage_result: "نتيجتك",
    people_help: "فكّر في العائلة والأصدقاء والجيران، وفي أشخاص من الرياضة أو المدرسة أو العمل أو المسجد أو الكنيسة أو النادي. يكفي الاسم الأول أو الدور.",
    name_label: "الاسم أو الدور",
    name_hint: "مثلًا: فاطمة، الجارة، عمي، المدرب",
    name_required: "اكتب اسمًا أو دورًا من فضلك.",
    relation_label: "من أين تعرف هذا الشخص؟",
    relation_none: "اختر…",
    close_label: "ما مدى قربك من هذا الشخص؟",
    close_yes: "قريب",
    close_no: "ليس قريبًا جدًا",
    knows_label: "هل يعرف هذا الشخص أنك تبحث عن عمل؟",
    yes: "نعم",
    no: "لا",
    add_person: "أضف شخصًا",
    remove_person: "احذف {name}",
    people_count: "الأشخاص من حولك ({n})",
    people_empty: "لم تُضف أحدًا بعد.",
    person_added: "تمت إضافة {name}.",
    tag_close: "قريب",
    tag_knows: "يعرف أنك تبحث",
    tag_not_knows: "لا يعرف بعد",
    next: "التالي",
    back: "رجوع",
    show_result: "اعرض نتيجتي",
    start_over: "ابدأ من جديد",
    scores_heading: "شبكتك بالأرقام",
    steps_heading: "ماذا يمكنك أن تفعل الآن؟",
    score_value: "{n} من 100",
    why: "السبب:",
    more_info: "معلومات أكثر",
    privacy: "تبقى إجاباتك على جهازك. لا يتم إرسال أي شيء.",
};

/// The texts for a language.
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
