//! The first pass: walk the AST, open a block for every namespace and record the
//! raw facts about each name (assigned, used, parameter, declared global...).
//!
//! The walk visits nodes in exactly CPython 3.11's order, because that order is
//! observable: it decides the order of each block's children and which error is
//! reported first. This file holds the walker's state and its primitive
//! operations; `visit_stmt` and `visit_expr` hold the per-node rules.

use super::block::{Block, BlockId, BlockKind};
use super::future::FutureFeatures;
use super::mangle::mangle;
use super::symbol::SymbolFlags;
use crate::ast::{Identifier, TextRange};
use crate::diagnostic::SyntaxError;
use crate::source::SourceFile;

/// Errors are boxed so that the deeply recursive walk keeps small stack frames.
pub(crate) type VisitResult = Result<(), Box<SyntaxError>>;

/// A `SyntaxError` with CPython's `message` at `range`.
pub(crate) fn error(message: impl Into<String>, range: TextRange) -> Box<SyntaxError> {
    Box::new(SyntaxError::syntax(message, range))
}

/// How deep the walk may nest before giving up. CPython allows three compiler
/// frames per interpreter frame under the default recursion limit of 1000.
pub(crate) const MAX_DEPTH: u32 = 3000;

/// Per-block state that only matters while walking.
#[derive(Clone, Copy, Default)]
pub(crate) struct WalkState {
    /// Inside a comprehension's `for` target: names bound now are iteration
    /// variables, which walrus targets may not rebind.
    pub comp_iter_target: bool,
    /// How many comprehension iterables (`for x in HERE`) enclose the current
    /// point; walrus is forbidden in them, even inside nested lambdas.
    pub comp_iter_expr: u32,
}

pub(crate) struct Builder<'a> {
    pub file: &'a SourceFile,
    pub future: FutureFeatures,
    pub blocks: Vec<Block>,
    pub walk: Vec<WalkState>,
    /// Open blocks, outermost first; the last one is the current block.
    pub stack: Vec<BlockId>,
    /// The innermost enclosing class's name, for private name mangling.
    pub private: Option<Identifier>,
    pub depth: u32,
}

impl<'a> Builder<'a> {
    pub fn new(file: &'a SourceFile, future: FutureFeatures) -> Builder<'a> {
        Builder {
            file,
            future,
            blocks: Vec::new(),
            walk: Vec::new(),
            stack: Vec::new(),
            private: None,
            depth: 0,
        }
    }

    pub fn current(&self) -> BlockId {
        self.stack.last().copied().unwrap_or(BlockId(0))
    }

    pub fn block(&self, id: BlockId) -> &Block {
        &self.blocks[id.index()]
    }

    pub fn block_mut(&mut self, id: BlockId) -> &mut Block {
        &mut self.blocks[id.index()]
    }

    pub fn cur(&self) -> &Block {
        self.block(self.current())
    }

    pub fn cur_mut(&mut self) -> &mut Block {
        let id = self.current();
        self.block_mut(id)
    }

    pub fn walk_state(&mut self) -> &mut WalkState {
        let id = self.current();
        &mut self.walk[id.index()]
    }

    /// Opens a block for the node at `range` and makes it current. Annotation
    /// blocks are not attached to their parent: they never reach the output.
    pub fn enter_block(&mut self, kind: BlockKind, name: &str, range: TextRange) -> BlockId {
        let id = BlockId(self.blocks.len() as u32);
        let lineno = if kind == BlockKind::Module {
            0
        } else {
            self.file.lines.line(range.start)
        };
        let mut block = Block::new(kind, name, lineno, range);
        let mut walk = WalkState::default();
        if let Some(&parent) = self.stack.last() {
            let parent_block = self.block(parent);
            block.nested = parent_block.nested || parent_block.kind == BlockKind::Function;
            block.parent = Some(parent);
            walk.comp_iter_expr = self.walk[parent.index()].comp_iter_expr;
            if kind != BlockKind::Annotation {
                self.block_mut(parent).children.push(id);
            }
        }
        self.blocks.push(block);
        self.walk.push(walk);
        self.stack.push(id);
        id
    }

    pub fn exit_block(&mut self) {
        self.stack.pop();
    }

    /// Records `flag` for `name` in the current block.
    pub fn add_def(&mut self, name: &str, flag: SymbolFlags, range: TextRange) -> VisitResult {
        let id = self.current();
        self.add_def_in(id, name, flag, range)
    }

    /// Records `flag` for `name` (mangled here) in block `id`.
    pub fn add_def_in(
        &mut self,
        id: BlockId,
        name: &str,
        flag: SymbolFlags,
        range: TextRange,
    ) -> VisitResult {
        let mangled = mangle(self.private.as_deref(), name);
        let block = self.block(id);
        let mut flags = match block.lookup(&mangled) {
            Some(symbol) => {
                if flag.intersects(SymbolFlags::PARAM) && symbol.has(SymbolFlags::PARAM) {
                    return Err(error(
                        format!("duplicate argument '{name}' in function definition"),
                        range,
                    ));
                }
                symbol.flags | flag
            }
            None => flag,
        };
        if self.walk[id.index()].comp_iter_target {
            if flags.intersects(SymbolFlags::GLOBAL | SymbolFlags::NONLOCAL) {
                return Err(error(
                    format!(
                        "comprehension inner loop cannot rebind assignment expression target '{name}'"
                    ),
                    range,
                ));
            }
            flags |= SymbolFlags::COMP_ITER;
        }
        let block = self.block_mut(id);
        block.set_flags(&mangled, flags);
        if flag.intersects(SymbolFlags::PARAM) {
            block.varnames.push(mangled);
        } else if flag.intersects(SymbolFlags::GLOBAL) {
            // Every `global` declaration is also recorded in the module block.
            let top = self.block_mut(BlockId(0));
            let merged = top.flags_of(&mangled) | flag;
            top.set_flags(&mangled, merged);
        }
        Ok(())
    }

    /// The current block's flags for `name` (mangled here).
    pub fn lookup(&self, name: &str) -> SymbolFlags {
        let mangled = mangle(self.private.as_deref(), name);
        self.cur().flags_of(&mangled)
    }

    /// Remembers where `global`/`nonlocal` named `name`, for resolver errors.
    pub fn record_directive(&mut self, name: &str, range: TextRange) {
        let mangled = mangle(self.private.as_deref(), name);
        self.cur_mut().directives.push((mangled, range));
    }

    /// Counts one level of nesting; CPython raises `RecursionError` past its limit.
    pub fn descend(&mut self, range: TextRange) -> VisitResult {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(error(
                "maximum recursion depth exceeded during compilation",
                range,
            ));
        }
        Ok(())
    }

    pub fn ascend(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }
}
