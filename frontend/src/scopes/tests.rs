//! Unit tests on hand-built ASTs (the comparison with CPython over the standard
//! library lives in tests/scopes_vs_cpython.rs).

use super::*;
use crate::ast::{Expr, ExprContext, ExprKind, Stmt, StmtKind, UnaryOp};

fn name(id: &str, ctx: ExprContext, range: TextRange) -> Expr {
    Expr {
        range,
        kind: ExprKind::Name { id: id.into(), ctx },
    }
}

/// `x = ----...1` nested `depth` deep.
fn deep_assignment(depth: u32) -> (SourceFile, Module) {
    let text = format!("x = {}y\n", "-".repeat(depth as usize));
    let file = SourceFile::from_text("deep.py", text);
    let end = depth + 5;
    let mut value = name("y", ExprContext::Load, TextRange::new(end - 1, end));
    for i in (0..depth).rev() {
        value = Expr {
            range: TextRange::new(4 + i, end),
            kind: ExprKind::UnaryOp {
                op: UnaryOp::USub,
                operand: Box::new(value),
            },
        };
    }
    let stmt = Stmt {
        range: TextRange::new(0, end),
        kind: StmtKind::Assign {
            targets: vec![name("x", ExprContext::Store, TextRange::new(0, 1))],
            value,
        },
    };
    (file, Module { body: vec![stmt] })
}

/// `x = lambda: lambda: ... y` nested `depth` deep: one block per level.
fn deep_lambdas(depth: u32) -> (SourceFile, Module) {
    let text = format!("x = {}y\n", "lambda:".repeat(depth as usize));
    let file = SourceFile::from_text("deep.py", text);
    let end = 7 * depth + 5;
    let mut value = name("y", ExprContext::Load, TextRange::new(end - 1, end));
    for i in (0..depth).rev() {
        value = Expr {
            range: TextRange::new(4 + 7 * i, end),
            kind: ExprKind::Lambda {
                args: Box::default(),
                body: Box::new(value),
            },
        };
    }
    let stmt = Stmt {
        range: TextRange::new(0, end),
        kind: StmtKind::Assign {
            targets: vec![name("x", ExprContext::Store, TextRange::new(0, 1))],
            value,
        },
    };
    (file, Module { body: vec![stmt] })
}

/// Runs `f` on a thread with half the main thread's usual 8 MiB stack, so the
/// deepest input leaves room for the caller (debug builds have big frames).
fn on_main_sized_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(4 << 20)
        .spawn(f)
        .and_then(|h| h.join().map_err(|_| std::io::Error::other("panicked")))
        .expect("thread failed");
}

#[test]
fn deep_nesting_up_to_the_limit_fits_the_stack() {
    on_main_sized_stack(|| {
        let (file, module) = deep_assignment(builder::MAX_DEPTH - 2);
        let table = SymbolTable::build(&module, &file).expect("within the limit");
        assert_eq!(
            table.dump(),
            "module top 0\n  x: global local assigned\n  y: global referenced\n"
        );
        // Drop iteratively-built deep trees without recursing too deep.
        std::mem::forget(module);
    });
}

#[test]
fn deeply_nested_blocks_fit_the_stack() {
    on_main_sized_stack(|| {
        let depth = builder::MAX_DEPTH - 3;
        let (file, module) = deep_lambdas(depth);
        let table = SymbolTable::build(&module, &file).expect("within the limit");
        assert_eq!(table.blocks.len(), depth as usize + 1);
        let dump = table.dump();
        assert!(dump.ends_with("function lambda 1\n  y: global referenced\n"));
        std::mem::forget(module);
    });
}

#[test]
fn nesting_past_the_limit_is_an_error() {
    on_main_sized_stack(|| {
        let (file, module) = deep_assignment(builder::MAX_DEPTH + 10);
        let error = SymbolTable::build(&module, &file).err().expect("too deep");
        assert_eq!(
            error.message,
            "maximum recursion depth exceeded during compilation"
        );
        std::mem::forget(module);
    });
}
