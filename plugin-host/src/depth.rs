//! How deeply data may nest, and the functions that walk nested data.
//!
//! Rhai's size limits count the items in nested arrays and maps, but not how
//! deep they go: 1,000 arrays and 1,000 maps nested in turn stay within them.
//! Rhai's own `print`, `to_debug`, `${…}` and `==` walk such data through its
//! function dispatch, several large stack frames per level, and no call-depth
//! limit counts them: 2,000 levels overflowed a 2 MiB server thread and the
//! browser's wasm stack. Even plain Rust walks (copying, dropping, hashing)
//! need about half a MiB for 2,000 levels. So, bounded by
//! [`LIMITS.data_depth`](crate::Limits::data_depth):
//! - no variable (a parameter included) may hold data nested deeper
//!   ([`check_variable`], on every read), so a loop cannot build deep data;
//!   what is left is what one expression can wrap around a call's result,
//!   once per nested call: a few hundred levels at most;
//! - hook arguments and results deeper than the limit are refused
//!   ([`deeper_than`]) before serde walks them;
//! - printing (`print`, `debug`, `to_string`, `to_debug`, and so `${…}`,
//!   `+` on strings) shows what is deeper as `[…]` or `#{…}`, and comparing
//!   (`==`, `!=`, and so `in`, `contains`, `index_of`, `dedup`) is an error:
//!   the engine's own functions are found before its packages', so these
//!   replace Rhai's, and walk in plain recursion no deeper than the limit.
//!
//! This module's tests build the deepest data a script can make and walk it
//! every way a script can, on a quarter of the smallest stack a hook runs on.

use std::fmt::Write as _;

use rhai::{Array, Dynamic, Engine, EvalAltResult, ImmutableString, Map, NativeCallContext};

use crate::limits::LIMITS;

/// Whether `value` nests more than `limit` arrays or maps inside each other.
/// Stops looking at `limit + 1` levels, so it never recurses further.
pub fn deeper_than(value: &Dynamic, limit: usize) -> bool {
    // Every variable read walks its value (`check_variable`), and most of
    // what a rule script reads is a wide map of texts or answers: only the
    // lists and maps in it are looked into, the rest is passed over without
    // a call. (A Netwerkscan score reads ~470 variables; it took 10% longer
    // with a call per item.)
    if let Some(items) = value.read_lock::<Array>() {
        return nests_deeper(items.iter(), limit);
    }
    if let Some(map) = value.read_lock::<Map>() {
        return nests_deeper(map.values(), limit);
    }
    false
}

/// Whether a list or map whose items are `items`, with `limit` levels left
/// for it, nests too deeply: it is itself one level too many at 0.
fn nests_deeper<'a>(mut items: impl Iterator<Item = &'a Dynamic>, limit: usize) -> bool {
    limit == 0 || items.any(|v| (v.is_array() || v.is_map()) && deeper_than(v, limit - 1))
}

/// Writes `value` as Rhai's `to_debug` does, with `[…]` / `#{…}` for
/// whatever is nested deeper than `levels_left`.
fn write_debug(out: &mut String, value: &Dynamic, levels_left: usize) {
    if value.is_array() {
        let Ok(items) = value.as_array_ref() else {
            return;
        };
        write_array(out, &items, levels_left);
    } else if value.is_map() {
        let Ok(map) = value.as_map_ref() else {
            return;
        };
        write_map(out, &map, levels_left);
    } else {
        // A string, number, character, bool, `()` or function pointer: no nesting.
        let _ = write!(out, "{value:?}");
    }
}

fn write_array(out: &mut String, items: &Array, levels_left: usize) {
    if levels_left == 0 {
        out.push_str("[…]");
        return;
    }
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_debug(out, item, levels_left - 1);
    }
    out.push(']');
}

fn write_map(out: &mut String, map: &Map, levels_left: usize) {
    if levels_left == 0 {
        out.push_str("#{…}");
        return;
    }
    out.push_str("#{");
    for (i, (key, item)) in map.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{key:?}: ");
        write_debug(out, item, levels_left - 1);
    }
    out.push('}');
}

