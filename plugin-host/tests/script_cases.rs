//! Runs the scripts' own test cases (the JSON files beside them).
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test should fail loudly"
)]

mod support;
use support as common;

use plugin_host::contract::Widget;
use plugin_host::plural::Category;
use plugin_host::{Layer, Rules, script_tests};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn assert_all_pass(rules: &Rules, widget: Widget, json: &str) {
    let file = script_tests::parse(json).expect("test file parses");
    assert!(!file.cases.is_empty());
    let failures: Vec<_> = script_tests::run(rules, widget, &file)
        .into_iter()
        .filter(|o| !o.passed())
        .collect();
    assert!(failures.is_empty(), "failing cases: {failures:#?}");
}

#[test]
fn the_default_netwerkscan_script_passes_its_persona_cases() {
    let rules = Rules::compile(&[Layer::new("default", common::NETWERKSCAN)]).expect("compiles");
    assert_all_pass(
        &rules,
        Widget::Netwerkscan,
        include_str!("../../scripts/netwerkscan.tests.json"),
    );
}

#[test]
fn the_demo_override_passes_its_cases() {
    let rules = common::with_org("demo", common::DEMO_OVERRIDE).expect("compiles");
    assert_all_pass(
        &rules,
        Widget::Netwerkscan,
        include_str!("../../scripts/examples/demo/netwerkscan.tests.json"),
    );
}

#[test]
fn the_volunteer_group_override_passes_its_cases() {
    let rules = common::with_org("volunteers", common::VOLUNTEERS_OVERRIDE).expect("compiles");
    assert_all_pass(
        &rules,
        Widget::Netwerkscan,
        include_str!("../../scripts/examples/volunteers/netwerkscan.tests.json"),
    );
}

#[test]
fn the_default_alliantiescan_script_passes_its_scenarios() {
    let rules = Rules::compile(&[Layer::new("default", common::ALLIANTIESCAN)]).expect("compiles");
    assert_all_pass(
        &rules,
        Widget::Alliantiescan,
        include_str!("../../scripts/alliantiescan.tests.json"),
    );
}

#[test]
fn the_language_school_alliantiescan_override_passes_its_cases() {
    let rules = Rules::compile(&[
        Layer::new("default", common::ALLIANTIESCAN),
        Layer::new("org:taalschool", common::TAALSCHOOL_OVERRIDE),
    ])
    .expect("compiles");
    assert_all_pass(
        &rules,
        Widget::Alliantiescan,
        include_str!("../../scripts/examples/taalschool/alliantiescan.tests.json"),
    );
}

#[test]
fn the_alliantiescan_hooks_return_their_typed_shapes_in_every_language() {
    use plugin_host::contract::{Ctx, alliantiescan};
    let rules = Rules::compile(&[Layer::new("default", common::ALLIANTIESCAN)]).expect("compiles");
    for lang in plugin_host::contract::Lang::ALL {
        let ctx = Ctx {
            lang,
            ..common::ctx()
        };
        let list = alliantiescan::checklist(&rules, &ctx).expect("checklist");
        assert_eq!(list.phases.iter().map(|p| p.items.len()).sum::<usize>(), 20);
        assert!(
            list.phases
                .iter()
                .flat_map(|p| &p.items)
                .all(|i| !i.text.is_empty() && !i.help.is_empty())
        );
        let ticks = list
            .phases
            .iter()
            .flat_map(|p| &p.items)
            .map(|i| {
                (
                    i.id.clone(),
                    alliantiescan::Tick {
                        level: "partly".into(),
                        ..Default::default()
                    },
                )
            })
            .collect();
        let a = alliantiescan::assess(&rules, &ticks, &ctx).expect("assess");
        assert!(
            a.progress.iter().all(|p| p.value == 50),
            "{lang:?}: every item partly → 50%"
        );
        assert!((3..=5).contains(&a.steps.len()), "{lang:?}: 3 to 5 steps");
    }
}

#[test]
fn a_wrong_expectation_is_reported_with_its_path() {
    let rules = Rules::compile(&[Layer::new("default", common::NETWERKSCAN)]).expect("compiles");
    let file = script_tests::parse(
        r#"{"cases":[{"name":"x","hook":"score","args":[{"people":[],"answers":{}},{"lang":"en","org":"d","today":"2026-01-01"}],
           "expect":{"dimensions":[{"id":"bonding","value":7},{},{},{},{},{}]}}]}"#,
    )
    .expect("parses");
    let outcome = &script_tests::run(&rules, Widget::Netwerkscan, &file)[0];
    assert!(!outcome.passed());
    assert_eq!(
        outcome.differences,
        vec!["$.dimensions[0].value: expected 7, got 0".to_owned()]
    );
}

