//! The widgets' own UI texts (the words around what the rule scripts say)
//! and how they travel. A widget shows one language at a time, so the UI
//! module does not carry them: the server sends one widget's texts in one
//! language (`GET /v1/texts/{widget}/{lang}`), and a widget asks for another
//! language when the person picks it. Every language then costs the first
//! screen nothing, however many there are.
//!
//! On the wire the texts are `[layout, [text, …]]`: the strings in the
//! order of their struct's fields ([`Parts`]), read back by the UI module
//! with one small function per struct instead of a map of field names. The
//! layout is a hash of the struct's field names: a page that keeps an older
//! bundle open across a deploy gets the newer server's texts, which fit when
//! only the words changed, and are refused with a reason (never shown in
//! the wrong places) when fields were added, removed or reordered.
//! The data (feature `data`) is one struct literal per language, so a
//! missing translation does not compile.

use plugin_host::contract::{Lang, Widget};
use plugin_host::plural::{Category, category};

pub mod alliantiescan;
pub mod common;
pub mod netwerkscan;
pub mod vacaturecafe;

/// A text struct as the strings it travels as, in field order.
pub trait Parts: Sized {
    /// Reads the next parts; `None` when they run out.
    fn take(parts: &mut dyn Iterator<Item = &'static str>) -> Option<Self>;
    /// Appends this one's parts.
    fn put(&self, out: &mut Vec<&'static str>);
    /// Every text empty: what a widget shows rather than stop, should it
    /// ever ask for texts that did not load (a bug, said in the console).
    fn blank() -> Self;
    /// The layout of a texts struct inside (see [`layout`]); 0 for a text.
    const LAYOUT: u32 = 0;
    /// Shows `visit` each counted text inside, for the test that every
    /// language has the plural forms it needs.
    fn each_counted(&self, _visit: &mut dyn FnMut(&Counted)) {}
}

impl Parts for &'static str {
    fn take(parts: &mut dyn Iterator<Item = &'static str>) -> Option<Self> {
        parts.next()
    }
    fn put(&self, out: &mut Vec<&'static str>) {
        out.push(self);
    }
    fn blank() -> Self {
        ""
    }
}

impl<A: Parts, B: Parts> Parts for (A, B) {
    fn take(parts: &mut dyn Iterator<Item = &'static str>) -> Option<Self> {
        Some((A::take(parts)?, B::take(parts)?))
    }
    fn put(&self, out: &mut Vec<&'static str>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn blank() -> Self {
        (A::blank(), B::blank())
    }
    fn each_counted(&self, visit: &mut dyn FnMut(&Counted)) {
        self.0.each_counted(visit);
        self.1.each_counted(visit);
    }
}

impl<T: Parts, const N: usize> Parts for [T; N] {
    fn take(parts: &mut dyn Iterator<Item = &'static str>) -> Option<Self> {
        let items = (0..N).map(|_| T::take(parts)).collect::<Option<Vec<T>>>()?;
        items.try_into().ok()
    }
    fn put(&self, out: &mut Vec<&'static str>) {
        for item in self {
            item.put(out);
        }
    }
    fn blank() -> Self {
        std::array::from_fn(|_| T::blank())
    }
    fn each_counted(&self, visit: &mut dyn FnMut(&Counted)) {
        for item in self {
            item.each_counted(visit);
        }
    }
}

/// Defines a texts struct (as written, with its docs) and its [`Parts`].
macro_rules! texts {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$field_meta:meta])* pub $field:ident: $ty:ty, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, PartialEq)]
        pub struct $name {
            $( $(#[$field_meta])* pub $field: $ty, )*
        }


        impl $crate::Parts for $name {
            /// A hash of the field names, and of those of a texts struct
            /// inside (see the crate's docs).
            const LAYOUT: u32 = $crate::mix(
                $crate::layout(concat!(stringify!($name) $(, " ", stringify!($field))*)),
                &[$(<$ty as $crate::Parts>::LAYOUT),*],
            );
            fn take(parts: &mut dyn Iterator<Item = &'static str>) -> Option<Self> {
                Some(Self { $( $field: <$ty as $crate::Parts>::take(parts)?, )* })
            }
            fn put(&self, out: &mut Vec<&'static str>) {
                $( $crate::Parts::put(&self.$field, out); )*
            }
            fn blank() -> Self {
                Self { $( $field: <$ty as $crate::Parts>::blank(), )* }
            }
            fn each_counted(&self, visit: &mut dyn FnMut(&$crate::Counted)) {
                $( $crate::Parts::each_counted(&self.$field, visit); )*
            }
        }
    };
}
pub(crate) use texts;

