//! Type inference: specialisation per argument types, dataflow to a fixpoint
//! (docs/typeinfer.md, section 3).
//!
//! Starting from `<module>`, every call site asks for the specialisation of its
//! callee at the argument types it passes, created on first request. Each variable
//! of a specialisation gets the join of everything assigned to it; a function's
//! return type is the join of its `return`s; a global's type is the join of every
//! store in the program. All of it repeats until nothing changes: types only climb
//! a lattice of finite height, so this terminates.
//!
//! Annotations do not decide types: Python does not enforce them (`x: float = 1`
//! holds an int), so a native program that trusted them would print different
//! answers. Types come from the values the program actually computes.

use crate::call_values::{self, Bound};
use crate::error::{Result, Unsupported};
use crate::ir::{Builtin, Const, FuncId, Function, InstKind, Operand, Program, Terminator, VarId};
use crate::types::Type;
use frontend::ast::{CmpOp, Operator, TextRange, UnaryOp};
use std::collections::HashMap;

/// Specialisations of one function beyond which the parameters whose types
/// differ between them are widened to `dyn` (`State::widened_args`).
const MAX_SPECIALISATIONS: usize = 16;

/// Turns a lowered program (templates) into typed specialisations.
pub fn infer(program: &Program) -> Result<Program> {
    let mut state = State {
        templates: &program.functions,
        specs: Vec::new(),
        call_targets: Vec::new(),
        index: HashMap::new(),
        globals: vec![Type::Never; program.globals.len()],
        empty_lists_final: false,
    };
    let main = state.specialise(program.main, Vec::new());
    // Bounded: each round either raises some type or stops; types have a small
    // finite height, so the bound is never reached by a correct implementation.
    let mut rounds = 0;
    loop {
        let mut changed = false;
        let mut i = 0;
        while i < state.specs.len() {
            changed |= state.analyse(FuncId(i as u32))?;
            i += 1;
        }
        if !changed {
            if state.empty_lists_final {
                break;
            }
            // Settled: the lists still `list[never]` are the empty ones; what
            // waited on them (`sum`) now gets its type, and the rounds go on.
            state.empty_lists_final = true;
        }
        rounds += 1;
        if rounds >= 10_000 {
            return Err(Unsupported::new(
                "a program whose types do not settle (internal limit of type inference)",
                program.functions[program.main.index()].range,
            ));
        }
    }
    let used = state.used_specs(main);
    state.resolve_call_values(&used)?;
    state.resolve_iterables();
    state.check_operations(&used)?;
    state.make_boxing_explicit(&used)?;
    state.rewrite_calls();
    state.hollow_unused(&used);
    let mut globals = program.globals.clone();
    for (g, ty) in globals.iter_mut().zip(&state.globals) {
        g.ty = ty.clone();
    }
    Ok(Program {
        functions: state.specs,
        globals,
        main,
        specialised: true,
        template_names: program.template_names.clone(),
        imports: program.imports.clone(),
    })
}

struct State<'a> {
    templates: &'a [Function],
    /// During inference a specialisation's `Call`s still name templates; the
    /// specialisation each call currently reaches is in `call_targets`.
    specs: Vec<Function>,
    /// Per specialisation: (block, instruction) of a call -> callee specialisation.
    call_targets: Vec<HashMap<(usize, usize), FuncId>>,
    index: HashMap<(FuncId, Vec<Type>), FuncId>,
    globals: Vec<Type>,
    /// Whether a list still typed `list[never]` is known to be empty. Until the
    /// types settle it may only not have met its first append yet (the append's
    /// block comes later), so `sum()` of it waits rather than giving its int start:
    /// int joined with the float the list's items turn out to be would be `dyn`.
    empty_lists_final: bool,
}

