//! Temporaries that need no stack slot.
//!
//! Lowering creates a temporary for almost every intermediate value, and most are
//! assigned once and read only later in the same block. Giving each an alloca
//! would leave mem2reg (LLVM's SROA) to rediscover that, and SROA's cost grows with
//! allocas times blocks: a long module body took minutes at -O1. Such temporaries
//! are kept as plain LLVM values instead (a single definition dominates every later
//! point of its block, however many LLVM blocks the block is split into).

use typeinfer::ir::{Function, Operand, Terminator};

/// True for each variable that is a temporary with one definition whose every use
/// comes after it in the same block.
pub fn block_local_temps(f: &Function) -> Vec<bool> {
    let n = f.vars.len();
    // Per variable: (defining block, instruction index, definition count).
    let mut def: Vec<Option<(usize, usize)>> = vec![None; n];
    let mut defs = vec![0u32; n];
    for (b, block) in f.blocks.iter().enumerate() {
        for (i, inst) in block.insts.iter().enumerate() {
            if let Some(d) = inst.kind.dst() {
                if let Some(count) = defs.get_mut(d.index()) {
                    *count += 1;
                    def[d.index()] = Some((b, i));
                }
            }
        }
    }
    let mut ok: Vec<bool> = (0..n)
        .map(|v| {
            f.vars[v].name.is_none() && defs[v] == 1 && !f.params.iter().any(|p| p.index() == v)
        })
        .collect();
    let use_at = |op: &Operand, b: usize, position: usize, ok: &mut Vec<bool>| {
        if let Operand::Var(v) = op {
            let v = v.index();
            let local = matches!(def.get(v), Some(Some((db, di))) if *db == b && *di < position);
            if !local {
                if let Some(flag) = ok.get_mut(v) {
                    *flag = false;
                }
            }
        }
    };
    for (b, block) in f.blocks.iter().enumerate() {
        for (i, inst) in block.insts.iter().enumerate() {
            for op in inst.kind.operands() {
                use_at(op, b, i, &mut ok);
            }
        }
        let end = block.insts.len();
        match &block.term {
            Terminator::Branch { cond, .. } => use_at(cond, b, end, &mut ok),
            Terminator::Return(value) => use_at(value, b, end, &mut ok),
            Terminator::Raise {
                message: Some(m), ..
            } => use_at(m, b, end, &mut ok),
            _ => {}
        }
    }
    ok
}