/// A module's `texts(lang)`: its literal for `lang`, one per language,
/// named by tag (`NL`, `EN`, …). A new language is one more arm here, and
/// then the compiler names every literal still to write (here and in the
/// texts `widgets` compiles in).
#[macro_export]
macro_rules! by_lang {
    ($ty:ty) => {
        /// The texts in `lang`.
        pub const fn texts(lang: ::plugin_host::contract::Lang) -> &'static $ty {
            use ::plugin_host::contract::Lang;
            match lang {
                Lang::Nl => &NL,
                Lang::En => &EN,
                Lang::Ar => &AR,
                Lang::Uk => &UK,
                Lang::Tr => &TR,
            }
        }
    };
}

/// FNV-1a of `text`: a texts struct's layout, computed when compiling.
pub const fn layout(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u32;
        hash = hash.wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}

/// `layout` with the layouts of the texts structs inside folded in, so a
/// change inside one of them changes the whole's too.
pub const fn mix(layout: u32, inner: &[u32]) -> u32 {
    let mut hash = layout;
    let mut i = 0;
    while i < inner.len() {
        hash = (hash ^ inner[i]).wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}

/// One widget's texts in one language.
#[derive(Debug, PartialEq)]
pub enum WidgetTexts {
    /// The Netwerkscan's.
    Netwerkscan(Box<netwerkscan::NetwerkscanTexts>),
    /// The Alliantiescan's.
    Alliantiescan(Box<alliantiescan::AlliantiescanTexts>),
    /// The Vacaturecafé's.
    Vacaturecafe(Box<vacaturecafe::CafeTexts>),
}

impl WidgetTexts {
    /// Reads `widget`'s texts as the server sent them (`[layout, [text, …]]`).
    /// Texts of another layout, or not as many as the struct has, are
    /// refused with a reason. The strings are kept for good (leaked): a
    /// widget keeps the texts it loaded for its whole life.
    pub fn read(widget: Widget, body: &str) -> Result<Self, String> {
        let (layout, parts): (u32, Vec<String>) = serde_json::from_str(body).map_err(|e| {
            format!(
                "the texts of the {} widget are not readable: {e}",
                widget.name()
            )
        })?;
        // The count is checked by `from_parts`; a refused answer's strings
        // stay leaked, which takes a deploy between two loads of one page.
        if layout != Self::layout(widget) {
            return Err(format!(
                "the server sent texts for another version of the {} widget ({} texts, layout {layout:08x})",
                widget.name(),
                parts.len()
            ));
        }
        let parts = parts
            .into_iter()
            .map(|part| &*Box::leak(part.into_boxed_str()))
            .collect();
        Self::from_parts(widget, parts)
    }

    /// `widget`'s texts in `lang` as the server sends them.
    #[cfg(feature = "data")]
    pub fn json(widget: Widget, lang: Lang) -> String {
        let texts = (Self::layout(widget), parts(widget, lang));
        serde_json::to_string(&texts).unwrap_or_default()
    }

    /// The layout of `widget`'s texts struct.
    pub const fn layout(widget: Widget) -> u32 {
        match widget {
            Widget::Netwerkscan => <netwerkscan::NetwerkscanTexts as Parts>::LAYOUT,
            Widget::Alliantiescan => <alliantiescan::AlliantiescanTexts as Parts>::LAYOUT,
            Widget::Vacaturecafe => <vacaturecafe::CafeTexts as Parts>::LAYOUT,
        }
    }

    /// `widget`'s texts, all empty.
    pub fn blank(widget: Widget) -> Self {
        match widget {
            Widget::Netwerkscan => Self::Netwerkscan(Box::new(Parts::blank())),
            Widget::Alliantiescan => Self::Alliantiescan(Box::new(Parts::blank())),
            Widget::Vacaturecafe => Self::Vacaturecafe(Box::new(Parts::blank())),
        }
    }

    /// Whose texts these are.
    pub const fn widget(&self) -> Widget {
        match self {
            Self::Netwerkscan(_) => Widget::Netwerkscan,
            Self::Alliantiescan(_) => Widget::Alliantiescan,
            Self::Vacaturecafe(_) => Widget::Vacaturecafe,
        }
    }

    /// `widget`'s texts from their strings in field order, exactly as many
    /// as its struct has.
    pub fn from_parts(widget: Widget, parts: Vec<&'static str>) -> Result<Self, String> {
        let sent = parts.len();
        let mut parts = parts.into_iter();
        let read = match widget {
            Widget::Netwerkscan => Parts::take(&mut parts).map(|t| Self::Netwerkscan(Box::new(t))),
            Widget::Alliantiescan => {
                Parts::take(&mut parts).map(|t| Self::Alliantiescan(Box::new(t)))
            }
            Widget::Vacaturecafe => {
                Parts::take(&mut parts).map(|t| Self::Vacaturecafe(Box::new(t)))
            }
        };
        match read {
            Some(texts) if parts.next().is_none() => Ok(texts),
            _ => Err(format!(
                "the server sent {sent} texts for the {} widget, which does not fit this version of it",
                widget.name()
            )),
        }
    }

    /// The texts every widget shares, which came with these.
    pub fn common(&self) -> &common::CommonTexts {
        match self {
            Self::Netwerkscan(t) => &t.common,
            Self::Alliantiescan(t) => &t.common,
            Self::Vacaturecafe(t) => &t.common,
        }
    }

    /// The strings to send, in field order.
    pub fn parts(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        match self {
            Self::Netwerkscan(t) => t.put(&mut out),
            Self::Alliantiescan(t) => t.put(&mut out),
            Self::Vacaturecafe(t) => t.put(&mut out),
        }
        out
    }
}

/// One widget's texts struct, as it is found among [`WidgetTexts`].
pub trait OfWidget: Parts + 'static {
    /// The widget.
    const WIDGET: Widget;
    /// These texts, if `texts` are this widget's.
    fn pick(texts: &WidgetTexts) -> Option<&Self>;
    /// The texts in `lang`, compiled in.
    #[cfg(feature = "data")]
    fn data(lang: Lang) -> &'static Self;
}

