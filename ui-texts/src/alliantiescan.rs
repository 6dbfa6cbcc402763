//! The Alliantiescan's own UI texts in every language: the words around the
//! phases, items and assessment the rules give. One struct per language,
//! so a missing translation does not compile; the widget fetches the one it
//! shows (see the crate's docs).

#[cfg(feature = "data")]
use crate::common;
use crate::common::CommonTexts;

crate::texts! {
    /// Every text of the Alliantiescan. `{phase}`, `{role}` and `{partner}` are
    /// filled in by the caller.
    pub struct AlliantiescanTexts {
        /// The texts every widget shares.
        pub common: CommonTexts,
        /// Alliantiescan intro.
        pub intro: &'static str,
        /// Where the scan is kept.
        pub private: &'static str,
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
        /// Over the alliance's next steps (an alliance is "you" plural).
        pub steps_heading: &'static str,
        /// The comparison table's caption.
        pub compare_caption: &'static str,
        /// Above the partners' remove buttons.
        pub compare_partners: &'static str,
        /// Remove a scan from comparison, with `{partner}`.
        pub compare_remove: &'static str,
        /// After removing a partner's scan: `{partner}`.
        pub compare_removed: &'static str,
        /// Name for our own scan when no partner name.
        pub our_scan: &'static str,
        /// An item not ticked.
        pub not_ticked: &'static str,
        /// In a comparison cell: who owns the item, `{owner}`.
        pub compare_owner: &'static str,
        /// Over our earlier scan next to today's.
        pub then_now_heading: &'static str,
        /// `{then}` and `{now}`: the two scans' dates.
        pub then_now_intro: &'static str,
        /// The phase then and now: `{then}`, `{now}`.
        pub phase_then_now: &'static str,
        /// Over the items whose level changed.
        pub moved_heading: &'static str,
        /// One changed item's levels: `{then}`, `{now}`.
        pub moved: &'static str,
        /// No item changed.
        pub nothing_moved: &'static str,
    }
}

#[cfg(feature = "data")]
const NL: AlliantiescanTexts = AlliantiescanTexts {
    common: common::NL,
    intro: "Vink per onderdeel aan wat er al is. De uitkomst laat zien in welke fase jullie alliantie zit, wat er mist en wat de volgende stappen zijn. Fasen zijn geen trap: je kunt samenwerken terwijl er uit een eerdere fase nog iets mist.",
    private: "De scan blijft op dit apparaat. Delen gaat met een link; er wordt niets op een server bewaard, behalve de scores als je die aan het eind zelf deelt.",
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
    steps_heading: "Wat kunnen jullie nu doen?",
    compare_caption: "Wat ieder per punt aangeeft",
    compare_partners: "Partners in de vergelijking",
    compare_remove: "{partner} uit de vergelijking halen",
    compare_removed: "{partner} staat niet meer in de vergelijking.",
    our_scan: "Onze scan",
    not_ticked: "niet ingevuld",
    compare_owner: "Eigenaar: {owner}",
    then_now_heading: "Toen en nu",
    then_now_intro: "Jullie scan van {then} naast die van {now}.",
    phase_then_now: "Toen: {then}. Nu: {now}.",
    moved_heading: "Wat is veranderd",
    moved: "was {then}, nu {now}",
    nothing_moved: "Bij geen enkel onderdeel is iets veranderd.",
};

#[cfg(feature = "data")]
const EN: AlliantiescanTexts = AlliantiescanTexts {
    common: common::EN,
    intro: "Tick for each item what is already there. The result shows which phase your alliance is in, what is missing and the next steps. Phases are not a ladder: you can be working together while something from an earlier phase is missing.",
    private: "The scan stays on this device. Sharing works with a link; nothing is kept on a server, except the scores if you choose to share them at the end.",
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
    steps_heading: "What can you do now, together?",
    compare_caption: "What each partner says per item",
    compare_partners: "Partners in the comparison",
    compare_remove: "Remove {partner} from the comparison",
    compare_removed: "{partner} is no longer in the comparison.",
    our_scan: "Our scan",
    not_ticked: "not ticked",
    compare_owner: "Owner: {owner}",
    then_now_heading: "Then and now",
    then_now_intro: "Your scan of {then} next to the one of {now}.",
    phase_then_now: "Then: {then}. Now: {now}.",
    moved_heading: "What changed",
    moved: "was {then}, now {now}",
    nothing_moved: "Nothing changed in any item.",
};

