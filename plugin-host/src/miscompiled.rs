//! Syntax that Rhai (1.27) accepts but runs wrongly, refused at compile time.
//!
//! A `let` or `const` written straight after `=>` in a `switch` (no braces)
//! is a variable to the parser until the end of the function, but the arm
//! runs as a block, so the variable is gone at run time. Every variable the
//! parser placed by counting past it then names the wrong value: a hook reads
//! another variable without a word, or Rhai's index arithmetic underflows and
//! the engine panics (found by fuzzing; a panic in the browser stops the
//! widget). The same arm in braces, `_ => { let x = 1; x }`, is fine: the
//! parser closes a braced block's variables where the block ends.
//!
//! Walking the compiled AST needs Rhai's `internals` feature; it changes no
//! behaviour, only what is public. The plugin-host tests pin the case, so a
//! Rhai upgrade that changes the AST's shape fails them instead of letting
//! the hole back in.

use rhai::{AST, ASTNode, Expr, Position, Stmt};

/// The first place in `ast` that Rhai would run wrongly, with what to write
/// instead; `None` when there is none.
pub(crate) fn find(ast: &AST) -> Option<(Position, &'static str)> {
    let mut found = None;
    ast.walk(&mut |path: &[ASTNode]| {
        let Some(ASTNode::Stmt(Stmt::Switch(switch, _))) = path.last() else {
            return true;
        };
        for case in &switch.1.expressions {
            // A braced arm ends at its `}`; an arm that is a bare statement
            // was wrapped in a block with no end.
            let Expr::Stmt(block) = &case.rhs else {
                continue;
            };
            if let (true, [bare @ Stmt::Var(..)]) =
                (block.end_position().is_none(), block.statements())
            {
                found = Some((
                    bare.position(),
                    "a `let` or `const` right after `=>` in a switch is not allowed: \
                     put it in braces, as in `_ => { let x = 1; x }`",
                ));
                return false;
            }
        }
        true
    });
    found
}
