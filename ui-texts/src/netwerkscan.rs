//! The Netwerkscan's own UI texts in every language: the words around the
//! questions, people and scores the rules give. One struct per language,
//! so a missing translation does not compile; the widget fetches the one it
//! shows (see the crate's docs).

use crate::Counted;
#[cfg(feature = "data")]
use crate::common;
use crate::common::CommonTexts;

crate::texts! {
    /// Every text of the Netwerkscan. `{n}`, `{name}`, `{close}`, `{others}` and
    /// `{knows}` are filled in by the caller.
    pub struct NetwerkscanTexts {
        /// The texts every widget shares.
        pub common: CommonTexts,
        /// Netwerkscan intro, plain language.
        pub intro: &'static str,
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
        /// Score value, with `{n}`.
        pub score_value: &'static str,
        /// Link text of a step's link.
        pub more_info: &'static str,
        /// Privacy line.
        pub privacy: &'static str,
        /// How long it takes.
        pub intro_time: &'static str,
        /// Start button.
        pub start: &'static str,
        /// When answers cannot be kept on the device.
        pub storage_off: &'static str,
        /// When answers are kept on the device.
        pub kept_note: &'static str,
        /// Above the suggestion buttons.
        pub suggestions_heading: &'static str,
        /// "What does this person give you?"
        pub gives_label: &'static str,
        /// Other circles question.
        pub other_circles_label: &'static str,
        /// Links with employers question.
        pub work_links_label: &'static str,
        /// Edit button, with `{name}`.
        pub edit_person: &'static str,
        /// Save button when editing.
        pub save_changes: &'static str,
        /// Announced after editing, with `{name}`.
        pub person_saved: &'static str,
        /// Announced after removing, with `{name}`.
        pub person_removed: &'static str,
        /// Heading of the network picture.
        pub picture_heading: &'static str,
        /// The people table's caption (the picture's label says the summary).
        pub table_caption: &'static str,
        /// Summary of the picture, with `{close}`, `{others}`, `{knows}`.
        pub picture_label: &'static str,
        /// In the picture's label: how many are close (`{n}`).
        pub picture_close: Counted,
        /// In the picture's label: how many others.
        pub picture_others: Counted,
        /// In the picture's label: how many know the person is looking.
        pub picture_knows: Counted,
        /// The centre of the picture.
        pub you: &'static str,
        /// Legend: filled.
        pub legend_knows: &'static str,
        /// Legend: open, dashed.
        pub legend_not_knows: &'static str,
        /// Legend: circle.
        pub legend_personal: &'static str,
        /// Legend: square.
        pub legend_community: &'static str,
        /// Legend: diamond.
        pub legend_work: &'static str,
        /// Table heading.
        pub col_name: &'static str,
        /// Table heading.
        pub col_relation: &'static str,
        /// Table heading.
        pub col_close: &'static str,
        /// Table heading.
        pub col_knows: &'static str,
        /// Table heading.
        pub col_gives: &'static str,
        /// Download button.
        pub download: &'static str,
        /// Load-from-file control.
        pub load: &'static str,
        /// When a file cannot be loaded.
        pub load_error: &'static str,
        /// After loading a file.
        pub loaded: &'static str,
        /// Over the result: the day of this scan, `{date}`.
        pub scan_of: &'static str,
        /// After loading a file next to answers already here: `{date}`.
        pub kept_beside: &'static str,
        /// After loading a file whose scan is here already: `{date}`.
        pub already_here: &'static str,
        /// After the last earlier scan was removed.
        pub no_earlier: &'static str,
        /// Over the list of earlier scans.
        pub earlier_heading: &'static str,
        /// What the earlier scans are for, and where they are kept.
        pub earlier_hint: &'static str,
        /// Put an earlier scan next to today's: `{date}`.
        pub compare_with: &'static str,
        /// Remove one earlier scan: `{date}`.
        pub remove_scan: &'static str,
        /// Over the comparison.
        pub then_now_heading: &'static str,
        /// The earlier picture's caption: `{date}`.
        pub then_caption: &'static str,
        /// Today's picture's caption: `{date}`.
        pub now_caption: &'static str,
        /// One score then and now: `{label}`, `{then}`, `{now}`.
        pub score_change: &'static str,
        /// More people in the picture than then.
        pub more_people: Counted,
        /// Fewer people in the picture than then.
        pub fewer_people: Counted,
        /// As many people as then.
        pub same_people: &'static str,
        /// More people know than then.
        pub more_know: Counted,
        /// Fewer people know than then.
        pub fewer_know: Counted,
        /// As many people know as then.
        pub same_know: &'static str,
        /// Over the steps that were not there then.
        pub new_steps_heading: &'static str,
        /// No step is new.
        pub no_new_steps: &'static str,
    }
}