#[cfg(feature = "data")]
const AR: AlliantiescanTexts = AlliantiescanTexts {
    common: common::AR,
    intro: "اختاروا لكل بند ما هو موجود بالفعل. تُظهر النتيجة في أي مرحلة يقع تحالفكم، وما الناقص، وما الخطوات التالية. المراحل ليست سلّمًا: يمكنكم العمل معًا بينما ينقص شيء من مرحلة سابقة.",
    private: "يبقى المسح على هذا الجهاز. المشاركة تتم عبر رابط؛ لا يُحفظ شيء على خادم، إلا الدرجات إذا اخترت مشاركتها في النهاية.",
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
    steps_heading: "ماذا يمكنكم أن تفعلوا الآن؟",
    compare_caption: "ما يقوله كل شريك في كل بند",
    compare_partners: "الشركاء في المقارنة",
    compare_remove: "أزل {partner} من المقارنة",
    compare_removed: "لم يعد {partner} في المقارنة.",
    our_scan: "مسحنا",
    not_ticked: "غير مُعبّأ",
    compare_owner: "المسؤول: {owner}",
    then_now_heading: "آنذاك والآن",
    then_now_intro: "مسحكم من {then} بجانب مسح {now}.",
    phase_then_now: "آنذاك: {then}. الآن: {now}.",
    moved_heading: "ما الذي تغيّر",
    moved: "كان {then}، والآن {now}",
    nothing_moved: "لم يتغيّر شيء في أي بند.",
};

#[cfg(feature = "data")]
const UK: AlliantiescanTexts = AlliantiescanTexts {
    common: common::UK,
    intro: "Позначте для кожного пункту, що вже є. Результат покаже, на якому етапі ваш альянс, чого бракує і які наступні кроки. Етапи — це не сходинки: ви можете вже працювати разом, навіть якщо чогось із попереднього етапу ще бракує.",
    private: "Оцінка зберігається лише на цьому пристрої. Поділитися нею можна через посилання; на сервері нічого не зберігається, крім балів, якщо наприкінці ви вирішите ними поділитися.",
    partner_label: "Яку організацію-партнера ви представляєте?",
    partner_hint: "Наприклад: мовна школа «Північ», муніципалітет, фонд «Разом»",
    view_checklist: "Чекліст",
    view_result: "Результат",
    view_compare: "Порівняння",
    views_label: "Перегляд",
    details_summary: "Нотатка, відповідальний і роль",
    note_label: "Нотатка",
    owner_label: "Який партнер за це відповідає?",
    role_label: "У якій ролі?",
    role_none: "Без ролі",
    usual_role: "Зазвичай: {role}",
    phase_now: "Ваш альянс на етапі «{phase}»",
    track_label: "Чотири етапи; ви на етапі «{phase}»",
    reached: "досягнуто",
    not_reached: "ще не досягнуто",
    warnings_heading: "Застереження",
    no_warnings: "Застережень немає.",
    roles_heading: "Ролі",
    role_taken: "призначено",
    role_open: "нікого",
    share_heading: "Поділитися",
    share_hint: "Скопіюйте це посилання й надішліть його своїм партнерам. Усе міститься в самому посиланні; на сервері нічого не зберігається.",
    share_link_label: "Посилання на цю оцінку",
    open_label: "Вставте посилання, яким з вами поділилися",
    open_mine: "Відкрити як нашу оцінку",
    compare_add: "Додати до порівняння",
    open_error: "Не вдається прочитати це посилання. Вставте посилання, яким поділилися з цієї оцінки.",
    opened: "Відкрито оцінку: {partner}.",
    added: "Додано до порівняння: {partner}.",
    compare_intro: "Покладіть оцінки партнерів поруч. Там, де ви бачите щось по-різному, стоїть позначка «різниться».",
    compare_empty: "Щоб порівняти, вставте вище посилання від партнера.",
    compare_item: "Пункт",
    compare_differs: "різниться",
    steps_heading: "Що ви можете зробити зараз разом?",
    compare_caption: "Що кожен партнер позначив у кожному пункті",
    compare_partners: "Партнери в порівнянні",
    compare_remove: "Прибрати з порівняння: {partner}",
    compare_removed: "Прибрано з порівняння: {partner}.",
    our_scan: "Наша оцінка",
    not_ticked: "не позначено",
    compare_owner: "Відповідає: {owner}",
    then_now_heading: "Тоді й тепер",
    then_now_intro: "Ваша оцінка ({then}) поруч з останньою ({now}).",
    phase_then_now: "Тоді: {then}. Тепер: {now}.",
    moved_heading: "Що змінилося",
    moved: "було: {then}, тепер: {now}",
    nothing_moved: "У жодному пункті нічого не змінилося.",
};

