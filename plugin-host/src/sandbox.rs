//! The one sandbox profile every engine is built with, in the browser and on the
//! server alike. Rule scripts are written by organisations' admins and run on
//! job seekers' cheap phones and on our server: a mistake or a hostile script
//! must stop fast with a clear error, never hang, exhaust memory or overflow the
//! (small, 1 MiB) wasm stack.

use std::sync::{Arc, Mutex, OnceLock};

use rhai::Engine;
use rhai::packages::{
    BasicArrayPackage, BasicMapPackage, CorePackage, LogicPackage, MoreStringPackage, Package,
};

use crate::rules::{LogKind, LogLine, push_log};

/// The limits of the sandbox, each with the reason for its value.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Operations per hook call. A scoring hook over 50 people and 20 questions
    /// needs ~20 000; 1 000 000 is 50× that and still stops `loop {}` in ~20 ms
    /// in release wasm (~100 ms in an unoptimised test build).
    pub operations: u64,
    /// Nested function calls. Rule scripts call helpers a few levels deep;
    /// 24 stops runaway recursion long before the 1 MiB wasm stack is spent.
    pub call_levels: usize,
    /// Expression nesting at the top level. Generous for hand-written rules,
    /// and bounds the parser's recursion.
    pub expr_depth: usize,
    /// Expression nesting inside functions (multiplied by call levels on the stack).
    pub function_expr_depth: usize,
    /// Bytes in one string. Longest legitimate text is a paragraph of advice.
    pub string_size: usize,
    /// Items in one array, nested arrays counted too. A network of 1 000 people
    /// is absurd; and Rhai re-measures nested data on every change, so a
    /// script nesting arrays in a loop costs the square of this limit.
    pub array_size: usize,
    /// Properties in one object map, nested maps counted too. The biggest
    /// legitimate map is a language's text table (~60 entries).
    pub map_size: usize,
    /// Variables alive at once; stops a script that declares in a loop.
    pub variables: usize,
    /// Functions one script may define: rule scripts need tens.
    pub functions: usize,
    /// Lines kept from `print`/`debug`, so a printing loop cannot grow memory.
    pub log_lines: usize,
}

/// The sandbox profile used for every engine.
pub const LIMITS: Limits = Limits {
    operations: 1_000_000,
    call_levels: 24,
    expr_depth: 48,
    function_expr_depth: 32,
    string_size: 8 * 1024,
    array_size: 1_000,
    map_size: 1_000,
    variables: 512,
    functions: 256,
    log_lines: 200,
};

/// Rhai's standard library minus what rule scripts have no use for (bit
/// fields, blobs, float maths): each package left out is bundle size saved on
/// every job seeker's phone. Built once and shared by every engine: building
/// a package registers hundreds of functions, which costs more than parsing a
/// rule script.
fn packages() -> &'static [rhai::Shared<rhai::Module>] {
    static PACKAGES: OnceLock<Vec<rhai::Shared<rhai::Module>>> = OnceLock::new();
    PACKAGES.get_or_init(|| {
        vec![
            CorePackage::new().as_shared_module(),
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

    let print_log = Arc::clone(&log);
    engine.on_print(move |text| push_log(&print_log, LogKind::Print, text, None));
    engine.on_debug(move |text, _source, pos| push_log(&log, LogKind::Debug, text, pos.line()));
    engine
}
