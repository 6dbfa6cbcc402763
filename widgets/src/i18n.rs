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
    /// Cancel.
    pub cancel: &'static str,
    /// Announced after editing, with `{name}`.
    pub person_saved: &'static str,
    /// Announced after removing, with `{name}`.
    pub person_removed: &'static str,
    /// Heading of the network picture.
    pub picture_heading: &'static str,
    /// Summary of the picture, with `{close}`, `{others}`, `{knows}`.
    pub picture_label: &'static str,
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
    /// Print button.
    pub print: &'static str,
    /// Download button.
    pub download: &'static str,
    /// Load-from-file control.
    pub load: &'static str,
    /// When a file cannot be loaded.
    pub load_error: &'static str,
    /// After loading a file.
    pub loaded: &'static str,
    /// Remove button.
    pub remove_answers: &'static str,
    /// Confirmation question.
    pub remove_confirm: &'static str,
    /// Confirm removal.
    pub remove_yes: &'static str,
    /// After removal.
    pub removed: &'static str,
    /// Alliantiescan title.
    pub als_title: &'static str,
    /// Alliantiescan intro.
    pub als_intro: &'static str,
    /// Where the scan is kept.
    pub als_private: &'static str,
    /// "Which partner are you?"
    pub partner_label: &'static str,
    /// Hint under the partner field.
    pub partner_hint: &'static str,
    /// View switch: checklist.
    pub view_checklist: &'static str,
    /// View switch: result.
    pub view_result: &'static str,
    /// View switch: compare.
    pub view_compare: &'static str,
    /// Label of the view switch.
    pub views_label: &'static str,
    /// Summary of an item's extra fields.
    pub details_summary: &'static str,
    /// Note field.
    pub note_label: &'static str,
    /// Owner field.
    pub owner_label: &'static str,
    /// Role select.
    pub role_label: &'static str,
    /// No role.
    pub role_none: &'static str,
    /// "Usually: {role}".
    pub usual_role: &'static str,
    /// "Your alliance is in the phase {phase}".
    pub phase_now: &'static str,
    /// Label of the four-step track, with `{phase}`.
    pub track_label: &'static str,
    /// Tag on a reached phase.
    pub reached: &'static str,
    /// Tag on a phase not reached.
    pub not_reached: &'static str,
    /// Warnings heading.
    pub warnings_heading: &'static str,
    /// When there are no warnings.
    pub no_warnings: &'static str,
    /// Roles heading.
    pub roles_heading: &'static str,
    /// Tag: role taken.
    pub role_taken: &'static str,
    /// Tag: nobody takes it.
    pub role_open: &'static str,
    /// Share heading.
    pub share_heading: &'static str,
    /// How sharing works.
    pub share_hint: &'static str,
    /// Label of the share link field.
    pub share_link_label: &'static str,
    /// Label of the paste-a-link field.
    pub open_label: &'static str,
    /// Open a link as our scan.
    pub open_mine: &'static str,
    /// Add a link to the comparison.
    pub compare_add: &'static str,
    /// When a link cannot be read.
    pub open_error: &'static str,
    /// After opening, with `{partner}`.
    pub opened: &'static str,
    /// After adding to compare, with `{partner}`.
    pub added: &'static str,
    /// Compare intro.
    pub compare_intro: &'static str,
    /// No scans to compare yet.
    pub compare_empty: &'static str,
    /// Column heading: item.
    pub compare_item: &'static str,
    /// Marker: partners see it differently.
    pub compare_differs: &'static str,
    /// Remove a scan from comparison, with `{partner}`.
    pub compare_remove: &'static str,
    /// Name for our own scan when no partner name.
    pub our_scan: &'static str,
    /// An item not ticked.
    pub not_ticked: &'static str,
}

