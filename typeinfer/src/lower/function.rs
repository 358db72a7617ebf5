//! Building one function's CFG: variables, blocks, and the block being filled.

use crate::ir::{Block, BlockId, Const, Function, Inst, InstKind, Operand, Terminator, Var, VarId};
use crate::types::Type;
use frontend::ast::TextRange;
use std::collections::HashMap;

/// The loop a `break` or `continue` refers to.
pub struct LoopTargets {
    pub continue_to: BlockId,
    pub break_to: BlockId,
}

pub struct FunctionBuilder {
    pub func: Function,
    /// Locals by name.
    pub locals: HashMap<Box<str>, VarId>,
    /// The block instructions are appended to; `None` after a terminator, until
    /// a new block is started (code after `return` is unreachable).
    current: Option<BlockId>,
    pub loops: Vec<LoopTargets>,
    /// The inlined frame instructions are emitted in (`Inst::frame`).
    pub frame: u32,
    /// Local variables read by name and not yet used by an instruction, with the
    /// name's range (`Inst::reads`).
    pending_reads: Vec<(VarId, TextRange)>,
}

impl FunctionBuilder {
    pub fn new(name: &str, range: TextRange) -> Self {
        FunctionBuilder {
            func: Function {
                name: name.into(),
                range,
                params: Vec::new(),
                defaults: Vec::new(),
                positional: 0,
                vars: Vec::new(),
                blocks: vec![Block::default()],
                return_type: Type::Never,
                return_annotation: None,
                template: None,
                frames: Vec::new(),
            },
            locals: HashMap::new(),
            current: Some(BlockId(0)),
            loops: Vec::new(),
            frame: 0,
            pending_reads: Vec::new(),
        }
    }

    /// The variable of a local name, created on first use.
    pub fn local(&mut self, name: &str) -> VarId {
        self.local_by_key(name)
    }

    /// The variable of a local by its key: the name, or `name.N` for the
    /// variables of the N-th comprehension (shown under the name alone).
    pub fn local_by_key(&mut self, key: &str) -> VarId {
        if let Some(&v) = self.locals.get(key) {
            return v;
        }
        let name = key.split('.').next().unwrap_or(key);
        let v = self.new_var(Some(name.into()));
        self.locals.insert(key.into(), v);
        v
    }

    pub fn temp(&mut self) -> VarId {
        self.new_var(None)
    }

    fn new_var(&mut self, name: Option<Box<str>>) -> VarId {
        let id = VarId(self.func.vars.len() as u32);
        self.func.vars.push(Var {
            name,
            ty: Type::Never,
            annotation: None,
        });
        id
    }

    pub fn new_block(&mut self) -> BlockId {
        self.func.blocks.push(Block::default());
        BlockId(self.func.blocks.len() as u32 - 1)
    }

    /// Makes `block` the one being filled.
    pub fn switch_to(&mut self, block: BlockId) {
        self.current = Some(block);
    }

    /// Whether code at this point can run (false right after a terminator).
    pub fn is_reachable(&self) -> bool {
        self.current.is_some()
    }

    /// Appends an instruction. In unreachable code it goes to a fresh block that
    /// nothing jumps to, so lowering never has to special-case dead code.
    pub fn emit(&mut self, kind: InstKind, range: TextRange) {
        let block = self.ensure_block();
        let reads = self.take_reads(&kind.operands());
        self.func.blocks[block.index()].insts.push(Inst {
            kind,
            range,
            frame: self.frame,
            reads,
        });
    }

    /// Notes that local `var` was read by name at `range` (the first read of it
    /// counts until an instruction uses it: that read is the one that fails).
    pub fn note_read(&mut self, var: VarId, range: TextRange) {
        if !self.pending_reads.iter().any(|(v, _)| *v == var) {
            self.pending_reads.push((var, range));
        }
    }

    /// The pending reads of the variables among `operands`, no longer pending.
    fn take_reads(&mut self, operands: &[&Operand]) -> Vec<(VarId, TextRange)> {
        let mut reads = Vec::new();
        self.pending_reads.retain(|(v, range)| {
            let used = operands.iter().any(|op| **op == Operand::Var(*v));
            if used {
                reads.push((*v, *range));
            }
            !used
        });
        reads
    }

    /// Starts emitting into a new inlined frame (a comprehension's); the previous
    /// frame, for `leave_frame`.
    pub fn enter_frame(&mut self, name: &str, range: TextRange) -> u32 {
        let parent = self.frame;
        self.func.frames.push(crate::ir::InlinedFrame {
            name: name.into(),
            range,
            parent,
        });
        self.frame = self.func.frames.len() as u32;
        parent
    }

    pub fn leave_frame(&mut self, previous: u32) {
        self.frame = previous;
    }

    /// Ends the current block.
    pub fn terminate(&mut self, term: Terminator, range: TextRange) {
        let block = self.ensure_block();
        let reads = self.take_reads(&term.operands());
        // A read no instruction of the block used belongs to no failure here.
        self.pending_reads.clear();
        let b = &mut self.func.blocks[block.index()];
        b.term = term;
        b.term_range = range;
        b.term_reads = reads;
        self.current = None;
    }

    /// Jumps to `target` if the current block is still open.
    pub fn jump_if_open(&mut self, target: BlockId, range: TextRange) {
        if self.is_reachable() {
            self.terminate(Terminator::Jump(target), range);
        }
    }

    fn ensure_block(&mut self) -> BlockId {
        match self.current {
            Some(b) => b,
            None => {
                let b = self.new_block();
                self.current = Some(b);
                b
            }
        }
    }

    /// `dst = value` into a fresh temporary.
    pub fn copy_to_temp(&mut self, value: Operand, range: TextRange) -> VarId {
        let dst = self.temp();
        self.emit(InstKind::Copy { dst, src: value }, range);
        dst
    }

    /// Ends the function: an open block returns None, as falling off a `def` does.
    pub fn finish(mut self, range: TextRange) -> Function {
        if self.is_reachable() {
            self.terminate(Terminator::Return(Operand::Const(Const::None)), range);
        }
        self.func
    }
}
