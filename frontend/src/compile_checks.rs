//! The SyntaxErrors CPython's compiler (not its parser or symtable) raises for
//! statements in the wrong place: `return` outside a function, `break` and
//! `continue` outside a loop. They are checked after the symbol table, before
//! any code is generated, with CPython's messages and ranges.

use crate::ast::{Module, Stmt, StmtKind};
use crate::diagnostic::SyntaxError;

/// The first misplaced statement of `module`, in source order.
pub fn check(module: &Module) -> Result<(), Box<SyntaxError>> {
    Walker::default().stmts(&module.body)
}

#[derive(Default, Clone, Copy)]
struct Walker {
    in_function: bool,
    in_loop: bool,
}

impl Walker {
    fn stmts(self, stmts: &[Stmt]) -> Result<(), Box<SyntaxError>> {
        stmts.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(self, s: &Stmt) -> Result<(), Box<SyntaxError>> {
        let error = |message: &str| Err(Box::new(SyntaxError::syntax(message, s.range)));
        match &s.kind {
            StmtKind::Return { .. } if !self.in_function => error("'return' outside function"),
            StmtKind::Break if !self.in_loop => error("'break' outside loop"),
            StmtKind::Continue if !self.in_loop => error("'continue' not properly in loop"),
            StmtKind::FunctionDef(def) => Walker {
                in_function: true,
                in_loop: false,
            }
            .stmts(&def.body),
            // A class body is not a function: `return` there is an error too.
            StmtKind::ClassDef(class) => Walker {
                in_function: false,
                in_loop: false,
            }
            .stmts(&class.body),
            StmtKind::For { body, orelse, .. } | StmtKind::While { body, orelse, .. } => {
                Walker {
                    in_loop: true,
                    ..self
                }
                .stmts(body)?;
                // A loop's `else` runs after it: `break` there leaves an outer loop.
                self.stmts(orelse)
            }
            StmtKind::If { body, orelse, .. } => {
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::With { body, .. } => self.stmts(body),
            StmtKind::Match { cases, .. } => cases.iter().try_for_each(|c| self.stmts(&c.body)),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.stmts(body)?;
                for h in handlers {
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)
            }
            _ => Ok(()),
        }
    }
}

/// CPython's compile-time SyntaxWarnings, in the order its compiler emits them:
/// `x is 0` and `x is not "a"` (an identity test against a literal). A `while`
/// condition is compiled twice (before the body and again at its end), so its
/// warnings come twice, as python3 prints them.
pub fn syntax_warnings(module: &Module) -> Vec<(crate::ast::TextRange, &'static str)> {
    let mut out = Vec::new();
    warn_stmts(&module.body, &mut out);
    out
}

type Warnings = Vec<(crate::ast::TextRange, &'static str)>;

fn warn_stmts(stmts: &[Stmt], out: &mut Warnings) {
    for s in stmts {
        warn_stmt(s, out);
    }
}

fn warn_stmt(s: &Stmt, out: &mut Warnings) {
    use crate::ast::Expr;
    let exprs = |es: &[&Expr], out: &mut Warnings| es.iter().for_each(|e| warn_expr(e, out));
    match &s.kind {
        StmtKind::FunctionDef(def) => {
            def.decorator_list.iter().for_each(|e| warn_expr(e, out));
            let a = &def.args;
            a.defaults.iter().for_each(|e| warn_expr(e, out));
            a.kw_defaults
                .iter()
                .flatten()
                .for_each(|e| warn_expr(e, out));
            warn_stmts(&def.body, out);
        }
        StmtKind::ClassDef(class) => {
            class.decorator_list.iter().for_each(|e| warn_expr(e, out));
            class.bases.iter().for_each(|e| warn_expr(e, out));
            class.keywords.iter().for_each(|k| warn_expr(&k.value, out));
            warn_stmts(&class.body, out);
        }
        StmtKind::Return { value } => value.iter().for_each(|e| warn_expr(e, out)),
        StmtKind::Delete { targets } => targets.iter().for_each(|e| warn_expr(e, out)),
        StmtKind::Assign { targets, value } => {
            warn_expr(value, out);
            targets.iter().for_each(|e| warn_expr(e, out));
        }
        StmtKind::AugAssign { target, value, .. } => exprs(&[target, value], out),
        StmtKind::AnnAssign { target, value, .. } => {
            value.iter().for_each(|e| warn_expr(e, out));
            warn_expr(target, out);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } => {
            exprs(&[iter, target], out);
            warn_stmts(body, out);
            warn_stmts(orelse, out);
        }
        StmtKind::While { test, body, orelse } => {
            warn_expr(test, out);
            warn_stmts(body, out);
            warn_expr(test, out);
            warn_stmts(orelse, out);
        }
        StmtKind::If { test, body, orelse } => {
            warn_expr(test, out);
            warn_stmts(body, out);
            warn_stmts(orelse, out);
        }
        StmtKind::With { items, body, .. } => {
            for item in items {
                warn_expr(&item.context_expr, out);
                item.optional_vars.iter().for_each(|e| warn_expr(e, out));
            }
            warn_stmts(body, out);
        }
        StmtKind::Match { subject, cases } => {
            warn_expr(subject, out);
            for c in cases {
                c.guard.iter().for_each(|e| warn_expr(e, out));
                warn_stmts(&c.body, out);
            }
        }
        StmtKind::Raise { exc, cause } => exc
            .iter()
            .chain(cause.iter())
            .for_each(|e| warn_expr(e, out)),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            warn_stmts(body, out);
            for h in handlers {
                h.type_.iter().for_each(|e| warn_expr(e, out));
                warn_stmts(&h.body, out);
            }
            warn_stmts(orelse, out);
            warn_stmts(finalbody, out);
        }
        StmtKind::Assert { test, msg } => {
            // CPython's compiler warns before it compiles the test.
            if matches!(&test.kind, crate::ast::ExprKind::Tuple { elts, .. } if !elts.is_empty()) {
                out.push((
                    s.range,
                    "assertion is always true, perhaps remove parentheses?",
                ));
            }
            warn_expr(test, out);
            msg.iter().for_each(|e| warn_expr(e, out));
        }
        StmtKind::Expr { value } => warn_expr(value, out),
        _ => {}
    }
}

/// Whether `e` is what CPython's compiler takes for a literal in `is`: a constant
/// after its AST optimiser folds unary operators and tuples (numbers, strings,
/// bytes, `-1`, tuples of constants such as `(1, -1)`) other than None, True, False
/// and `...`.
fn is_literal(e: &crate::ast::Expr) -> bool {
    use crate::ast::{Constant, ExprKind};
    match &e.kind {
        ExprKind::Constant { value, .. } => !matches!(
            value,
            Constant::None | Constant::Bool(_) | Constant::Ellipsis
        ),
        ExprKind::UnaryOp { .. } | ExprKind::Tuple { .. } => folds_to_constant(e),
        _ => false,
    }
}

/// Whether CPython's AST optimiser folds `e` into one constant: a constant, a
/// unary `+`, `-` or `~` of a number it can apply to, `not` of a constant, or a
/// tuple of such.
fn folds_to_constant(e: &crate::ast::Expr) -> bool {
    use crate::ast::{ExprKind, UnaryOp};
    match &e.kind {
        ExprKind::Constant { .. } => true,
        ExprKind::Tuple { elts, .. } => elts.iter().all(folds_to_constant),
        ExprKind::UnaryOp { op, operand } => match op {
            UnaryOp::Not => folds_to_constant(operand),
            UnaryOp::USub | UnaryOp::UAdd => folds_to_number(operand, true),
            UnaryOp::Invert => folds_to_number(operand, false),
        },
        _ => false,
    }
}

/// Whether `e` folds to a number (a float or complex one only when `any_number`,
/// since `~` takes ints and bools alone).
fn folds_to_number(e: &crate::ast::Expr, any_number: bool) -> bool {
    use crate::ast::{Constant, ExprKind, UnaryOp};
    match &e.kind {
        ExprKind::Constant { value, .. } => match value {
            Constant::Int(_) | Constant::Bool(_) => true,
            Constant::Float(_) | Constant::Complex { .. } => any_number,
            _ => false,
        },
        ExprKind::UnaryOp { op, operand } => match op {
            UnaryOp::USub | UnaryOp::UAdd => folds_to_number(operand, any_number),
            UnaryOp::Invert => folds_to_number(operand, false),
            UnaryOp::Not => false,
        },
        _ => false,
    }
}

fn warn_expr(e: &crate::ast::Expr, out: &mut Warnings) {
    use crate::ast::{CmpOp, ExprKind};
    let all =
        |es: &[crate::ast::Expr], out: &mut Warnings| es.iter().for_each(|x| warn_expr(x, out));
    match &e.kind {
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            warn_expr(left, out);
            all(comparators, out);
            let mut lhs: &crate::ast::Expr = left;
            for (op, rhs) in ops.iter().zip(comparators) {
                if matches!(op, CmpOp::Is | CmpOp::IsNot) && (is_literal(lhs) || is_literal(rhs)) {
                    let message = if *op == CmpOp::Is {
                        "\"is\" with a literal. Did you mean \"==\"?"
                    } else {
                        "\"is not\" with a literal. Did you mean \"!=\"?"
                    };
                    out.push((e.range, message));
                }
                lhs = rhs;
            }
        }
        ExprKind::BoolOp { values, .. } => all(values, out),
        ExprKind::NamedExpr { target, value } => {
            warn_expr(value, out);
            warn_expr(target, out);
        }
        ExprKind::BinOp { left, right, .. } => {
            warn_expr(left, out);
            warn_expr(right, out);
        }
        ExprKind::UnaryOp { operand, .. } => warn_expr(operand, out),
        ExprKind::Lambda { args, body } => {
            args.defaults.iter().for_each(|x| warn_expr(x, out));
            args.kw_defaults
                .iter()
                .flatten()
                .for_each(|x| warn_expr(x, out));
            warn_expr(body, out);
        }
        ExprKind::IfExp { test, body, orelse } => {
            warn_expr(test, out);
            warn_expr(body, out);
            warn_expr(orelse, out);
        }
        ExprKind::Dict { keys, values } => {
            for (k, v) in keys.iter().zip(values) {
                k.iter().for_each(|x| warn_expr(x, out));
                warn_expr(v, out);
            }
        }
        ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            all(elts, out)
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            for g in generators {
                warn_expr(&g.iter, out);
                warn_expr(&g.target, out);
                all(&g.ifs, out);
            }
            warn_expr(elt, out);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            for g in generators {
                warn_expr(&g.iter, out);
                warn_expr(&g.target, out);
                all(&g.ifs, out);
            }
            warn_expr(key, out);
            warn_expr(value, out);
        }
        ExprKind::Await { value } | ExprKind::YieldFrom { value } => warn_expr(value, out),
        ExprKind::Yield { value } => value.iter().for_each(|x| warn_expr(x, out)),
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            warn_expr(func, out);
            all(args, out);
            keywords.iter().for_each(|k| warn_expr(&k.value, out));
        }
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => {
            warn_expr(value, out);
            format_spec.iter().for_each(|x| warn_expr(x, out));
        }
        ExprKind::JoinedStr { values } => all(values, out),
        ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => {
            warn_expr(value, out)
        }
        ExprKind::Subscript { value, slice, .. } => {
            warn_expr(value, out);
            warn_expr(slice, out);
        }
        ExprKind::Slice { lower, upper, step } => {
            lower
                .iter()
                .chain(upper.iter())
                .chain(step.iter())
                .for_each(|x| warn_expr(x, out));
        }
        ExprKind::Constant { .. } | ExprKind::Name { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(source: &str) -> Option<String> {
        let (_, parsed) = crate::parse_bytes("t.py", source.as_bytes());
        let module = parsed.expect("parses");
        check(&module).err().map(|e| e.message.clone())
    }

    #[test]
    fn identity_tests_against_literals_warn_in_compile_order() {
        let (_, parsed) = crate::parse_bytes("t.py", b"while x is 0:\n    y = x is not 'a'\nz = x is None or x is (1,) or x is [1] or x is -1\n");
        let module = parsed.expect("parses");
        let kinds: Vec<bool> = syntax_warnings(&module)
            .iter()
            .map(|(_, m)| m.starts_with("\"is\" "))
            .collect();
        // The while test twice around its body; None and a list do not warn.
        assert_eq!(kinds, [true, false, true, true, true]);
    }

    #[test]
    fn misplaced_statements_are_syntax_errors() {
        assert_eq!(
            message("return 1\n").as_deref(),
            Some("'return' outside function")
        );
        assert_eq!(message("break\n").as_deref(), Some("'break' outside loop"));
        assert_eq!(
            message("if x:\n    continue\n").as_deref(),
            Some("'continue' not properly in loop")
        );
        assert_eq!(
            message("while x:\n    pass\nelse:\n    break\n").as_deref(),
            Some("'break' outside loop")
        );
        assert_eq!(
            message("for i in x:\n    def f():\n        break\n").as_deref(),
            Some("'break' outside loop")
        );
        assert_eq!(
            message("class C:\n    return 1\n").as_deref(),
            Some("'return' outside function")
        );
        assert_eq!(
            message("def f():\n    for i in x:\n        if i:\n            break\n        continue\n    return 2\n"),
            None
        );
    }
}
