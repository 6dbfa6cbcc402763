//! Every counted sentence in every language, as a person reads it, for the
//! counts that show each form (0, 1, 2, 3, 11 and 100; 21 and 22 too, where
//! Ukrainian's forms turn): the widgets' own texts and the default
//! Netwerkscan's reasons and steps. `counted.txt` holds them, read once by
//! someone who knows the language; a change in any of them fails this test,
//! which writes `counted.txt.new` beside it to compare and, when right, to
//! take over.
#![cfg(feature = "data")]
#![allow(clippy::expect_used, reason = "a test should fail loudly")]

use std::fmt::Write as _;
use std::path::Path;

use plugin_host::contract::netwerkscan::{self, Answers, Person};
use plugin_host::contract::{Ctx, Lang};
use plugin_host::{Layer, Rules};
use ui_texts::OfWidget;
use ui_texts::alliantiescan::AlliantiescanTexts;
use ui_texts::netwerkscan::NetwerkscanTexts;
use ui_texts::vacaturecafe::CafeTexts;

const COUNTS: [usize; 8] = [0, 1, 2, 3, 11, 21, 22, 100];
const RELATIONS: [&str; 8] = [
    "family",
    "friends",
    "neighbourhood",
    "club",
    "school",
    "work",
    "volunteering",
    "professional",
];
const GIVES: [&str; 4] = ["listening", "practical", "tips", "introductions"];

/// Every counted text of `T` in `lang`, for each count.
fn widget<T: OfWidget>(lang: Lang, out: &mut String) {
    T::data(lang).each_counted(&mut |counted| {
        for n in COUNTS {
            let _ = writeln!(out, "{:?}: {}", T::WIDGET, counted.of(lang, n as i64));
        }
    });
}

/// `total` people, of whom the first `n` are close, know you are looking,
/// move among other people and are linked to work (so each dimension
/// counts `n` of `total`), with no relation and no help given.
fn people(n: usize, total: usize) -> Answers {
    let people = (0..total)
        .map(|i| Person {
            name: format!("P{i}"),
            relation: String::new(),
            close: i < n,
            knows_looking: i < n,
            gives: Vec::new(),
            other_circles: i < n,
            work_links: i < n,
        })
        .collect();
    Answers {
        people,
        answers: Default::default(),
    }
}

/// The reasons of `dimensions`, and of a step that counts, for `answers`.
fn reasons(
    rules: &Rules,
    lang: Lang,
    label: &str,
    answers: &Answers,
    dimensions: &[&str],
    out: &mut String,
) {
    let ctx = Ctx {
        lang,
        org: "demo".into(),
        today: "2026-12-02".into(),
    };
    let result = netwerkscan::score(rules, answers, &ctx).expect("scores");
    for d in result
        .dimensions
        .iter()
        .filter(|d| dimensions.contains(&d.id.as_str()))
    {
        let _ = writeln!(out, "{} {label}: {}", d.id, d.why);
    }
    for s in result
        .steps
        .iter()
        // A step that counts (telling more people) counts who knows.
        .filter(|s| dimensions.contains(&"awareness") && s.why.chars().any(|c| c.is_ascii_digit()))
    {
        let _ = writeln!(out, "step {} {label}: {}", s.id, s.why);
    }
}

fn everything() -> String {
    let script = include_str!("../../scripts/netwerkscan.rhai");
    let rules = Rules::compile(&[Layer::new("default", script)]).expect("compiles");
    let counted_by_people = ["bonding", "bridging", "linking", "awareness"];
    let mut out = String::new();
    for lang in Lang::ALL {
        let _ = writeln!(out, "\n# {}\n", lang.tag());
        widget::<NetwerkscanTexts>(lang, &mut out);
        widget::<AlliantiescanTexts>(lang, &mut out);
        widget::<CafeTexts>(lang, &mut out);
        // n of 100 people, then 1 of a whole that takes each form.
        for n in COUNTS {
            reasons(
                &rules,
                lang,
                &format!("{n}/100"),
                &people(n, 100.max(n)),
                &counted_by_people,
                &mut out,
            );
        }
        for total in &COUNTS[1..] {
            reasons(
                &rules,
                lang,
                &format!("1/{total}"),
                &people(1, *total),
                &counted_by_people,
                &mut out,
            );
        }
        // Kinds of help given (of four), and parts of life (relations).
        for n in 0..=GIVES.len() {
            let mut answers = people(0, 1);
            answers.people[0].gives = GIVES[..n].iter().map(|g| (*g).to_owned()).collect();
            reasons(
                &rules,
                lang,
                &format!("{n} kinds"),
                &answers,
                &["support"],
                &mut out,
            );
        }
        for n in [1, 2, 3, RELATIONS.len()] {
            let mut answers = people(0, n);
            for (person, relation) in answers.people.iter_mut().zip(RELATIONS) {
                person.relation = relation.to_owned();
            }
            reasons(
                &rules,
                lang,
                &format!("{n} parts"),
                &answers,
                &["diversity"],
                &mut out,
            );
        }
    }
    out
}

#[test]
fn every_counted_sentence_reads_as_written_in_counted_txt() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/counted.txt");
    let now = everything();
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    if now != kept {
        let new = path.with_extension("txt.new");
        std::fs::write(&new, &now).expect("write the new sentences");
        panic!(
            "the counted sentences changed: compare {} with {} and, when every line reads right, move it over",
            new.display(),
            path.display()
        );
    }
}
