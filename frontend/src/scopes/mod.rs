//! Symbol tables, as CPython 3.11's `symtable` module reports them.
//!
//! `SymbolTable::build` runs two passes over a parsed module: `builder` (with
//! `visit_stmt` and `visit_expr`) walks the AST in CPython's order, opening a
//! `Block` for the module, every class, function, lambda and comprehension and
//! recording raw `SymbolFlags` for each name; `resolve` then decides each
//! name's `Scope`. The errors CPython's symtable raises (misplaced `global`,
//! duplicate parameters, bad walrus targets, `yield` in comprehensions...) are
//! reported with CPython's message and position.
//!
//! For code generation: `Block::cell_names` are the locals a block must keep in
//! cells because nested blocks capture them, `Block::free_names` the names it
//! receives from its closure, `Block::needs_class_closure` says a class must
//! create the implicit `__class__` cell, and `SymbolTable::block_for` finds the
//! block of a `def`, `class`, lambda or comprehension node.

mod block;
mod builder;
mod dump;
mod future;
mod mangle;
mod resolve;
mod symbol;
mod visit_expr;
mod visit_stmt;

pub use block::{Block, BlockId, BlockKind, ComprehensionKind};
pub use future::FutureFeatures;
pub use mangle::mangle;
pub use symbol::{Scope, Symbol, SymbolFlags};

use crate::ast::{Module, TextRange};
use crate::diagnostic::SyntaxError;
use crate::source::SourceFile;
use builder::Builder;
use std::collections::HashMap;

/// The symbol tables of one module: every block, the module block first.
pub struct SymbolTable {
    /// All blocks; `blocks[0]` is the module (`top`). Annotation blocks (under
    /// `from __future__ import annotations`) are here too but are nobody's child.
    pub blocks: Vec<Block>,
    pub future: FutureFeatures,
    /// Block of each `def`/`class` statement, lambda and comprehension, keyed
    /// by the node's range.
    by_range: HashMap<(u32, u32), BlockId>,
}

impl SymbolTable {
    pub fn build(module: &Module, file: &SourceFile) -> Result<SymbolTable, SyntaxError> {
        let future = future::future_features(module, file)?;
        let mut builder = Builder::new(file, future);
        builder.enter_block(BlockKind::Module, "top", TextRange::default());
        builder.visit_stmts(&module.body).map_err(|e| *e)?;
        builder.exit_block();
        let mut blocks = builder.blocks;
        resolve::resolve(&mut blocks).map_err(|e| *e)?;
        let by_range = blocks
            .iter()
            .enumerate()
            .filter(|(i, b)| *i != 0 && b.kind != BlockKind::Annotation)
            .map(|(i, b)| ((b.range.start, b.range.end), BlockId(i as u32)))
            .collect();
        Ok(SymbolTable {
            blocks,
            future,
            by_range,
        })
    }

    /// The module block.
    pub fn top(&self) -> &Block {
        &self.blocks[0]
    }

    pub fn block(&self, id: BlockId) -> Option<&Block> {
        self.blocks.get(id.index())
    }

    /// The block opened by the `def`/`class` statement, lambda or comprehension
    /// whose node spans `range`.
    pub fn block_for(&self, range: TextRange) -> Option<BlockId> {
        self.by_range.get(&(range.start, range.end)).copied()
    }

    /// The text of the reference printer in the frontend issue, run on `symtable`.
    pub fn dump(&self) -> String {
        dump::dump(self)
    }
}

#[cfg(test)]
mod tests;