/// `value` as text for an error message, nested no deeper than the limit.
pub fn describe(value: &Dynamic) -> String {
    let mut out = String::new();
    if value.is_string() {
        out.push_str(&value.to_string());
    } else {
        write_debug(&mut out, value, LIMITS.data_depth);
    }
    out
}

/// Marks an [`EvalAltResult::ErrorRuntime`] as the depth limit, for `rules`
/// to report as a limit; what follows the mark is the whole message. A
/// runtime error, not a system one, because Rhai keeps a runtime error's
/// line and column, and moves a system error's to the hook. A script that
/// catches it gains nothing: the walk or the read it stopped did not happen.
pub const TOO_DEEP: &str = "bondgenoot:depth:";

fn too_deep_error(message: String) -> Box<EvalAltResult> {
    EvalAltResult::ErrorRuntime(format!("{TOO_DEEP}{message}").into(), rhai::Position::NONE).into()
}

/// Whether a thrown value is the depth limit's error.
pub fn is_too_deep(value: &Dynamic) -> bool {
    value
        .read_lock::<ImmutableString>()
        .is_some_and(|s| s.starts_with(TOO_DEEP))
}

fn too_deep(what: &str) -> Box<EvalAltResult> {
    too_deep_error(format!(
        "{what} nested too deeply to compare (more than {} levels of lists and maps)",
        LIMITS.data_depth
    ))
}

/// The depth limit on data itself: a variable read (a parameter too) whose
/// value nests deeper than the limit is an error. Data can only grow deeper by
/// wrapping what a variable or a function call gave, so the deepest a value
/// can get is the limit plus what one function's expressions and the nested
/// calls can add: measured in this module's tests.
pub fn check_variable(name: &str, value: &Dynamic) -> Result<(), Box<EvalAltResult>> {
    if deeper_than(value, LIMITS.data_depth) {
        return Err(too_deep_error(format!(
            "`{name}` holds lists and maps nested too deeply (more than {} levels)",
            LIMITS.data_depth
        )));
    }
    Ok(())
}

/// `a == b` for values inside arrays and maps: containers recurse here with
/// one level less, everything else goes to the script's `==` as Rhai does.
fn equal(
    ctx: &NativeCallContext,
    a: &mut Dynamic,
    b: &mut Dynamic,
    levels_left: usize,
) -> Result<bool, Box<EvalAltResult>> {
    if a.is_array() && b.is_array() {
        let (Some(mut x), Some(y)) = (a.write_lock::<Array>(), b.read_lock::<Array>()) else {
            return Ok(false);
        };
        return arrays_equal(ctx, &mut x, y.clone(), levels_left);
    }
    if a.is_map() && b.is_map() {
        let (Some(mut x), Some(y)) = (a.write_lock::<Map>(), b.read_lock::<Map>()) else {
            return Ok(false);
        };
        return maps_equal(ctx, &mut x, y.clone(), levels_left);
    }
    if a.type_id() != b.type_id() {
        // Rhai's arrays call values of different types unequal.
        return Ok(false);
    }
    Ok(ctx
        .call_native_fn_raw("==", true, &mut [a, b])?
        .as_bool()
        .unwrap_or(false))
}