macro_rules! of_widget {
    ($($variant:ident => $module:ident::$ty:ident),*) => {$(
        impl OfWidget for $module::$ty {
            const WIDGET: Widget = Widget::$variant;
            fn pick(texts: &WidgetTexts) -> Option<&Self> {
                match texts {
                    WidgetTexts::$variant(texts) => Some(&**texts),
                    _ => None,
                }
            }
            #[cfg(feature = "data")]
            fn data(lang: Lang) -> &'static Self {
                $module::texts(lang)
            }
        }
    )*};
}
of_widget!(
    Netwerkscan => netwerkscan::NetwerkscanTexts,
    Alliantiescan => alliantiescan::AlliantiescanTexts,
    Vacaturecafe => vacaturecafe::CafeTexts
);

/// `widget`'s texts in `lang`, to send.
#[cfg(feature = "data")]
pub fn parts(widget: Widget, lang: Lang) -> Vec<&'static str> {
    let mut out = Vec::new();
    match widget {
        Widget::Netwerkscan => netwerkscan::texts(lang).put(&mut out),
        Widget::Alliantiescan => alliantiescan::texts(lang).put(&mut out),
        Widget::Vacaturecafe => vacaturecafe::texts(lang).put(&mut out),
    }
    out
}

/// A counted text: its form for each CLDR plural category the language uses
/// (Arabic six, Ukrainian `one`, `few`, `many` and `other`, Dutch, English
/// and Turkish `one` and `other`); `{n}` is the count.
/// `other` is always there: a category without its own form takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    /// [`Category::Zero`].
    pub zero: Option<&'static str>,
    /// [`Category::One`].
    pub one: Option<&'static str>,
    /// [`Category::Two`].
    pub two: Option<&'static str>,
    /// [`Category::Few`].
    pub few: Option<&'static str>,
    /// [`Category::Many`].
    pub many: Option<&'static str>,
    /// [`Category::Other`], and every category without its own form.
    pub other: &'static str,
}

