//! Symbol tables, as CPython's `symtable` module reports them.
//!
//! NOT YET IMPLEMENTED: this stub only fixes the interface.

use crate::ast::{Module, TextRange};
use crate::diagnostic::SyntaxError;
use crate::source::SourceFile;

/// The symbol tables of one module.
pub struct SymbolTable {}

impl SymbolTable {
    pub fn build(module: &Module, file: &SourceFile) -> Result<SymbolTable, SyntaxError> {
        let _ = (module, file);
        Err(SyntaxError::syntax(
            "symbol tables are not implemented yet",
            TextRange::default(),
        ))
    }

    /// The text of the reference printer in the frontend issue, run on `symtable`.
    pub fn dump(&self) -> String {
        String::new()
    }
}
