//! The WordPress plugin (`integrations/wordpress/bondgenoot/`) is PHP and
//! plain JS, so it keeps its own copies of three rules: which widgets there
//! are, which languages they speak, and what an organisation's name may be.
//! These tests hold the copies to the product's own, so a language added in
//! `wire` (or a widget, or a name rule) cannot be forgotten in the plugin:
//! the shortcode would drop it without a word. (The plugin's behaviour is
//! tested on a real WordPress in `tests/e2e/wordpress.test.mjs`.)
#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

use plugin_host::contract::{Lang, Widget};
use server::names::OrgName;

fn plugin_file(name: &str) -> String {
    let path = format!(
        "{}/../integrations/wordpress/bondgenoot/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

/// The quoted strings between `start` and the next `end` in `text`.
fn quoted_after(text: &str, start: &str, end: &str) -> Vec<String> {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} not found"));
    let rest = &text[from + start.len()..];
    let list = &rest[..rest
        .find(end)
        .unwrap_or_else(|| panic!("no {end:?} after {start:?}"))];
    list.split('\'')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The `value: '…'` entries of a block.js list, without the empty one
/// ("the language of the page").
fn values_of(js: &str, list: &str) -> Vec<String> {
    let from = js
        .find(&format!("var {list} = ["))
        .unwrap_or_else(|| panic!("{list} not found in block.js"));
    let rest = &js[from..];
    rest[..rest.find("];").expect("the list ends")]
        .split("value: '")
        .skip(1)
        .filter_map(|v| v.split('\'').next())
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .collect()
}

fn widgets() -> Vec<String> {
    Widget::ALL.map(|w| w.name().to_owned()).to_vec()
}

fn langs() -> Vec<String> {
    Lang::ALL.map(|l| l.tag().to_owned()).to_vec()
}

#[test]
fn the_shortcode_knows_every_widget_and_language() {
    let php = plugin_file("bondgenoot.php");
    assert_eq!(
        quoted_after(&php, "const BONDGENOOT_WIDGETS = array(", ");"),
        widgets()
    );
    assert_eq!(
        quoted_after(&php, "const BONDGENOOT_LANGS   = array(", ");"),
        langs()
    );
}

#[test]
fn the_block_offers_every_widget_and_language() {
    let js = plugin_file("block.js");
    assert_eq!(values_of(&js, "WIDGETS"), widgets());
    assert_eq!(values_of(&js, "LANGS"), langs());
}

#[test]
fn the_settings_take_the_organisation_names_the_server_takes() {
    let php = plugin_file("settings.php");
    let check = format!("preg_match( '/{}/', $org )", OrgName::PATTERN);
    assert!(
        php.contains(&check),
        "settings.php should check the organisation with {check}"
    );
}
