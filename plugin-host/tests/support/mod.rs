//! Shared helpers for plugin-host tests.
#![allow(dead_code, reason = "each test binary uses a different subset")]

pub mod hostile_cases;

use plugin_host::contract::{Ctx, Lang};
use plugin_host::{Layer, Rules, ScriptError};

/// The default Netwerkscan script.
pub const NETWERKSCAN: &str = include_str!("../../../scripts/netwerkscan.rhai");
/// The demo organisation's override.
pub const DEMO_OVERRIDE: &str = include_str!("../../../scripts/examples/demo/netwerkscan.rhai");
/// The default Alliantiescan script.
pub const ALLIANTIESCAN: &str = include_str!("../../../scripts/alliantiescan.rhai");
/// The language school's Alliantiescan override.
pub const TAALSCHOOL_OVERRIDE: &str =
    include_str!("../../../scripts/examples/taalschool/alliantiescan.rhai");
/// The volunteer group's override.
pub const VOLUNTEERS_OVERRIDE: &str =
    include_str!("../../../scripts/examples/volunteers/netwerkscan.rhai");

/// The default script with an org layer on top.
pub fn with_org(org: &str, source: &str) -> Result<Rules, ScriptError> {
    Rules::compile(&[
        Layer::new("default", NETWERKSCAN),
        Layer::new(format!("org:{org}"), source),
    ])
}

/// An English context for the demo org.
pub fn ctx() -> Ctx {
    Ctx {
        lang: Lang::En,
        org: "demo".into(),
        today: "2026-11-22".into(),
    }
}
/// The default vacaturecafé script.
pub const VACATURECAFE: &str = include_str!("../../../scripts/vacaturecafe.rhai");
/// An example override that adds a required field.
pub const WERKPLEIN_OVERRIDE: &str =
    include_str!("../../../scripts/examples/werkplein/vacaturecafe.rhai");
