//! Plural forms by the CLDR rules: which form a counted sentence takes, for
//! the widgets' own texts and for the scripts (`plural(lang, n, forms)`).
//! Dutch, English and Turkish have two forms, Ukrainian four and Arabic six;
//! a hand-written `if n == 1` is wrong in all but the first three.
//!
//! Natively (the server) the rules come from ICU4X's `icu_plurals`; in the
//! browser from the browser's own `Intl.PluralRules`, the same CLDR rules at
//! no cost to the download (a rules crate adds 12 KB brotli or more to a
//! wasm module). A wasm test holds the two equal for every language the
//! widgets offer. (Not `intl_pluralrules`: its Arabic rules compare the
//! whole number where CLDR compares the last two digits, so 103 came out
//! `other` instead of `few`.)

use rhai::{Dynamic, Engine, EvalAltResult, ImmutableString, Map};
use wire::Lang;

/// A CLDR plural category: which form of a counted text a number takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// Arabic for 0.
    Zero,
    /// 1 in most languages.
    One,
    /// Arabic for 2.
    Two,
    /// Arabic for 3–10 (and 103…), Ukrainian for 2–4 (and 22…).
    Few,
    /// Arabic for 11–99, Ukrainian for 0 and 5–20.
    Many,
    /// Everything else; every language has it.
    Other,
}

impl Category {
    /// Every category, in CLDR's order.
    pub const ALL: [Self; 6] = [
        Self::Zero,
        Self::One,
        Self::Two,
        Self::Few,
        Self::Many,
        Self::Other,
    ];

    /// CLDR's name, as scripts key their forms: `zero` … `other`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Zero => "zero",
            Self::One => "one",
            Self::Two => "two",
            Self::Few => "few",
            Self::Many => "many",
            Self::Other => "other",
        }
    }

    /// The category called `name`, if CLDR has one.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// The CLDR plural category of the whole number `n` in `lang`.
///
/// Every language the product offers has cardinal rules in CLDR (a test
/// walks them all); were one missing, every count would say `other`, the
/// form every language has.
#[cfg(not(target_arch = "wasm32"))]
pub fn category(lang: Lang, n: i64) -> Category {
    icu_rules(lang).map_or(Category::Other, |rules| from_icu(rules.category_for(n)))
}

/// ICU4X's cardinal rules for `lang` (natively; in the wasm tests too).
#[cfg(any(not(target_arch = "wasm32"), test))]
fn icu_rules(lang: Lang) -> Option<icu_plurals::PluralRules> {
    let locale = icu_locale_core::Locale::try_from_str(lang.tag()).ok()?;
    icu_plurals::PluralRules::try_new_cardinal(locale.into()).ok()
}

#[cfg(any(not(target_arch = "wasm32"), test))]
const fn from_icu(category: icu_plurals::PluralCategory) -> Category {
    use icu_plurals::PluralCategory;
    match category {
        PluralCategory::Zero => Category::Zero,
        PluralCategory::One => Category::One,
        PluralCategory::Two => Category::Two,
        PluralCategory::Few => Category::Few,
        PluralCategory::Many => Category::Many,
        PluralCategory::Other => Category::Other,
    }
}

