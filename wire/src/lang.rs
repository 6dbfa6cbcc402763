//! The languages the widgets speak, as `data-lang`, the signup request and
//! the rules' `ctx.lang` carry them.

use serde::{Deserialize, Serialize};

/// A language the widgets speak. Scripts get it in `ctx.lang`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Dutch, the default.
    #[default]
    Nl,
    /// English.
    En,
    /// Arabic, written right to left.
    Ar,
    /// Ukrainian.
    Uk,
    /// Turkish.
    Tr,
}

impl Lang {
    /// Every supported language, in the order a language switch shows them.
    pub const ALL: [Lang; 5] = [Lang::Nl, Lang::En, Lang::Ar, Lang::Uk, Lang::Tr];

    /// Parses a BCP 47 tag such as `nl`, `en-GB` or `ar-SY`; `None` if unsupported.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "nl" => Some(Self::Nl),
            "en" => Some(Self::En),
            "ar" => Some(Self::Ar),
            "uk" => Some(Self::Uk),
            "tr" => Some(Self::Tr),
            _ => None,
        }
    }

    /// Every language's tag, for a message: "nl, en, ar, uk, tr".
    pub fn list() -> String {
        Self::ALL.map(Self::tag).join(", ")
    }

    /// The tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Nl => "nl",
            Self::En => "en",
            Self::Ar => "ar",
            Self::Uk => "uk",
            Self::Tr => "tr",
        }
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        self == Self::Ar
    }

    /// The HTML `dir` of text in this language.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_reads_back_from_its_tag() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::from_tag("tr-TR"), Some(Lang::Tr));
        assert_eq!(Lang::from_tag("uk_UA"), Some(Lang::Uk));
        assert_eq!(Lang::from_tag("ru"), None);
    }

    #[test]
    fn only_arabic_is_written_right_to_left() {
        let dirs = Lang::ALL.map(Lang::dir);
        assert_eq!(dirs, ["ltr", "ltr", "rtl", "ltr", "ltr"]);
    }
}
