//! Lists whose items are all small ints (`kr_list.small_only`), and fast loops that
//! rely on it.
//!
//! A `list[int]` may hold big ints, so each item read would need a tag test before
//! arithmetic. The runtime keeps a flag per list saying every item is a small int;
//! generated code keeps it too, at its two stores (a list display and `xs[i] = v`).
//! A fast loop (`loops`) that reads a list variable it never rebinds, and whose body
//! can change lists only by item assignments to such variables, also speculates on
//! the flag: it enters its fast copy only when the flag is set, reads items there
//! as known small ints, and leaves for the ordinary copy right after an item
//! assignment that stored something else (PyPy's int-list strategy, as a flag).

use super::assigned::VarSet;
use super::function::FunctionGen;
use super::tbaa::Access;
use crate::error::Result;
use inkwell::values::{BasicValue, IntValue, PointerValue};
use inkwell::IntPredicate;
use typeinfer::ir::{Function, InstKind, Operand};
use typeinfer::types::Type;

/// The word of `kr_list` holding `small_only`.
const SMALL_ONLY_WORD: u64 = 5;

/// The lists a loop speculates on: the variables whose lists it checks on entry,
/// and those plus the temporaries it copies them into (which its accesses use).
#[derive(Default)]
pub struct SpeculatedLists {
    pub checked: Vec<usize>,
    pub all: Vec<usize>,
}

/// The variables of `f` a loop (`body`) may speculate to hold lists of small ints:
/// named `list[int]` locals it reads (directly or through temporaries it copies
/// them into), never assigns, and that are certainly assigned at its header. None
/// when the loop may change a list in any other way than an item assignment to
/// one of them (a call, a list method, `+=` on a list, or an item assignment to
/// another list of ints, which may be the same list).
pub fn speculated_lists(
    f: &Function,
    body: &[bool],
    at_header: Option<&VarSet>,
    written: &[bool],
) -> SpeculatedLists {
    let none = SpeculatedLists::default();
    let Some(at_header) = at_header else {
        return none;
    };
    let is_int_list = |v: usize| {
        f.vars
            .get(v)
            .is_some_and(|var| var.ty == Type::List(Box::new(Type::Int)))
    };
    let candidate = |v: usize| {
        is_int_list(v)
            && f.vars.get(v).is_some_and(|var| var.name.is_some())
            && !written.get(v).copied().unwrap_or(true)
            && at_header.contains(v)
    };
    // Temporaries of the loop that only ever copy a candidate: its aliases.
    let in_body = |b: &usize| body.get(*b).copied().unwrap_or(false);
    let mut copy_of: Vec<Option<usize>> = vec![None; f.vars.len()];
    let mut other_writes = vec![false; f.vars.len()];
    for (b, block) in f.blocks.iter().enumerate() {
        for inst in &block.insts {
            let Some(dst) = inst.kind.dst() else {
                continue;
            };
            match &inst.kind {
                InstKind::Copy {
                    src: Operand::Var(v),
                    ..
                } if in_body(&b) && candidate(v.index()) && copy_of[dst.index()].is_none() => {
                    copy_of[dst.index()] = Some(v.index());
                }
                _ => other_writes[dst.index()] = true,
            }
        }
    }
    let root = |v: usize| -> Option<usize> {
        if candidate(v) {
            return Some(v);
        }
        let unnamed = f.vars.get(v).is_some_and(|var| var.name.is_none());
        copy_of[v].filter(|_| unnamed && !other_writes[v])
    };
    let mut read = vec![false; f.vars.len()];
    for (b, block) in f.blocks.iter().enumerate() {
        if !body.get(b).copied().unwrap_or(false) {
            continue;
        }
        for inst in &block.insts {
            let safe = match &inst.kind {
                InstKind::SetItem {
                    value: Operand::Var(v),
                    ..
                } => root(v.index()).is_some() || !is_int_list(v.index()),
                InstKind::SetItem { .. } => false,
                InstKind::Binary { dst, .. } => {
                    !matches!(f.vars.get(dst.index()).map(|v| &v.ty), Some(Type::List(_)))
                }
                // Removing items keeps a list of small ints one.
                InstKind::DelItem { .. } | InstKind::DelSlice { .. } => true,
                // No builtin changes a list it is given, and str methods make
                // new lists at most.
                InstKind::CallMethod { receiver, .. } => {
                    matches!(receiver, Operand::Var(v) if f.vars.get(v.index()).is_some_and(|var| var.ty == Type::Str))
                }
                InstKind::Copy { .. }
                | InstKind::CallBuiltin { .. }
                | InstKind::BuildList { .. }
                | InstKind::Slice { .. }
                | InstKind::UnpackCheck { .. }
                | InstKind::Unary { .. }
                | InstKind::Not { .. }
                | InstKind::Compare { .. }
                | InstKind::Truth { .. }
                | InstKind::Index { .. }
                | InstKind::GetItem { .. }
                | InstKind::LoadGlobal { .. }
                | InstKind::StoreGlobal { .. }
                | InstKind::BuildTuple { .. }
                | InstKind::Format { .. }
                | InstKind::JoinStr { .. } => true,
                _ => false,
            };
            if !safe {
                return none;
            }
            for op in inst.kind.operands() {
                if let Some(r) = operand_var(op).and_then(root) {
                    read[r] = true;
                }
            }
        }
    }
    let checked: Vec<usize> = (0..f.vars.len()).filter(|&v| read[v]).collect();
    let all = (0..f.vars.len())
        .filter(|&v| root(v).is_some_and(|r| read[r]))
        .collect();
    SpeculatedLists { checked, all }
}

