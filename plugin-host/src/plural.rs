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

/// The CLDR plural category of the whole number `n` in `lang`: `zero`, `one`,
/// `two`, `few`, `many` or `other`.
///
/// Every language the product offers has cardinal rules in CLDR (a test
/// walks them all); were one missing, every count would say `other`, the
/// form every language has.
#[cfg(not(target_arch = "wasm32"))]
pub fn category(lang: Lang, n: i64) -> &'static str {
    icu_rules(lang).map_or("other", |rules| name(rules.category_for(n)))
}

/// ICU4X's cardinal rules for `lang` (natively; in the wasm tests too).
#[cfg(any(not(target_arch = "wasm32"), test))]
fn icu_rules(lang: Lang) -> Option<icu_plurals::PluralRules> {
    let locale = icu_locale_core::Locale::try_from_str(lang.tag()).ok()?;
    icu_plurals::PluralRules::try_new_cardinal(locale.into()).ok()
}

#[cfg(any(not(target_arch = "wasm32"), test))]
fn name(category: icu_plurals::PluralCategory) -> &'static str {
    use icu_plurals::PluralCategory;
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// (In the browser: see the module's comment.)
#[cfg(target_arch = "wasm32")]
pub fn category(lang: Lang, n: i64) -> &'static str {
    use js_sys::{Array, Intl::PluralRules, JsString, Object};
    thread_local! {
        /// One `Intl.PluralRules` per language, made on first use.
        static RULES: std::cell::RefCell<Vec<(Lang, PluralRules)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    RULES.with_borrow_mut(|rules| {
        if !rules.iter().any(|(l, _)| *l == lang) {
            let locales = Array::of1(&JsString::from(lang.tag()));
            rules.push((lang, PluralRules::new(&locales, &Object::new())));
        }
        let said = rules
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, r)| String::from(r.select(n as f64)))
            .unwrap_or_default();
        ["zero", "one", "two", "few", "many"]
            .into_iter()
            .find(|known| *known == said)
            .unwrap_or("other")
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
            Ok(category(language(lang)?, n).into())
        },
    );
    engine.register_fn(
        "plural",
        |lang: &str, n: i64, forms: Map| -> Result<Dynamic, Box<EvalAltResult>> {
            let category = category(language(lang)?, n);
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
        COUNTS.iter().map(|&n| category(lang, n)).collect()
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
        assert_eq!(category(Lang::Ar, 103), "few");
        assert_eq!(category(Lang::Ar, 111), "many");
    }

    #[test]
    fn every_language_has_rules() {
        // A language without CLDR rules would silently say `other` for 1.
        for lang in Lang::ALL {
            assert_eq!(category(lang, 1), "one", "{lang:?} has no rules");
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
                let server = name(rules.category_for(n));
                assert_eq!(category(lang, n), server, "{lang:?} {n}");
            }
        }
    }
}
