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

/// Parses and resolves `source`, which must be valid.
fn tables(source: &str) -> SymbolTable {
    let (file, module) = crate::parse_bytes("test.py", source.as_bytes());
    let module = module.expect("test source parses");
    SymbolTable::build(&module, &file).expect("test source resolves")
}

fn block_named<'t>(table: &'t SymbolTable, name: &str) -> &'t Block {
    table
        .blocks
        .iter()
        .find(|b| &*b.name == name)
        .expect("block exists")
}

#[test]
fn closures_record_cells_and_frees() {
    let table =
        tables("def f(a):\n    b = 1\n    def g():\n        return a + b + c\n    return g\n");
    let f = block_named(&table, "f");
    let g = block_named(&table, "g");
    assert_eq!(f.cell_names().collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(f.free_names().count(), 0);
    assert_eq!(g.free_names().collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(
        g.lookup("c").and_then(|s| s.scope),
        Some(Scope::GlobalImplicit)
    );
    assert!(f.child_free && g.has_free && g.nested);
    assert_eq!(f.varnames, [Box::from("a")]);
}

#[test]
fn free_names_pass_through_intermediate_functions() {
    let table =
        tables("def f():\n    x = 1\n    def g():\n        def h():\n            return x\n");
    let g = block_named(&table, "g");
    assert_eq!(g.free_names().collect::<Vec<_>>(), ["x"]);
    assert_eq!(g.lookup("x").map(|s| s.flags), Some(SymbolFlags::empty()));
}

#[test]
fn super_needs_the_class_cell() {
    let table =
        tables("class C:\n    def m(self):\n        return super().m()\nclass D:\n    pass\n");
    assert!(block_named(&table, "C").needs_class_closure);
    assert!(!block_named(&table, "D").needs_class_closure);
    let m = block_named(&table, "m");
    assert_eq!(m.free_names().collect::<Vec<_>>(), ["__class__"]);
}

#[test]
fn comprehensions_get_their_own_block() {
    let source = "def f(xs):\n    return [y := x for x in xs]\n";
    let table = tables(source);
    let comp = block_named(&table, "listcomp");
    assert_eq!(comp.comprehension, Some(ComprehensionKind::List));
    assert_eq!(comp.varnames, [Box::from(".0")]);
    assert_eq!(comp.lookup("y").and_then(|s| s.scope), Some(Scope::Free));
    assert_eq!(
        block_named(&table, "f").cell_names().collect::<Vec<_>>(),
        ["y"]
    );
    let start = source.find('[').unwrap_or(0) as u32;
    let end = source.find(']').unwrap_or(0) as u32 + 1;
    let id = table.block_for(TextRange::new(start, end)).expect("found");
    assert_eq!(table.block(id).map(|b| &*b.name), Some("listcomp"));
}

#[test]
fn errors_carry_cpython_messages_and_positions() {
    let cases = [
        (
            "def f(x):\n    global x\n",
            "name 'x' is parameter and global",
            (2, 5),
        ),
        (
            "nonlocal x\n",
            "nonlocal declaration not allowed at module level",
            (1, 1),
        ),
        (
            "def f(a, *a): pass\n",
            "duplicate argument 'a' in function definition",
            (1, 11),
        ),
        (
            "[(yield) for y in z]\n",
            "'yield' inside list comprehension",
            (1, 3),
        ),
    ];
    for (source, message, position) in cases {
        let (file, module) = crate::parse_bytes("test.py", source.as_bytes());
        let module = module.expect("test source parses");
        let error = SymbolTable::build(&module, &file).err().expect("an error");
        assert_eq!(error.message, message);
        assert_eq!(error.line_col(&file), position, "{source}");
    }
}
