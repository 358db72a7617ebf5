//! `s += t` on a str variable (local or global) grows the string in place
//! (`kr_str_append`) while the variable holds the only reference to it, so
//! building a string piece by piece in a loop costs time linear in its length,
//! not quadratic. (CPython gets the same from its reference count.)
//!
//! Each such variable has a flag, "owned": true when its current string was made
//! by one of its own appends and nothing else has been given it since. An append
//! with the flag set grows the string in place; without it, it copies into a new
//! string with room to spare and sets the flag. Every other assignment of the
//! variable clears the flag, and so does every read that could keep the string
//! (a copy into another variable, a container, a call, a slice that may share
//! it...). The reads that cannot (`len`, `print`, comparisons, truth tests,
//! indexing, and the append's own read) leave it set.

use super::function::FunctionGen;
use super::values::Val;
use crate::error::{Error, Result};
use frontend::ast::Operator;
use inkwell::values::PointerValue;
use std::collections::{HashMap, HashSet};
use typeinfer::ir::{Builtin, Function, GlobalId, InstKind, Operand, Program, VarId};
use typeinfer::types::Type;

/// Where a function appends to str variables in place, and which of its reads
/// must clear a variable's flag first.
#[derive(Default)]
pub struct Appends {
    /// (block, index) of each `t = v + x` followed by `v = t` (how `v += x` is
    /// lowered), with `v`.
    pub locals: HashMap<(usize, usize), VarId>,
    /// (block, index) of each `u = t + x` between `t = load g` and `store g = u`,
    /// with `g`.
    pub globals: HashMap<(usize, usize), GlobalId>,
    /// (block, index) of the instructions that may keep a string of these
    /// variables, with the variables whose flags they clear.
    pub sharing_locals: HashMap<(usize, usize), Vec<VarId>>,
    pub sharing_globals: HashMap<(usize, usize), GlobalId>,
}

/// Whether `kind` reads a str without keeping it.
fn reads_only(kind: &InstKind) -> bool {
    matches!(
        kind,
        InstKind::CallBuiltin {
            builtin: Builtin::Len | Builtin::Print,
            ..
        } | InstKind::Compare { .. }
            | InstKind::Truth { .. }
            | InstKind::GetItem { .. }
    )
}

fn use_counts(f: &Function) -> HashMap<VarId, usize> {
    let mut uses: HashMap<VarId, usize> = HashMap::new();
    for inst in f.blocks.iter().flat_map(|b| &b.insts) {
        for op in inst.kind.operands() {
            if let Operand::Var(v) = op {
                *uses.entry(*v).or_default() += 1;
            }
        }
    }
    uses
}

/// The in-place appends of every function of `program`.
pub fn program_appends(program: &Program) -> Vec<Appends> {
    program
        .functions
        .iter()
        .map(|f| function_appends(program, f))
        .collect()
}

fn function_appends(program: &Program, f: &Function) -> Appends {
    let uses = use_counts(f);
    let is_str = |v: &VarId| f.vars.get(v.index()).is_some_and(|var| var.ty == Type::Str);
    let mut appends = Appends::default();
    for (b, block) in f.blocks.iter().enumerate() {
        let insts = &block.insts;
        for i in 0..insts.len() {
            let next = insts.get(i + 1).map(|n| &n.kind);
            let InstKind::Binary {
                dst: t,
                op: Operator::Add,
                lhs: Operand::Var(v),
                rhs,
                ..
            } = &insts[i].kind
            else {
                continue;
            };
            if *rhs == Operand::Var(*v) || uses.get(t) != Some(&1) {
                continue;
            }
            match next {
                Some(InstKind::Copy {
                    dst,
                    src: Operand::Var(src),
                }) if dst == v && src == t && is_str(v) => {
                    appends.locals.insert((b, i), *v);
                }
                Some(InstKind::StoreGlobal {
                    global,
                    src: Operand::Var(src),
                }) if src == t && uses.get(v) == Some(&1) => {
                    let loaded = i
                        .checked_sub(1)
                        .and_then(|p| insts.get(p))
                        .is_some_and(|p| {
                            matches!(p.kind, InstKind::LoadGlobal { dst, global: g }
                                if dst == *v && g == *global)
                        });
                    let str_global = program
                        .globals
                        .get(global.index())
                        .is_some_and(|g| g.ty == Type::Str);
                    if loaded && str_global {
                        appends.globals.insert((b, i), *global);
                    }
                }
                _ => {}
            }
        }
    }
    let local_vars: HashSet<VarId> = appends.locals.values().copied().collect();
    for (b, block) in f.blocks.iter().enumerate() {
        for (i, inst) in block.insts.iter().enumerate() {
            if appends.locals.contains_key(&(b, i)) || reads_only(&inst.kind) {
                continue;
            }
            let shared: Vec<VarId> = inst
                .kind
                .operands()
                .into_iter()
                .filter_map(|op| match op {
                    Operand::Var(v) if local_vars.contains(v) => Some(*v),
                    _ => None,
                })
                .collect();
            if !shared.is_empty() {
                appends.sharing_locals.insert((b, i), shared);
            }
        }
    }
    // A load of a global appended to anywhere, other than an append's own: it
    // clears the flag unless every use of the loaded value only reads it.
    let appended: HashSet<GlobalId> = program_globals_appended(program, f, &appends);
    for (b, block) in f.blocks.iter().enumerate() {
        for (i, inst) in block.insts.iter().enumerate() {
            let InstKind::LoadGlobal { dst, global } = inst.kind else {
                continue;
            };
            let own_load = appends.globals.get(&(b, i + 1)) == Some(&global);
            if appended.contains(&global) && !own_load && !only_read(f, dst) {
                appends.sharing_globals.insert((b, i), global);
            }
        }
    }
    appends
}

