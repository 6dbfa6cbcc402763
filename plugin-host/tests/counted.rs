//! The default Netwerkscan's counted sentences in every language, for the
//! counts that show each form (Arabic: zero, one, two, few, many, other):
//! the number and the words around it agree (`plural` in the scripts).
#![allow(clippy::expect_used, reason = "a test should fail loudly")]

mod support;

use plugin_host::contract::netwerkscan::{self, Answers, Person};
use plugin_host::contract::{Ctx, Lang};
use plugin_host::{Layer, Rules};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const COUNTS: [usize; 6] = [0, 1, 2, 3, 11, 100];

/// `total` people of whom the first `close` are close (and nobody else is
/// anything): the bonding sentence counts `close` of `total`.
fn people(close: usize, total: usize) -> Answers {
    Answers {
        people: (0..total)
            .map(|i| Person {
                name: format!("P{i}"),
                relation: String::new(),
                close: i < close,
                knows_looking: false,
                gives: Vec::new(),
                other_circles: false,
                work_links: false,
            })
            .collect(),
        answers: Default::default(),
    }
}

fn why(rules: &Rules, lang: Lang, answers: &Answers, id: &str) -> String {
    let ctx = Ctx {
        lang,
        ..support::ctx()
    };
    let result = netwerkscan::score(rules, answers, &ctx).expect("scores");
    result
        .dimensions
        .into_iter()
        .find(|d| d.id == id)
        .expect("the dimension")
        .why
}

fn bonding(lang: Lang, total: usize) -> Vec<String> {
    let rules = Rules::compile(&[Layer::new("default", support::NETWERKSCAN)]).expect("compiles");
    COUNTS
        .iter()
        .map(|&n| why(&rules, lang, &people(n, total.max(n)), "bonding"))
        .collect()
}

#[test]
fn dutch_counts_people_and_verbs() {
    assert_eq!(
        bonding(Lang::Nl, 100),
        [
            "0 van je 100 mensen staan dicht bij je.",
            "1 van je 100 mensen staat dicht bij je.",
            "2 van je 100 mensen staan dicht bij je.",
            "3 van je 100 mensen staan dicht bij je.",
            "11 van je 100 mensen staan dicht bij je.",
            "100 van je 100 mensen staan dicht bij je.",
        ]
    );
    // The whole is counted too: one person is "persoon".
    assert_eq!(
        bonding(Lang::Nl, 1)[1],
        "1 van je 1 persoon staat dicht bij je."
    );
}

#[test]
fn english_counts_people_and_verbs() {
    assert_eq!(
        bonding(Lang::En, 100),
        [
            "0 of your 100 people are close to you.",
            "1 of your 100 people is close to you.",
            "2 of your 100 people are close to you.",
            "3 of your 100 people are close to you.",
            "11 of your 100 people are close to you.",
            "100 of your 100 people are close to you.",
        ]
    );
    assert_eq!(
        bonding(Lang::En, 1)[1],
        "1 of your 1 person is close to you."
    );
}

#[test]
fn arabic_has_all_six_forms() {
    // The people counted (the subject) and the whole (after من أصل) each
    // take their own form.
    assert_eq!(
        bonding(Lang::Ar, 100),
        [
            "لا أحد من أصل 100 شخص قريب منك.",
            "شخص واحد من أصل 100 شخص قريب منك.",
            "شخصان من أصل 100 شخص قريبان منك.",
            "3 من أصل 100 شخص قريبون منك.",
            "11 من أصل 100 شخص قريبون منك.",
            "100 من أصل 100 شخص قريبون منك.",
        ]
    );
    let wholes: Vec<String> = COUNTS[1..]
        .iter()
        .map(|&total| bonding(Lang::Ar, total)[1].clone())
        .collect();
    assert_eq!(
        wholes,
        [
            "شخص واحد من أصل شخص واحد قريب منك.",
            "شخص واحد من أصل شخصين قريب منك.",
            "شخص واحد من أصل 3 أشخاص قريب منك.",
            "شخص واحد من أصل 11 شخصًا قريب منك.",
            "شخص واحد من أصل 100 شخص قريب منك.",
        ]
    );
}

#[test]
fn no_counted_sentence_keeps_a_placeholder() {
    let rules = Rules::compile(&[Layer::new("default", support::NETWERKSCAN)]).expect("compiles");
    // Scoring a network of 100 in an unoptimised wasm build under Node comes
    // near the hook's 80 ms on a busy machine (CI stopped it once): there,
    // up to 11 people; the forms for 100 are checked natively, and in the
    // Arabic sentences above on both.
    let counts = if cfg!(target_arch = "wasm32") {
        &COUNTS[1..5]
    } else {
        &COUNTS[1..]
    };
    for lang in Lang::ALL {
        for &n in counts {
            let ctx = Ctx {
                lang,
                ..support::ctx()
            };
            let result = netwerkscan::score(&rules, &people(n, n), &ctx).expect("scores");
            for text in result
                .dimensions
                .iter()
                .map(|d| &d.why)
                .chain(result.steps.iter().map(|s| &s.why))
            {
                assert!(!text.contains('{'), "{lang:?} {n}: {text}");
            }
        }
    }
}

// Natively only: scoring 100 people in an unoptimised wasm build comes near
// the hook's 80 ms (see `no_counted_sentence_keeps_a_placeholder`); the
// browser's plural rules are held equal to these for every language in
// `plural.rs`.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn ukrainian_has_one_few_and_many() {
    assert_eq!(
        bonding(Lang::Uk, 100),
        [
            "0 з 100 людей у вашому списку добре знають вас.",
            "1 з 100 людей у вашому списку добре знає вас.",
            "2 з 100 людей у вашому списку добре знають вас.",
            "3 з 100 людей у вашому списку добре знають вас.",
            "11 з 100 людей у вашому списку добре знають вас.",
            "100 з 100 людей у вашому списку добре знають вас.",
        ]
    );
    // The whole is counted too: after «з» one person is «людини».
    assert_eq!(
        bonding(Lang::Uk, 1)[1],
        "1 з 1 людини у вашому списку добре знає вас."
    );
    // 21 takes `one` like 1 (and 22 `few`: see ui-texts/tests/counted.txt).
    assert_eq!(
        bonding(Lang::Uk, 21)[2],
        "2 з 21 людини у вашому списку добре знають вас."
    );
}

// Natively only: scoring 100 people in an unoptimised wasm build comes near
// the hook's 80 ms (see `no_counted_sentence_keeps_a_placeholder`); the
// browser's plural rules are held equal to these for every language in
// `plural.rs`.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn turkish_keeps_the_noun_singular_after_a_number() {
    assert_eq!(
        bonding(Lang::Tr, 100),
        [
            "Eklediğiniz 100 kişiden 0 kişi size yakın.",
            "Eklediğiniz 100 kişiden 1 kişi size yakın.",
            "Eklediğiniz 100 kişiden 2 kişi size yakın.",
            "Eklediğiniz 100 kişiden 3 kişi size yakın.",
            "Eklediğiniz 100 kişiden 11 kişi size yakın.",
            "Eklediğiniz 100 kişiden 100 kişi size yakın.",
        ]
    );
    assert_eq!(
        bonding(Lang::Tr, 1)[1],
        "Eklediğiniz 1 kişiden 1 kişi size yakın."
    );
}