impl Counted {
    /// Only the `other` form; add the rest with `..Counted::other(…)`.
    pub const fn other(text: &'static str) -> Self {
        Self {
            zero: None,
            one: None,
            two: None,
            few: None,
            many: None,
            other: text,
        }
    }

    /// The form for a CLDR category (`other` when this one has none).
    pub const fn form(&self, category: Category) -> &'static str {
        let form = match category {
            Category::Zero => self.zero,
            Category::One => self.one,
            Category::Two => self.two,
            Category::Few => self.few,
            Category::Many => self.many,
            Category::Other => None,
        };
        match form {
            Some(form) => form,
            None => self.other,
        }
    }

    /// The text for `n` people, places, … in `lang`, with `{n}` filled in
    /// (the CLDR rules: `plugin_host::plural`).
    pub fn of(&self, lang: Lang, n: i64) -> String {
        fill(self.form(category(lang, n)), &[("n", &n.to_string())])
    }
}

/// Six parts, one per category; a form the language does not have travels
/// as "" (no text is empty).
impl Parts for Counted {
    fn take(parts: &mut dyn Iterator<Item = &'static str>) -> Option<Self> {
        let mut form = || parts.next().map(|s| (!s.is_empty()).then_some(s));
        Some(Self {
            zero: form()?,
            one: form()?,
            two: form()?,
            few: form()?,
            many: form()?,
            other: parts.next()?,
        })
    }
    fn put(&self, out: &mut Vec<&'static str>) {
        for form in [self.zero, self.one, self.two, self.few, self.many] {
            out.push(form.unwrap_or(""));
        }
        out.push(self.other);
    }
    fn blank() -> Self {
        Self::other("")
    }
    fn each_counted(&self, visit: &mut dyn FnMut(&Counted)) {
        visit(self);
    }
}

/// Fills `{key}` placeholders.
pub fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    pairs.iter().fold(template.to_owned(), |s, (k, v)| {
        s.replace(&format!("{{{k}}}"), v)
    })
}

#[cfg(all(test, feature = "data"))]
mod tests {
    use super::*;

    #[test]
    fn every_widget_in_every_language_reads_back_as_sent() {
        for widget in Widget::ALL {
            for lang in Lang::ALL {
                let read = WidgetTexts::read(widget, &WidgetTexts::json(widget, lang))
                    .unwrap_or_else(|e| panic!("{widget:?} {lang:?}: {e}"));
                assert_eq!(read.widget(), widget);
                let sent = parts(widget, lang);
                assert_eq!(read.parts(), sent, "{widget:?} {lang:?}");
                assert!(sent.len() > 40, "{widget:?} has its texts: {}", sent.len());
            }
        }
    }

    /// Every text of `T` is written in every language (no empty string but
    /// a form a language does not use), and no counted text has a form for
    /// a category the language's whole numbers never fall in. Where none
    /// falls in `other` (Ukrainian: it is for fractions), a counted text
    /// that changes with its number has a form for each category they do
    /// fall in; elsewhere `other` may stand for several.
    fn written_in_every_language<T: OfWidget>() {
        for lang in Lang::ALL {
            let used: Vec<Category> = (0..=1000).map(|n| category(lang, n)).collect();
            let other_stands_in = used.contains(&Category::Other);
            let texts = T::data(lang);
            let mut absent_forms = 0;
            let mut wrong = Vec::new();
            texts.each_counted(&mut |counted| {
                let has = |c: Category| match c {
                    Category::Zero => counted.zero.is_some(),
                    Category::One => counted.one.is_some(),
                    Category::Two => counted.two.is_some(),
                    Category::Few => counted.few.is_some(),
                    Category::Many => counted.many.is_some(),
                    Category::Other => true,
                };
                absent_forms += Category::ALL.iter().filter(|&&c| !has(c)).count();
                let varies = Category::ALL
                    .iter()
                    .any(|&c| c != Category::Other && has(c));
                for c in Category::ALL {
                    let needed = used.contains(&c);
                    let missing = needed && !has(c) && !other_stands_in;
                    let never_used = has(c) && !needed && c != Category::Other;
                    if varies && (missing || never_used) {
                        wrong.push(format!(
                            "{:?} {lang:?}: {:?} has {} form `{}` ({})",
                            T::WIDGET,
                            counted.other,
                            if has(c) { "a" } else { "no" },
                            c.name(),
                            if needed {
                                "the language uses it"
                            } else {
                                "the language never uses it"
                            },
                        ));
                    }
                }
            });
            assert!(wrong.is_empty(), "{}", wrong.join("\n"));
            let mut parts = Vec::new();
            texts.put(&mut parts);
            let empty = parts.iter().filter(|p| p.trim().is_empty()).count();
            assert_eq!(
                empty,
                absent_forms,
                "{:?} {lang:?}: a text is empty",
                T::WIDGET
            );
        }
    }