#[cfg(feature = "data")]
const NL: NetwerkscanTexts = NetwerkscanTexts {
    common: common::NL,
    intro: "Zet de mensen om je heen op een rij en zie hoe ze je kunnen helpen bij werk zoeken.",
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
    close_yes: "Heel goed",
    close_no: "Een beetje",
    knows_label: "Weet deze persoon dat je werk zoekt?",
    yes: "Ja",
    no: "Nee",
    add_person: "Persoon toevoegen",
    remove_person: "{name} weghalen",
    people_count: "Jouw mensen ({n})",
    people_empty: "Je hebt nog niemand toegevoegd.",
    person_added: "{name} is toegevoegd.",
    tag_close: "kent je goed",
    tag_knows: "weet dat je zoekt",
    tag_not_knows: "weet het nog niet",
    next: "Volgende",
    back: "Terug",
    show_result: "Bekijk mijn uitkomst",
    start_over: "Opnieuw beginnen",
    scores_heading: "Jouw netwerk in cijfers",
    score_value: "{n} van 100",
    more_info: "Meer informatie",
    privacy: "Je antwoorden blijven op jouw apparaat. Er wordt niets verstuurd, tenzij je aan het eind zelf kiest om je scores te delen.",
    intro_time: "Het duurt ongeveer 10 minuten.",
    start: "Beginnen",
    storage_off: "Deze browser kan je antwoorden niet bewaren. Download ze voordat je de pagina sluit.",
    kept_note: "Je antwoorden blijven op dit apparaat bewaard tot je ze weghaalt.",
    suggestions_heading: "Wie zou je kunnen vragen? Kies een voorbeeld om het in te vullen:",
    gives_label: "Wat geeft deze persoon je?",
    other_circles_label: "Kent deze persoon andere mensen dan jij? Bijvoorbeeld omdat hij of zij ander werk doet, ergens anders woont of een andere achtergrond heeft.",
    work_links_label: "Heeft deze persoon contact met werkgevers of organisaties?",
    edit_person: "{name} aanpassen",
    save_changes: "Wijzigingen bewaren",
    person_saved: "{name} is aangepast.",
    person_removed: "{name} is weggehaald.",
    picture_heading: "Jouw netwerk",
    table_caption: "De mensen in je netwerk",
    picture_label: "Plaatje van je netwerk: {close} in de binnenste cirkel, {others} in de buitenste cirkel; {knows}.",
    picture_close: Counted {
        one: Some("{n} persoon dichtbij"),
        ..Counted::other("{n} mensen dichtbij")
    },
    picture_others: Counted {
        one: Some("{n} ander"),
        ..Counted::other("{n} anderen")
    },
    picture_knows: Counted {
        one: Some("{n} weet dat je werk zoekt"),
        ..Counted::other("{n} weten dat je werk zoekt")
    },
    you: "Jij",
    legend_knows: "Gevuld: weet dat je werk zoekt",
    legend_not_knows: "Open met stippellijn: weet het nog niet",
    legend_personal: "Rondje: familie en vrienden",
    legend_community: "Vierkant: buurt, club, school, vrijwilligerswerk",
    legend_work: "Ruit: werk en professionele hulp",
    col_name: "Naam of rol",
    col_relation: "Hoe je elkaar kent",
    col_close: "Kent je goed",
    col_knows: "Weet dat je zoekt",
    col_gives: "Geeft",
    download: "Mijn antwoorden downloaden",
    load: "Antwoorden laden uit een bestand",
    load_error: "Dit bestand kan niet gelezen worden. Kies een bestand dat je bij deze scan hebt gedownload.",
    loaded: "Je antwoorden zijn geladen.",
    scan_of: "Je scan van {date}",
    kept_beside: "De scan van {date} staat nu naast die van jou.",
    already_here: "De scan van {date} staat hier al.",
    no_earlier: "Er zijn geen eerdere scans meer.",
    earlier_heading: "Eerdere scans",
    earlier_hint: "Zet een eerdere scan naast die van nu. Ze blijven op dit apparaat, en gaan mee in het bestand als je je antwoorden downloadt.",
    compare_with: "Vergelijk met {date}",
    remove_scan: "Verwijder de scan van {date}",
    then_now_heading: "Toen en nu",
    then_caption: "Toen: {date}",
    now_caption: "Nu: {date}",
    score_change: "{label}: was {then}, nu {now}",
    more_people: Counted {
        one: Some("{n} persoon meer in je netwerk"),
        ..Counted::other("{n} mensen meer in je netwerk")
    },
    fewer_people: Counted {
        one: Some("{n} persoon minder in je netwerk"),
        ..Counted::other("{n} mensen minder in je netwerk")
    },
    same_people: "Evenveel mensen in je netwerk als toen",
    more_know: Counted {
        one: Some("{n} persoon meer weet dat je werk zoekt"),
        ..Counted::other("{n} mensen meer weten dat je werk zoekt")
    },
    fewer_know: Counted {
        one: Some("{n} persoon minder weet dat je werk zoekt"),
        ..Counted::other("{n} mensen minder weten dat je werk zoekt")
    },
    same_know: "Evenveel mensen als toen weten dat je werk zoekt",
    new_steps_heading: "Nieuwe stappen sinds toen",
    no_new_steps: "Er zijn geen nieuwe stappen.",
};