/// `isinstance(p, C)` of a parameter the body never rebinds is known from the
/// specialisation's argument types (its key, which never climb): it becomes a
/// constant, and a branch on it a jump, so that the code it guards against
/// (`if isinstance(x, list): ... len(x)` in the specialisation for an int) is
/// unreachable and not typed.
fn fold_param_isinstance(f: &mut Function) {
    let mut defs: HashMap<VarId, usize> = HashMap::new();
    for inst in f.blocks.iter().flat_map(|b| &b.insts) {
        if let Some(d) = inst.kind.dst() {
            *defs.entry(d).or_default() += 1;
        }
    }
    let mut known: HashMap<VarId, bool> = HashMap::new();
    for b in 0..f.blocks.len() {
        for i in 0..f.blocks[b].insts.len() {
            let InstKind::CallBuiltin {
                dst,
                builtin: Builtin::IsInstance(kinds),
                args,
                ..
            } = &f.blocks[b].insts[i].kind
            else {
                continue;
            };
            let [Operand::Var(p)] = args.as_slice() else {
                continue;
            };
            let ty = &f.var(*p).ty;
            let concrete = !matches!(ty, Type::Dyn | Type::Optional(_) | Type::Never | Type::I64);
            if !f.params.contains(p) || defs.contains_key(p) || !concrete {
                continue;
            }
            let bit = ty.runtime_kind();
            let hit = bit < 16 && kinds & (1 << bit) != 0;
            let dst = *dst;
            if defs.get(&dst) == Some(&1) {
                known.insert(dst, hit);
            }
            f.blocks[b].insts[i].kind = InstKind::Copy {
                dst,
                src: Operand::Const(Const::Bool(hit)),
            };
        }
    }
    if known.is_empty() {
        return;
    }
    // Truth, negations and copies of a known bool, each the variable's only
    // definition.
    loop {
        let mut grew = false;
        for inst in f.blocks.iter().flat_map(|b| &b.insts) {
            let (dst, src, negate) = match &inst.kind {
                InstKind::Truth {
                    dst,
                    value: Operand::Var(v),
                }
                | InstKind::Copy {
                    dst,
                    src: Operand::Var(v),
                } => (*dst, *v, false),
                InstKind::Not {
                    dst,
                    operand: Operand::Var(v),
                } => (*dst, *v, true),
                _ => continue,
            };
            if let (Some(&value), None, Some(1)) =
                (known.get(&src), known.get(&dst), defs.get(&dst))
            {
                known.insert(dst, value != negate);
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
    for block in &mut f.blocks {
        if let Terminator::Branch {
            cond: Operand::Var(c),
            then_block,
            else_block,
        } = &block.term
        {
            if let (Some(&value), Some(1)) = (known.get(c), defs.get(c)) {
                block.term = Terminator::Jump(if value { *then_block } else { *else_block });
            }
        }
    }
}

/// Joins `ty` into `slot`; true if it changed. Types nested deeper than any
/// program writes by hand (`xs.append(xs)` would otherwise climb forever) become
/// `dyn`, which is reported.
fn raise_to(slot: &mut Type, ty: &Type) -> bool {
    let mut joined = slot.join(ty);
    if joined.depth() > 8 {
        joined = Type::Dyn;
    }
    if joined != *slot {
        *slot = joined;
        true
    } else {
        false
    }
}

impl State<'_> {
    /// The specialisation of `template` for `args`, created on first request.
    fn specialise(&mut self, template: FuncId, args: Vec<Type>) -> FuncId {
        if let Some(&id) = self.index.get(&(template, args.clone())) {
            return id;
        }
        let args = self.widened_args(template, args);
        if let Some(&id) = self.index.get(&(template, args.clone())) {
            return id;
        }
        let mut spec = self.templates[template.index()].clone();
        spec.template = Some(template);
        for (param, ty) in spec.params.clone().iter().zip(&args) {
            spec.vars[param.index()].ty = ty.clone();
        }
        fold_param_isinstance(&mut spec);
        let id = FuncId(self.specs.len() as u32);
        self.specs.push(spec);
        self.call_targets.push(HashMap::new());
        self.index.insert((template, args), id);
        id
    }

    /// The argument types a new specialisation of `template` gets. Past
    /// `MAX_SPECIALISATIONS` of one function, a parameter whose type differs
    /// between them becomes `dyn`: a recursion that passes a growing tuple
    /// (`walk(path + (node,))`) would otherwise ask for one specialisation per
    /// length, without end.
    fn widened_args(&self, template: FuncId, mut args: Vec<Type>) -> Vec<Type> {
        let existing: Vec<&Vec<Type>> = self
            .index
            .keys()
            .filter(|(t, _)| *t == template)
            .map(|(_, a)| a)
            .collect();
        if existing.len() < MAX_SPECIALISATIONS {
            return args;
        }
        for (k, arg) in args.iter_mut().enumerate() {
            if existing.iter().any(|other| other.get(k) != Some(arg)) {
                *arg = Type::Dyn;
            }
        }
        args
    }

    /// One pass over a specialisation; true if any type changed.
    fn analyse(&mut self, id: FuncId) -> Result<bool> {
        let mut changed = false;
        let reachable = self.specs[id.index()].reachable_blocks();
        let blocks = reachable
            .iter()
            .enumerate()
            .filter_map(|(b, r)| r.then_some(b));
        for b in blocks {
            let inst_count = self.specs[id.index()].blocks[b].insts.len();
            for i in 0..inst_count {
                let inst = self.specs[id.index()].blocks[b].insts[i].clone();
                let called = match &inst.kind {
                    InstKind::Call { func, args, .. } => Some((*func, args.clone())),
                    InstKind::CallValue { .. } => match self.bound_call(id, &inst.kind, inst.range)
                    {
                        Ok(Some(Bound::Def { template, args })) => Some((template, args)),
                        _ => None,
                    },
                    _ => None,
                };
                if let Some((func, args)) = called {
                    // Argument types may still climb, so the target is re-chosen on
                    // every pass.
                    let f = &self.specs[id.index()];
                    let arg_types: Vec<Type> = args.iter().map(|a| f.operand_type(a)).collect();
                    if !arg_types.contains(&Type::Never) {
                        let spec = self.specialise(func, arg_types);
                        let previous = self.call_targets[id.index()].insert((b, i), spec);
                        changed |= previous != Some(spec);
                    }
                }
                // A type error may be an intermediate state (a callee's return
                // type still climbing): it is checked again once types settle
                // (`check_operations`); until then the result is unknown.
                let result = self
                    .result_type(id, b, i, &inst.kind, inst.range)
                    .unwrap_or(None);
                if let (Some(dst), Some(ty)) = (inst.kind.dst(), result) {
                    changed |= raise_to(&mut self.specs[id.index()].vars[dst.index()].ty, &ty);
                }
                if let InstKind::StoreGlobal { global, src } = &inst.kind {
                    let ty = self.specs[id.index()].operand_type(src);
                    changed |= raise_to(&mut self.globals[global.index()], &ty);
                }
                changed |= self.share_aliases(id, b, i, &inst.kind);
            }
            let term = self.specs[id.index()].blocks[b].term.clone();
            if let Terminator::Return(value) = &term {
                let ty = self.specs[id.index()].operand_type(value);
                changed |= raise_to(&mut self.specs[id.index()].return_type, &ty);
                let ret = self.specs[id.index()].return_type.clone();
                changed |= self.widen(id, value, &ret);
            }
        }
        Ok(changed)
    }

    /// The type an instruction produces from its operands' current types, or
    /// `None` for instructions without a result.
    fn result_type(
        &self,
        id: FuncId,
        block: usize,
        inst: usize,
        kind: &InstKind,
        range: TextRange,
    ) -> Result<Option<Type>> {
        let f = &self.specs[id.index()];
        let ty = |op: &Operand| f.operand_type(op);
        // Operations that need a value, not None: an operand that may be None is
        // checked at run time (TypeError as in Python) and typed without the None.
        let strict = |op: &Operand| f.operand_type(op).strip_optional();
        let result = match kind {
            InstKind::Copy { src, .. } => ty(src),
            InstKind::Binary {
                op,
                lhs,
                rhs,
                inplace,
                ..
            } => binary_type(*op, &strict(lhs), &strict(rhs), lhs, rhs, *inplace, range)?,
            InstKind::Unary { op, operand, .. } => unary_type(*op, &strict(operand), range)?,
            InstKind::Not { .. } | InstKind::Truth { .. } => Type::Bool,
            InstKind::Compare { op, lhs, rhs, .. } => match op {
                CmpOp::Is | CmpOp::IsNot | CmpOp::Eq | CmpOp::NotEq => {
                    compare_type(*op, &ty(lhs), &ty(rhs), range)?
                }
                CmpOp::In | CmpOp::NotIn => compare_type(*op, &ty(lhs), &strict(rhs), range)?,
                _ => compare_type(*op, &strict(lhs), &strict(rhs), range)?,
            },
            InstKind::Index { value, .. } => match strict(value) {
                Type::Never => Type::Never,
                Type::Int | Type::Bool | Type::I64 | Type::Dyn => Type::Int,
                other => {
                    return Err(Unsupported::new(
                        format!("'{other}' object cannot be interpreted as an integer"),
                        range,
                    ))
                }
            },
            InstKind::Call { .. } => match self.call_targets[id.index()].get(&(block, inst)) {
                Some(spec) => self.specs[spec.index()].return_type.clone(),
                None => Type::Never,
            },
            InstKind::CallValue { dst, .. } => match self.bound_call(id, kind, range)? {
                None => Type::Never,
                Some(Bound::Def { .. }) => {
                    match self.call_targets[id.index()].get(&(block, inst)) {
                        Some(spec) => self.specs[spec.index()].return_type.clone(),
                        None => Type::Never,
                    }
                }
                Some(bound @ Bound::Builtin { .. }) => {
                    let call = call_values::resolved(*dst, bound);
                    return self.result_type(id, block, inst, &call, range);
                }
            },
            InstKind::CallBuiltin { builtin, args, .. } => {
                let none_aware = matches!(
                    builtin,
                    Builtin::IsInstance(_)
                        | Builtin::Iterable
                        | Builtin::Print
                        | Builtin::Str
                        | Builtin::Repr
                        | Builtin::Bool
                        | Builtin::SysExit
                        | Builtin::PercentArg(_)
                );
                if !none_aware && !builtin.checks_none(args.len()) {
                    if let Some(t) = args.iter().map(ty).find(|t| matches!(t, Type::Optional(_))) {
                        return Err(Unsupported::new(
                            format!("{}() of '{t}' (a value that may be None)", builtin.name()),
                            range,
                        ));
                    }
                }
                let types: Vec<Type> = args
                    .iter()
                    .map(|a| if none_aware { ty(a) } else { strict(a) })
                    .collect();
                let of_empty = types.first().and_then(Type::element) == Some(Type::Never);
                if *builtin == Builtin::Sum && of_empty && !self.empty_lists_final {
                    return Ok(None);
                }
                match (builtin, types.as_slice()) {
                    // The sum's type waits for its items' (`lower/consume.rs`).
                    (Builtin::SumStart, [start, item]) => {
                        if *item == Type::Never && !self.empty_lists_final {
                            return Ok(None);
                        }
                        let items = Type::List(Box::new(item.clone()));
                        builtin_type(Builtin::Sum, &[items, start.clone()], range)?
                    }
                    (Builtin::SumEnd, [acc, ..]) => acc.clone(),
                    _ => builtin_type(*builtin, &types, range)?,
                }
            }
            InstKind::LoadGlobal { global, .. } => self.globals[global.index()].clone(),
            InstKind::InitialSum { .. } => Type::Int,
            InstKind::StoreGlobal { .. }
            | InstKind::DefFunction { .. }
            | InstKind::UnpackCheck { .. }
            | InstKind::TailFrame { .. } => return Ok(None),
            InstKind::DelSlice { value, .. } | InstKind::SetSlice { value, .. } => {
                match strict(value) {
                    Type::List(_) | Type::Never => {}
                    t => {
                        let what = match kind {
                            InstKind::DelSlice { .. } => "deleting a slice",
                            _ => "assignment to a slice",
                        };
                        return Err(Unsupported::new(format!("{what} of '{t}'"), range));
                    }
                }
                return Ok(None);
            }
            InstKind::SetItem { value, index, .. } | InstKind::DelItem { value, index } => {
                crate::infer_containers::check_subscript(&strict(value), &strict(index), range)?;
                return Ok(None);
            }
            InstKind::BuildList { items, .. } => Type::List(Box::new(
                items.iter().fold(Type::Never, |t, i| t.join(&ty(i))),
            )),
            InstKind::BuildTuple { items, .. } => Type::Tuple(items.iter().map(ty).collect()),
            InstKind::BuildSet { items, .. } => Type::Set(Box::new(
                items.iter().fold(Type::Never, |t, i| t.join(&ty(i))),
            )),
            InstKind::BuildDict { keys, values, .. } => Type::Dict(
                Box::new(keys.iter().fold(Type::Never, |t, k| t.join(&ty(k)))),
                Box::new(values.iter().fold(Type::Never, |t, v| t.join(&ty(v)))),
            ),
            InstKind::GetItem { value, index, .. } => {
                crate::infer_containers::item_type(&strict(value), index, &strict(index), range)?
            }
            InstKind::Slice {
                value,
                start,
                stop,
                step,
                ..
            } => crate::infer_containers::slice_type(
                &strict(value),
                [start, stop, step].map(|p| p.as_ref().map(|o| (o, ty(o)))),
                range,
            )?,
            InstKind::CallMethod {
                receiver,
                method,
                args,
                keywords,
                ..
            } => {
                let types: Vec<Type> = args.iter().map(ty).collect();
                let kw: Vec<(&str, Type)> = keywords.iter().map(|(n, v)| (&**n, ty(v))).collect();
                crate::infer_containers::method_type(&strict(receiver), method, &types, &kw, range)?
            }
            InstKind::Format { value, spec, .. } => {
                crate::infer_containers::check_format(&ty(value), spec.as_ref().map(ty), range)?
            }
            InstKind::JoinStr { .. } => Type::Str,
        };
        Ok(Some(result))
    }

    /// Raises a variable operand to (at least) `ty`, when `ty` holds lists; true if it
    /// changed. Constants and list-free types are left alone. A list that flows into
    /// a `dyn` place escapes: its items become `dyn`, since code holding it as `dyn`
    /// may store anything into it.
    fn widen(&mut self, id: FuncId, op: &Operand, ty: &Type) -> bool {
        let Operand::Var(v) = op else {
            return false;
        };
        let slot = &mut self.specs[id.index()].vars[v.index()].ty;
        let ty = slot.escaping_into(ty);
        if !ty.has_list() {
            return false;
        }
        // Aliases share element types; a value that is never None (a display, say)
        // does not become optional because its alias is.
        let ty = match slot {
            Type::Optional(_) | Type::NoneType => ty,
            _ => ty.strip_optional(),
        };
        raise_to(slot, &ty)
    }

    /// Widens the list operands among `sources` to `dst_ty` when that is a list.
    fn share_items(&mut self, id: FuncId, dst_ty: Option<Type>, sources: &[&Operand]) -> bool {
        let Some(t) = dst_ty.filter(|t| matches!(t, Type::List(_))) else {
            return false;
        };
        let mut changed = false;
        for source in sources {
            let f = &self.specs[id.index()];
            if matches!(f.operand_type(source), Type::List(_)) {
                changed |= self.widen(id, source, &t);
            }
        }
        changed
    }

    /// Lists are changed in place, so every name for one list must agree on its
    /// element type: when `ys = xs` and then `ys.append(1)`, `xs` becomes `list[int]`
    /// too. Each instruction that copies or extracts a list (or stores into one)
    /// pushes its result's type back into its sources; types only climb, so the
    /// fixpoint still terminates, and every alias ends up with one type.
    fn share_aliases(&mut self, id: FuncId, b: usize, i: usize, kind: &InstKind) -> bool {
        let f = &self.specs[id.index()];
        let dst_ty = kind.dst().map(|d| f.var(d).ty.clone());
        let mut changed = false;
        match kind {
            InstKind::Copy { src, .. } => {
                if let Some(t) = dst_ty {
                    changed |= self.widen(id, src, &t);
                }
            }
            InstKind::LoadGlobal { global, .. } => {
                if let Some(t) = dst_ty.filter(Type::has_list) {
                    changed |= raise_to(&mut self.globals[global.index()], &t);
                }
            }
            InstKind::StoreGlobal { global, src } => {
                let t = self.globals[global.index()].clone();
                changed |= self.widen(id, src, &t);
            }
            // (An optional container is the list or tuple it holds when not None.)
            InstKind::GetItem { value, index, .. } => {
                let container = f.operand_type(value).strip_optional();
                if let Some(t) = dst_ty.filter(Type::has_list) {
                    let wider = crate::infer_containers::with_item(&container, index, &t);
                    changed |= self.widen(id, value, &wider);
                }
            }
            // A list built from other lists (`xs + ys`, `xs * 3`, `xs[1:]`,
            // `sorted(xs)`, `list(xs)`) starts with their items: it shares their
            // element type, so that when its type widens the items it copies are
            // already in the wider representation.
            InstKind::Binary {
                lhs,
                rhs,
                op: Operator::Add | Operator::Mult,
                ..
            } => {
                changed |= self.share_items(id, dst_ty, &[lhs, rhs]);
            }
            InstKind::Slice { value, .. } => {
                changed |= self.share_items(id, dst_ty, &[value]);
            }
            InstKind::CallBuiltin {
                builtin: Builtin::Sorted | Builtin::List,
                args,
                ..
            } => {
                changed |= self.share_items(id, dst_ty, &args.iter().take(1).collect::<Vec<_>>());
            }
            InstKind::BuildList { items, .. } | InstKind::BuildTuple { items, .. } => {
                if let Some(t) = dst_ty {
                    for (k, item) in items.iter().enumerate() {
                        let element = match &t {
                            Type::List(e) => (**e).clone(),
                            Type::Tuple(ts) => ts.get(k).cloned().unwrap_or(Type::Never),
                            _ => Type::Never,
                        };
                        changed |= self.widen(id, item, &element);
                    }
                }
            }
            InstKind::BuildSet { items, .. } => {
                if let Some(Type::Set(e)) = dst_ty {
                    for item in items {
                        changed |= self.widen(id, item, &e);
                    }
                }
            }
            // Both operands of set algebra share the result's element type.
            InstKind::Binary {
                lhs,
                rhs,
                op: Operator::BitAnd | Operator::BitOr | Operator::BitXor | Operator::Sub,
                ..
            } if matches!(dst_ty, Some(Type::Set(_))) => {
                if let Some(t) = dst_ty {
                    changed |= self.widen(id, lhs, &t);
                    changed |= self.widen(id, rhs, &t);
                }
            }
            InstKind::BuildDict { keys, values, .. } => {
                if let Some(Type::Dict(k, v)) = dst_ty {
                    for key in keys {
                        changed |= self.widen(id, key, &k);
                    }
                    for value in values {
                        changed |= self.widen(id, value, &v);
                    }
                }
            }
            InstKind::CallBuiltin {
                builtin: Builtin::Iterable | Builtin::Dict,
                args,
                ..
            } => {
                // Not a dict or set: the loop walks the value itself.
                if let (Some(t), [src]) = (dst_ty, args.as_slice()) {
                    let walked_apart = matches!(f.operand_type(src), Type::Dict(..) | Type::Set(_));
                    if !walked_apart || matches!(t, Type::Dict(..)) {
                        changed |= self.widen(id, src, &t);
                    }
                }
            }
            InstKind::SetItem {
                value, index, item, ..
            } if matches!(f.operand_type(value).strip_optional(), Type::Dict(..)) => {
                if let Type::Dict(k, v) = f.operand_type(value).strip_optional() {
                    let key_ty = k.join(&f.operand_type(index));
                    let value_ty = v.join(&f.operand_type(item));
                    let wider = Type::Dict(Box::new(key_ty.clone()), Box::new(value_ty.clone()));
                    changed |= self.widen(id, value, &wider);
                    changed |= self.widen(id, index, &key_ty);
                    changed |= self.widen(id, item, &value_ty);
                }
            }
            InstKind::SetItem { value, item, .. } => {
                let container = f.operand_type(value).strip_optional();
                let item_ty = f.operand_type(item);
                if let Type::List(e) = &container {
                    let joined = e.join(&item_ty);
                    changed |= self.widen(id, value, &Type::List(Box::new(joined.clone())));
                    changed |= self.widen(id, item, &joined);
                }
            }
            InstKind::SetSlice { value, item, .. } => {
                // The list takes the iterable's items, as `extend` does.
                let container = f.operand_type(value).strip_optional();
                let added = f.operand_type(item).strip_optional().element();
                if let (Type::List(e), Some(added)) = (&container, added) {
                    let joined = e.join(&added);
                    changed |= self.widen(id, value, &Type::List(Box::new(joined)));
                }
            }
            InstKind::CallMethod {
                receiver,
                method,
                args,
                ..
            } => {
                let container = f.operand_type(receiver).strip_optional();
                if let Type::Set(e) = &container {
                    let f = &self.specs[id.index()];
                    let added = match (&**method, args.as_slice()) {
                        ("add", [x]) => Some(f.operand_type(x)),
                        (
                            "update"
                            | "union"
                            | "intersection"
                            | "difference"
                            | "symmetric_difference"
                            | "intersection_update"
                            | "difference_update"
                            | "symmetric_difference_update",
                            [other],
                        ) => f.operand_type(other).element(),
                        _ => None,
                    };
                    if let Some(added) = added {
                        let joined = e.join(&added);
                        changed |= self.widen(id, receiver, &Type::Set(Box::new(joined.clone())));
                        if let ("add", [x]) = (&**method, args.as_slice()) {
                            changed |= self.widen(id, x, &joined);
                        }
                        if let (false, [other]) = (method.as_ref() == "add", args.as_slice()) {
                            let f = &self.specs[id.index()];
                            if matches!(f.operand_type(other), Type::Set(_)) {
                                let wider = Type::Set(Box::new(joined));
                                changed |= self.widen(id, other, &wider);
                            }
                        }
                    }
                    if let (
                        "copy" | "union" | "intersection" | "difference" | "symmetric_difference",
                        Some(t),
                    ) = (&**method, dst_ty.clone())
                    {
                        changed |= self.widen(id, receiver, &t);
                    }
                }
                if let Type::Dict(k, v) = &container {
                    // What the method returns is the dict's value: its aliases
                    // share the value type.
                    if let ("get" | "setdefault" | "pop", Some(t)) =
                        (&**method, dst_ty.clone().filter(Type::has_list))
                    {
                        let wider = Type::Dict(k.clone(), Box::new(v.join(&t.strip_optional())));
                        changed |= self.widen(id, receiver, &wider);
                    }
                    let f = &self.specs[id.index()];
                    if let ("setdefault", [_, default]) = (&**method, args.as_slice()) {
                        let value_ty = v.join(&f.operand_type(default));
                        changed |= self.widen(id, default, &value_ty);
                    }
                    // The stored keys and values join the dict's types.
                    let f = &self.specs[id.index()];
                    let stored = match (&**method, args.as_slice()) {
                        ("setdefault", [key, default]) => {
                            Some((f.operand_type(key), f.operand_type(default)))
                        }
                        ("setdefault", [key]) => Some((f.operand_type(key), Type::NoneType)),
                        ("update", [other]) => match f.operand_type(other) {
                            Type::Dict(ok, ov) => Some(((*ok).clone(), (*ov).clone())),
                            _ => None,
                        },
                        _ => None,
                    };
                    if let Some((key_ty, value_ty)) = stored {
                        let wider =
                            Type::Dict(Box::new(k.join(&key_ty)), Box::new(v.join(&value_ty)));
                        changed |= self.widen(id, receiver, &wider);
                    }
                    if let ("copy", Some(t)) = (&**method, dst_ty.clone()) {
                        changed |= self.widen(id, receiver, &t);
                    }
                }
                if let Type::List(e) = &container {
                    if let ("copy", Some(t)) = (&**method, dst_ty.filter(Type::has_list)) {
                        changed |= self.widen(id, receiver, &t);
                    }
                    let f = &self.specs[id.index()];
                    let added = match (&**method, args.as_slice()) {
                        ("append", [x]) | ("insert", [_, x]) => Some(f.operand_type(x)),
                        ("extend", [x]) => f.operand_type(x).element(),
                        _ => None,
                    };
                    if let Some(added) = added {
                        let joined = e.join(&added);
                        changed |= self.widen(id, receiver, &Type::List(Box::new(joined.clone())));
                        if let ("append", [x]) | ("insert", [_, x]) = (&**method, args.as_slice()) {
                            changed |= self.widen(id, x, &joined);
                        }
                    }
                }
            }
            InstKind::CallValue { dst, .. } => {
                if let Ok(Some(Bound::Def { args, .. })) =
                    self.bound_call(id, kind, TextRange::default())
                {
                    let call = InstKind::Call {
                        dst: *dst,
                        func: FuncId(0),
                        args,
                        plus: None,
                    };
                    changed |= self.share_aliases(id, b, i, &call);
                }
            }
            InstKind::Call { args, dst, .. } => {
                if let Some(&spec) = self.call_targets[id.index()].get(&(b, i)) {
                    let callee = &self.specs[spec.index()];
                    let params: Vec<Type> = callee
                        .params
                        .iter()
                        .map(|p| callee.var(*p).ty.clone())
                        .collect();
                    for (arg, t) in args.iter().zip(&params) {
                        changed |= self.widen(id, arg, t);
                    }
                    let t = self.specs[id.index()].var(*dst).ty.clone();
                    if t.has_list() {
                        changed |= raise_to(&mut self.specs[spec.index()].return_type, &t);
                    }
                }
            }
            _ => {}
        }
        changed
    }

    /// What a `CallValue` of specialisation `id` calls, by its callee's current type.
    fn bound_call(&self, id: FuncId, kind: &InstKind, range: TextRange) -> Result<Option<Bound>> {
        let InstKind::CallValue {
            callee,
            args,
            keywords,
            ..
        } = kind
        else {
            return Ok(None);
        };
        let f = &self.specs[id.index()];
        call_values::bind(
            self.templates,
            &f.operand_type(callee),
            args,
            keywords,
            range,
        )
    }

    /// Once types settle: every reachable `CallValue` becomes the `Call` or
    /// `CallBuiltin` its callee's type binds it to, and function values are checked
    /// and erased (`call_values`).
    fn resolve_call_values(&mut self, used: &[bool]) -> Result<()> {
        for (f, _) in used.iter().enumerate().filter(|(_, u)| **u) {
            let id = FuncId(f as u32);
            let reachable = self.specs[f].reachable_blocks();
            for (b, reached) in reachable.into_iter().enumerate() {
                if !reached {
                    continue;
                }
                for i in 0..self.specs[f].blocks[b].insts.len() {
                    let inst = &self.specs[f].blocks[b].insts[i];
                    let InstKind::CallValue { dst, .. } = inst.kind else {
                        continue;
                    };
                    let bound = self.bound_call(id, &inst.kind, inst.range)?;
                    if let Some(bound) = bound {
                        self.specs[f].blocks[b].insts[i].kind = call_values::resolved(dst, bound);
                    }
                }
            }
        }
        for (f, _) in used.iter().enumerate().filter(|(_, u)| **u) {
            let targets = &self.call_targets[f];
            let specs = &self.specs;
            let param_types = |b: usize, i: usize| {
                targets.get(&(b, i)).map(|spec| {
                    let callee = &specs[spec.index()];
                    callee
                        .params
                        .iter()
                        .map(|p| callee.var(*p).ty.clone())
                        .collect()
                })
            };
            call_values::check_function_values(&self.specs[f], param_types, &self.globals)?;
        }
        for spec in &mut self.specs {
            call_values::erase_functions(spec);
        }
        for g in &mut self.globals {
            *g = call_values::erased(g);
        }
        Ok(())
    }

    /// Every `Iterable` becomes a copy of its operand, or for a dict `DictKeys`, for
    /// a set `SetList` (`lower/dicts.rs`).
    fn resolve_iterables(&mut self) {
        for f in &mut self.specs {
            for b in 0..f.blocks.len() {
                for i in 0..f.blocks[b].insts.len() {
                    let InstKind::CallBuiltin {
                        dst,
                        builtin: Builtin::Iterable,
                        args,
                        ..
                    } = &f.blocks[b].insts[i].kind
                    else {
                        continue;
                    };
                    let (dst, src) = (*dst, args[0].clone());
                    f.blocks[b].insts[i].kind = match f.operand_type(&src) {
                        Type::Dict(..) => InstKind::CallBuiltin {
                            dst,
                            builtin: Builtin::DictKeys,
                            args: vec![src],
                            keywords: Vec::new(),
                        },
                        Type::Set(_) => InstKind::CallBuiltin {
                            dst,
                            builtin: Builtin::SetList,
                            args: vec![src],
                            keywords: Vec::new(),
                        },
                        _ => InstKind::Copy { dst, src },
                    };
                }
            }
        }
    }

    /// Empties the specialisations no call reaches: their types were never
    /// checked, and they compile to a function that cannot run.
    fn hollow_unused(&mut self, used: &[bool]) {
        for (f, used) in self.specs.iter_mut().zip(used) {
            if *used {
                continue;
            }
            for var in &mut f.vars {
                var.ty = Type::Never;
            }
            f.return_type = Type::Never;
            f.blocks = vec![crate::ir::Block::default()];
        }
    }

    /// The specialisations calls finally reach from `main`: earlier rounds may have
    /// made some for argument types that have climbed since, which never run.
    fn used_specs(&self, main: FuncId) -> Vec<bool> {
        let mut used = vec![false; self.specs.len()];
        let mut work = vec![main.index()];
        while let Some(f) = work.pop() {
            if used.get(f).copied().unwrap_or(true) {
                continue;
            }
            used[f] = true;
            work.extend(self.call_targets[f].values().map(|t| t.index()));
        }
        used
    }

    /// After the fixpoint: every reachable operation must be typable with the final
    /// types (the first one that is not is reported).
    fn check_operations(&self, used: &[bool]) -> Result<()> {
        for (f, func) in self.specs.iter().enumerate() {
            if !used[f] {
                continue;
            }
            let reachable = func.reachable_blocks();
            for (b, block) in func.blocks.iter().enumerate() {
                if !reachable[b] {
                    continue;
                }
                for (i, inst) in block.insts.iter().enumerate() {
                    self.result_type(FuncId(f as u32), b, i, &inst.kind, inst.range)?;
                }
            }
        }
        Ok(())
    }

    /// Gives every instruction a destination of its own result type: one whose
    /// variable is `dyn` (or a tuple of other item types) while the instruction
    /// computes, say, a list writes a fresh temporary instead, copied into the
    /// variable after it. Code generation then
    /// boxes values only in copies (and arguments, returns, stores), where the
    /// source's static type is at hand.
    fn make_boxing_explicit(&mut self, used: &[bool]) -> Result<()> {
        for (f, _) in used.iter().enumerate().filter(|(_, u)| **u) {
            let id = FuncId(f as u32);
            let mut boxed = Vec::new();
            for (b, block) in self.specs[f].blocks.iter().enumerate() {
                for (i, inst) in block.insts.iter().enumerate() {
                    let Some(dst) = inst.kind.dst() else { continue };
                    let dst_ty = &self.specs[f].var(dst).ty;
                    // Lists are never converted (aliases share one type instead).
                    let converts = *dst_ty == Type::Dyn
                        || (matches!(dst_ty, Type::Tuple(_)) && !dst_ty.has_list());
                    if !converts || matches!(inst.kind, InstKind::Copy { .. }) {
                        continue;
                    }
                    match self.result_type(id, b, i, &inst.kind, inst.range)? {
                        Some(t) if t != *dst_ty && t != Type::Never => boxed.push((b, i, t)),
                        _ => {}
                    }
                }
            }
            // Back to front, so earlier positions (and `call_targets`) stay valid.
            for (b, i, t) in boxed.into_iter().rev() {
                let spec = &mut self.specs[f];
                let temp = VarId(spec.vars.len() as u32);
                spec.vars.push(crate::ir::Var {
                    name: None,
                    ty: t,
                    annotation: None,
                });
                let inst = &mut spec.blocks[b].insts[i];
                let range = inst.range;
                let Some(dst) = inst.kind.dst_mut() else {
                    continue;
                };
                let var = std::mem::replace(dst, temp);
                let frame = inst.frame;
                let copy = crate::ir::Inst {
                    kind: InstKind::Copy {
                        dst: var,
                        src: Operand::Var(temp),
                    },
                    range,
                    frame,
                    reads: Vec::new(),
                };
                spec.blocks[b].insts.insert(i + 1, copy);
                let targets = &mut self.call_targets[f];
                let moved: Vec<((usize, usize), FuncId)> = targets
                    .iter()
                    .filter(|((tb, ti), _)| *tb == b && *ti > i)
                    .map(|(k, v)| (*k, *v))
                    .collect();
                for (k, _) in &moved {
                    targets.remove(k);
                }
                for ((tb, ti), v) in moved {
                    targets.insert((tb, ti + 1), v);
                }
            }
        }
        Ok(())
    }

    /// Makes every call name the specialisation it reaches. A call whose
    /// arguments never got a type is in unreachable code and keeps its template id;
    /// code generation traps there.
    fn rewrite_calls(&mut self) {
        for (f, targets) in self.specs.iter_mut().zip(&self.call_targets) {
            for (&(b, i), &spec) in targets {
                if let InstKind::Call { func, .. } = &mut f.blocks[b].insts[i].kind {
                    *func = spec;
                }
            }
        }
    }
}

fn is_intlike(t: &Type) -> bool {
    matches!(t, Type::Int | Type::Bool)
}

fn unsupported_operands(op: &str, a: &Type, b: &Type, range: TextRange) -> Unsupported {
    Unsupported::new(format!("'{op}' between '{a}' and '{b}'"), range)
}

fn binary_type(
    op: Operator,
    a: &Type,
    b: &Type,
    lhs: &Operand,
    rhs: &Operand,
    inplace: bool,
    range: TextRange,
) -> Result<Type> {
    use Operator::*;
    if *a == Type::Never || *b == Type::Never {
        return Ok(Type::Never);
    }
    let symbol = crate::print::operator_text(op);
    if *a == Type::Dyn || *b == Type::Dyn {
        return Ok(Type::Dyn);
    }
    if *a == Type::I64 || *b == Type::I64 {
        // Only range counters are i64, and they only step.
        return match (op, a, b) {
            (Add, Type::I64, Type::I64) => Ok(Type::I64),
            _ => Err(unsupported_operands(symbol, a, b, range)),
        };
    }
    let numeric = a.is_numeric() && b.is_numeric();
    let any_float = *a == Type::Float || *b == Type::Float;
    Ok(match op {
        Add | Sub | Mult | FloorDiv | Mod if numeric => {
            if any_float {
                Type::Float
            } else {
                Type::Int
            }
        }
        Add if *a == Type::Str && *b == Type::Str => Type::Str,
        Add if matches!((a, b), (Type::List(_), Type::List(_))) => a.join(b),
        // `xs += items` extends the list in place with any sequence's items.
        Add if inplace && matches!(a, Type::List(_)) && matches!(b, Type::Tuple(_) | Type::Str) => {
            Type::List(Box::new(
                a.element()
                    .unwrap_or(Type::Never)
                    .join(&b.element().unwrap_or(Type::Never)),
            ))
        }
        Add if matches!((a, b), (Type::Tuple(_), Type::Tuple(_))) => match (a, b) {
            (Type::Tuple(x), Type::Tuple(y)) => Type::Tuple(x.iter().chain(y).cloned().collect()),
            _ => Type::Dyn,
        },
        Mult if matches!(a, Type::Str | Type::List(_)) && is_intlike(b) => a.clone(),
        // A tuple's length is part of its type: the count must be a constant.
        Mult if matches!(a, Type::Tuple(_)) && is_intlike(b) => repeated_tuple(a, rhs, range)?,
        Mult if matches!(b, Type::Tuple(_)) && is_intlike(a) => repeated_tuple(b, lhs, range)?,
        Mult if matches!(b, Type::Str | Type::List(_)) && is_intlike(a) => b.clone(),
        Div if numeric => Type::Float,
        Pow if numeric => {
            if any_float {
                Type::Float
            } else {
                match rhs {
                    // int ** int is an int for a non-negative exponent and a float
                    // for a negative one: a constant says which; otherwise the
                    // result is a dyn word (as mypy, which types it `Any`).
                    Operand::Const(Const::Int(i)) if int_is_negative(i) => Type::Float,
                    Operand::Const(Const::Int(_) | Const::Bool(_)) => Type::Int,
                    _ => Type::Dyn,
                }
            }
        }
        LShift | RShift if is_intlike(a) && is_intlike(b) => Type::Int,
        // Set algebra: the elements of both sides (also for `&` and `-`, whose
        // elements come from the left: the two sets share one element type).
        BitAnd | BitOr | BitXor | Sub if matches!((a, b), (Type::Set(_), Type::Set(_))) => {
            a.join(b)
        }
        BitAnd | BitOr | BitXor if *a == Type::Bool && *b == Type::Bool => Type::Bool,
        BitAnd | BitOr | BitXor if is_intlike(a) && is_intlike(b) => Type::Int,
        // Everything else (a TypeError in Python, or an operator between types
        // native code does not combine) goes through the runtime's generic
        // operators on dyn words, which compute or raise exactly as Python.
        MatMult => return Err(unsupported_operands(symbol, a, b, range)),
        _ => Type::Dyn,
    })
}

/// `t * n` for a constant `n`.
fn repeated_tuple(t: &Type, count: &Operand, range: TextRange) -> Result<Type> {
    let n = match count {
        Operand::Const(Const::Int(frontend::ast::Int::Small(n))) => *n,
        Operand::Const(Const::Bool(b)) => *b as i64,
        _ => {
            return Err(Unsupported::new(
                "repeating a tuple a number of times that is not a constant",
                range,
            ))
        }
    };
    let Type::Tuple(items) = t else {
        return Err(Unsupported::new("repeating this value", range));
    };
    if n.saturating_mul(items.len() as i64) > 4096 {
        return Err(Unsupported::new(
            "a tuple repeated into more than 4096 items",
            range,
        ));
    }
    let mut out = Vec::new();
    for _ in 0..n.max(0) {
        out.extend(items.iter().cloned());
    }
    Ok(Type::Tuple(out))
}

fn int_is_negative(i: &frontend::ast::Int) -> bool {
    match i {
        frontend::ast::Int::Small(v) => *v < 0,
        frontend::ast::Int::Big(b) => b.sign() == num_bigint::Sign::Minus,
    }
}

fn unary_type(op: UnaryOp, t: &Type, range: TextRange) -> Result<Type> {
    Ok(match (op, t) {
        (_, Type::Never) => Type::Never,
        (UnaryOp::USub | UnaryOp::UAdd, Type::Float) => Type::Float,
        (UnaryOp::USub | UnaryOp::UAdd | UnaryOp::Invert, Type::Int | Type::Bool) => Type::Int,
        (UnaryOp::Not, _) => Type::Bool,
        (_, Type::I64) => return Err(Unsupported::new(format!("unary operator on '{t}'"), range)),
        // The generic operator computes or raises TypeError as Python.
        _ => Type::Dyn,
    })
}

fn compare_type(op: CmpOp, a: &Type, b: &Type, range: TextRange) -> Result<Type> {
    use CmpOp::*;
    if *a == Type::Never || *b == Type::Never {
        return Ok(Type::Never);
    }
    if *a == Type::I64 || *b == Type::I64 {
        return if *a == *b && !matches!(op, Is | IsNot | In | NotIn) {
            Ok(Type::Bool)
        } else {
            Err(Unsupported::new(
                format!("comparing '{a}' and '{b}'"),
                range,
            ))
        };
    }
    // Every other pair compares natively or through `compare_is_dynamic`.
    Ok(Type::Bool)
}

/// True when `a op b` is compared by the runtime's generic `kr_dyn_compare` on dyn
/// words: a dyn operand, or types native code does not compare this way (Python
/// then raises TypeError or answers from identity, and so does the runtime).
pub fn compare_is_dynamic(op: CmpOp, a: &Type, b: &Type) -> bool {
    use CmpOp::*;
    if *a == Type::Dyn || *b == Type::Dyn {
        return true;
    }
    if matches!(a, Type::I64 | Type::Never) || matches!(b, Type::I64 | Type::Never) {
        return false; // range counters, and code that cannot run
    }
    let native = match op {
        Eq | NotEq => true,
        Lt | LtE | Gt | GtE => {
            (a.is_numeric() && b.is_numeric())
                || (*a == Type::Str && *b == Type::Str)
                || matches!(
                    (a, b),
                    (Type::List(_), Type::List(_)) | (Type::Tuple(_), Type::Tuple(_))
                )
        }
        Is | IsNot => {
            *a == Type::NoneType
                || *b == Type::NoneType
                || matches!(a, Type::Optional(_))
                || matches!(b, Type::Optional(_))
                || (*a == Type::Bool && *b == Type::Bool)
                || (a == b
                    && matches!(
                        a,
                        Type::List(_) | Type::Tuple(_) | Type::Dict(..) | Type::Set(_)
                    ))
        }
        In | NotIn => match b {
            Type::Str => *a == Type::Str,
            Type::List(_) | Type::Tuple(_) | Type::Dict(..) | Type::Set(_) => true,
            _ => false,
        },
    };
    !native
}

fn builtin_type(builtin: Builtin, args: &[Type], range: TextRange) -> Result<Type> {
    if args.contains(&Type::Never) {
        return Ok(Type::Never);
    }
    let arity = |n: usize| -> Result<()> {
        if args.len() == n {
            Ok(())
        } else {
            Err(Unsupported::new(
                format!("{}() with {} arguments", builtin.name(), args.len()),
                range,
            ))
        }
    };
    if let Some(t) = crate::infer_containers::sequence_builtin_type(builtin, args, range)? {
        return Ok(t);
    }
    // int(), float(), bool(), str(): the zero value of the type.
    if args.is_empty() {
        match builtin {
            Builtin::Int => return Ok(Type::Int),
            Builtin::Float => return Ok(Type::Float),
            Builtin::Bool => return Ok(Type::Bool),
            Builtin::Str => return Ok(Type::Str),
            _ => {}
        }
    }
    Ok(match builtin {
        Builtin::PercentArg(kind) => {
            use crate::ir::PercentKind;
            let t = args.first().cloned().unwrap_or(Type::Never);
            let fits = match kind {
                PercentKind::Lone => !matches!(t, Type::Tuple(_)),
                PercentKind::Any => true,
                PercentKind::Number | PercentKind::Truncated => t.is_numeric(),
                PercentKind::Integer => matches!(t, Type::Int | Type::Bool),
            };
            if !fits || t.contains_dyn() {
                return Err(Unsupported::new(
                    format!("a % format conversion of '{t}'"),
                    range,
                ));
            }
            match kind {
                PercentKind::Truncated => Type::Int,
                _ => t,
            }
        }
        Builtin::RangeBound => Type::I64,
        Builtin::IsInstance(_) => {
            arity(1)?;
            Type::Bool
        }
        Builtin::RangeLen | Builtin::RangeStep => Type::Int,
        Builtin::ListReserve => Type::NoneType,
        Builtin::RangeContains => Type::Bool,
        Builtin::RangeFits => Type::Bool,
        Builtin::Print => Type::NoneType,
        Builtin::Abs => {
            arity(1)?;
            match &args[0] {
                Type::Float => Type::Float,
                Type::Int | Type::Bool => Type::Int,
                Type::Dyn => Type::Dyn,
                t => return Err(Unsupported::new(format!("abs() of '{t}'"), range)),
            }
        }
        Builtin::Int if args.len() == 2 => match (&args[0], &args[1]) {
            (Type::Str, Type::Int | Type::Bool) => Type::Int,
            (a, b) => return Err(Unsupported::new(format!("int() of '{a}' and '{b}'"), range)),
        },
        Builtin::Int => {
            arity(1)?;
            match &args[0] {
                Type::Float | Type::Int | Type::Bool | Type::Str | Type::Dyn => Type::Int,
                t => return Err(Unsupported::new(format!("int() of '{t}'"), range)),
            }
        }
        Builtin::Float => {
            arity(1)?;
            match &args[0] {
                Type::Float | Type::Int | Type::Bool | Type::Str | Type::Dyn => Type::Float,
                t => return Err(Unsupported::new(format!("float() of '{t}'"), range)),
            }
        }
        Builtin::Bool => {
            arity(1)?;
            Type::Bool
        }
        Builtin::Str | Builtin::Repr => {
            arity(1)?;
            Type::Str
        }
        Builtin::SysExit => match args {
            [] | [_] => Type::NoneType,
            _ => return Err(Unsupported::new("sys.exit() with several arguments", range)),
        },
        Builtin::TimeTime | Builtin::TimePerfCounter => {
            arity(0)?;
            Type::Float
        }
        Builtin::Math(f) => {
            let (low, high) = f.arity();
            if args.len() < low || args.len() > high {
                return Err(Unsupported::new(
                    format!("math.{}() with {} arguments", f.name(), args.len()),
                    range,
                ));
            }
            let int_args = f.result() == crate::native::MathResult::IntOfInts;
            // A dyn argument is converted at run time where the conversion is
            // CPython's (index() for ints, a float for the float functions; the
            // logs of ints beyond floats and the int results of floats are not).
            let dyn_ok = int_args
                || (f.result() == crate::native::MathResult::Float
                    && !matches!(
                        f,
                        crate::native::MathFn::Log
                            | crate::native::MathFn::Log2
                            | crate::native::MathFn::Log10
                    ));
            if let Some(t) = args.iter().find(|t| {
                let numeric = t.is_numeric() || (dyn_ok && **t == Type::Dyn);
                !numeric || (int_args && **t == Type::Float)
            }) {
                return Err(Unsupported::new(
                    format!("math.{}() of '{t}'", f.name()),
                    range,
                ));
            }
            match f.result() {
                crate::native::MathResult::Float => Type::Float,
                crate::native::MathResult::Int | crate::native::MathResult::IntOfInts => Type::Int,
                crate::native::MathResult::Bool => Type::Bool,
            }
        }
        Builtin::Min | Builtin::Max => {
            if args.len() < 2 {
                return Err(Unsupported::new(
                    format!("{}() of fewer than two arguments", builtin.name()),
                    range,
                ));
            }
            let first = &args[0];
            if args.iter().all(|t| t == first) && (first.is_numeric() || *first == Type::Str) {
                first.clone()
            } else {
                // Compared as dyn words: the winner's type depends on the values.
                Type::Dyn
            }
        }
        _ => {
            return Err(Unsupported::new(
                format!("the builtin {}()", builtin.name()),
                range,
            ))
        }
    })
}
