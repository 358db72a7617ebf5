//! `from __future__ import ...` at the top of a module: which features are on,
//! and the errors CPython's future pass raises before building symbol tables.
//!
//! Only `annotations` changes the symbol tables (annotations are then never
//! evaluated, so their names bind and use nothing). The other features are
//! accepted and ignored, as in CPython 3.11.

use crate::ast::{Constant, ExprKind, Module, Stmt, StmtKind, TextRange};
use crate::diagnostic::SyntaxError;
use crate::source::SourceFile;

/// The features named in a module's future statements.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FutureFeatures {
    /// PEP 563: `from __future__ import annotations`.
    pub annotations: bool,
}

/// Features every Python 3.11 accepts; all but `annotations` are no-ops.
const KNOWN_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// Scans the leading future statements (after an optional docstring).
///
/// Like CPython, this pass only rejects a future import that shares a line with
/// an earlier non-future statement (`import os; from __future__ import x`);
/// later future imports on their own lines are the compiler's business.
pub fn future_features(module: &Module, file: &SourceFile) -> Result<FutureFeatures, SyntaxError> {
    let mut features = FutureFeatures::default();
    let skip = usize::from(module.body.first().is_some_and(is_docstring));
    let mut done = false;
    let mut prev_line = 0;
    for stmt in module.body.iter().skip(skip) {
        let line = file.lines.line(stmt.range.start);
        if done && line > prev_line {
            break;
        }
        prev_line = line;
        match &stmt.kind {
            StmtKind::ImportFrom {
                module: Some(name),
                names,
                ..
            } if &**name == "__future__" => {
                if done {
                    // CPython reports this one at the 0-based column (no `+ 1`):
                    // point one byte earlier to print the same column.
                    let start = stmt.range.start.saturating_sub(1);
                    return Err(SyntaxError::syntax(
                        "from __future__ imports must occur at the beginning of the file",
                        TextRange::new(start, start),
                    ));
                }
                for alias in names {
                    match &*alias.name {
                        "annotations" => features.annotations = true,
                        "braces" => return Err(at_statement("not a chance", stmt)),
                        known if KNOWN_FEATURES.contains(&known) => {}
                        unknown => {
                            let message =
                                format!("future feature {} is not defined", truncate(unknown, 100));
                            return Err(at_statement(message, stmt));
                        }
                    }
                }
            }
            _ => done = true,
        }
    }
    Ok(features)
}

/// A module docstring: the first statement is a plain string constant.
fn is_docstring(stmt: &Stmt) -> bool {
    matches!(
        &stmt.kind,
        StmtKind::Expr { value } if matches!(value.kind, ExprKind::Constant { value: Constant::Str(_), .. })
    )
}

/// CPython points these errors at the start of the statement.
fn at_statement(message: impl Into<String>, stmt: &Stmt) -> SyntaxError {
    let start = stmt.range.start;
    SyntaxError::syntax(message, TextRange::new(start, start))
}

/// At most `max` bytes of `s`, cut at a character boundary (CPython's `%.100s`).
fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or(s)
}
