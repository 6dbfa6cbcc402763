//! The one sandbox profile every engine is built with, in the browser and on the
//! server alike. Rule scripts are written by organisations' admins and run on
//! job seekers' cheap phones and on our server: a mistake or a hostile script
//! must stop fast with a clear error, never hang, wait, exhaust memory or
//! overflow the (small, 1 MiB) wasm stack.

use std::sync::{Arc, Mutex, OnceLock};

use rhai::packages::{
    ArithmeticPackage, BasicArrayPackage, BasicFnPackage, BasicIteratorPackage, BasicMapPackage,
    BasicStringPackage, LogicPackage, MoreStringPackage, Package,
};
use rhai::{Dynamic, Engine};

use crate::limits::LIMITS;
use crate::log::{LogKind, LogLine, push_log};
use crate::{budget, depth};

/// Operations between two looks at the clock: a clock read costs about as
/// much as a hundred cheap operations in wasm, and one costly operation on
/// the largest data the size limits allow takes well under 0.1 ms.
const CLOCK_EVERY: u64 = 128;

/// Rhai's standard library minus what rule scripts have no use for (bit
/// fields, blobs, float maths): each package left out is bundle size saved on
/// every job seeker's phone. `CorePackage` is taken in its parts without its
/// `LanguageCorePackage`, which holds `sleep` (waits, costing no operations),
/// `exit`, `parse_json` and reflection. `sandbox-functions.txt` lists
/// every function a script can call, so a Rhai upgrade cannot add one
/// unnoticed. Built once and shared by every engine: building a package
/// registers hundreds of functions, which costs more than parsing a rule script.
fn packages() -> &'static [rhai::Shared<rhai::Module>] {
    static PACKAGES: OnceLock<Vec<rhai::Shared<rhai::Module>>> = OnceLock::new();
    PACKAGES.get_or_init(|| {
        vec![
            ArithmeticPackage::new().as_shared_module(),
            BasicStringPackage::new().as_shared_module(),
            BasicIteratorPackage::new().as_shared_module(),
            BasicFnPackage::new().as_shared_module(),
            LogicPackage::new().as_shared_module(),
            BasicArrayPackage::new().as_shared_module(),
            BasicMapPackage::new().as_shared_module(),
            MoreStringPackage::new().as_shared_module(),
        ]
    })
}

/// Builds an engine with the sandbox profile. `print` and `debug` go to `log`.
///
/// `Engine::new_raw` rather than `Engine::new`: on native, `new` installs a file
/// module resolver and prints to stdout; on wasm it does neither. Building it the
/// same way on both targets keeps browser and server identical.
pub(crate) fn engine(log: Arc<Mutex<Vec<LogLine>>>) -> Engine {
    let mut engine = Engine::new_raw();
    for package in packages() {
        engine.register_global_module(package.clone());
    }

    engine
        .set_max_operations(LIMITS.operations)
        .set_max_call_levels(LIMITS.call_levels)
        .set_max_expr_depths(LIMITS.expr_depth, LIMITS.function_expr_depth)
        .set_max_string_size(LIMITS.string_size)
        .set_max_array_size(LIMITS.array_size)
        .set_max_map_size(LIMITS.map_size)
        .set_max_variables(LIMITS.variables)
        .set_max_functions(LIMITS.functions)
        // A typo in a variable name is a compile error, not a silent `()`.
        .set_strict_variables(true)
        // A typo in a property name is an error naming the property.
        .set_fail_on_invalid_map_property(true);

    // Scripts get no way to run code built from strings.
    engine.disable_symbol("eval");
    // Curried arguments are data that no size limit counts and that can nest
    // without end; rule scripts have no use for them.
    engine.disable_symbol("curry");
    // Printing and comparing nested data, bounded in depth; and no variable
    // may hold data nested deeper than the limit.
    depth::register(&mut engine);
    // Counted sentences by the CLDR plural rules (see `plural`).
    crate::plural::register(&mut engine);
    #[allow(
        deprecated,
        reason = "Rhai marks on_var as a volatile API, not a deprecated one; \
                  sandbox-functions.txt and the depth tests catch a change"
    )]
    engine.on_var(|name, _index, context| {
        if let Some(value) = context.scope().get(name) {
            depth::check_variable(name, value)?;
        }
        Ok(None)
    });
    // The time budget, besides the operation count.
    engine.on_progress(|operations| {
        if operations % CLOCK_EVERY != 0 {
            return None;
        }
        budget::exceeded().map(|b| Dynamic::from(b.token()))
    });

    let print_log = Arc::clone(&log);
    engine.on_print(move |text| push_log(&print_log, LogKind::Print, text, None));
    engine.on_debug(move |text, _source, pos| push_log(&log, LogKind::Debug, text, pos.line()));
    engine
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "a failed expectation is a failed test")]
mod tests {
    use super::*;

    /// Every function a script can call, one signature a line, sorted.
    #[cfg(not(target_arch = "wasm32"))]
    fn signatures() -> String {
        let engine = engine(Arc::default());
        let mut list = engine.gen_fn_signatures(true);
        list.sort();
        list.dedup();
        let mut text = list.join("\n");
        text.push('\n');
        text
    }

    /// The list is kept in `sandbox-functions.txt`. When Rhai (or this
    /// profile) adds a function, this fails: check that it cannot wait, reach
    /// outside the sandbox or walk nested data without a bound, then run the
    /// test with `BLESS=1` to take the new list.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_function_a_script_can_call_is_on_the_reviewed_list() {
        const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/sandbox-functions.txt");
        let now = signatures();
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(FILE, &now).expect("writing the list");
        }
        let kept = std::fs::read_to_string(FILE).expect("reading the list");
        let added: Vec<&str> = now
            .lines()
            .filter(|l| !kept.lines().any(|k| k == *l))
            .collect();
        let gone: Vec<&str> = kept
            .lines()
            .filter(|l| !now.lines().any(|k| k == *l))
            .collect();
        assert!(
            added.is_empty() && gone.is_empty(),
            "the functions scripts can call changed.\nnew:\n  {}\ngone:\n  {}\n\
             Review each new one (does it wait, reach outside, or walk nested data?), \
             then run with BLESS=1.",
            added.join("\n  "),
            gone.join("\n  ")
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn nothing_that_waits_exits_or_reads_outside_is_callable() {
        let list = signatures();
        for name in [
            "sleep",
            "exit",
            "parse_json",
            "eval",
            "import",
            "timestamp",
            "curry",
        ] {
            assert!(
                !list.lines().any(|l| l.starts_with(&format!("{name}("))
                    || l.contains(&format!(" {name}("))),
                "{name} is callable"
            );
        }
    }
}