fn operand_var(op: &Operand) -> Option<usize> {
    match op {
        Operand::Var(v) => Some(v.index()),
        _ => None,
    }
}

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    fn small_only_ptr(&mut self, list: PointerValue<'ctx>) -> Result<PointerValue<'ctx>> {
        self.word_ptr(list, SMALL_ONLY_WORD)
    }

    /// Whether list `list` holds only small ints.
    pub(super) fn list_small_only(&mut self, list: PointerValue<'ctx>) -> Result<IntValue<'ctx>> {
        let p = self.small_only_ptr(list)?;
        let i64_type = self.m.context.i64_type();
        let flag = self.builder.build_load(i64_type, p, "small.only")?;
        self.tag_access(flag.as_instruction_value(), Access::Header);
        Ok(self.builder.build_int_compare(
            IntPredicate::NE,
            flag.into_int_value(),
            i64_type.const_zero(),
            "small.only",
        )?)
    }

    /// Sets `small_only` of `list` to `value` (an `i1`).
    fn set_small_only(&mut self, list: PointerValue<'ctx>, value: IntValue<'ctx>) -> Result<()> {
        let p = self.small_only_ptr(list)?;
        let i64_type = self.m.context.i64_type();
        let word = self.builder.build_int_z_extend(value, i64_type, "")?;
        let store = self.builder.build_store(p, word)?;
        self.tag_access(Some(store), Access::Header);
        Ok(())
    }

    /// After `slot` was stored into a `list[int]`: the list no longer holds only
    /// small ints unless `slot` is one. Nothing is emitted when the slot is known
    /// to be small (the fast path of an int operation).
    pub(super) fn note_int_list_store(
        &mut self,
        list: PointerValue<'ctx>,
        slot: IntValue<'ctx>,
    ) -> Result<IntValue<'ctx>> {
        let small = self.is_small(slot)?;
        if small.get_zero_extended_constant() == Some(1) {
            return Ok(small);
        }
        let context = self.m.context;
        let clear = context.append_basic_block(self.llvm, "small.only.clear");
        let done = context.append_basic_block(self.llvm, "small.only.kept");
        let expected = self.expect(small, true)?;
        self.builder
            .build_conditional_branch(expected, done, clear)?;
        self.builder.position_at_end(clear);
        self.set_small_only(list, context.bool_type().const_zero())?;
        self.builder.build_unconditional_branch(done)?;
        self.builder.position_at_end(done);
        Ok(small)
    }

    /// After a `list[int]` display filled `list` with `slots`: whether all are small.
    pub(super) fn note_int_list_built(
        &mut self,
        list: PointerValue<'ctx>,
        slots: &[IntValue<'ctx>],
    ) -> Result<()> {
        let i64_type = self.m.context.i64_type();
        let mut all = i64_type.const_int(1, false);
        for slot in slots {
            all = self.builder.build_and(all, *slot, "all")?;
        }
        let small = self.is_small(all)?;
        self.set_small_only(list, small)
    }

    /// Whether `container` is a list the fast copy being generated speculates on.
    pub(super) fn speculated_list(&self, container: &Operand) -> bool {
        match (self.fast, container) {
            (Some(l), Operand::Var(v)) => self
                .fast_loops
                .get(l)
                .is_some_and(|fl| fl.lists.all.contains(&v.index())),
            _ => false,
        }
    }

    /// After instruction `i` of block `b`, an item assignment into a list a fast
    /// loop speculates on: in the ordinary copy, a fresh block starts there (a fast
    /// copy may resume at it); in the fast copy, storing anything but a small int
    /// leaves for that point.
    pub(super) fn after_list_store(&mut self, b: usize, i: usize, kind: &InstKind) -> Result<()> {
        let stored_small = self.stored_small.take();
        let InstKind::SetItem {
            value: Operand::Var(v),
            ..
        } = kind
        else {
            return Ok(());
        };
        let loop_index = match self.fast {
            Some(l) => Some(l),
            None => self.fast_loops.iter().position(|fl| fl.copies(b)),
        };
        let Some(l) = loop_index else {
            return Ok(());
        };
        if !self.fast_loops[l].lists.all.contains(&v.index()) {
            return Ok(());
        }
        // Without a small bit, the store never runs (an operand has no value:
        // the code traps).
        self.resume_point(b, i, stored_small)
    }
}