const NL: Texts = Texts {
    language_name: "Nederlands",
    language_label: "Taal",
    loading: "Even geduld, de vragen worden geladen…",
    error_title: "Dit onderdeel werkt nu even niet.",
    error_body: "Dat ligt niet aan jou. Probeer het later nog eens, of vraag je contactpersoon om hulp.",
    retry: "Opnieuw proberen",
    nws_title: "Netwerkscan: wie staan er om je heen?",
    nws_intro: "Zet de mensen om je heen op een rij en zie hoe ze je kunnen helpen bij werk zoeken.",
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
    intro_time: "Het duurt ongeveer 10 minuten.",
    start: "Beginnen",
    storage_off: "Deze browser kan je antwoorden niet bewaren. Download ze voordat je de pagina sluit.",
    kept_note: "Je antwoorden blijven op dit apparaat bewaard tot je ze weghaalt.",
    suggestions_heading: "Wie zou je kunnen vragen? Kies een voorbeeld om het in te vullen:",
    gives_label: "Wat geeft deze persoon je?",
    other_circles_label: "Beweegt deze persoon zich in andere kringen dan jij? Bijvoorbeeld een andere achtergrond, of de sector waarin je wilt werken.",
    work_links_label: "Heeft deze persoon contact met werkgevers of organisaties?",
    edit_person: "{name} aanpassen",
    save_changes: "Wijzigingen bewaren",
    cancel: "Annuleren",
    person_saved: "{name} is aangepast.",
    person_removed: "{name} is weggehaald.",
    picture_heading: "Jouw netwerk",
    picture_label: "Plaatje van je netwerk: {close} mensen dichtbij in de binnenste cirkel, {others} anderen in de buitenste cirkel; {knows} weten dat je werk zoekt.",
    you: "Jij",
    legend_knows: "Gevuld: weet dat je werk zoekt",
    legend_not_knows: "Open met stippellijn: weet het nog niet",
    legend_personal: "Rondje: familie en vrienden",
    legend_community: "Vierkant: buurt, club, school, vrijwilligerswerk",
    legend_work: "Ruit: werk en professionele hulp",
    col_name: "Naam of rol",
    col_relation: "Waarvan",
    col_close: "Dichtbij",
    col_knows: "Weet dat je zoekt",
    col_gives: "Geeft",
    print: "Afdrukken",
    download: "Mijn antwoorden downloaden",
    load: "Antwoorden laden uit een bestand",
    load_error: "Dit bestand kan niet gelezen worden. Kies een bestand dat je bij deze scan hebt gedownload.",
    loaded: "Je antwoorden zijn geladen.",
    remove_answers: "Mijn antwoorden weghalen",
    remove_confirm: "Alles wat je hebt ingevuld weghalen, ook van dit apparaat?",
    remove_yes: "Ja, weghalen",
    removed: "Je antwoorden zijn weggehaald.",
    als_title: "Alliantiescan: waar staat jullie samenwerking?",
    als_intro: "Vink per onderdeel aan wat er al is. De uitkomst laat zien in welke fase jullie alliantie zit, wat er mist en wat de volgende stappen zijn. Fasen zijn geen trap: je kunt samenwerken terwijl er uit een eerdere fase nog iets mist.",
    als_private: "De scan blijft op dit apparaat. Delen gaat met een link; er wordt niets op een server bewaard.",
    partner_label: "Welke partner ben je?",
    partner_hint: "Bijvoorbeeld: Taalschool Noord, gemeente, Stichting Samen",
    view_checklist: "Checklist",
    view_result: "Uitkomst",
    view_compare: "Vergelijken",
    views_label: "Weergave",
    details_summary: "Notitie, eigenaar en rol",
    note_label: "Notitie",
    owner_label: "Welke partner is eigenaar?",
    role_label: "In welke rol?",
    role_none: "Geen rol",
    usual_role: "Meestal: {role}",
    phase_now: "Jullie alliantie zit in de fase {phase}",
    track_label: "De vier fasen; jullie zitten in {phase}",
    reached: "bereikt",
    not_reached: "nog niet bereikt",
    warnings_heading: "Waarschuwingen",
    no_warnings: "Geen waarschuwingen.",
    roles_heading: "Rollen",
    role_taken: "ingevuld",
    role_open: "niemand",
    share_heading: "Delen",
    share_hint: "Kopieer deze link en stuur hem naar je partners. Alles staat in de link zelf; er wordt niets op een server bewaard.",
    share_link_label: "Link naar deze scan",
    open_label: "Plak een gedeelde link",
    open_mine: "Open als onze scan",
    compare_add: "Toevoegen aan vergelijking",
    open_error: "Deze link kan niet gelezen worden. Plak een link die met deze scan is gedeeld.",
    opened: "De scan van {partner} is geopend.",
    added: "De scan van {partner} staat in de vergelijking.",
    compare_intro: "Zet de scans van partners naast elkaar. Waar jullie het anders zien, staat \"verschilt\".",
    compare_empty: "Plak hierboven een link van een partner om te vergelijken.",
    compare_item: "Onderdeel",
    compare_differs: "verschilt",
    compare_remove: "{partner} uit de vergelijking halen",
    our_scan: "Onze scan",
    not_ticked: "niet ingevuld",
};

