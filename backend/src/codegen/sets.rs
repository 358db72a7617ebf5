//! Sets (`kr_set.c` in the runtime): displays, `set()`, `x in s`, the methods, the
//! algebra operators, and the list of elements a loop over a set walks. Elements
//! travel as slots of the set's static element type, described by the set type's
//! descriptor; a probe element comes with its own descriptor.

use super::function::FunctionGen;
use super::values::Val;
use crate::error::{Error, Result};
use inkwell::values::{IntValue, PointerValue};
use typeinfer::ir::{Builtin, Operand, VarId};
use typeinfer::types::Type;

fn internal(what: &str) -> Error {
    Error::internal("?", what.to_string())
}

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    /// The set an operand holds, with its type and element type.
    fn set_operand(&mut self, op: &Operand) -> Result<(PointerValue<'ctx>, Type, Type)> {
        let ty = self.op_type(op);
        let Type::Set(e) = &ty else {
            return Err(internal("a set operation on a non-set"));
        };
        let e = (**e).clone();
        let Val::Obj(s) = self.operand(op)? else {
            return Err(internal("a set that is not an object"));
        };
        Ok((s, ty, e))
    }

    /// Adds `x` (converted to the element type) to set `s` of type `ty`.
    fn set_add(
        &mut self,
        s: PointerValue<'ctx>,
        ty: &Type,
        elem: &Type,
        x: &Operand,
    ) -> Result<()> {
        let from = self.op_type_raw(x);
        let v = self.operand_raw(x)?;
        let slot = self.slot_for(v, &from, elem)?;
        let sd = self.tdesc(ty);
        let tx = self.tdesc(elem);
        self.call_runtime_ok("kr_set_add", &[s.into(), sd.into(), slot.into(), tx.into()])
    }

    /// `{a, b, c}`.
    pub(super) fn build_set(&mut self, dst: VarId, items: &[Operand]) -> Result<()> {
        let ty = self.var_type(dst)?.clone();
        let Type::Set(elem) = &ty else {
            return Err(internal("a set display that is not a set"));
        };
        let elem = (**elem).clone();
        if items.len() >= 3 && items.iter().all(|x| matches!(x, Operand::Const(_))) {
            // CPython compiles a display of constants to a frozenset constant
            // (built, then rebuilt from its own order) that it copies: the order
            // differs from adding the items one by one when hashes collide.
            let i64_type = self.m.context.i64_type();
            let array = self.entry_alloca(i64_type.into(), items.len() as u32, "constants")?;
            for (k, x) in items.iter().enumerate() {
                let slot = self.stored_element(x, &elem)?;
                let index = i64_type.const_int(k as u64, false);
                // SAFETY of the GEP: k is below the array's length.
                let at = unsafe {
                    self.builder
                        .build_in_bounds_gep(i64_type, array, &[index], "constant")?
                };
                self.builder.build_store(at, slot)?;
            }
            let n = i64_type.const_int(items.len() as u64, false);
            let width = i64_type.const_int(8, false);
            let sd = self.tdesc(&ty);
            let ed = self.tdesc(&elem);
            let frozen = self.call_runtime_ptr(
                "kr_set_from_constants",
                &[array.into(), n.into(), width.into(), sd.into(), ed.into()],
            )?;
            let s = self.call_runtime_ptr("kr_set_copy", &[frozen.into()])?;
            return self.store(dst, Val::Obj(s));
        }
        let s = self.call_runtime_ptr("kr_set_new", &[])?;
        for x in items {
            self.set_add(s, &ty, &elem, x)?;
        }
        self.store(dst, Val::Obj(s))
    }

    /// `x` as a slot of the element type.
    fn stored_element(&mut self, x: &Operand, elem: &Type) -> Result<IntValue<'ctx>> {
        let from = self.op_type_raw(x);
        let v = self.operand_raw(x)?;
        self.slot_for(v, &from, elem)
    }

    /// `x in s`, as a bool.
    pub(super) fn set_contains(&mut self, x: &Operand, set: &Operand) -> Result<IntValue<'ctx>> {
        let (s, ty, _) = self.set_operand(set)?;
        self.hashed_contains("kr_set_contains", s, &ty, x)
    }

    /// `set()`, `set(items)` (a list, tuple or str), and the list of a set's
    /// elements a loop walks.
    pub(super) fn set_builtin(
        &mut self,
        dst: VarId,
        builtin: Builtin,
        args: &[Operand],
    ) -> Result<Val<'ctx>> {
        if builtin == Builtin::SetList {
            let source = args.first().ok_or_else(|| internal("iter() of nothing"))?;
            let (s, ty, _) = self.set_operand(source)?;
            let sd = self.tdesc(&ty);
            return Ok(Val::Obj(
                self.call_runtime_ptr("kr_set_to_list", &[s.into(), sd.into()])?,
            ));
        }
        let ty = self.var_type(dst)?.clone();
        let Some(source) = args.first() else {
            return Ok(Val::Obj(self.call_runtime_ptr("kr_set_new", &[])?));
        };
        let (items, n, elem, width) = self.slots_of(source)?;
        let sd = self.tdesc(&ty);
        let elem_desc = self.tdesc(&elem);
        Ok(Val::Obj(self.call_runtime_ptr(
            "kr_set_from_items",
            &[
                items.into(),
                n.into(),
                width.into(),
                sd.into(),
                elem_desc.into(),
            ],
        )?))
    }

    /// `a op b` for two sets (`|`, `&`, `-`, `^`); `a op= b` changes `a`.
    pub(super) fn set_algebra(
        &mut self,
        op: frontend::ast::Operator,
        lhs: &Operand,
        rhs: &Operand,
        inplace: bool,
    ) -> Result<Val<'ctx>> {
        use frontend::ast::Operator::*;
        let (a, ty, _) = self.set_operand(lhs)?;
        let (b, _, _) = self.set_operand(rhs)?;
        let sd = self.tdesc(&ty);
        let name = match (op, inplace) {
            (BitOr, false) => "kr_set_union",
            (BitAnd, false) => "kr_set_intersection",
            (Sub, false) => "kr_set_difference",
            (BitXor, false) => "kr_set_symmetric_difference",
            (BitOr, true) => "kr_set_update",
            (BitAnd, true) => "kr_set_intersection_update",
            (Sub, true) => "kr_set_difference_update",
            (BitXor, true) => "kr_set_symmetric_difference_update",
            _ => return Err(internal("this operator on sets")),
        };
        if inplace {
            self.call_runtime_ok(name, &[a.into(), b.into(), sd.into()])?;
            return Ok(Val::Obj(a));
        }
        Ok(Val::Obj(self.call_runtime_ptr(
            name,
            &[a.into(), b.into(), sd.into()],
        )?))
    }

    /// `s.method(args)` for a set receiver.
    pub(super) fn set_method(
        &mut self,
        dst: VarId,
        receiver: &Operand,
        method: &str,
        args: &[Operand],
    ) -> Result<()> {
        let (s, ty, elem) = self.set_operand(receiver)?;
        let sd = self.tdesc(&ty);
        let result = match (method, args) {
            ("add", [x]) => {
                self.set_add(s, &ty, &elem, x)?;
                Val::None
            }
            ("remove" | "discard", [x]) => {
                let (slot, tx) = self.probe_key(x)?;
                let name = format!("kr_set_{method}");
                self.call_runtime_ok(&name, &[s.into(), sd.into(), slot.into(), tx.into()])?;
                Val::None
            }
            ("pop", []) => {
                let slot = self
                    .call_runtime_flagged("kr_set_pop", &[s.into()])?
                    .ok_or_else(|| internal("kr_set_pop returns nothing"))?
                    .into_int_value();
                if elem == Type::Never {
                    // Never added to: the pop raised KeyError.
                    return self.trap();
                }
                let v = self.value_of_slot(slot, &elem)?;
                let result_ty = self.var_type(dst)?.clone();
                self.convert(v, &elem, &result_ty)?
            }
            ("clear", []) => {
                self.call_runtime("kr_set_clear", &[s.into()])?;
                Val::None
            }
            ("copy", []) => Val::Obj(self.call_runtime_ptr("kr_set_copy", &[s.into()])?),
            ("update", [other]) => {
                match self.op_type(other) {
                    Type::Set(_) => {
                        let (o, _, _) = self.set_operand(other)?;
                        self.call_runtime_ok("kr_set_update", &[s.into(), o.into(), sd.into()])?;
                    }
                    other_ty @ Type::Dict(..) => {
                        let Val::Obj(d) = self.operand(other)? else {
                            return Err(internal("update() of a non-dict"));
                        };
                        let dd = self.tdesc(&other_ty);
                        self.call_runtime_ok(
                            "kr_set_update_dict",
                            &[s.into(), sd.into(), d.into(), dd.into()],
                        )?;
                    }
                    _ => {
                        // The items of a list, tuple or str, added in order.
                        let (items, n, item_ty, width) = self.slots_of(other)?;
                        let ed = self.tdesc(&item_ty);
                        self.call_runtime_ok(
                            "kr_set_add_items",
                            &[
                                s.into(),
                                sd.into(),
                                items.into(),
                                n.into(),
                                width.into(),
                                ed.into(),
                            ],
                        )?;
                    }
                }
                Val::None
            }
            ("union" | "intersection" | "difference" | "symmetric_difference", [other]) => {
                let (o, _, _) = self.set_operand(other)?;
                let name = format!("kr_set_{method}");
                Val::Obj(self.call_runtime_ptr(&name, &[s.into(), o.into(), sd.into()])?)
            }
            ("issubset" | "issuperset" | "isdisjoint", [other]) => {
                let (o, _, _) = self.set_operand(other)?;
                let (name, first, second) = match method {
                    "issubset" => ("kr_set_issubset", s, o),
                    "issuperset" => ("kr_set_issubset", o, s),
                    _ => ("kr_set_isdisjoint", s, o),
                };
                let r = self
                    .call_runtime(name, &[first.into(), second.into(), sd.into()])?
                    .ok_or_else(|| internal("a set test returns nothing"))?
                    .into_int_value();
                Val::Bool(self.tri_state(r)?)
            }
            _ => return Err(self.unsupported(format!("the method set.{method}()"))),
        };
        self.store(dst, result)
    }
}
