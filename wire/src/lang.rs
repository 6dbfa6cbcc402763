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
}

impl Lang {
    /// Every supported language, in the order a language switch shows them.
    pub const ALL: [Lang; 3] = [Lang::Nl, Lang::En, Lang::Ar];

    /// Parses a BCP 47 tag such as `nl`, `en-GB` or `ar-SY`; `None` if unsupported.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "nl" => Some(Self::Nl),
            "en" => Some(Self::En),
            "ar" => Some(Self::Ar),
            _ => None,
        }
    }

    /// The tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Nl => "nl",
            Self::En => "en",
            Self::Ar => "ar",
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
    fn only_arabic_is_written_right_to_left() {
        let dirs = Lang::ALL.map(Lang::dir);
        assert_eq!(dirs, ["ltr", "ltr", "rtl"]);
    }
}