const EN: Texts = Texts {
    language_name: "English",
    language_label: "Language",
    loading: "One moment, the questions are loading…",
    error_title: "This part is not working right now.",
    error_body: "It is not your fault. Please try again later, or ask your contact person for help.",
    retry: "Try again",
    nws_title: "Network scan: who is around you?",
    nws_intro: "List the people around you and see how they can help you find work.",
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
    intro_time: "It takes about 10 minutes.",
    start: "Start",
    storage_off: "This browser cannot keep your answers. Download them before you close the page.",
    kept_note: "Your answers are kept on this device until you remove them.",
    suggestions_heading: "Who could you ask? Choose an example to fill it in:",
    gives_label: "What does this person give you?",
    other_circles_label: "Does this person move in other circles than you? For example another background, or the sector you want to work in.",
    work_links_label: "Does this person have contacts with employers or organisations?",
    edit_person: "Change {name}",
    save_changes: "Save changes",
    cancel: "Cancel",
    person_saved: "{name} was changed.",
    person_removed: "{name} was removed.",
    picture_heading: "Your network",
    picture_label: "A picture of your network: {close} close people on the inner circle, {others} others on the outer circle; {knows} know you are looking for work.",
    you: "You",
    legend_knows: "Filled: knows you are looking",
    legend_not_knows: "Open, dashed: does not know yet",
    legend_personal: "Circle: family and friends",
    legend_community: "Square: neighbourhood, club, school, volunteering",
    legend_work: "Diamond: work and professional help",
    col_name: "Name or role",
    col_relation: "From",
    col_close: "Close",
    col_knows: "Knows you are looking",
    col_gives: "Gives",
    print: "Print",
    download: "Download my answers",
    load: "Load answers from a file",
    load_error: "This file cannot be read. Choose a file you downloaded from this scan.",
    loaded: "Your answers were loaded.",
    remove_answers: "Remove my answers",
    remove_confirm: "Remove everything you filled in, from this device too?",
    remove_yes: "Yes, remove",
    removed: "Your answers were removed.",
    als_title: "Alliance scan: where does your cooperation stand?",
    als_intro: "Tick for each item what is already there. The result shows which phase your alliance is in, what is missing and the next steps. Phases are not a ladder: you can be working together while something from an earlier phase is missing.",
    als_private: "The scan stays on this device. Sharing works with a link; nothing is kept on a server.",
    partner_label: "Which partner are you?",
    partner_hint: "For example: North Language School, municipality, Together Foundation",
    view_checklist: "Checklist",
    view_result: "Result",
    view_compare: "Compare",
    views_label: "View",
    details_summary: "Note, owner and role",
    note_label: "Note",
    owner_label: "Which partner owns it?",
    role_label: "In which role?",
    role_none: "No role",
    usual_role: "Usually: {role}",
    phase_now: "Your alliance is in the phase {phase}",
    track_label: "The four phases; you are in {phase}",
    reached: "reached",
    not_reached: "not reached yet",
    warnings_heading: "Warnings",
    no_warnings: "No warnings.",
    roles_heading: "Roles",
    role_taken: "taken",
    role_open: "nobody",
    share_heading: "Share",
    share_hint: "Copy this link and send it to your partners. Everything is in the link itself; nothing is kept on a server.",
    share_link_label: "Link to this scan",
    open_label: "Paste a shared link",
    open_mine: "Open as our scan",
    compare_add: "Add to comparison",
    open_error: "This link cannot be read. Paste a link that was shared from this scan.",
    opened: "The scan of {partner} was opened.",
    added: "The scan of {partner} was added to the comparison.",
    compare_intro: "Put your partners' scans side by side. Where you see it differently, it says \"differs\".",
    compare_empty: "Paste a partner's link above to compare.",
    compare_item: "Item",
    compare_differs: "differs",
    compare_remove: "Remove {partner} from the comparison",
    our_scan: "Our scan",
    not_ticked: "not ticked",
};