#[test]
fn every_language_has_every_text() {
    for (script, at_least) in [
        (common::NETWERKSCAN, 60),
        (common::ALLIANTIESCAN, 60),
        (common::VACATURECAFE, 25),
    ] {
        every_language_has_every_text_in(script, at_least);
    }
}

fn every_language_has_every_text_in(script: &str, at_least: usize) {
    use plugin_host::contract::Lang;
    use plugin_host::plural::category;
    let rules = Rules::compile(&[Layer::new("default", script)]).expect("compiles");
    let keys = |lang: Lang| {
        let table = rules
            .call_json("texts", &[serde_json::json!(lang.tag())])
            .expect("texts");
        let map = table.as_object().expect("a map").clone();
        let filled = |v: &serde_json::Value| v.as_str().is_some_and(|s| !s.trim().is_empty());
        // The categories this language's whole numbers fall in. Where none
        // falls in `other` (Ukrainian: it is for fractions), a counted
        // sentence that changes with its number needs a form for each, or
        // every count would read in the fractions' form; elsewhere `other`
        // may stand for several (Arabic "{n} of {all}"). A sentence that
        // does not change has `other` alone.
        let mut used: std::collections::BTreeSet<&str> =
            (0..=1000).map(|n| category(lang, n).name()).collect();
        // A form for a category no whole number falls in is never read:
        // most likely another language's forms copied over.
        let never = |c: &str| c != "other" && !used.contains(c);
        let never_read: Vec<String> = map
            .iter()
            .filter_map(|(key, text)| {
                let forms = text.as_object()?;
                let odd: Vec<&str> = forms
                    .keys()
                    .map(String::as_str)
                    .filter(|c| never(c))
                    .collect();
                (!odd.is_empty())
                    .then(|| format!("{lang:?}: {key} has forms {odd:?} the language never uses"))
            })
            .collect();
        if used.contains("other") {
            used = ["other"].into();
        }
        used.insert("other");
        let mut wrong = never_read;
        for (key, text) in &map {
            // A counted sentence is a map of plural forms (see `plural`):
            // CLDR's categories only, each filled, `other` always there.
            let ok = match text.as_object() {
                Some(forms) => {
                    let given: std::collections::BTreeSet<&str> =
                        forms.keys().map(String::as_str).collect();
                    if given != ["other"].into() && !used.iter().all(|c| given.contains(c)) {
                        wrong.push(format!(
                            "{lang:?}: {key} has the forms {given:?}; the language uses {used:?}"
                        ));
                    }
                    forms.iter().all(|(category, form)| {
                        Category::from_name(category).is_some() && filled(form)
                    })
                }
                None => filled(text),
            };
            if !ok {
                wrong.push(format!(
                    "{lang:?}: {key} is empty or has a form CLDR does not know"
                ));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        map.keys()
            .cloned()
            .collect::<std::collections::BTreeSet<_>>()
    };
    let dutch = keys(Lang::Nl);
    assert!(dutch.len() > at_least);
    for lang in Lang::ALL {
        assert_eq!(keys(lang), dutch, "{lang:?} has the same texts as Dutch");
    }
}

#[test]
fn the_default_vacaturecafe_script_passes_its_cases() {
    let rules = Rules::compile(&[Layer::new("default", common::VACATURECAFE)]).expect("compiles");
    assert_all_pass(
        &rules,
        Widget::Vacaturecafe,
        include_str!("../../scripts/vacaturecafe.tests.json"),
    );
}

#[test]
fn the_werkplein_override_adds_a_required_field_that_validate_enforces() {
    let rules = Rules::compile(&[
        Layer::new("default", common::VACATURECAFE),
        Layer::new("org:werkplein", common::WERKPLEIN_OVERRIDE),
    ])
    .expect("compiles");
    assert_all_pass(
        &rules,
        Widget::Vacaturecafe,
        include_str!("../../scripts/examples/werkplein/vacaturecafe.tests.json"),
    );
}

#[test]
fn the_vacaturecafe_hooks_return_their_typed_shapes_in_every_language() {
    use plugin_host::contract::vacaturecafe::{self, Cafe, Counts, Form, Outcome, Value};
    use plugin_host::contract::{Ctx, Lang};
    let rules = Rules::compile(&[Layer::new("default", common::VACATURECAFE)]).expect("compiles");
    let mut cafe = Cafe::example();
    cafe.details.capacity = 2;
    for lang in Lang::ALL {
        let ctx = Ctx {
            lang,
            org: "demo".into(),
            today: "2026-11-22".into(),
        };
        let fields = vacaturecafe::fields(&rules, &cafe, &ctx).expect("fields");
        assert!(
            fields.iter().all(|f| !f.label.is_empty()),
            "{lang:?}: every field has a label"
        );
        let empty = vacaturecafe::validate(&rules, &Form::new(), &cafe, &ctx).expect("validate");
        assert_eq!(
            empty.keys().collect::<Vec<_>>(),
            ["consent", "email", "name"],
            "{lang:?}"
        );
        let form: Form = [
            ("name".to_owned(), Value::Text("Amal".into())),
            ("email".to_owned(), Value::Text("amal@example.nl".into())),
            ("consent".to_owned(), Value::Check(true)),
        ]
        .into();
        let clean = vacaturecafe::clean_form(&fields, &form).expect("clean");
        assert!(
            vacaturecafe::validate(&rules, &clean, &cafe, &ctx)
                .expect("validate")
                .is_empty()
        );
        let full = Counts {
            confirmed: 2,
            waitlist: 0,
            places_left: 0,
        };
        let d = vacaturecafe::decide(&rules, &clean, &cafe, &full, &ctx).expect("decide");
        assert_eq!(d.outcome, Outcome::Waitlist);
        assert!(!d.message.is_empty());
    }
}

#[test]
fn a_test_case_fails_on_a_result_the_widget_would_refuse() {
    // A score of 150 matches a test that expects 150, but the widget refuses
    // it (scores go from 0 to 100): so must the script's own test.
    let rules = common::with_org(
        "t",
        "fn score(answers, ctx) { #{ dimensions: [#{ id: \"bonding\", label: \"x\", value: 150, why: \"\" }], summary: \"\", steps: [] } }",
    )
    .expect("compiles");
    let file = script_tests::parse(
        r#"{"cases":[{"name":"too high","hook":"score","args":[{"people":[],"answers":{}},{"lang":"en","org":"t","today":"2026-01-01"}],
           "expect":{"dimensions":[{"id":"bonding","value":150}]}}]}"#,
    )
    .expect("parses");
    let outcome = &script_tests::run(&rules, Widget::Netwerkscan, &file)[0];
    let error = outcome.error.as_ref().expect("refused");
    assert!(error.message.contains("goes from 0 to 100"), "{error}");
    // A helper outside the contract is compared as it is.
    let file = script_tests::parse(
        r#"{"cases":[{"name":"weights","hook":"weight_changes","args":[],"expect":{}}]}"#,
    )
    .expect("parses");
    assert!(script_tests::run(&rules, Widget::Netwerkscan, &file)[0].passed());
}

#[test]
fn a_message_names_the_month_in_the_persons_language() {
    use plugin_host::contract::Lang;
    let rules = Rules::compile(&[Layer::new("default", common::VACATURECAFE)]).expect("compiles");
    let date = |lang: Lang| {
        rules
            .call_json(
                "nice_date",
                &[
                    serde_json::json!("2026-12-15"),
                    serde_json::json!(lang.tag()),
                ],
            )
            .expect("nice_date")
    };
    let dates = Lang::ALL.map(date);
    assert_eq!(
        dates,
        [
            "15 december 2026",
            "15 December 2026",
            "15 ديسمبر 2026",
            "15 грудня 2026",
            "15 Aralık 2026"
        ]
    );
    for lang in Lang::ALL {
        let months = rules
            .call_json("month_names", &[serde_json::json!(lang.tag())])
            .expect("month_names");
        let months = months.as_array().expect("a list");
        assert_eq!(months.len(), 12, "{lang:?}");
        assert!(
            months
                .iter()
                .all(|m| m.as_str().is_some_and(|m| !m.is_empty()))
        );
    }
}
