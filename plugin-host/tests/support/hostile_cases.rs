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

/// All hostile cases.
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
    ]
}