const AR: Texts = Texts {
    language_name: "العربية",
    language_label: "اللغة",
    loading: "لحظة من فضلك، يتم تحميل الأسئلة…",
    error_title: "هذا الجزء لا يعمل الآن.",
    error_body: "هذا ليس خطأك. حاول مرة أخرى لاحقًا، أو اطلب المساعدة من الشخص المسؤول عنك.",
    retry: "حاول مرة أخرى",
    nws_title: "مسح الشبكة: من حولك؟",
    nws_intro: "اكتب أسماء الناس من حولك وانظر كيف يمكنهم مساعدتك في إيجاد عمل.",
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
    intro_time: "يستغرق ذلك حوالي 10 دقائق.",
    start: "ابدأ",
    storage_off: "لا يستطيع هذا المتصفح حفظ إجاباتك. نزّلها قبل أن تغلق الصفحة.",
    kept_note: "تبقى إجاباتك محفوظة على هذا الجهاز حتى تحذفها.",
    suggestions_heading: "من يمكنك أن تسأل؟ اختر مثالًا لتعبئته:",
    gives_label: "ماذا يقدّم لك هذا الشخص؟",
    other_circles_label: "هل يتحرك هذا الشخص في دوائر مختلفة عن دائرتك؟ مثلًا خلفية أخرى، أو المجال الذي تريد العمل فيه.",
    work_links_label: "هل لدى هذا الشخص صلات بأصحاب عمل أو مؤسسات؟",
    edit_person: "عدّل {name}",
    save_changes: "احفظ التغييرات",
    cancel: "إلغاء",
    person_saved: "تم تعديل {name}.",
    person_removed: "تم حذف {name}.",
    picture_heading: "شبكتك",
    picture_label: "صورة لشبكتك: {close} أشخاص قريبون في الدائرة الداخلية، و{others} آخرون في الدائرة الخارجية؛ {knows} يعرفون أنك تبحث عن عمل.",
    you: "أنت",
    legend_knows: "مملوء: يعرف أنك تبحث",
    legend_not_knows: "مفتوح بخط متقطع: لا يعرف بعد",
    legend_personal: "دائرة: العائلة والأصدقاء",
    legend_community: "مربع: الحي، النادي، المدرسة، التطوع",
    legend_work: "معيّن: العمل والمساعدة المهنية",
    col_name: "الاسم أو الدور",
    col_relation: "من أين",
    col_close: "قريب",
    col_knows: "يعرف أنك تبحث",
    col_gives: "يقدّم",
    print: "اطبع",
    download: "نزّل إجاباتي",
    load: "حمّل الإجابات من ملف",
    load_error: "لا يمكن قراءة هذا الملف. اختر ملفًا نزّلته من هذا المسح.",
    loaded: "تم تحميل إجاباتك.",
    remove_answers: "احذف إجاباتي",
    remove_confirm: "هل تريد حذف كل ما كتبته، من هذا الجهاز أيضًا؟",
    remove_yes: "نعم، احذف",
    removed: "تم حذف إجاباتك.",
    als_title: "مسح التحالف: أين وصل تعاونكم؟",
    als_intro: "اختاروا لكل بند ما هو موجود بالفعل. تُظهر النتيجة في أي مرحلة يقع تحالفكم، وما الناقص، وما الخطوات التالية. المراحل ليست سلّمًا: يمكنكم العمل معًا بينما ينقص شيء من مرحلة سابقة.",
    als_private: "يبقى المسح على هذا الجهاز. المشاركة تتم عبر رابط؛ لا يُحفظ شيء على خادم.",
    partner_label: "أي شريك أنت؟",
    partner_hint: "مثلًا: مدرسة اللغة الشمالية، البلدية، مؤسسة معًا",
    view_checklist: "قائمة البنود",
    view_result: "النتيجة",
    view_compare: "المقارنة",
    views_label: "العرض",
    details_summary: "ملاحظة ومسؤول ودور",
    note_label: "ملاحظة",
    owner_label: "أي شريك هو المسؤول؟",
    role_label: "بأي دور؟",
    role_none: "بلا دور",
    usual_role: "عادةً: {role}",
    phase_now: "تحالفكم في مرحلة {phase}",
    track_label: "المراحل الأربع؛ أنتم في {phase}",
    reached: "تم الوصول",
    not_reached: "لم يتم الوصول بعد",
    warnings_heading: "تحذيرات",
    no_warnings: "لا توجد تحذيرات.",
    roles_heading: "الأدوار",
    role_taken: "مُسند",
    role_open: "لا أحد",
    share_heading: "المشاركة",
    share_hint: "انسخوا هذا الرابط وأرسلوه إلى شركائكم. كل شيء موجود في الرابط نفسه؛ لا يُحفظ شيء على خادم.",
    share_link_label: "رابط هذا المسح",
    open_label: "الصقوا رابطًا تمت مشاركته",
    open_mine: "افتحه كمسحنا",
    compare_add: "أضفه إلى المقارنة",
    open_error: "لا يمكن قراءة هذا الرابط. الصقوا رابطًا تمت مشاركته من هذا المسح.",
    opened: "تم فتح مسح {partner}.",
    added: "تمت إضافة مسح {partner} إلى المقارنة.",
    compare_intro: "ضعوا مسوح الشركاء جنبًا إلى جنب. حيث ترون الأمر بشكل مختلف، يظهر \"مختلف\".",
    compare_empty: "الصقوا رابط شريك في الأعلى للمقارنة.",
    compare_item: "البند",
    compare_differs: "مختلف",
    compare_remove: "أزل {partner} من المقارنة",
    our_scan: "مسحنا",
    not_ticked: "غير مُعبّأ",
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
