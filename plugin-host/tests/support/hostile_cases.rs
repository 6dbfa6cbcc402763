//! Hostile organisation scripts, shared by the hostile test suite and the
//! `hostile_timings` example the bench runs. Each is layered over the default
//! Netwerkscan script as an organisation's override of `score`.

use plugin_host::ErrorKind;

/// One hostile script and how it must end.
pub struct Case {
    /// What it tries.
    pub name: &'static str,
    /// The org script.
    pub source: String,
    /// The error it must end in.
    pub kind: ErrorKind,
}

fn score_body(body: &str) -> String {
    format!("fn score(answers, ctx) {{\n    {body}\n}}\n")
}

/// Arrays and maps nested in turn, `levels` deep, in `v`.
fn nest(levels: usize) -> String {
    format!(
        "let v = []; for i in 0..{levels} {{ v = if i % 2 == 0 {{ [v] }} else {{ #{{ a: v }} }}; }}"
    )
}

/// All hostile cases. The last group are the sandbox holes fuzzing found
/// (issue 24); they are kept as regression seeds for later fuzzing.
pub fn cases() -> Vec<Case> {
    let deep = format!(
        "fn score(answers, ctx) {{ {}1{} }}",
        "(".repeat(300),
        ")".repeat(300)
    );
    vec![
        Case {
            name: "infinite loop",
            source: score_body("let n = 0; loop { n += 1; }"),
            kind: ErrorKind::Limit,
        },
        Case {
            name: "runaway recursion",
            source: "fn down(n) { down(n + 1) }\nfn score(answers, ctx) { down(0) }\n".into(),
            kind: ErrorKind::Limit,
        },
        Case {
            name: "string growth",
            source: score_body("let s = \"ab\"; loop { s += s; }"),
            kind: ErrorKind::Limit,
        },
        Case {
            name: "string padded huge at once",
            source: score_body("let s = \"x\"; s.pad(100000000, \"y\"); s"),
            kind: ErrorKind::Limit,
        },
        Case {
            name: "array growth",
            source: score_body("let a = []; loop { a.push(1); }"),
            kind: ErrorKind::Limit,
        },
        Case {
            name: "array padded huge at once",
            source: score_body("let a = []; a.pad(100000000, 0); a"),
            kind: ErrorKind::Limit,
        },
        Case {
            name: "map growth",
            source: score_body("let m = #{}; let i = 0; loop { m[`k${i}`] = i; i += 1; }"),
            kind: ErrorKind::Limit,
        },
        Case {
            name: "deeply nested data",
            source: score_body("let a = []; loop { a = [a]; }"),
            kind: ErrorKind::Limit,
        },
        Case {
            name: "deeply nested expression",
            source: deep,
            kind: ErrorKind::Compile,
        },
        Case {
            name: "print flood",
            source: score_body("loop { print(\"spam\"); }"),
            kind: ErrorKind::Limit,
        },
        Case {
            name: "eval",
            source: score_body("eval(\"40 + 2\")"),
            kind: ErrorKind::Compile,
        },
        Case {
            name: "import",
            source: format!("import \"secrets\" as s;\n{}", score_body("1")),
            kind: ErrorKind::Compile,
        },
        Case {
            name: "unknown function",
            source: score_body("steal_cookies(ctx)"),
            kind: ErrorKind::Runtime,
        },
        Case {
            name: "wrong return type",
            source: score_body("42"),
            kind: ErrorKind::WrongShape,
        },
        Case {
            name: "score out of range",
            source: score_body(
                "#{ dimensions: [#{ id: \"bonding\", label: \"x\", value: 400, why: \"\" }], summary: \"\", steps: [] }",
            ),
            kind: ErrorKind::WrongShape,
        },
        Case {
            name: "javascript link in a step",
            source: score_body(
                "#{ dimensions: [], summary: \"\", steps: [#{ id: \"x\", title: \"x\", why: \"\", link: \"javascript:alert(1)\" }] }",
            ),
            kind: ErrorKind::WrongShape,
        },
        // Deep data walked by Rhai's own functions overflowed the stack.
        Case {
            name: "deep data printed",
            source: score_body(&format!(
                "{} print(v); debug(v); v.to_debug(); let s = `${{v}}`; v",
                nest(2000)
            )),
            kind: ErrorKind::Limit,
        },
        Case {
            name: "deep data compared",
            source: score_body(&format!("{} v == v", nest(100))),
            kind: ErrorKind::Limit,
        },
        Case {
            name: "deep data searched",
            source: score_body(&format!("{} [v].contains(v)", nest(100))),
            kind: ErrorKind::Limit,
        },
        Case {
            name: "deep data returned",
            source: score_body(&format!("{} v", nest(100))),
            kind: ErrorKind::Limit,
        },
        Case {
            name: "deep data thrown",
            source: score_body(&format!("{} throw v;", nest(2000))),
            kind: ErrorKind::Limit,
        },
        // sleep() waited for ever without costing an operation.
        Case {
            name: "sleep",
            source: score_body("sleep(9223372036854775807)"),
            kind: ErrorKind::Runtime,
        },
        Case {
            name: "exit",
            source: score_body("exit(1)"),
            kind: ErrorKind::Runtime,
        },
        // Minutes within the operation limit: each operation costs more as data nests.
        Case {
            name: "copying nested data for ever",
            source: score_body("let v = []; for i in 0..999 { v = [v]; } loop { let w = v; }"),
            kind: ErrorKind::Limit,
        },
        Case {
            name: "building nested data for ever",
            source: score_body("loop { let v = []; for i in 0..999 { v = [v]; } }"),
            kind: ErrorKind::Limit,
        },
        Case {
            name: "copying a long list for ever",
            source: score_body(
                "let v = []; for i in 0..990 { v.push(`item ${i}`); } loop { let w = v; }",
            ),
            kind: ErrorKind::Limit,
        },
        Case {
            name: "comparing nested data for ever",
            source: score_body("let v = []; for i in 0..30 { v = [v]; } loop { v == v; }"),
            kind: ErrorKind::Limit,
        },
        // Curried arguments were counted by no limit.
        Case {
            name: "curried function pointers",
            source: score_body("let f = Fn(\"x\"); loop { f = f.curry(f); }"),
            kind: ErrorKind::Compile,
        },
        // A bare `let` as a switch arm: Rhai's parser kept the variable, the
        // run did not, so `answers` was read as `ctx` and `ctx` (the first
        // variable) underflowed Rhai's index arithmetic into a panic.
        Case {
            name: "let as a switch arm",
            source: "fn questions(ctx) {\n    let t = switch ctx.lang { \"en\" => 1, _ => let x = 2, };\n    ctx.lang\n}\n"
                .into(),
            kind: ErrorKind::Compile,
        },
    ]
}