fn arrays_equal(
    ctx: &NativeCallContext,
    a: &mut Array,
    mut b: Array,
    levels_left: usize,
) -> Result<bool, Box<EvalAltResult>> {
    if levels_left == 0 {
        return Err(too_deep("lists"));
    }
    if a.len() != b.len() {
        return Ok(false);
    }
    for (x, y) in a.iter_mut().zip(b.iter_mut()) {
        if !equal(ctx, x, y, levels_left - 1)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn maps_equal(
    ctx: &NativeCallContext,
    a: &mut Map,
    mut b: Map,
    levels_left: usize,
) -> Result<bool, Box<EvalAltResult>> {
    if levels_left == 0 {
        return Err(too_deep("maps"));
    }
    if a.len() != b.len() {
        return Ok(false);
    }
    for (key, x) in a.iter_mut() {
        let Some(y) = b.get_mut(key) else {
            return Ok(false);
        };
        if !equal(ctx, x, y, levels_left - 1)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Replaces Rhai's printing and comparing of arrays and maps with the
/// depth-bounded versions above.
pub fn register(engine: &mut Engine) {
    for name in ["print", "debug", "to_string", "to_debug"] {
        engine.register_fn(name, |items: &mut Array| -> ImmutableString {
            let mut out = String::new();
            write_array(&mut out, items, LIMITS.data_depth);
            out.into()
        });
        engine.register_fn(name, |map: &mut Map| -> ImmutableString {
            let mut out = String::new();
            write_map(&mut out, map, LIMITS.data_depth);
            out.into()
        });
    }
    engine.register_fn(
        "==",
        |ctx: NativeCallContext, a: &mut Array, b: Array| -> Result<bool, Box<EvalAltResult>> {
            arrays_equal(&ctx, a, b, LIMITS.data_depth)
        },
    );
    engine.register_fn(
        "!=",
        |ctx: NativeCallContext, a: &mut Array, b: Array| -> Result<bool, Box<EvalAltResult>> {
            arrays_equal(&ctx, a, b, LIMITS.data_depth).map(|same| !same)
        },
    );
    engine.register_fn(
        "==",
        |ctx: NativeCallContext, a: &mut Map, b: Map| -> Result<bool, Box<EvalAltResult>> {
            maps_equal(&ctx, a, b, LIMITS.data_depth)
        },
    );
    engine.register_fn(
        "!=",
        |ctx: NativeCallContext, a: &mut Map, b: Map| -> Result<bool, Box<EvalAltResult>> {
            maps_equal(&ctx, a, b, LIMITS.data_depth).map(|same| !same)
        },
    );
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "a failed expectation is a failed test")]
mod tests {
    use std::sync::Arc;

    use rhai::{Dynamic, Scope};

    use super::*;
    use crate::limits::LIMITS;
    use crate::sandbox;

    /// The deepest data a script can make. No variable may hold more than
    /// `data_depth` levels, so depth beyond that can only come from wrapping
    /// what a call returns: as many brackets as one function's expression
    /// depth allows (7), once per nested call (24 levels, two of them taken
    /// by the walk and `deepest`), on top of a variable at the limit.
    const DEEPEST: &str = r#"
        fn wrap(n) { if n == 0 { at_the_limit() } else { [[[[[[[wrap(n - 1)]]]]]]] } }
        fn at_the_limit() { let v = []; for i in 0..31 { v = [v]; } v }
        fn deepest() { wrap(20) }
    "#;

    /// Every way a script can walk that value without putting it in a
    /// variable (which the depth limit refuses): keeping, printing, text,
    /// comparing, searching, hashing, JSON, throwing, returning.
    const WALKS: [(&str, &str); 13] = [
        ("shown", "{ `${deepest()}` }"),
        ("keep", "{ let w = deepest(); 0 }"),
        ("printed", "{ print(deepest()); debug(deepest()); 0 }"),
        (
            "text",
            "{ `${deepest()}`.len() + (\"\" + deepest()).len() + deepest().to_debug().len() }",
        ),
        ("compare", "{ deepest() == deepest() }"),
        ("differ", "{ deepest() != deepest() }"),
        ("search", "{ [1, deepest()].contains(deepest()) }"),
        ("find", "{ [1, deepest()].index_of(deepest()) }"),
        ("inside", "{ deepest() in [1, deepest()] }"),
        ("json", "{ #{ a: deepest() }.to_json().len() }"),
        ("hash", "{ switch deepest() { 1 => 1, _ => 0 } }"),
        ("thrown", "{ throw deepest(); }"),
        ("give", "{ deepest() }"),
    ];

    fn depth_of(value: &Dynamic) -> usize {
        if let Ok(items) = value.as_array_ref() {
            return 1 + items.iter().map(depth_of).max().unwrap_or(0);
        }
        if let Ok(map) = value.as_map_ref() {
            return 1 + map.values().map(depth_of).max().unwrap_or(0);
        }
        0
    }

    /// Runs every walk over the deepest data; returns the depth reached and
    /// what each walk gave (its result shown briefly, or its error).
    /// How deep the data went, and each walk's name with what it gave.
    type Walked = (usize, Vec<(String, Result<String, String>)>);

    fn walk_all() -> Walked {
        let engine = sandbox::engine(Arc::default());
        let mut source = DEEPEST.to_owned();
        for (name, body) in WALKS {
            source.push_str(&format!("fn {name}() {body}\n"));
        }
        let ast = engine.compile(&source).expect("the walks compile");
        let deepest = engine
            .call_fn::<Dynamic>(&mut Scope::new(), &ast, "deepest", ())
            .expect("the deepest data is made");
        let results = WALKS
            .iter()
            .map(|(name, _)| {
                let result = engine
                    .call_fn::<Dynamic>(&mut Scope::new(), &ast, name, ())
                    .map(|v| describe(&v).chars().take(40).collect())
                    .map_err(|e| crate::rules::runtime_message(&e));
                ((*name).to_owned(), result)
            })
            .collect();
        (depth_of(&deepest), results)
    }

    fn check((depth, results): &Walked) {
        // Far deeper than the limit: the walks below are really tested.
        assert!(*depth > 5 * LIMITS.data_depth, "only {depth} levels");
        for (name, result) in results {
            if let Err(e) = result {
                assert!(!e.contains("call each other too deeply"), "{name}: {e}");
            }
        }
        let of = |name: &str| {
            results
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, r)| r.clone())
                .expect("walked")
        };
        assert!(of("text").is_ok(), "{:?}", of("text"));
        // Shown by the bounded printer: the first levels, then an ellipsis.
        let shown = of("shown").expect("shown");
        assert!(shown.starts_with(&"[".repeat(LIMITS.data_depth)), "{shown}");
        assert!(shown.contains("[…]"), "{shown}");
        assert!(of("keep").is_ok(), "{:?}", of("keep"));
        for name in ["compare", "differ", "search", "find", "inside"] {
            let err = of(name).expect_err(name);
            assert!(err.contains("nested too deeply"), "{name}: {err}");
        }
        let thrown = of("thrown").expect_err("thrown");
        assert!(thrown.contains('…'), "{thrown}");
    }

    /// The margin: every walk over the deepest data a script can make fits
    /// in a quarter of the smallest stack a hook runs on (natively; the wasm
    /// test below runs on the wasm stack itself).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_walk_over_the_deepest_data_fits_in_a_quarter_of_the_smallest_stack() {
        let outcome = std::thread::Builder::new()
            .stack_size(LIMITS.min_stack / 4)
            .spawn(walk_all)
            .expect("a thread")
            .join()
            .expect("no panic, no overflow");
        check(&outcome);
    }

    #[cfg(target_arch = "wasm32")]
    #[wasm_bindgen_test::wasm_bindgen_test]
    fn every_walk_over_the_deepest_data_fits_on_the_wasm_stack() {
        check(&walk_all());
    }

    #[test]
    fn a_variable_cannot_hold_data_nested_deeper_than_the_limit() {
        let engine = sandbox::engine(Arc::default());
        let ast = engine
            .compile("fn build(n) { let v = []; for i in 0..n { v = [v]; } v.len() }")
            .expect("compiles");
        let within = LIMITS.data_depth as i64 - 1;
        let built = engine.call_fn::<i64>(&mut Scope::new(), &ast, "build", (within,));
        assert_eq!(built.ok(), Some(1));
        let err = engine
            .call_fn::<i64>(&mut Scope::new(), &ast, "build", (within + 2,))
            .expect_err("too deep");
        let message = crate::rules::runtime_message(&err);
        assert!(
            message.contains("`v` holds lists and maps nested too deeply"),
            "{message}"
        );
    }

    #[test]
    fn printing_stops_at_the_depth_limit_with_an_ellipsis() {
        let mut value = Dynamic::from_array(vec![Dynamic::from(1_i64)]);
        for _ in 0..40 {
            value = Dynamic::from_array(vec![value]);
        }
        let shown = describe(&value);
        assert_eq!(shown.matches('[').count(), LIMITS.data_depth + 1, "{shown}");
        assert!(shown.contains("[…]"));
        assert!(deeper_than(&value, LIMITS.data_depth));
        let shallow = Dynamic::from_array(vec![Dynamic::from_array(vec![])]);
        assert!(!deeper_than(&shallow, 2));
        assert!(deeper_than(&shallow, 1));
    }
}