#[cfg(feature = "data")]
const EN: NetwerkscanTexts = NetwerkscanTexts {
    common: common::EN,
    intro: "List the people around you and see how they can help you find work.",
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
    close_yes: "Very well",
    close_no: "A little",
    knows_label: "Does this person know you are looking for work?",
    yes: "Yes",
    no: "No",
    add_person: "Add person",
    remove_person: "Remove {name}",
    people_count: "Your people ({n})",
    people_empty: "You have not added anyone yet.",
    person_added: "{name} was added.",
    tag_close: "knows you well",
    tag_knows: "knows you are looking",
    tag_not_knows: "does not know yet",
    next: "Next",
    back: "Back",
    show_result: "Show my result",
    start_over: "Start again",
    scores_heading: "Your network in numbers",
    score_value: "{n} out of 100",
    more_info: "More information",
    privacy: "Your answers stay on your device. Nothing is sent, unless you choose at the end to share your scores.",
    intro_time: "It takes about 10 minutes.",
    start: "Start",
    storage_off: "This browser cannot keep your answers. Download them before you close the page.",
    kept_note: "Your answers are kept on this device until you remove them.",
    suggestions_heading: "Who could you ask? Choose an example to fill it in:",
    gives_label: "What does this person give you?",
    other_circles_label: "Does this person know different people than you? For example because they do other work, live somewhere else or have another background.",
    work_links_label: "Does this person have contacts with employers or organisations?",
    edit_person: "Change {name}",
    save_changes: "Save changes",
    person_saved: "{name} was changed.",
    person_removed: "{name} was removed.",
    picture_heading: "Your network",
    table_caption: "The people in your network",
    picture_label: "A picture of your network: {close} on the inner circle, {others} on the outer circle; {knows}.",
    picture_close: Counted {
        one: Some("{n} close person"),
        ..Counted::other("{n} close people")
    },
    picture_others: Counted {
        one: Some("{n} other"),
        ..Counted::other("{n} others")
    },
    picture_knows: Counted {
        one: Some("{n} knows you are looking for work"),
        ..Counted::other("{n} know you are looking for work")
    },
    you: "You",
    legend_knows: "Filled: knows you are looking",
    legend_not_knows: "Open, dashed: does not know yet",
    legend_personal: "Circle: family and friends",
    legend_community: "Square: neighbourhood, club, school, volunteering",
    legend_work: "Diamond: work and professional help",
    col_name: "Name or role",
    col_relation: "How you know each other",
    col_close: "Knows you well",
    col_knows: "Knows you are looking",
    col_gives: "Gives",
    download: "Download my answers",
    load: "Load answers from a file",
    load_error: "This file cannot be read. Choose a file you downloaded from this scan.",
    loaded: "Your answers were loaded.",
    scan_of: "Your scan of {date}",
    kept_beside: "The scan of {date} is now kept next to yours.",
    already_here: "The scan of {date} is already here.",
    no_earlier: "There are no earlier scans left.",
    earlier_heading: "Earlier scans",
    earlier_hint: "Put an earlier scan next to today's. They stay on this device, and go into the file when you download your answers.",
    compare_with: "Compare with {date}",
    remove_scan: "Remove the scan of {date}",
    then_now_heading: "Then and now",
    then_caption: "Then: {date}",
    now_caption: "Now: {date}",
    score_change: "{label}: was {then}, now {now}",
    more_people: Counted {
        one: Some("{n} more person in your network"),
        ..Counted::other("{n} more people in your network")
    },
    fewer_people: Counted {
        one: Some("{n} person fewer in your network"),
        ..Counted::other("{n} fewer people in your network")
    },
    same_people: "As many people in your network as then",
    more_know: Counted {
        one: Some("{n} more person knows you are looking for work"),
        ..Counted::other("{n} more people know you are looking for work")
    },
    fewer_know: Counted {
        one: Some("{n} person fewer knows you are looking for work"),
        ..Counted::other("{n} fewer people know you are looking for work")
    },
    same_know: "As many people as then know you are looking for work",
    new_steps_heading: "New steps since then",
    no_new_steps: "There are no new steps.",
};

