//! Names that come from URLs and become file names: validated here, once, so
//! nothing else ever joins an unchecked string onto a path.

use std::fmt;

/// A valid organisation name: one that matches [`OrgName::PATTERN`].
///
/// No dots or slashes can pass, so an `OrgName` is always safe as one path
/// segment (no `..`, no hidden files, no absolute paths).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgName(String);

impl OrgName {
    /// The longest name allowed.
    pub const MAX_LEN: usize = 64;

    /// The rule [`OrgName::parse`] holds names to, as a regular expression,
    /// for the copies outside Rust (the WordPress plugin checks a name with
    /// it before saving; `tests/wordpress_plugin.rs` holds them equal).
    pub const PATTERN: &str = "^[a-z0-9][a-z0-9-]{0,63}$";

    /// Checks `name`; `None` if it is not a valid organisation name.
    pub fn parse(name: &str) -> Option<Self> {
        let bytes = name.as_bytes();
        let first_ok = bytes
            .first()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        let rest_ok = bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-');
        (first_ok && rest_ok && bytes.len() <= Self::MAX_LEN).then(|| Self(name.to_owned()))
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OrgName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The widgets are part of the contract shared with the browser.
pub use plugin_host::contract::Widget;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn org_names_follow_the_pattern() {
        for ok in ["demo", "a", "0", "gemeente-utrecht", &"a".repeat(64)] {
            assert!(OrgName::parse(ok).is_some(), "{ok}");
        }
        for bad in [
            "",
            "-demo",
            "Demo",
            "de mo",
            "demo/x",
            "..",
            "../etc",
            ".demo",
            "demo.rhai",
            "démo",
            &"a".repeat(65),
        ] {
            assert!(OrgName::parse(bad).is_none(), "{bad}");
        }
        // The pattern says the same: one first character, then up to
        // MAX_LEN − 1 of the others.
        assert_eq!(
            OrgName::PATTERN,
            format!("^[a-z0-9][a-z0-9-]{{0,{}}}$", OrgName::MAX_LEN - 1)
        );
    }

    #[test]
    fn widget_names_round_trip() {
        for w in Widget::ALL {
            assert_eq!(Widget::parse(w.name()), Some(w));
        }
        assert_eq!(Widget::parse("Netwerkscan"), None);
    }
}
