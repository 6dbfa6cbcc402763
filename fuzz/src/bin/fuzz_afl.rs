//! The coverage-guided fuzzer's target: AFL++ feeds inputs (see
//! `fuzz::Input`), and an input that breaks a rule of `fuzz::exercise`
//! aborts, which AFL++ records as a crash.
//!
//! Build and run with `cargo xtask bench` (or by hand: `cargo afl build
//! --release -p fuzz --features afl --bin fuzz_afl`, then `cargo afl fuzz`).

fn main() {
    afl::fuzz!(|data: &[u8]| {
        if let Err(why) = fuzz::exercise(data) {
            // AFL++ counts an abort as a crash and keeps the input.
            eprintln!("{why}");
            std::process::abort();
        }
    });
}
