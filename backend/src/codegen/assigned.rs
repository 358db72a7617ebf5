//! Definite assignment: which variables certainly hold a value when a block starts.
//!
//! Python raises `UnboundLocalError` when a local is read before any assignment
//! reached it, and `NameError` for a module variable. Generated code must do the
//! same rather than read an empty slot, but a test on every read would be waste: a
//! forward "must" dataflow (intersection over predecessors) finds the reads that
//! are certainly preceded by an assignment, and only the others get a run-time test.
//!
//! The tracked universe is every variable of the function (parameters and
//! temporaries start assigned: they are assigned before use by construction)
//! followed by every module variable, then every module-level function (whose
//! name is bound once its `def` has run). Sets are bit vectors, and blocks are visited
//! from a worklist, so large module bodies stay cheap.

use typeinfer::ir::{FuncId, Function, InstKind};

/// A set of variable indices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VarSet(Vec<u64>);

impl VarSet {
    pub fn full(size: usize) -> VarSet {
        VarSet(vec![u64::MAX; size.div_ceil(64)])
    }

    fn empty(size: usize) -> VarSet {
        VarSet(vec![0; size.div_ceil(64)])
    }

    pub fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    pub fn insert(&mut self, i: usize) {
        if let Some(w) = self.0.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }

    pub fn remove(&mut self, i: usize) {
        if let Some(w) = self.0.get_mut(i / 64) {
            *w &= !(1 << (i % 64));
        }
    }

    /// `self &= other`; true if `self` changed.
    fn intersect(&mut self, other: &VarSet) -> bool {
        let mut changed = false;
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            let next = *a & *b;
            changed |= next != *a;
            *a = next;
        }
        changed
    }
}

/// The index of a module variable in the tracked universe of `f`.
pub fn global_slot(f: &Function, global: usize) -> usize {
    f.vars.len() + global
}

/// The index of "the `def` of module-level function `template` has run" in the
/// tracked universe of `f`.
pub fn function_slot(f: &Function, globals: usize, template: FuncId) -> usize {
    f.vars.len() + globals + template.index()
}

/// The variables certainly assigned at the start of each block of `f` (locals,
/// then `globals` module variables, then `templates` function names).
pub fn definitely_assigned(f: &Function, globals: usize, templates: usize) -> Vec<VarSet> {
    let size = f.vars.len() + globals + templates;
    let mut at_entry = vec![VarSet::full(size); f.blocks.len()];
    let mut entry = VarSet::empty(size);
    for (i, var) in f.vars.iter().enumerate() {
        if var.name.is_none() {
            entry.insert(i);
        }
    }
    for p in &f.params {
        entry.insert(p.index());
    }
    if let Some(first) = at_entry.first_mut() {
        *first = entry;
    }
    // Sets only shrink, so each block re-enters the worklist a bounded number of
    // times.
    let mut queued = vec![false; f.blocks.len()];
    let mut worklist: Vec<usize> = (0..f.blocks.len()).rev().collect();
    queued.iter_mut().for_each(|q| *q = true);
    while let Some(b) = worklist.pop() {
        queued[b] = false;
        let Some(block) = f.blocks.get(b) else {
            continue;
        };
        let mut state = at_entry[b].clone();
        for inst in &block.insts {
            mark(f, globals, &inst.kind, &mut state);
        }
        for succ in block.term.successors() {
            let s = succ.index();
            if let Some(target) = at_entry.get_mut(s) {
                if target.intersect(&state) && !queued[s] {
                    queued[s] = true;
                    worklist.push(s);
                }
            }
        }
    }
    at_entry
}

/// Records what an instruction assigns.
pub fn mark(f: &Function, globals: usize, kind: &InstKind, state: &mut VarSet) {
    if let InstKind::TailFrame { forget } = kind {
        for v in forget {
            state.remove(v.index());
        }
        return;
    }
    let slot = match kind {
        InstKind::StoreGlobal { global, .. } => global_slot(f, global.index()),
        InstKind::DefFunction { func } => function_slot(f, globals, *func),
        other => match other.dst() {
            Some(dst) => dst.index(),
            None => return,
        },
    };
    state.insert(slot);
}
