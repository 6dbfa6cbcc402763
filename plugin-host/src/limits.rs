//! The sandbox's limits, each with the reason for its value. Read by the
//! engine profile (`sandbox`), the rules, the log and the tests; its own
//! module so none of them has to import another for it.

use std::time::Duration;

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
    /// Bytes of text in one value: a string, or all the strings in one list
    /// or map together (Rhai measures nested data as a whole). The biggest
    /// legitimate value is a language's text table: about 8.5 KB for the
    /// Alliantiescan in Ukrainian, whose letters take two bytes each.
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
    /// Characters kept of one such line (the rest is cut, with "…"): a
    /// line may print a whole value of up to `string_size` bytes.
    pub log_line_chars: usize,
    /// Arrays and maps nested in each other (see [`crate::depth`]). Rule data
    /// nests 5 levels (a map of lists of maps of options); 32 keeps every walk
    /// over nested data far inside the smallest stack a hook runs on.
    pub data_depth: usize,
    /// Wall-clock time per hook call (see [`crate::budget`]). A scoring hook
    /// takes well under 5 ms on a cheap phone; 80 ms, plus at most one clock
    /// check's worth of operations, keeps "stopped within 100 ms" true for
    /// any script, whatever its data costs per operation.
    pub hook_time: Duration,
    /// Wall-clock time for a whole review (every hook in every language and
    /// every test case): many cases each just within `hook_time` cannot hold
    /// a server thread, or the playground, for long.
    pub review_time: Duration,
    /// The smallest stack a hook runs on: the browser's wasm stack (set in
    /// `.cargo/config.toml`). Server threads that run hooks have at least
    /// this; the tests in [`crate::depth`] show the worst a script can do
    /// needs less than a quarter of it.
    pub min_stack: usize,
}

/// The sandbox profile used for every engine.
pub const LIMITS: Limits = Limits {
    operations: 1_000_000,
    call_levels: 24,
    expr_depth: 48,
    function_expr_depth: 32,
    string_size: 32 * 1024,
    array_size: 1_000,
    map_size: 1_000,
    variables: 512,
    functions: 256,
    log_lines: 200,
    log_line_chars: 1_000,
    data_depth: 32,
    hook_time: Duration::from_millis(80),
    review_time: Duration::from_secs(3),
    min_stack: 1024 * 1024,
};
