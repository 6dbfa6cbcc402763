//! How long each hostile script runs before the sandbox stops it (release,
//! native). Run by `cargo xtask bench`; reported, not asserted.

#[path = "../tests/support/hostile_cases.rs"]
mod hostile_cases;

use std::time::Instant;

use plugin_host::contract::netwerkscan::{self, Answers};
use plugin_host::contract::{Ctx, Lang};
use plugin_host::{Layer, Rules};

fn main() {
    let ctx = Ctx {
        lang: Lang::En,
        org: "bench".into(),
        today: "2026-11-22".into(),
    };
    let default = include_str!("../../scripts/netwerkscan.rhai");
    let mut slowest = (0.0_f64, "");
    println!("{:<32} {:>10}  error", "hostile script", "ms");
    for case in hostile_cases::cases() {
        let start = Instant::now();
        let outcome = Rules::compile(&[
            Layer::new("default", default),
            Layer::new("org:hostile", case.source.as_str()),
        ])
        .and_then(|rules| netwerkscan::score(&rules, &Answers::default(), &ctx).map(|_| ()));
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        let error = match outcome {
            Err(e) if e.kind == case.kind => e.to_string(),
            Err(e) => format!("UNEXPECTED {:?}: {e}", e.kind),
            Ok(()) => "NOT STOPPED".to_owned(),
        };
        println!(
            "{:<32} {:>10.2}  {}",
            case.name,
            ms,
            error.chars().take(90).collect::<String>()
        );
        if ms > slowest.0 {
            slowest = (ms, case.name);
        }
    }
    println!("slowest: {} stopped after {:.2} ms", slowest.1, slowest.0);
}
