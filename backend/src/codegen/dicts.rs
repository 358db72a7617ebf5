//! Dicts (`kr_dict.c` in the runtime): displays, `d[k]` loads, stores and
//! deletions, `k in d`, the methods, and the snapshot lists a loop over a dict or
//! its views walks. Keys and values travel as slots of the dict's static key and
//! value types, described by the dict type's descriptor; a probe key comes with its
//! own descriptor (`d[1.0]` on a `dict[int, str]` finds the key 1).

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
    /// The dict an operand holds, with its key and value types.
    fn dict_operand(&mut self, op: &Operand) -> Result<(PointerValue<'ctx>, Type, Type, Type)> {
        let ty = self.op_type(op);
        let Type::Dict(k, v) = &ty else {
            return Err(internal("a dict operation on a non-dict"));
        };
        let (k, v) = ((**k).clone(), (**v).clone());
        let Val::Obj(d) = self.operand(op)? else {
            return Err(internal("a dict that is not an object"));
        };
        Ok((d, ty, k, v))
    }

    /// A probe key (or set element) as a slot of its own type, with that type's
    /// descriptor.
    pub(super) fn probe_key(
        &mut self,
        key: &Operand,
    ) -> Result<(IntValue<'ctx>, PointerValue<'ctx>)> {
        let ty = self.op_type_raw(key);
        let v = self.operand_raw(key)?;
        let slot = self.slot_for(v, &ty, &ty)?;
        Ok((slot, self.tdesc(&ty)))
    }

    /// `operand` converted to a slot of type `to` (a stored key or value).
    fn stored_slot(&mut self, operand: &Operand, to: &Type) -> Result<IntValue<'ctx>> {
        let from = self.op_type_raw(operand);
        let v = self.operand_raw(operand)?;
        self.slot_for(v, &from, to)
    }

    /// `d[key] = value` for a dict `d` of type `ty`.
    fn dict_store(
        &mut self,
        d: PointerValue<'ctx>,
        ty: &Type,
        key: &Operand,
        value: &Operand,
    ) -> Result<()> {
        let Type::Dict(k, v) = ty else {
            return Err(internal("a dict store into a non-dict"));
        };
        let key_slot = self.stored_slot(key, k)?;
        let value_slot = self.stored_slot(value, v)?;
        let dd = self.tdesc(ty);
        let tk = self.tdesc(k);
        self.call_runtime_ok(
            "kr_dict_setitem",
            &[
                d.into(),
                dd.into(),
                key_slot.into(),
                tk.into(),
                value_slot.into(),
            ],
        )
    }

    /// `{k: v, ...}`.
    pub(super) fn build_dict(
        &mut self,
        dst: VarId,
        keys: &[Operand],
        values: &[Operand],
    ) -> Result<()> {
        let ty = self.var_type(dst)?.clone();
        let hint = self
            .m
            .context
            .i64_type()
            .const_int(keys.len() as u64, false);
        let d = self.call_runtime_ptr("kr_dict_new", &[hint.into()])?;
        for (k, v) in keys.iter().zip(values) {
            self.dict_store(d, &ty, k, v)?;
        }
        self.store(dst, Val::Obj(d))
    }

    /// `dst = d[key]`: KeyError when absent.
    pub(super) fn dict_get_item(
        &mut self,
        dst: VarId,
        value: &Operand,
        key: &Operand,
    ) -> Result<()> {
        let (d, ty, _, v) = self.dict_operand(value)?;
        let dd = self.tdesc(&ty);
        let (slot, tk) = self.probe_key(key)?;
        let found = self
            .call_runtime_flagged(
                "kr_dict_getitem",
                &[d.into(), dd.into(), slot.into(), tk.into()],
            )?
            .ok_or_else(|| internal("kr_dict_getitem returns nothing"))?
            .into_int_value();
        if v == Type::Never {
            // Nothing was ever stored: the lookup raised KeyError.
            return self.trap();
        }
        let result = self.value_of_slot(found, &v)?;
        let result_ty = self.var_type(dst)?.clone();
        let result = self.convert(result, &v, &result_ty)?;
        self.store(dst, result)
    }

    /// `d[key] = item`.
    pub(super) fn dict_set_item(
        &mut self,
        value: &Operand,
        key: &Operand,
        item: &Operand,
    ) -> Result<()> {
        let (d, ty, _, _) = self.dict_operand(value)?;
        self.dict_store(d, &ty, key, item)
    }

    /// `del d[key]`: KeyError when absent.
    pub(super) fn dict_del_item(&mut self, value: &Operand, key: &Operand) -> Result<()> {
        let (d, ty, _, _) = self.dict_operand(value)?;
        let dd = self.tdesc(&ty);
        let (slot, tk) = self.probe_key(key)?;
        self.call_runtime_ok(
            "kr_dict_delitem",
            &[d.into(), dd.into(), slot.into(), tk.into()],
        )
    }

    /// `key in d`, as a bool.
    pub(super) fn dict_contains(
        &mut self,
        key: &Operand,
        dict: &Operand,
    ) -> Result<IntValue<'ctx>> {
        let (d, ty, _, _) = self.dict_operand(dict)?;
        self.hashed_contains("kr_dict_contains", d, &ty, key)
    }

    /// `key in container` for a dict or set `c` of type `ty`, through the runtime's
    /// `name` (1, 0, or -1 with an exception), as a bool.
    pub(super) fn hashed_contains(
        &mut self,
        name: &str,
        c: PointerValue<'ctx>,
        ty: &Type,
        key: &Operand,
    ) -> Result<IntValue<'ctx>> {
        let desc = self.tdesc(ty);
        let (slot, tk) = self.probe_key(key)?;
        let r = self
            .call_runtime(name, &[c.into(), desc.into(), slot.into(), tk.into()])?
            .ok_or_else(|| internal("a membership test returns nothing"))?
            .into_int_value();
        self.tri_state(r)
    }

    /// The snapshot lists of `d.keys()`, `d.values()`, `d.items()` in a loop, and
    /// `dict()` / `dict(d)`.
    pub(super) fn dict_builtin(&mut self, builtin: Builtin, args: &[Operand]) -> Result<Val<'ctx>> {
        if builtin == Builtin::Dict {
            let Some(source) = args.first() else {
                let zero = self.m.context.i64_type().const_zero();
                return Ok(Val::Obj(
                    self.call_runtime_ptr("kr_dict_new", &[zero.into()])?,
                ));
            };
            let (d, _, _, _) = self.dict_operand(source)?;
            return Ok(Val::Obj(
                self.call_runtime_ptr("kr_dict_copy", &[d.into()])?,
            ));
        }
        let source = args
            .first()
            .ok_or_else(|| internal("a dict view of nothing"))?;
        let (d, ty, k, v) = self.dict_operand(source)?;
        let dd = self.tdesc(&ty);
        let list = match builtin {
            Builtin::DictKeys => self.call_runtime_ptr("kr_dict_keys", &[d.into(), dd.into()])?,
            Builtin::DictValues => {
                self.call_runtime_ptr("kr_dict_values", &[d.into(), dd.into()])?
            }
            _ => {
                let pair = self.tdesc(&Type::Tuple(vec![k, v]));
                self.call_runtime_ptr("kr_dict_items", &[d.into(), dd.into(), pair.into()])?
            }
        };
        Ok(Val::Obj(list))
    }

    /// `d.method(args)` for a dict receiver.
    pub(super) fn dict_method(
        &mut self,
        dst: VarId,
        receiver: &Operand,
        method: &str,
        args: &[Operand],
    ) -> Result<()> {
        let (d, ty, k, v) = self.dict_operand(receiver)?;
        let dd = self.tdesc(&ty);
        let result_ty = self.var_type(dst)?.clone();
        let result = match (method, args) {
            ("get", [key, rest @ ..]) | ("pop", [key, rest @ ..]) => {
                let (slot, tk) = self.probe_key(key)?;
                let default = rest.first();
                if method == "pop" && default.is_none() {
                    let found = self
                        .call_runtime_flagged(
                            "kr_dict_pop_required",
                            &[d.into(), dd.into(), slot.into(), tk.into()],
                        )?
                        .ok_or_else(|| internal("kr_dict_pop returns nothing"))?
                        .into_int_value();
                    if v == Type::Never {
                        return self.trap();
                    }
                    let value = self.value_of_slot(found, &v)?;
                    self.convert(value, &v, &result_ty)?
                } else {
                    // The default (or None) in the result's representation, and the
                    // found value converted to it.
                    let absent = match default {
                        Some(op) => {
                            let from = self.op_type_raw(op);
                            let value = self.operand_raw(op)?;
                            self.convert(value, &from, &result_ty)?
                        }
                        None => self.convert(Val::None, &Type::NoneType, &result_ty)?,
                    };
                    let name = if method == "get" {
                        "kr_dict_get_slot"
                    } else {
                        "kr_dict_pop_slot"
                    };
                    let out = self.entry_alloca(self.m.context.i64_type().into(), 1, "found")?;
                    let r = self
                        .call_runtime(
                            name,
                            &[d.into(), dd.into(), slot.into(), tk.into(), out.into()],
                        )?
                        .ok_or_else(|| internal("a dict lookup returns nothing"))?
                        .into_int_value();
                    let found = self.tri_state(r)?;
                    self.choose(found, out, &v, absent, &result_ty)?
                }
            }
            ("setdefault", [key, rest @ ..]) => {
                let key_slot = self.stored_slot(key, &k)?;
                let tk = self.tdesc(&k);
                let default_slot = match rest.first() {
                    Some(op) => self.stored_slot(op, &v)?,
                    None => self.slot_for(Val::None, &Type::NoneType, &v)?,
                };
                let found = self
                    .call_runtime_flagged(
                        "kr_dict_setdefault",
                        &[
                            d.into(),
                            dd.into(),
                            key_slot.into(),
                            tk.into(),
                            default_slot.into(),
                        ],
                    )?
                    .ok_or_else(|| internal("kr_dict_setdefault returns nothing"))?
                    .into_int_value();
                let value = self.value_of_slot(found, &v)?;
                self.convert(value, &v, &result_ty)?
            }
            ("update", [other]) => {
                let (o, other_ty, _, _) = self.dict_operand(other)?;
                let od = self.tdesc(&other_ty);
                self.call_runtime_ok(
                    "kr_dict_update",
                    &[d.into(), dd.into(), o.into(), od.into()],
                )?;
                Val::None
            }
            ("clear", []) => {
                self.call_runtime("kr_dict_clear", &[d.into()])?;
                Val::None
            }
            ("copy", []) => Val::Obj(self.call_runtime_ptr("kr_dict_copy", &[d.into()])?),
            _ => return Err(self.unsupported(format!("the method dict.{method}()"))),
        };
        self.store(dst, result)
    }

    /// The value in `out` (a slot of type `v`) when `found`, else `absent`, as a
    /// value of type `ty`.
    fn choose(
        &mut self,
        found: IntValue<'ctx>,
        out: PointerValue<'ctx>,
        v: &Type,
        absent: Val<'ctx>,
        ty: &Type,
    ) -> Result<Val<'ctx>> {
        if *v == Type::Never {
            // Nothing was ever stored: never found.
            return Ok(absent);
        }
        let context = self.m.context;
        let llvm = self.llvm;
        let here = self.current_block()?;
        let hit = context.append_basic_block(llvm, "dict.found");
        let join = context.append_basic_block(llvm, "dict.join");
        self.builder.build_conditional_branch(found, hit, join)?;
        self.builder.position_at_end(hit);
        let slot = self
            .builder
            .build_load(context.i64_type(), out, "slot")?
            .into_int_value();
        let value = self.value_of_slot(slot, v)?;
        let value = self.convert(value, v, ty)?;
        let hit_end = self.current_block()?;
        self.builder.build_unconditional_branch(join)?;
        self.builder.position_at_end(join);
        match (value.basic(), absent.basic()) {
            (Some(a), Some(b)) => {
                let phi = self.builder.build_phi(a.get_type(), "dict.value")?;
                phi.add_incoming(&[(&a, hit_end), (&b, here)]);
                Val::from_basic(ty, Some(phi.as_basic_value()))
            }
            _ => Ok(value),
        }
    }
}