#[cfg(feature = "data")]
const AR: NetwerkscanTexts = NetwerkscanTexts {
    common: common::AR,
    intro: "اكتب أسماء الناس من حولك وانظر كيف يمكنهم مساعدتك في إيجاد عمل.",
    stage_people: "الأشخاص من حولك",
    stage_questions: "وضعك",
    stage_result: "نتيجتك",
    people_help: "فكّر في العائلة والأصدقاء والجيران، وفي أشخاص من الرياضة أو المدرسة أو العمل أو المسجد أو الكنيسة أو النادي. يكفي الاسم الأول أو الدور.",
    name_label: "الاسم أو الدور",
    name_hint: "مثلًا: فاطمة، الجارة، عمي، المدرب",
    name_required: "اكتب اسمًا أو دورًا من فضلك.",
    relation_label: "من أين تعرف هذا الشخص؟",
    relation_none: "اختر…",
    close_label: "ما مدى معرفتك بهذا الشخص؟",
    close_yes: "أعرفه جيدًا",
    close_no: "أعرفه قليلًا",
    knows_label: "هل يعرف هذا الشخص أنك تبحث عن عمل؟",
    yes: "نعم",
    no: "لا",
    add_person: "أضف شخصًا",
    remove_person: "احذف {name}",
    people_count: "الأشخاص من حولك ({n})",
    people_empty: "لم تُضف أحدًا بعد.",
    person_added: "تمت إضافة {name}.",
    tag_close: "يعرفك جيدًا",
    tag_knows: "يعرف أنك تبحث",
    tag_not_knows: "لا يعرف بعد",
    next: "التالي",
    back: "رجوع",
    show_result: "اعرض نتيجتي",
    start_over: "ابدأ من جديد",
    scores_heading: "شبكتك بالأرقام",
    score_value: "{n} من 100",
    more_info: "معلومات أكثر",
    privacy: "تبقى إجاباتك على جهازك. لا يتم إرسال أي شيء، إلا إذا اخترت في النهاية مشاركة درجاتك.",
    intro_time: "يستغرق ذلك حوالي 10 دقائق.",
    start: "ابدأ",
    storage_off: "لا يستطيع هذا المتصفح حفظ إجاباتك. نزّلها قبل أن تغلق الصفحة.",
    kept_note: "تبقى إجاباتك محفوظة على هذا الجهاز حتى تحذفها.",
    suggestions_heading: "من يمكنك أن تسأل؟ اختر مثالًا لتعبئته:",
    gives_label: "ماذا يقدّم لك هذا الشخص؟",
    other_circles_label: "هل يعرف هذا الشخص أناسًا غير الذين تعرفهم؟ مثلًا لأنه يعمل عملًا آخر، أو يسكن في مكان آخر، أو له خلفية أخرى.",
    work_links_label: "هل لدى هذا الشخص صلات بأصحاب عمل أو مؤسسات؟",
    edit_person: "عدّل {name}",
    save_changes: "احفظ التغييرات",
    person_saved: "تم تعديل {name}.",
    person_removed: "تم حذف {name}.",
    picture_heading: "شبكتك",
    table_caption: "الأشخاص في شبكتك",
    picture_label: "صورة لشبكتك: {close} في الدائرة الداخلية، و{others} في الدائرة الخارجية؛ {knows}.",
    picture_close: Counted {
        zero: Some("لا أحد قريب"),
        one: Some("شخص واحد قريب"),
        two: Some("شخصان قريبان"),
        few: Some("{n} أشخاص قريبون"),
        many: Some("{n} شخصًا قريبًا"),
        ..Counted::other("{n} شخص قريب")
    },
    picture_others: Counted {
        zero: Some("لا أحد آخر"),
        one: Some("شخص واحد آخر"),
        two: Some("شخصان آخران"),
        few: Some("{n} أشخاص آخرون"),
        many: Some("{n} شخصًا آخر"),
        ..Counted::other("{n} شخص آخر")
    },
    picture_knows: Counted {
        zero: Some("لا أحد يعرف أنك تبحث عن عمل"),
        one: Some("شخص واحد يعرف أنك تبحث عن عمل"),
        two: Some("شخصان يعرفان أنك تبحث عن عمل"),
        ..Counted::other("{n} يعرفون أنك تبحث عن عمل")
    },
    you: "أنت",
    legend_knows: "مملوء: يعرف أنك تبحث",
    legend_not_knows: "مفتوح بخط متقطع: لا يعرف بعد",
    legend_personal: "دائرة: العائلة والأصدقاء",
    legend_community: "مربع: الحي، النادي، المدرسة، التطوع",
    legend_work: "معيّن: العمل والمساعدة المهنية",
    col_name: "الاسم أو الدور",
    col_relation: "من أين",
    col_close: "يعرفك جيدًا",
    col_knows: "يعرف أنك تبحث",
    col_gives: "يقدّم",
    download: "نزّل إجاباتي",
    load: "حمّل الإجابات من ملف",
    load_error: "لا يمكن قراءة هذا الملف. اختر ملفًا نزّلته من هذا المسح.",
    loaded: "تم تحميل إجاباتك.",
    scan_of: "مسحك بتاريخ {date}",
    kept_beside: "مسح {date} محفوظ الآن بجانب مسحك.",
    already_here: "مسح {date} موجود هنا بالفعل.",
    no_earlier: "لم تعد هناك مسوحات سابقة.",
    earlier_heading: "مسوحات سابقة",
    earlier_hint: "ضع مسحًا سابقًا بجانب مسح اليوم. تبقى المسوحات على هذا الجهاز، وتُحفظ في الملف عندما تنزّل إجاباتك.",
    compare_with: "قارن مع {date}",
    remove_scan: "احذف مسح {date}",
    then_now_heading: "آنذاك والآن",
    then_caption: "آنذاك: {date}",
    now_caption: "الآن: {date}",
    score_change: "{label}: كان {then}، والآن {now}",
    more_people: Counted {
        one: Some("شخص واحد إضافي في شبكتك"),
        two: Some("شخصان إضافيان في شبكتك"),
        few: Some("{n} أشخاص إضافيين في شبكتك"),
        many: Some("{n} شخصًا إضافيًا في شبكتك"),
        ..Counted::other("{n} شخص إضافي في شبكتك")
    },
    fewer_people: Counted {
        one: Some("شبكتك أصغر بشخص واحد من قبل"),
        two: Some("شبكتك أصغر بشخصين من قبل"),
        few: Some("شبكتك أصغر بـ{n} أشخاص من قبل"),
        many: Some("شبكتك أصغر بـ{n} شخصًا من قبل"),
        ..Counted::other("شبكتك أصغر بـ{n} شخص من قبل")
    },
    same_people: "عدد الأشخاص في شبكتك كما كان",
    more_know: Counted {
        one: Some("شخص واحد إضافي يعرف أنك تبحث عن عمل"),
        two: Some("شخصان إضافيان يعرفان أنك تبحث عن عمل"),
        few: Some("{n} أشخاص إضافيين يعرفون أنك تبحث عن عمل"),
        many: Some("{n} شخصًا إضافيًا يعرفون أنك تبحث عن عمل"),
        ..Counted::other("{n} شخص إضافي يعرفون أنك تبحث عن عمل")
    },
    fewer_know: Counted {
        one: Some("من يعرفون أنك تبحث عن عمل أقل بشخص واحد من قبل"),
        two: Some("من يعرفون أنك تبحث عن عمل أقل بشخصين من قبل"),
        few: Some("من يعرفون أنك تبحث عن عمل أقل بـ{n} أشخاص من قبل"),
        many: Some("من يعرفون أنك تبحث عن عمل أقل بـ{n} شخصًا من قبل"),
        ..Counted::other("من يعرفون أنك تبحث عن عمل أقل بـ{n} شخص من قبل")
    },
    same_know: "عدد من يعرفون أنك تبحث عن عمل كما كان",
    new_steps_heading: "خطوات جديدة منذ ذلك الحين",
    no_new_steps: "لا توجد خطوات جديدة.",
};