/// The str globals with an append in some function (this one's found already).
fn program_globals_appended(program: &Program, f: &Function, here: &Appends) -> HashSet<GlobalId> {
    let mut globals: HashSet<GlobalId> = here.globals.values().copied().collect();
    for other in &program.functions {
        if std::ptr::eq(other, f) {
            continue;
        }
        for block in &other.blocks {
            for three in block.insts.windows(3) {
                if let (
                    InstKind::LoadGlobal { dst: t, global: g },
                    InstKind::Binary {
                        lhs: Operand::Var(l),
                        op: Operator::Add,
                        ..
                    },
                    InstKind::StoreGlobal { global, .. },
                ) = (&three[0].kind, &three[1].kind, &three[2].kind)
                {
                    let str_global = program
                        .globals
                        .get(g.index())
                        .is_some_and(|g| g.ty == Type::Str);
                    if l == t && g == global && str_global {
                        globals.insert(*g);
                    }
                }
            }
        }
    }
    globals
}

/// Whether temporary `v` (and the temporaries copied from it) is only read.
fn only_read(f: &Function, v: VarId) -> bool {
    let mut work = vec![v];
    let mut seen: HashSet<VarId> = work.iter().copied().collect();
    while let Some(v) = work.pop() {
        if f.vars.get(v.index()).is_none_or(|var| var.name.is_some()) {
            return false;
        }
        for block in &f.blocks {
            for inst in &block.insts {
                if !inst.kind.operands().contains(&&Operand::Var(v)) {
                    continue;
                }
                match &inst.kind {
                    InstKind::Copy { dst, .. } => {
                        if seen.insert(*dst) {
                            work.push(*dst);
                        }
                    }
                    kind if reads_only(kind) => {}
                    _ => return false,
                }
            }
            if block.term.operands().contains(&&Operand::Var(v)) {
                return false;
            }
        }
    }
    true
}

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    /// Before instruction `at`: the flag work of in-place appends. True when the
    /// instruction is an append, generated here.
    pub(super) fn str_append_at(&mut self, at: (usize, usize), kind: &InstKind) -> Result<bool> {
        let appends = self.m.appends.get(self.function_id.index());
        let local = appends.and_then(|a| a.locals.get(&at)).copied();
        let global = appends.and_then(|a| a.globals.get(&at)).copied();
        let shared_locals = appends
            .and_then(|a| a.sharing_locals.get(&at))
            .cloned()
            .unwrap_or_default();
        let shared_global = appends.and_then(|a| a.sharing_globals.get(&at)).copied();
        let previous = at.1.checked_sub(1).map(|i| (at.0, i));
        let ends_local = previous.and_then(|p| appends.and_then(|a| a.locals.get(&p)).copied());
        let ends_global = previous.and_then(|p| appends.and_then(|a| a.globals.get(&p)).copied());
        if let (Some(slot), InstKind::Binary { dst, lhs, rhs, .. }) = (
            local
                .map(|v| self.local_flag(v))
                .or_else(|| global.map(|g| self.global_flag(g))),
            kind,
        ) {
            let (Val::Str(a), Val::Str(b)) = (self.operand(lhs)?, self.operand(rhs)?) else {
                return Err(Error::internal("?", "an append of a non-str"));
            };
            let r = self.append_call(a, b, slot?)?;
            self.store(*dst, Val::Str(r))?;
            return Ok(true);
        }
        for v in shared_locals {
            let slot = self.local_flag(v)?;
            self.clear_flag(slot)?;
        }
        if let Some(g) = shared_global {
            let slot = self.global_flag(g)?;
            self.clear_flag(slot)?;
        }
        // Any other assignment of the variable; the copy or store that ends an
        // append keeps the flag.
        match kind {
            InstKind::StoreGlobal { global, .. } if ends_global != Some(*global) => {
                if let Some(flag) = self.m.owned_globals.get(global).copied() {
                    self.clear_flag(flag.as_pointer_value())?;
                }
            }
            _ => {
                if let Some(dst) = kind.dst() {
                    if ends_local != Some(dst) {
                        if let Some(&slot) = self.owned_strs.get(&dst) {
                            self.clear_flag(slot)?;
                        }
                    }
                }
            }
        }
        Ok(false)
    }

    fn local_flag(&self, v: VarId) -> Result<PointerValue<'ctx>> {
        self.owned_strs
            .get(&v)
            .copied()
            .ok_or_else(|| Error::internal("?", "an append without its flag"))
    }

    fn global_flag(&self, g: GlobalId) -> Result<PointerValue<'ctx>> {
        self.m
            .owned_globals
            .get(&g)
            .map(|flag| flag.as_pointer_value())
            .ok_or_else(|| Error::internal("?", "a global append without its flag"))
    }

    fn clear_flag(&mut self, slot: PointerValue<'ctx>) -> Result<()> {
        let bool_type = self.m.context.bool_type();
        self.builder.build_store(slot, bool_type.const_zero())?;
        Ok(())
    }

    /// `kr_str_append(a, b, *owned)`, then `*owned = true`.
    fn append_call(
        &mut self,
        a: PointerValue<'ctx>,
        b: PointerValue<'ctx>,
        owned_slot: PointerValue<'ctx>,
    ) -> Result<PointerValue<'ctx>> {
        let bool_type = self.m.context.bool_type();
        let owned = self
            .builder
            .build_load(bool_type, owned_slot, "owned")?
            .into_int_value();
        let r = self.call_runtime_str("kr_str_append", &[a.into(), b.into(), owned.into()])?;
        self.builder
            .build_store(owned_slot, bool_type.const_all_ones())?;
        Ok(r)
    }
}
