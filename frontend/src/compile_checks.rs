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

#[cfg(test)]
mod tests {
    use super::*;

    fn message(source: &str) -> Option<String> {
        let (_, parsed) = crate::parse_bytes("t.py", source.as_bytes());
        let module = parsed.expect("parses");
        check(&module).err().map(|e| e.message.clone())
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
