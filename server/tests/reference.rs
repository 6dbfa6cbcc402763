//! `scripts/reference.json` is the one source of the hooks' reference: the
//! README's sections must be made from it, and its examples must work.
#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

use std::path::Path;

use plugin_host::Layer;
use plugin_host::contract::Widget;
use server::reference::Reference;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

fn reference() -> Reference {
    Reference::load(&Path::new(ROOT).join("scripts")).expect("scripts/reference.json")
}

#[test]
fn the_readme_hook_sections_are_made_from_reference_json() {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).expect("README");
    let made = reference().update_readme(&readme).expect("markers");
    assert!(
        made == readme,
        "README.md's hook sections differ from scripts/reference.json: run \
         `cargo run -p server -- script reference --readme README.md`"
    );
}

#[test]
fn every_example_in_the_reference_compiles_and_runs_over_the_default() {
    let reference = reference();
    for widget in Widget::ALL {
        let part = reference.widget(widget).expect("a part per widget");
        assert!(!part.hooks.is_empty(), "{widget}");
        let default =
            std::fs::read_to_string(Path::new(ROOT).join("scripts").join(widget.file_name()))
                .expect("default script");
        let examples = part
            .hooks
            .iter()
            .map(|h| &h.example)
            .chain(part.helpers.iter().map(|h| &h.example))
            .filter(|e| !e.is_empty());
        for example in examples {
            let layers = [
                Layer::new("default", default.clone()),
                Layer::new("org:example", example.clone()),
            ];
            let review = plugin_host::review::review(widget, &layers, "", "example", "2026-11-22");
            assert!(
                review.passed(),
                "{widget}: {example}\n{:?}",
                review.problems()
            );
        }
    }
}
