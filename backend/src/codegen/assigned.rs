//! Definite assignment: which variables certainly hold a value when a block starts.
//!
//! Python raises `UnboundLocalError` when a local is read before any assignment
//! reached it, and `NameError` for a module variable. Generated code must do the
//! same rather than read an empty slot, but a test on every read would be waste: a
//! forward "must" dataflow (intersection over predecessors) finds the reads that
//! are certainly preceded by an assignment, and only the others get a run-time test.
//!
//! The tracked universe is every named local that is not a parameter (parameters
//! and temporaries are always assigned before use) followed by every module variable.

use typeinfer::ir::{Function, InstKind};

/// The index of a module variable in the tracked universe of `f`.
pub fn global_slot(f: &Function, global: usize) -> usize {
    f.vars.len() + global
}

/// The variables certainly assigned at the start of each block of `f`, by index in
/// the tracked universe (locals, then `globals` module variables).
pub fn definitely_assigned(f: &Function, globals: usize) -> Vec<Vec<bool>> {
    let size = f.vars.len() + globals;
    let mut at_entry = vec![vec![true; size]; f.blocks.len()];
    let mut entry = vec![false; size];
    for (i, var) in f.vars.iter().enumerate() {
        // Temporaries are assigned before use by construction.
        if var.name.is_none() {
            entry[i] = true;
        }
    }
    for p in &f.params {
        if let Some(slot) = entry.get_mut(p.index()) {
            *slot = true;
        }
    }
    if let Some(first) = at_entry.first_mut() {
        *first = entry;
    }
    // Values only fall (intersection), so this reaches a fixpoint; the bound keeps
    // a malformed graph from looping.
    let mut changed = true;
    let mut rounds = 0;
    while changed && rounds <= f.blocks.len() + 1 {
        changed = false;
        rounds += 1;
        for (b, block) in f.blocks.iter().enumerate() {
            let mut state = at_entry[b].clone();
            for inst in &block.insts {
                mark(f, &inst.kind, &mut state);
            }
            for succ in block.term.successors() {
                if let Some(target) = at_entry.get_mut(succ.index()) {
                    for (t, s) in target.iter_mut().zip(&state) {
                        if *t && !*s {
                            *t = false;
                            changed = true;
                        }
                    }
                }
            }
        }
    }
    at_entry
}

/// Records what an instruction assigns.
pub fn mark(f: &Function, kind: &InstKind, state: &mut [bool]) {
    let slot = match kind {
        InstKind::StoreGlobal { global, .. } => global_slot(f, global.index()),
        other => match other.dst() {
            Some(dst) => dst.index(),
            None => return,
        },
    };
    if let Some(s) = state.get_mut(slot) {
        *s = true;
    }
}
