//! Item pointers already bounds-checked, reused by later accesses to the same item.
//!
//! `xs[i] = xs[i] + 1`, or a read of `best[c]` followed by a store to it, checks
//! the same index against the same list twice. The second access can reuse the
//! first one's item pointer when nothing in between can change the list's length
//! or items array (or rebind `xs` or `i`) and the first access dominates the
//! second: it came earlier in the same IR block, or in the block's only
//! predecessor. Only instructions known not to touch any list's length keep the
//! pointers (`keeps_item_pointers`); anything else forgets them all. Lowering reads
//! a list variable into a fresh temporary for each access, so accesses are keyed by
//! the variable a chain of copies started from.

use super::function::FunctionGen;
use inkwell::values::PointerValue;
use typeinfer::ir::{InstKind, Operand, VarId};
use typeinfer::types::Type;

/// A checked access: the list variable, the index operand and the item's address.
pub type CheckedItem<'ctx> = (VarId, Operand, PointerValue<'ctx>);

/// What is known at a point of the generated code.
#[derive(Clone, Default)]
pub struct ItemFacts<'ctx> {
    /// Checked accesses, by canonical variables.
    pub items: Vec<CheckedItem<'ctx>>,
    /// `(copy, original)`: variables that hold a copy of another's value.
    pub copies: Vec<(VarId, VarId)>,
}

impl<'ctx> ItemFacts<'ctx> {
    pub fn clear(&mut self) {
        self.items.clear();
        self.copies.clear();
    }

    fn canonical(&self, v: VarId) -> VarId {
        self.copies
            .iter()
            .find(|(copy, _)| *copy == v)
            .map_or(v, |(_, original)| *original)
    }

    fn canonical_operand(&self, op: &Operand) -> Operand {
        match op {
            Operand::Var(v) => Operand::Var(self.canonical(*v)),
            other => other.clone(),
        }
    }
}

/// Per IR block other than the entry, its predecessor when it has exactly one.
pub fn single_predecessors(f: &typeinfer::ir::Function) -> Vec<Option<usize>> {
    super::loops::predecessors(f, &f.reachable_blocks())
        .into_iter()
        .enumerate()
        .map(|(b, p)| match p.as_slice() {
            [only] if b != 0 => Some(*only),
            _ => None,
        })
        .collect()
}

/// The order to generate blocks in: reverse postorder from the entry (a block's
/// only predecessor comes before it), then the unreachable blocks.
pub fn generation_order(f: &typeinfer::ir::Function) -> Vec<usize> {
    let n = f.blocks.len();
    let mut seen = vec![false; n];
    let mut postorder = Vec::with_capacity(n);
    // Iterative depth-first search: (block, next successor to visit).
    let mut stack: Vec<(usize, usize)> = Vec::new();
    if n > 0 {
        seen[0] = true;
        stack.push((0, 0));
    }
    while let Some((b, k)) = stack.pop() {
        let successors = f.blocks[b].term.successors();
        match successors.get(k) {
            Some(s) => {
                stack.push((b, k + 1));
                let s = s.index();
                if s < n && !seen[s] {
                    seen[s] = true;
                    stack.push((s, 0));
                }
            }
            None => postorder.push(b),
        }
    }
    postorder.reverse();
    postorder.extend((0..n).filter(|b| !seen[*b]));
    postorder
}

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    /// Whether `kind` leaves every list's length and items array as they were.
    fn keeps_item_pointers(&self, kind: &InstKind) -> bool {
        let touches_lists = |ops: &[&Operand]| {
            ops.iter().any(|op| {
                matches!(
                    self.op_type_raw(op).strip_optional(),
                    Type::List(_) | Type::Dyn
                )
            })
        };
        match kind {
            InstKind::Copy { .. }
            | InstKind::Unary { .. }
            | InstKind::Not { .. }
            | InstKind::Compare { .. }
            | InstKind::Truth { .. }
            | InstKind::Index { .. }
            | InstKind::GetItem { .. }
            | InstKind::LoadGlobal { .. }
            | InstKind::BuildTuple { .. } => true,
            // `xs += ys` extends a list in place, as may an operator on a dyn value.
            InstKind::Binary { lhs, rhs, .. } => !touches_lists(&[lhs, rhs]),
            InstKind::SetItem { value, index, .. } => {
                matches!(self.op_type_raw(value), Type::List(_))
                    && matches!(self.op_type_raw(index), Type::Int | Type::Bool)
            }
            _ => false,
        }
    }

    /// Before instruction `kind`: forgets the pointers it may invalidate.
    pub(super) fn before_instruction(&mut self, kind: &InstKind) {
        if !self.keeps_item_pointers(kind) {
            self.checked_items.items.clear();
        }
    }

    /// After `kind`, which wrote `dst`: accesses through `dst` are new ones, and a
    /// copy makes `dst` another name for its source.
    pub(super) fn after_instruction(&mut self, kind: &InstKind, dst: VarId) {
        let facts = &mut self.checked_items;
        let stale = Operand::Var(dst);
        facts
            .items
            .retain(|(list, index, _)| *list != dst && *index != stale);
        facts
            .copies
            .retain(|(copy, original)| *copy != dst && *original != dst);
        if let InstKind::Copy {
            src: Operand::Var(src),
            ..
        } = kind
        {
            let original = facts.canonical(*src);
            if original != dst {
                facts.copies.push((dst, original));
            }
        }
    }

    /// At the start of IR block `b`: the pointers its only predecessor ended with,
    /// when that predecessor was generated in the same copy and control cannot
    /// arrive from elsewhere (a fast copy leaving its loop enters the ordinary
    /// copy of the exit block too).
    pub(super) fn enter_block_items(&mut self, b: usize) {
        self.checked_items.clear();
        let Some(Some(p)) = self.single_pred.get(b).copied() else {
            return;
        };
        let leaves_fast_copy = self.fast_loops.iter().any(|l| l.copies(p) && !l.copies(b));
        if leaves_fast_copy {
            return;
        }
        if let Some(items) = self.exit_items.get(&(self.fast, p)) {
            self.checked_items = items.clone();
        }
    }

    /// At the end of IR block `b` (before its terminator).
    pub(super) fn leave_block_items(&mut self, b: usize) {
        let items = std::mem::take(&mut self.checked_items);
        self.exit_items.insert((self.fast, b), items);
    }

    /// The checked pointer of `list[index]`, if an earlier access made one.
    pub(super) fn checked_item(
        &self,
        list: &Operand,
        index: &Operand,
    ) -> Option<PointerValue<'ctx>> {
        let Operand::Var(list) = list else {
            return None;
        };
        let facts = &self.checked_items;
        let list = facts.canonical(*list);
        let index = facts.canonical_operand(index);
        facts
            .items
            .iter()
            .find(|(l, i, _)| *l == list && *i == index)
            .map(|(_, _, p)| *p)
    }

    /// Remembers the checked pointer of `list[index]`.
    pub(super) fn remember_item(&mut self, list: &Operand, index: &Operand, p: PointerValue<'ctx>) {
        if let Operand::Var(list) = list {
            let facts = &mut self.checked_items;
            let entry = (facts.canonical(*list), facts.canonical_operand(index), p);
            facts.items.push(entry);
        }
    }
}
