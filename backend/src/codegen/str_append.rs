//! `s += t` on a str variable that holds the only reference to its string: the
//! string grows in place (`kr_str_append`), so building a string piece by piece
//! in a loop costs time linear in its length, not quadratic. (CPython gets the
//! same from its reference count.)
//!
//! A variable qualifies when nothing can see its string but the variable itself:
//! its value is only appended to, measured (`len`), printed, compared, tested for
//! truth or returned, never copied into another variable, container or call. A
//! flag per such variable, "owned", says whether its current string came from an
//! append of this function (then nothing else refers to it); any other
//! assignment clears it, and the next append copies into a new string with room
//! to spare.

use super::function::FunctionGen;
use super::values::Val;
use crate::error::{Error, Result};
use frontend::ast::Operator;
use std::collections::{HashMap, HashSet};
use typeinfer::ir::{Builtin, Function, InstKind, Operand, Terminator, VarId};
use typeinfer::types::Type;

/// The appends of `f` to its str variables, which may grow their string in
/// place: `(block, index)` of each `t = v + x` that is followed by `v = t`
/// (how `v += x` and `v = v + x` are lowered), with `v`. The variables all of
/// whose other uses are harmless (see the module comment) qualify.
pub fn appends(f: &Function) -> HashMap<(usize, usize), VarId> {
    let mut uses: HashMap<VarId, usize> = HashMap::new();
    for inst in f.blocks.iter().flat_map(|b| &b.insts) {
        for op in inst.kind.operands() {
            if let Operand::Var(v) = op {
                *uses.entry(*v).or_default() += 1;
            }
        }
    }
    let mut sites = HashMap::new();
    for (b, block) in f.blocks.iter().enumerate() {
        for (i, pair) in block.insts.windows(2).enumerate() {
            if let (
                InstKind::Binary {
                    dst: t,
                    op: Operator::Add,
                    lhs: Operand::Var(v),
                    rhs,
                    ..
                },
                InstKind::Copy {
                    dst: target,
                    src: Operand::Var(src),
                },
            ) = (&pair[0].kind, &pair[1].kind)
            {
                let is_str = f.vars.get(v.index()).is_some_and(|var| var.ty == Type::Str);
                if target == v
                    && src == t
                    && *rhs != Operand::Var(*v)
                    && is_str
                    && uses.get(t) == Some(&1)
                {
                    sites.insert((b, i), *v);
                }
            }
        }
    }
    let mut candidates: HashSet<VarId> = sites.values().copied().collect();
    for (b, block) in f.blocks.iter().enumerate() {
        for (i, inst) in block.insts.iter().enumerate() {
            // An append copies the bytes of its other operand and keeps no
            // reference to it.
            let harmless = sites.contains_key(&(b, i))
                || matches!(
                    inst.kind,
                    InstKind::CallBuiltin {
                        builtin: Builtin::Len | Builtin::Print,
                        ..
                    } | InstKind::Compare { .. }
                        | InstKind::Truth { .. }
                );
            if harmless {
                continue;
            }
            for op in inst.kind.operands() {
                if let Operand::Var(v) = op {
                    candidates.remove(v);
                }
            }
        }
        if !matches!(block.term, Terminator::Return(_)) {
            for op in block.term.operands() {
                if let Operand::Var(v) = op {
                    candidates.remove(v);
                }
            }
        }
    }
    sites.retain(|_, v| candidates.contains(v));
    sites
}

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    /// `t = v + rhs` of an append to `v` (`t` is copied into `v` next): `v`'s
    /// string grows in place when `v` owns it.
    pub(super) fn append_str(&mut self, v: VarId, t: VarId, rhs: &Operand) -> Result<()> {
        let owned_slot = *self
            .owned_strs
            .get(&v)
            .ok_or_else(|| Error::internal("?", "an append without its flag"))?;
        let (Val::Str(a), Val::Str(b)) = (self.operand(&Operand::Var(v))?, self.operand(rhs)?)
        else {
            return Err(Error::internal("?", "an append of a non-str"));
        };
        let bool_type = self.m.context.bool_type();
        let owned = self
            .builder
            .build_load(bool_type, owned_slot, "owned")?
            .into_int_value();
        let r = self
            .call_runtime("kr_str_append", &[a.into(), b.into(), owned.into()])?
            .ok_or_else(|| Error::internal("?", "kr_str_append returns nothing"))?
            .into_pointer_value();
        let failed = self.builder.build_is_null(r, "failed")?;
        self.branch_if_failed(failed)?;
        self.builder
            .build_store(owned_slot, bool_type.const_all_ones())?;
        self.store(t, Val::Str(r))
    }

    /// Before an instruction that assigns appendable `dst` other than by an
    /// append: the string it gets may be shared.
    pub(super) fn disown_str(&mut self, dst: VarId) -> Result<()> {
        if let Some(&slot) = self.owned_strs.get(&dst) {
            let bool_type = self.m.context.bool_type();
            self.builder.build_store(slot, bool_type.const_zero())?;
        }
        Ok(())
    }
}
