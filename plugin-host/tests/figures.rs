//! The `figures()` hook: the default scans offer sharing and keep 24 months,
//! an organisation switches the offer off in one line, a keeping time out of
//! range is refused (so a publish is refused), and the score ids a share
//! must hold are the script's own.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test should fail loudly"
)]

mod support;

use plugin_host::contract::Widget;
use plugin_host::contract::figures::{self, Figures};
use plugin_host::review::review;
use plugin_host::{ErrorKind, Layer, Rules};

#[test]
fn both_scans_offer_sharing_by_default_and_keep_24_months() {
    for default in [support::NETWERKSCAN, support::ALLIANTIESCAN] {
        let rules = Rules::compile(&[Layer::new("default", default)]).expect("compiles");
        assert_eq!(
            figures::figures(&rules).expect("answers"),
            Figures {
                offer: true,
                keep_months: 24
            }
        );
    }
}

#[test]
fn an_organisation_switches_the_offer_off_in_one_line() {
    let rules = support::with_org(
        "quiet",
        "fn figures() { #{ offer: false, keep_months: 12 } }",
    )
    .expect("compiles");
    assert!(!figures::figures(&rules).expect("answers").offer);
}

#[test]
fn a_keeping_time_out_of_range_is_refused_and_cannot_be_published() {
    for months in [0, 61, -1] {
        let source = format!("fn figures() {{ #{{ offer: true, keep_months: {months} }} }}");
        let rules = support::with_org("long", &source).expect("compiles");
        let err = figures::figures(&rules).expect_err("refused");
        assert_eq!(err.kind, ErrorKind::WrongShape, "{err}");
        assert!(err.message.contains("keep_months"), "{err}");
        let review = review(
            Widget::Netwerkscan,
            &[
                Layer::new("default", support::NETWERKSCAN),
                Layer::new("org:long", source),
            ],
            "",
            "long",
            "2026-12-03",
        );
        assert!(!review.passed(), "{months} months must not go live");
    }
}

#[test]
fn the_score_ids_are_the_scripts_dimensions_and_phases() {
    let netwerkscan = Rules::compile(&[Layer::new("default", support::NETWERKSCAN)]).unwrap();
    assert_eq!(
        figures::score_ids(Widget::Netwerkscan, &netwerkscan, &support::ctx()).unwrap(),
        [
            "bonding",
            "bridging",
            "linking",
            "awareness",
            "support",
            "diversity"
        ]
    );
    let alliantiescan = Rules::compile(&[Layer::new("default", support::ALLIANTIESCAN)]).unwrap();
    assert_eq!(
        figures::score_ids(Widget::Alliantiescan, &alliantiescan, &support::ctx()).unwrap(),
        ["vormen", "formeren", "functioneren", "transformeren"]
    );
}