#[cfg(feature = "data")]
const UK: NetwerkscanTexts = NetwerkscanTexts {
    common: common::UK,
    intro: "Складіть список людей навколо вас і подивіться, як вони можуть допомогти вам знайти роботу.",
    stage_people: "Ваші люди",
    stage_questions: "Ваша ситуація",
    stage_result: "Ваш результат",
    people_help: "Подумайте про родину, друзів, сусідів, людей зі спорту, школи, роботи, мечеті, церкви чи клубу. Достатньо імені або того, хто це (наприклад, «сусідка»).",
    name_label: "Ім’я або хто це",
    name_hint: "Наприклад: Оксана, сусідка, мій дядько, тренер",
    name_required: "Напишіть ім’я або хто це.",
    relation_label: "Звідки ви знаєте цю людину?",
    relation_none: "Виберіть…",
    close_label: "Наскільки добре ви знаєте цю людину?",
    close_yes: "Дуже добре",
    close_no: "Трохи",
    knows_label: "Чи знає ця людина, що ви шукаєте роботу?",
    yes: "Так",
    no: "Ні",
    add_person: "Додати людину",
    remove_person: "Видалити: {name}",
    people_count: "Ваші люди ({n})",
    people_empty: "Ви ще нікого не додали.",
    person_added: "Додано: {name}.",
    tag_close: "добре знає вас",
    tag_knows: "знає, що ви шукаєте роботу",
    tag_not_knows: "ще не знає",
    next: "Далі",
    back: "Назад",
    show_result: "Показати мій результат",
    start_over: "Почати знову",
    scores_heading: "Ваша мережа в цифрах",
    score_value: "{n} зі 100",
    more_info: "Докладніше",
    privacy: "Ваші відповіді залишаються на вашому пристрої. Ми нічого не надсилаємо, якщо наприкінці ви самі не вирішите поділитися своїми балами.",
    intro_time: "Це займе приблизно 10 хвилин.",
    start: "Почати",
    storage_off: "Цей браузер не може зберегти ваші відповіді. Завантажте їх, перш ніж закрити сторінку.",
    kept_note: "Ваші відповіді зберігаються на цьому пристрої, доки ви їх не видалите.",
    suggestions_heading: "Кого ви могли б запитати? Виберіть приклад, щоб заповнити поле:",
    gives_label: "Чим вам допомагає ця людина?",
    other_circles_label: "Чи знає ця людина людей, яких не знаєте ви? Наприклад, тому що вона працює в іншій сфері, живе в іншому місці або має інше походження.",
    work_links_label: "Чи має ця людина зв’язки з роботодавцями або організаціями?",
    edit_person: "Змінити: {name}",
    save_changes: "Зберегти зміни",
    person_saved: "Змінено: {name}.",
    person_removed: "Видалено: {name}.",
    picture_heading: "Ваша мережа",
    table_caption: "Люди у вашій мережі",
    picture_label: "Схема вашої мережі: {close} — у внутрішньому колі, {others} — у зовнішньому колі; {knows}.",
    picture_close: Counted {
        one: Some("{n} близька людина"),
        few: Some("{n} близькі людини"),
        many: Some("{n} близьких людей"),
        ..Counted::other("{n} близьких людей")
    },
    picture_others: Counted {
        one: Some("{n} інша людина"),
        few: Some("{n} інші людини"),
        many: Some("{n} інших людей"),
        ..Counted::other("{n} інших людей")
    },
    picture_knows: Counted {
        one: Some("{n} людина знає, що ви шукаєте роботу"),
        few: Some("{n} людини знають, що ви шукаєте роботу"),
        many: Some("{n} людей знають, що ви шукаєте роботу"),
        ..Counted::other("{n} людей знають, що ви шукаєте роботу")
    },
    you: "Ви",
    legend_knows: "Зафарбовано: знає, що ви шукаєте роботу",
    legend_not_knows: "Незафарбовано, пунктир: ще не знає",
    legend_personal: "Коло: родина й друзі",
    legend_community: "Квадрат: район, клуб, школа, волонтерство",
    legend_work: "Ромб: робота й допомога фахівців",
    col_name: "Ім’я або хто це",
    col_relation: "Звідки ви знайомі",
    col_close: "Добре знає вас",
    col_knows: "Знає, що ви шукаєте роботу",
    col_gives: "Чим допомагає",
    download: "Завантажити мої відповіді",
    load: "Відкрити відповіді з файлу",
    load_error: "Не вдається прочитати цей файл. Виберіть файл, який ви раніше завантажили тут.",
    loaded: "Ваші відповіді відкрито.",
    scan_of: "Ваша оцінка: {date}",
    kept_beside: "Оцінку ({date}) тепер збережено поруч із вашою.",
    already_here: "Оцінка ({date}) вже є тут.",
    no_earlier: "Попередніх оцінок більше немає.",
    earlier_heading: "Попередні оцінки",
    earlier_hint: "Порівняйте попередню оцінку з сьогоднішньою. Вони зберігаються на цьому пристрої і потрапляють у файл, коли ви завантажуєте свої відповіді.",
    compare_with: "Порівняти: {date}",
    remove_scan: "Видалити оцінку ({date})",
    then_now_heading: "Тоді й тепер",
    then_caption: "Тоді: {date}",
    now_caption: "Тепер: {date}",
    score_change: "{label}: було {then}, тепер {now}",
    more_people: Counted {
        one: Some("У вашій мережі на {n} людину більше"),
        few: Some("У вашій мережі на {n} людини більше"),
        many: Some("У вашій мережі на {n} людей більше"),
        ..Counted::other("У вашій мережі на {n} людини більше")
    },
    fewer_people: Counted {
        one: Some("У вашій мережі на {n} людину менше"),
        few: Some("У вашій мережі на {n} людини менше"),
        many: Some("У вашій мережі на {n} людей менше"),
        ..Counted::other("У вашій мережі на {n} людини менше")
    },
    same_people: "У вашій мережі стільки ж людей, як тоді",
    more_know: Counted {
        one: Some("Ще {n} людина знає, що ви шукаєте роботу"),
        few: Some("Ще {n} людини знають, що ви шукаєте роботу"),
        many: Some("Ще {n} людей знають, що ви шукаєте роботу"),
        ..Counted::other("Ще {n} людини знають, що ви шукаєте роботу")
    },
    fewer_know: Counted {
        one: Some("На {n} людину менше знає, що ви шукаєте роботу"),
        few: Some("На {n} людини менше знають, що ви шукаєте роботу"),
        many: Some("на {n} людей менше знають, що ви шукаєте роботу"),
        ..Counted::other("На {n} людини менше знають, що ви шукаєте роботу")
    },
    same_know: "Стільки ж людей, як тоді, знають, що ви шукаєте роботу",
    new_steps_heading: "Нові кроки відтоді",
    no_new_steps: "Нових кроків немає.",
};