/// (In the browser: see the module's comment.)
#[cfg(target_arch = "wasm32")]
pub fn category(lang: Lang, n: i64) -> Category {
    use js_sys::{Array, Intl::PluralRules, JsString, Object};
    thread_local! {
        /// One `Intl.PluralRules` per language, made on first use.
        static RULES: std::cell::RefCell<Vec<(Lang, PluralRules)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    RULES.with_borrow_mut(|rules| {
        let at = rules
            .iter()
            .position(|(l, _)| *l == lang)
            .unwrap_or_else(|| {
                let locales = Array::of1(&JsString::from(lang.tag()));
                rules.push((lang, PluralRules::new(&locales, &Object::new())));
                rules.len() - 1
            });
        Category::from_name(&String::from(rules[at].1.select(n as f64))).unwrap_or(Category::Other)
    })
}

fn language(tag: &str) -> Result<Lang, Box<EvalAltResult>> {
    Lang::from_tag(tag).ok_or_else(|| {
        format!("plural: \"{tag}\" is not a language the widgets offer; pass ctx.lang").into()
    })
}

/// `plural(lang, n)`: the category; `plural(lang, n, #{ one: …, other: … })`:
/// the form for that category, or the `other` form when the map has none for
/// it (every language has `other`; a map without it is the script's error).
pub fn register(engine: &mut Engine) {
    engine.register_fn(
        "plural",
        |lang: &str, n: i64| -> Result<ImmutableString, Box<EvalAltResult>> {
            Ok(category(language(lang)?, n).name().into())
        },
    );
    engine.register_fn(
        "plural",
        |lang: &str, n: i64, forms: Map| -> Result<Dynamic, Box<EvalAltResult>> {
            let category = category(language(lang)?, n).name();
            forms
                .get(category)
                .or_else(|| forms.get("other"))
                .cloned()
                .ok_or_else(|| {
                    format!(
                        "plural: the forms have neither `{category}` nor `other` \
                         (every language needs `other`)"
                    )
                    .into()
                })
        },
    );
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "a failed expectation is a failed test")]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    /// The counts the issue names, and what CLDR says of each.
    const COUNTS: [i64; 6] = [0, 1, 2, 3, 11, 100];

    fn categories(lang: Lang) -> Vec<&'static str> {
        COUNTS.iter().map(|&n| category(lang, n).name()).collect()
    }

    #[test]
    fn dutch_and_english_have_one_and_other() {
        for lang in [Lang::Nl, Lang::En] {
            assert_eq!(
                categories(lang),
                ["other", "one", "other", "other", "other", "other"],
                "{lang:?}"
            );
        }
    }

    #[test]
    fn arabic_has_six_forms() {
        assert_eq!(
            categories(Lang::Ar),
            ["zero", "one", "two", "few", "many", "other"]
        );
        // 103 is `few` again, 111 `many`: the rules look at the last two digits.
        assert_eq!(category(Lang::Ar, 103).name(), "few");
        assert_eq!(category(Lang::Ar, 111).name(), "many");
    }

    #[test]
    fn every_language_has_rules() {
        // A language without CLDR rules would silently say `other` for 1.
        for lang in Lang::ALL {
            assert_eq!(category(lang, 1).name(), "one", "{lang:?} has no rules");
        }
    }

    #[test]
    fn scripts_pick_the_form_and_fall_back_to_other() {
        let mut engine = Engine::new_raw();
        engine.register_global_module(rhai::packages::Package::as_shared_module(
            &rhai::packages::CorePackage::new(),
        ));
        register(&mut engine);
        let pick = |script: &str| engine.eval::<String>(script).expect(script);
        assert_eq!(
            pick(r#"plural("ar", 2, #{ one: "a", two: "b", other: "c" })"#),
            "b"
        );
        assert_eq!(pick(r#"plural("ar", 11, #{ one: "a", other: "c" })"#), "c");
        assert_eq!(pick(r#"plural("nl", 1)"#), "one");
        let err = engine
            .eval::<String>(r#"plural("nl", 2, #{ one: "a" })"#)
            .expect_err("no `other`");
        assert!(err.to_string().contains("nor `other`"), "{err}");
        let err = engine
            .eval::<String>(r#"plural("xx", 2, #{ other: "a" })"#)
            .expect_err("no such language");
        assert!(err.to_string().contains("\"xx\""), "{err}");
    }

    /// The browser's rules (`Intl.PluralRules`, here Node's) and the
    /// server's (the crate) give every count the same form, so a sentence
    /// reads the same in the browser's preview and in the server's message.
    #[cfg(target_arch = "wasm32")]
    #[test]
    fn the_browser_and_the_server_agree() {
        for lang in Lang::ALL {
            let rules = icu_rules(lang).expect("ICU4X has rules");
            for n in 0..=1_000 {
                let server = from_icu(rules.category_for(n));
                assert_eq!(category(lang, n), server, "{lang:?} {n}");
            }
        }
    }
}