    #[test]
    fn every_text_is_written_in_every_language_with_the_plural_forms_it_needs() {
        written_in_every_language::<netwerkscan::NetwerkscanTexts>();
        written_in_every_language::<alliantiescan::AlliantiescanTexts>();
        written_in_every_language::<vacaturecafe::CafeTexts>();
    }

    #[test]
    fn texts_of_another_version_are_refused_with_a_reason() {
        let layout = WidgetTexts::layout(Widget::Netwerkscan);
        let mut sent = parts(Widget::Netwerkscan, Lang::Nl);
        let body =
            |layout: u32, sent: &[&str]| serde_json::to_string(&(layout, sent)).unwrap_or_default();
        // The same words under another layout: fields renamed or reordered.
        let moved = WidgetTexts::read(Widget::Netwerkscan, &body(layout ^ 1, &sent));
        assert!(
            matches!(&moved, Err(e) if e.contains("another version")),
            "{moved:?}"
        );
        // One text short, or two too many.
        sent.pop();
        assert!(WidgetTexts::read(Widget::Netwerkscan, &body(layout, &sent)).is_err());
        sent.extend(["een", "twee"]);
        assert!(WidgetTexts::read(Widget::Netwerkscan, &body(layout, &sent)).is_err());
        // Another widget's texts are not this one's.
        let cafe = WidgetTexts::json(Widget::Vacaturecafe, Lang::Nl);
        assert!(WidgetTexts::read(Widget::Netwerkscan, &cafe).is_err());
        // Not texts at all.
        let junk = WidgetTexts::read(Widget::Netwerkscan, "[\"nl\"]");
        assert!(
            matches!(&junk, Err(e) if e.contains("not readable")),
            "{junk:?}"
        );
    }

    /// Two versions of a texts struct that holds another, as a deploy
    /// might change them: only the inner struct's field differs.
    mod before {
        crate::texts! {
            /// Inner.
            pub struct Inner {
                /// A text.
                pub a: &'static str,
            }
        }
        crate::texts! {
            /// Outer.
            pub struct Outer {
                /// The inner texts.
                pub inner: Inner,
                /// A text.
                pub b: &'static str,
            }
        }
    }
    mod after {
        crate::texts! {
            /// Inner.
            pub struct Inner {
                /// Another text.
                pub z: &'static str,
            }
        }
        crate::texts! {
            /// Outer.
            pub struct Outer {
                /// The inner texts.
                pub inner: Inner,
                /// A text.
                pub b: &'static str,
            }
        }
    }

    #[test]
    fn a_change_inside_a_nested_texts_struct_changes_the_whole_layout() {
        assert_ne!(
            <before::Outer as Parts>::LAYOUT,
            <after::Outer as Parts>::LAYOUT
        );
    }

    #[test]
    fn each_widget_has_its_own_layout() {
        let layouts = Widget::ALL.map(WidgetTexts::layout);
        assert!(layouts[0] != layouts[1] && layouts[1] != layouts[2] && layouts[0] != layouts[2]);
        assert_eq!(layout("a"), 0xe40c_292c, "FNV-1a as published");
    }

    #[test]
    fn a_form_a_language_lacks_travels_empty_and_comes_back_as_none() {
        let Ok(WidgetTexts::Netwerkscan(nl)) = WidgetTexts::read(
            Widget::Netwerkscan,
            &WidgetTexts::json(Widget::Netwerkscan, Lang::Nl),
        ) else {
            panic!("the Dutch Netwerkscan texts read back");
        };
        assert_eq!(nl.picture_close.zero, None);
        assert_eq!(nl.picture_close.one, Some("{n} persoon dichtbij"));
        assert_eq!(nl.picture_close.of(Lang::Nl, 4), "4 mensen dichtbij");
    }
}
