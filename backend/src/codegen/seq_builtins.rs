//! f-string fields and joins, and the builtins added with sequences: sum, min/max
//! of one sequence, sorted, list, any, all, round, divmod, pow, ord, chr, hex, oct,
//! bin and `sys.argv`. Sequence builtins hand the runtime a slot array, its length
//! and the element descriptor, so lists and tuples share one path.

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
    /// One f-string field: `format(conversion(value), spec)`.
    pub(super) fn format_field(
        &mut self,
        dst: VarId,
        value: &Operand,
        conversion: Option<char>,
        spec: Option<&Operand>,
    ) -> Result<()> {
        let mut ty = self.op_type(value);
        let mut v = self.operand(value)?;
        match conversion {
            Some('s') => {
                v = Val::Str(self.str_of_typed(v, &ty, false)?);
                ty = Type::Str;
            }
            Some('r') => {
                v = Val::Str(self.str_of_typed(v, &ty, true)?);
                ty = Type::Str;
            }
            Some(_) => return Err(self.unsupported("the !a conversion".into())),
            None => {}
        }
        let spec = match spec {
            Some(op) => match self.operand(op)? {
                Val::Str(s) => Some(s),
                _ => return Err(internal("a format spec that is not a str")),
            },
            None => None,
        };
        let Some(spec) = spec else {
            // No spec: format(x, '') is str(x).
            let s = match v {
                Val::Str(s) => s,
                other => self.str_of_typed(other, &ty, false)?,
            };
            return self.store(dst, Val::Str(s));
        };
        let s = match v {
            Val::Int(i) => self.call_runtime_str("kr_format_int", &[i.into(), spec.into()])?,
            Val::Float(d) => self.call_runtime_str("kr_format_float", &[d.into(), spec.into()])?,
            Val::Bool(b) => self.call_runtime_str("kr_format_bool", &[b.into(), spec.into()])?,
            Val::Str(s) => self.call_runtime_str("kr_format_str", &[s.into(), spec.into()])?,
            Val::Dyn(d) => self.call_runtime_str("kr_dyn_format", &[d.into(), spec.into()])?,
            // A value or None: formatted by what it holds at run time.
            v @ Val::Opt(_) => {
                let d = self.box_value(v, &ty)?;
                self.call_runtime_str("kr_dyn_format", &[d.into(), spec.into()])?
            }
            other => {
                // None, lists and tuples format as their str() with an empty spec
                // only; object.__format__ rejects any other spec.
                let length = self.raw_length(spec)?;
                let nonempty = self.builder.build_int_compare(
                    inkwell::IntPredicate::NE,
                    length,
                    self.m.context.i64_type().const_zero(),
                    "spec.nonempty",
                )?;
                let class = match &ty {
                    Type::NoneType => "NoneType",
                    Type::List(_) => "list",
                    Type::Tuple(_) => "tuple",
                    _ => "object",
                };
                let message = format!("unsupported format string passed to {class}.__format__");
                self.raise_if(nonempty, "KR_EXC_TYPE", &message)?;
                self.str_of_typed(other, &ty, false)?
            }
        };
        self.store(dst, Val::Str(s))
    }

    /// `''.join(parts)` of an f-string.
    pub(super) fn join_str(&mut self, dst: VarId, parts: &[Operand]) -> Result<()> {
        let context = self.m.context;
        let ptr_type = context.ptr_type(Default::default());
        let n = context.i64_type().const_int(parts.len() as u64, false);
        let array = self.entry_alloca(ptr_type.into(), parts.len() as u32, "parts")?;
        for (i, part) in parts.iter().enumerate() {
            let Val::Str(s) = self.operand(part)? else {
                return Err(internal("an f-string part that is not a str"));
            };
            let index = context.i64_type().const_int(i as u64, false);
            let p = unsafe {
                self.builder
                    .build_in_bounds_gep(ptr_type, array, &[index], "part")?
            };
            self.builder.build_store(p, s)?;
        }
        let s = self.call_runtime_str("kr_str_join_array", &[array.into(), n.into()])?;
        self.store(dst, Val::Str(s))
    }

    /// The slots, length and element type of a list or tuple operand (a str is
    /// made a list of its characters first).
    /// Also the item width of the array (`kr_list.width`: 1 for a list of bools).
    pub(super) fn slots_of(
        &mut self,
        op: &Operand,
    ) -> Result<(PointerValue<'ctx>, IntValue<'ctx>, Type, IntValue<'ctx>)> {
        let ty = self.op_type(op);
        let obj = match self.operand(op)? {
            Val::Obj(p) | Val::Str(p) => p,
            _ => return Err(internal("a sequence builtin of a non-sequence")),
        };
        match &ty {
            Type::Str => {
                let list = self.call_runtime_ptr("kr_list_from_str", &[obj.into()])?;
                let list_ty = Type::List(Box::new(Type::Str));
                let items = self.items(list, &list_ty)?;
                let n = self.raw_length(list)?;
                Ok((items, n, Type::Str, self.width_const(8)))
            }
            Type::List(e) => {
                let items = self.items(obj, &ty)?;
                let n = self.raw_length(obj)?;
                let width = self.width_const(super::sequences::item_width(&ty));
                Ok((items, n, (**e).clone(), width))
            }
            Type::Tuple(types) => {
                let elem = ty.element().unwrap_or(Type::Never);
                if types.iter().all(|t| *t == elem || *t == Type::Never) {
                    let items = self.items(obj, &ty)?;
                    let n = self.raw_length(obj)?;
                    let width = self.width_const(8);
                    return Ok((items, n, elem, width));
                }
                // Items of different types (a `dyn` or optional join): converted to
                // one representation by the runtime, as `list += tuple` does.
                let list_ty = Type::List(Box::new(elem.clone()));
                let desc = self.tdesc(&elem);
                let zero = self.m.context.i64_type().const_zero();
                let list = self.call_runtime_ptr("kr_list_new", &[zero.into(), desc.into()])?;
                let target = self.box_value(Val::Obj(list), &list_ty)?;
                let source = self.box_value(Val::Obj(obj), &ty)?;
                let add = self.m.context.i32_type().const_zero();
                self.call_runtime_value(
                    "kr_dyn_inplace",
                    &[add.into(), target.into(), source.into()],
                )?;
                let items = self.items(list, &list_ty)?;
                let n = self.raw_length(list)?;
                let width = self.width_const(super::sequences::item_width(&list_ty));
                Ok((items, n, elem, width))
            }
            other => Err(internal(&format!("a sequence builtin of '{other}'"))),
        }
    }

    /// A fresh list of `made` items whose static element type is `wanted`: when
    /// that is dyn (typing joined the list with lists of other items), its items
    /// become dyn values (`kr_list_box_items`).
    pub(super) fn box_items_for(
        &mut self,
        list: PointerValue<'ctx>,
        made: &Type,
        wanted: &Type,
    ) -> Result<()> {
        if *wanted == Type::Dyn && *made != Type::Dyn && *made != Type::Never {
            let from = self.tdesc(made);
            self.call_runtime("kr_list_box_items", &[list.into(), from.into()])?;
        }
        Ok(())
    }

    fn width_const(&self, width: u64) -> IntValue<'ctx> {
        self.m.context.i64_type().const_int(width, false)
    }

    /// The builtins of this file; `None` for the others.
    pub(super) fn sequence_builtin(
        &mut self,
        dst: VarId,
        builtin: Builtin,
        args: &[Operand],
        keywords: &[(Box<str>, Operand)],
    ) -> Result<Option<Val<'ctx>>> {
        let context = self.m.context;
        let result_ty = self.var_type(dst)?.clone();
        let v = match builtin {
            Builtin::SysArgv => Val::Obj(self.call_runtime_ptr("kr_sys_argv", &[])?),
            // Checked by inference; the value itself, or for `%d` its int.
            Builtin::PercentArg(typeinfer::ir::PercentKind::Truncated) => {
                self.builtin(Builtin::Int, args, &[])?
            }
            Builtin::PercentArg(_) => self.operand(&args[0])?,
            Builtin::RangeFits => {
                let mut values = Vec::new();
                for a in args {
                    let v = self.operand(a)?;
                    values.push(self.coerce(v, &Type::Int)?);
                }
                self.range_fits(&values)?
            }
            Builtin::RangeBound => {
                let v = self.operand(&args[0])?;
                self.range_bound(v)?
            }
            Builtin::Len if self.op_type(&args[0]) == Type::Dyn => {
                let d = self.operand_dyn(&args[0])?;
                self.dyn_len(d, "kr_dyn_len")?
            }
            Builtin::IterLen(_) if self.op_type(&args[0]) == Type::Dyn => {
                let d = self.operand_dyn(&args[0])?;
                self.dyn_len(d, "kr_dyn_iter_length")?
            }
            Builtin::Len | Builtin::IterLen(_) => self.length(&args[0])?,
            Builtin::Sum => {
                let (items, n, elem, width) = self.slots_of(&args[0])?;
                let kind = context.i32_type().const_int(
                    match elem {
                        Type::Bool => 2,
                        Type::Float => 4,
                        _ => 3,
                    },
                    false,
                );
                let start = match args.get(1) {
                    Some(op) => self.operand(op)?,
                    None => {
                        self.constant(&typeinfer::ir::Const::Int(frontend::ast::Int::Small(0)))?
                    }
                };
                if result_ty == Type::Float {
                    let start_is_int = matches!(start, Val::Int(_) | Val::Bool(_));
                    let Val::Float(s) = self.coerce(start, &Type::Float)? else {
                        return Err(internal("a float sum start"));
                    };
                    let flag = context.bool_type().const_int(start_is_int as u64, false);
                    let d = self
                        .call_runtime_flagged(
                            "kr_sum_float_slots",
                            &[
                                items.into(),
                                n.into(),
                                width.into(),
                                kind.into(),
                                s.into(),
                                flag.into(),
                            ],
                        )?
                        .ok_or_else(|| internal("kr_sum_float_slots returns nothing"))?
                        .into_float_value();
                    Val::Float(d)
                } else {
                    let Val::Int(s) = self.coerce(start, &Type::Int)? else {
                        return Err(internal("an int sum start"));
                    };
                    Val::Int(self.call_runtime_value(
                        "kr_sum_int_slots",
                        &[items.into(), n.into(), width.into(), kind.into(), s.into()],
                    )?)
                }
            }
            Builtin::Dict | Builtin::DictKeys | Builtin::DictValues | Builtin::DictItems => {
                self.dict_builtin(builtin, args)?
            }
            Builtin::Set | Builtin::SetList => self.set_builtin(dst, builtin, args)?,
            Builtin::SortByKeys => {
                let (Val::Obj(list), Val::Obj(keys)) =
                    (self.operand(&args[0])?, self.operand(&args[1])?)
                else {
                    return Err(internal("a keyed sort of a non-list"));
                };
                // The keys of an empty list have no type; nothing compares them.
                let key_ty = match self.op_type(&args[1]) {
                    Type::List(e) if *e != Type::Never => *e,
                    _ => Type::Dyn,
                };
                let desc = self.tdesc(&key_ty);
                let flag = self.operand(&args[2])?;
                let reverse = self.truth(flag)?;
                self.call_runtime_ok(
                    "kr_list_sort_by_keys",
                    &[list.into(), keys.into(), desc.into(), reverse.into()],
                )?;
                Val::None
            }
            Builtin::ListReserve => {
                let Val::Obj(list) = self.operand(&args[0])? else {
                    return Err(internal("room in a non-list"));
                };
                let n = self.operand(&args[1])?;
                let Val::Int(n) = self.coerce(n, &Type::Int)? else {
                    return Err(internal("room for a non-int count"));
                };
                self.call_runtime_ok("kr_list_reserve", &[list.into(), n.into()])?;
                Val::None
            }
            Builtin::SumStart => {
                let start = self.operand(&args[0])?;
                self.coerce(start, &result_ty)?
            }
            Builtin::SumEnd => {
                let total = self.operand(&args[0])?;
                match (total, self.op_type(&args[1])) {
                    (Val::Float(total), Type::Int | Type::Bool) => {
                        let Val::Bool(iterated) = self.operand(&args[2])? else {
                            return Err(internal("a sum's item flag"));
                        };
                        let empty = self.builder.build_not(iterated, "no.items")?;
                        let d = self
                            .call_runtime_flagged(
                                "kr_sum_float_end",
                                &[total.into(), empty.into()],
                            )?
                            .ok_or_else(|| internal("kr_sum_float_end returns nothing"))?
                            .into_float_value();
                        Val::Float(d)
                    }
                    (total, _) => total,
                }
            }
            Builtin::MinOf | Builtin::MaxOf => {
                let (items, n, elem, width) = self.slots_of(&args[0])?;
                let desc = self.tdesc(&elem);
                let is_max = context
                    .bool_type()
                    .const_int((builtin == Builtin::MaxOf) as u64, false);
                let slot = self
                    .call_runtime_flagged(
                        "kr_seq_minmax",
                        &[
                            items.into(),
                            n.into(),
                            width.into(),
                            desc.into(),
                            is_max.into(),
                        ],
                    )?
                    .ok_or_else(|| internal("kr_seq_minmax returns nothing"))?
                    .into_int_value();
                if result_ty == Type::Never {
                    self.trap()?;
                    return Ok(Some(Val::None));
                }
                self.value_of_slot(slot, &result_ty)?
            }
            Builtin::Any | Builtin::All => {
                let (items, n, elem, width) = self.slots_of(&args[0])?;
                let desc = self.tdesc(&elem);
                let name = if builtin == Builtin::Any {
                    "kr_seq_any"
                } else {
                    "kr_seq_all"
                };
                let b = self
                    .call_runtime(name, &[items.into(), n.into(), width.into(), desc.into()])?
                    .ok_or_else(|| internal("kr_seq_any returns nothing"))?
                    .into_int_value();
                Val::Bool(b)
            }
            Builtin::List | Builtin::Sorted => {
                let Type::List(elem) = &result_ty else {
                    return Err(internal("list() of a non-list type"));
                };
                let desc = self.tdesc(elem);
                let list = if args.is_empty() {
                    let zero = context.i64_type().const_zero();
                    self.call_runtime_ptr("kr_list_new", &[zero.into(), desc.into()])?
                } else if let Type::List(_) = self.op_type(&args[0]) {
                    let source = match self.operand(&args[0])? {
                        Val::Obj(p) => p,
                        _ => return Err(internal("list() of a non-list")),
                    };
                    self.call_runtime_ptr("kr_list_copy", &[source.into(), desc.into()])?
                } else {
                    // A tuple's slots, or the characters of a str.
                    let (items, n, source, _) = self.slots_of(&args[0])?;
                    let list = self.call_runtime_ptr(
                        "kr_list_from_slots",
                        &[items.into(), n.into(), desc.into()],
                    )?;
                    self.box_items_for(list, &source, elem)?;
                    list
                };
                if builtin == Builtin::Sorted {
                    let reverse = match keywords.iter().find(|(k, _)| &**k == "reverse") {
                        Some((_, r)) => {
                            let r = self.operand(r)?;
                            self.truth(r)?
                        }
                        None => context.bool_type().const_zero(),
                    };
                    self.call_runtime_ok(
                        "kr_list_sort",
                        &[list.into(), desc.into(), reverse.into()],
                    )?;
                }
                Val::Obj(list)
            }
            Builtin::Round => {
                let x = self.operand(&args[0])?;
                let ndigits = match args.get(1) {
                    Some(op) if self.op_type(op) != Type::NoneType => Some(self.operand(op)?),
                    _ => None,
                };
                match (x, ndigits) {
                    (Val::Float(d), None) => {
                        Val::Int(self.call_runtime_value("kr_float_round_int", &[d.into()])?)
                    }
                    (Val::Float(d), Some(n)) => {
                        let Val::Int(n) = self.coerce(n, &Type::Int)? else {
                            return Err(internal("round() digits"));
                        };
                        let r = self
                            .call_runtime_flagged("kr_float_round", &[d.into(), n.into()])?
                            .ok_or_else(|| internal("kr_float_round returns nothing"))?
                            .into_float_value();
                        Val::Float(r)
                    }
                    (i, None) => self.coerce(i, &Type::Int)?,
                    (i, Some(n)) => {
                        let (Val::Int(i), Val::Int(n)) =
                            (self.coerce(i, &Type::Int)?, self.coerce(n, &Type::Int)?)
                        else {
                            return Err(internal("round() of ints"));
                        };
                        Val::Int(self.call_runtime_value("kr_int_round", &[i.into(), n.into()])?)
                    }
                }
            }
            Builtin::Divmod => {
                let a = self.operand(&args[0])?;
                let b = self.operand(&args[1])?;
                let Type::Tuple(parts) = &result_ty else {
                    return Err(internal("divmod() of a non-tuple type"));
                };
                let (q, r) = if parts.first() == Some(&Type::Float) {
                    let (Val::Float(x), Val::Float(y)) =
                        (self.coerce(a, &Type::Float)?, self.coerce(b, &Type::Float)?)
                    else {
                        return Err(internal("divmod() of floats"));
                    };
                    let mod_slot = self.entry_alloca(context.f64_type().into(), 1, "mod")?;
                    let q = self
                        .call_runtime_flagged(
                            "kr_float_divmod",
                            &[x.into(), y.into(), mod_slot.into()],
                        )?
                        .ok_or_else(|| internal("kr_float_divmod returns nothing"))?
                        .into_float_value();
                    let r = self
                        .builder
                        .build_load(context.f64_type(), mod_slot, "mod")?
                        .into_float_value();
                    (Val::Float(q), Val::Float(r))
                } else {
                    let (Val::Int(x), Val::Int(y)) =
                        (self.coerce(a, &Type::Int)?, self.coerce(b, &Type::Int)?)
                    else {
                        return Err(internal("divmod() of ints"));
                    };
                    let q = self.call_runtime_value("kr_int_floordiv", &[x.into(), y.into()])?;
                    let r = self.call_runtime_value("kr_int_mod", &[x.into(), y.into()])?;
                    (Val::Int(q), Val::Int(r))
                };
                let n = context.i64_type().const_int(2, false);
                let tuple = self.call_runtime_ptr("kr_tuple_new", &[n.into()])?;
                let items = self.items(tuple, &result_ty)?;
                for (k, (v, t)) in [(q, &parts[0]), (r, &parts[1])].into_iter().enumerate() {
                    let slot = self.slot_of(v, t)?;
                    let index = context.i64_type().const_int(k as u64, false);
                    let p = unsafe {
                        self.builder.build_in_bounds_gep(
                            context.i64_type(),
                            items,
                            &[index],
                            "item",
                        )?
                    };
                    self.builder.build_store(p, slot)?;
                }
                Val::Obj(tuple)
            }
            Builtin::Pow => {
                let a = self.operand(&args[0])?;
                let b = self.operand(&args[1])?;
                if let Some(m) = args.get(2) {
                    let m = self.operand(m)?;
                    let (Val::Int(x), Val::Int(y), Val::Int(z)) = (
                        self.coerce(a, &Type::Int)?,
                        self.coerce(b, &Type::Int)?,
                        self.coerce(m, &Type::Int)?,
                    ) else {
                        return Err(internal("pow() of ints"));
                    };
                    Val::Int(
                        self.call_runtime_value("kr_int_powmod", &[x.into(), y.into(), z.into()])?,
                    )
                } else {
                    self.binary(frontend::ast::Operator::Pow, a, b, &result_ty)?
                }
            }
            Builtin::Ord => {
                let Val::Str(s) = self.operand(&args[0])? else {
                    return Err(internal("ord() of a non-str"));
                };
                Val::Int(self.call_runtime_value("kr_str_ord", &[s.into()])?)
            }
            Builtin::Chr | Builtin::Hex | Builtin::Oct | Builtin::Bin => {
                let i = self.operand(&args[0])?;
                let i = self.index_value(i)?;
                let s = if builtin == Builtin::Chr {
                    self.call_runtime_str("kr_str_chr", &[i.into()])?
                } else {
                    let base = match builtin {
                        Builtin::Hex => 16,
                        Builtin::Oct => 8,
                        _ => 2,
                    };
                    let base = context.i32_type().const_int(base, false);
                    self.call_runtime_str("kr_int_to_base_str", &[i.into(), base.into()])?
                };
                Val::Str(s)
            }
            _ => return Ok(None),
        };
        Ok(Some(v))
    }
}