#[cfg(feature = "data")]
const TR: NetwerkscanTexts = NetwerkscanTexts {
    common: common::TR,
    intro: "Çevrenizdeki insanları yazın ve iş ararken size nasıl yardım edebileceklerini görün.",
    stage_people: "Çevreniz",
    stage_questions: "Durumunuz",
    stage_result: "Sonucunuz",
    people_help: "Ailenizi, arkadaşlarınızı, komşularınızı düşünün; spordan, okuldan, işten, camiden, kiliseden ya da dernekten tanıdığınız insanları da. Bir ad ya da rol yazmanız yeterli.",
    name_label: "Ad ya da rol",
    name_hint: "Örneğin: Fatma, komşum, amcam, antrenörüm",
    name_required: "Lütfen bir ad ya da rol yazın.",
    relation_label: "Bu kişiyi nereden tanıyorsunuz?",
    relation_none: "Seçin…",
    close_label: "Bu kişiyi ne kadar iyi tanıyorsunuz?",
    close_yes: "Çok iyi",
    close_no: "Biraz",
    knows_label: "Bu kişi iş aradığınızı biliyor mu?",
    yes: "Evet",
    no: "Hayır",
    add_person: "Kişi ekleyin",
    remove_person: "Listeden çıkarın: {name}",
    people_count: "Çevrenizdeki kişiler ({n})",
    people_empty: "Henüz kimseyi eklemediniz.",
    person_added: "{name} listeye eklendi.",
    tag_close: "sizi iyi tanıyor",
    tag_knows: "iş aradığınızı biliyor",
    tag_not_knows: "henüz bilmiyor",
    next: "İleri",
    back: "Geri",
    show_result: "Sonucunuzu görün",
    start_over: "Baştan başlayın",
    scores_heading: "Rakamlarla çevreniz",
    score_value: "100 üzerinden {n}",
    more_info: "Daha fazla bilgi",
    privacy: "Cevaplarınız sizin cihazınızda kalır. Sonunda puanlarınızı paylaşmayı seçmedikçe hiçbir şey gönderilmez.",
    intro_time: "Yaklaşık 10 dakika sürer.",
    start: "Başlayın",
    storage_off: "Bu tarayıcı cevaplarınızı saklayamıyor. Sayfayı kapatmadan önce cevaplarınızı indirin.",
    kept_note: "Cevaplarınız, siz silene kadar bu cihazda saklanır.",
    suggestions_heading: "Kime sorabilirsiniz? Doldurmak için bir örnek seçin:",
    gives_label: "Bu kişi size nasıl destek oluyor?",
    other_circles_label: "Bu kişi, sizin tanımadığınız insanları tanıyor mu? Örneğin başka bir işte çalıştığı, başka bir yerde yaşadığı ya da farklı bir geçmişi olduğu için.",
    work_links_label: "Bu kişinin işverenlerle ya da kurumlarla bağlantısı var mı?",
    edit_person: "Değiştirin: {name}",
    save_changes: "Değişiklikleri kaydedin",
    person_saved: "Bilgiler değiştirildi: {name}.",
    person_removed: "{name} listeden çıkarıldı.",
    picture_heading: "Çevre haritanız",
    table_caption: "Çevrenizdeki kişiler",
    picture_label: "Çevrenizin resmi: iç halkada {close}, dış halkada {others}; {knows}.",
    picture_close: Counted {
        one: Some("{n} yakın kişi"),
        ..Counted::other("{n} yakın kişi")
    },
    picture_others: Counted {
        one: Some("diğer {n} kişi"),
        ..Counted::other("diğer {n} kişi")
    },
    picture_knows: Counted {
        one: Some("{n} kişi iş aradığınızı biliyor"),
        ..Counted::other("{n} kişi iş aradığınızı biliyor")
    },
    you: "Siz",
    legend_knows: "Dolu: iş aradığınızı biliyor",
    legend_not_knows: "Boş, kesik çizgili: henüz bilmiyor",
    legend_personal: "Daire: aile ve arkadaşlar",
    legend_community: "Kare: mahalle, kulüp, okul, gönüllü çalışma",
    legend_work: "Baklava dilimi: iş ve profesyonel destek",
    col_name: "Ad ya da rol",
    col_relation: "Nereden tanıyorsunuz",
    col_close: "Sizi iyi tanıyor",
    col_knows: "İş aradığınızı biliyor",
    col_gives: "Verdiği destek",
    download: "Cevaplarınızı indirin",
    load: "Cevapları bir dosyadan yükleyin",
    load_error: "Bu dosya okunamıyor. Bu taramadan indirdiğiniz bir dosyayı seçin.",
    loaded: "Cevaplarınız yüklendi.",
    scan_of: "Taramanız: {date}",
    kept_beside: "Tarama ({date}) artık sizinkinin yanında duruyor.",
    already_here: "Bu tarama ({date}) zaten burada.",
    no_earlier: "Önceki tarama kalmadı.",
    earlier_heading: "Önceki taramalar",
    earlier_hint: "Önceki bir taramayı bugünküyle yan yana koyun. Taramalar bu cihazda kalır ve cevaplarınızı indirdiğinizde dosyaya da girer.",
    compare_with: "Karşılaştır: {date}",
    remove_scan: "Taramayı sil ({date})",
    then_now_heading: "O zaman ve şimdi",
    then_caption: "O zaman: {date}",
    now_caption: "Şimdi: {date}",
    score_change: "{label}: önce {then}, şimdi {now}",
    more_people: Counted {
        one: Some("Ağınızda {n} kişi daha var"),
        ..Counted::other("Ağınızda {n} kişi daha var")
    },
    fewer_people: Counted {
        one: Some("Ağınızda {n} kişi daha az var"),
        ..Counted::other("Ağınızda {n} kişi daha az var")
    },
    same_people: "Ağınızda o zamanki kadar kişi var",
    more_know: Counted {
        one: Some("{n} kişi daha iş aradığınızı biliyor"),
        ..Counted::other("{n} kişi daha iş aradığınızı biliyor")
    },
    fewer_know: Counted {
        one: Some("İş aradığınızı bilen {n} kişi daha az"),
        ..Counted::other("İş aradığınızı bilen {n} kişi daha az")
    },
    same_know: "İş aradığınızı bilen kişi sayısı o zamankiyle aynı",
    new_steps_heading: "O zamandan beri yeni adımlar",
    no_new_steps: "Yeni adım yok.",
};

#[cfg(feature = "data")]
crate::by_lang!(NetwerkscanTexts);