#[cfg(feature = "data")]
const TR: AlliantiescanTexts = AlliantiescanTexts {
    common: common::TR,
    intro: "Her madde için şu anda neyin var olduğunu işaretleyin. Sonuç; ortaklığınızın hangi aşamada olduğunu, neyin eksik olduğunu ve sonraki adımları gösterir. Aşamalar bir merdiven değildir: önceki bir aşamadan bir şey eksikken de birlikte çalışabilirsiniz.",
    private: "Tarama bu cihazda kalır. Paylaşmak için bir bağlantı kullanılır; sonunda paylaşmayı seçtiğiniz puanlar dışında sunucuda hiçbir şey saklanmaz.",
    partner_label: "Hangi ortak kuruluşsunuz?",
    partner_hint: "Örneğin: Kuzey Dil Okulu, belediye, Birlikte Vakfı",
    view_checklist: "Kontrol listesi",
    view_result: "Sonuç",
    view_compare: "Karşılaştırma",
    views_label: "Görünüm",
    details_summary: "Not, sorumlu ve rol",
    note_label: "Not",
    owner_label: "Bu maddeden hangi ortak sorumlu?",
    role_label: "Hangi rolde?",
    role_none: "Rol yok",
    usual_role: "Genellikle: {role}",
    phase_now: "Ortaklığınızın aşaması: {phase}",
    track_label: "Dört aşama; sizin aşamanız: {phase}",
    reached: "ulaşıldı",
    not_reached: "henüz ulaşılmadı",
    warnings_heading: "Uyarılar",
    no_warnings: "Uyarı yok.",
    roles_heading: "Roller",
    role_taken: "üstlenildi",
    role_open: "kimse yok",
    share_heading: "Paylaşın",
    share_hint: "Bu bağlantıyı kopyalayın ve ortaklarınıza gönderin. Her şey bağlantının içindedir; sunucuda hiçbir şey saklanmaz.",
    share_link_label: "Bu taramanın bağlantısı",
    open_label: "Paylaşılan bir bağlantıyı yapıştırın",
    open_mine: "Kendi taramamız olarak açın",
    compare_add: "Karşılaştırmaya ekleyin",
    open_error: "Bu bağlantı okunamıyor. Bu taramadan paylaşılmış bir bağlantı yapıştırın.",
    opened: "Tarama açıldı: {partner}.",
    added: "Karşılaştırmaya eklendi: {partner}.",
    compare_intro: "Ortakların taramalarını yan yana koyun. Farklı gördüğünüz yerlerde “farklı” yazar.",
    compare_empty: "Karşılaştırmak için yukarıya bir ortağın bağlantısını yapıştırın.",
    compare_item: "Madde",
    compare_differs: "farklı",
    steps_heading: "Şimdi birlikte ne yapabilirsiniz?",
    compare_caption: "Her ortağın madde madde verdiği cevaplar",
    compare_partners: "Karşılaştırmadaki ortaklar",
    compare_remove: "Karşılaştırmadan çıkarın: {partner}",
    compare_removed: "Artık karşılaştırmada değil: {partner}.",
    our_scan: "Bizim taramamız",
    not_ticked: "işaretlenmedi",
    compare_owner: "Sorumlu: {owner}",
    then_now_heading: "O zaman ve şimdi",
    then_now_intro: "Önceki taramanız ({then}) son taramanızla ({now}) yan yana.",
    phase_then_now: "O zaman: {then}. Şimdi: {now}.",
    moved_heading: "Neler değişti",
    moved: "önce: {then}, şimdi: {now}",
    nothing_moved: "Hiçbir maddede değişiklik yok.",
};

#[cfg(feature = "data")]
crate::by_lang!(AlliantiescanTexts);
