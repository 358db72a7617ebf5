//! Calls of user functions and block terminators (jumps, branches, returns,
//! `raise` with its message converted to a `kr_str`).

use super::function::{exc_kind, FunctionGen};
use super::values::Val;
use crate::abi;
use crate::error::{Error, Result};
use inkwell::values::{BasicMetadataValueEnum, IntValue, PointerValue};
use inkwell::IntPredicate;
use typeinfer::ir::{Const, FuncId, Operand, Terminator, VarId};
use typeinfer::types::Type;

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    /// A call of a user function. Results with a sentinel (int: 0, str: NULL) are
    /// tested directly; the others come back with a failure flag (`values::return_type`).
    pub(super) fn call(
        &mut self,
        dst: VarId,
        func: FuncId,
        args: &[Operand],
        plus: Option<&Operand>,
    ) -> Result<()> {
        let callee =
            self.m.program.functions.get(func.index()).ok_or_else(|| {
                Error::internal("?", format!("call of unknown function #{}", func.0))
            })?;
        let llvm_callee = match self.self_calls {
            Some((me, copy)) if me == func => copy,
            _ => *self
                .m
                .functions
                .get(func.index())
                .ok_or_else(|| Error::internal("?", "callee was not declared"))?,
        };
        if let Some(template) = callee.template {
            self.check_function_defined(template, &callee.name)?;
        }
        let mut values: Vec<BasicMetadataValueEnum> = Vec::new();
        if self.m.takes_depth(func) {
            let depth = self.frame_depth()?;
            values.push(depth.into());
        }
        let zero = Operand::Const(Const::Int(frontend::ast::Int::Small(0)));
        match (super::tail_calls::takes_initial_sum(callee), plus) {
            (true, plus) => {
                let sum = self.operand_to(plus.unwrap_or(&zero), &Type::Int)?;
                values.extend(sum.basic().map(BasicMetadataValueEnum::from));
            }
            (false, None) => {}
            (false, Some(_)) => {
                return Err(Error::internal(
                    "?",
                    "a summing call of a function without a tail sum",
                ))
            }
        }
        for (arg, param) in args.iter().zip(&callee.params) {
            let ty = callee
                .vars
                .get(param.index())
                .map(|v| &v.ty)
                .ok_or_else(|| Error::internal("?", "callee parameter out of range"))?;
            if let Some(b) = self.operand_to(arg, ty)?.basic() {
                values.push(b.into());
            }
        }
        let call = self.builder.build_call(llvm_callee, &values, "")?;
        let returned = call
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| Error::internal("?", "a user function returns nothing"))?;
        let result = if super::values::has_sentinel(&callee.return_type) {
            let failed = match returned {
                inkwell::values::BasicValueEnum::PointerValue(p) => {
                    self.builder.build_is_null(p, "failed")?
                }
                other => {
                    let zero = self.m.context.i64_type().const_zero();
                    self.builder.build_int_compare(
                        IntPredicate::EQ,
                        other.into_int_value(),
                        zero,
                        "failed",
                    )?
                }
            };
            self.branch_if_failed(failed)?;
            Some(returned)
        } else if let inkwell::values::BasicValueEnum::StructValue(pair) = returned {
            let failed = self
                .builder
                .build_extract_value(pair, 1, "failed")?
                .into_int_value();
            self.branch_if_failed(failed)?;
            Some(self.builder.build_extract_value(pair, 0, "result")?)
        } else {
            self.branch_if_failed(returned.into_int_value())?;
            None
        };
        if callee.return_type == Type::Never {
            // The callee never returns normally.
            return self.trap();
        }
        let value = Val::from_basic(&callee.return_type, result)?;
        self.store(dst, value)
    }

    // ---- terminators ------------------------------------------------------------

    pub(super) fn terminator(&mut self, term: &Terminator) -> Result<()> {
        let block = |b: &typeinfer::ir::BlockId| self.target_block(b.index());
        match term {
            Terminator::Jump(b) => {
                let target = block(b)?;
                self.builder.build_unconditional_branch(target)?;
            }
            Terminator::Branch {
                cond,
                then_block,
                else_block,
            } => {
                let (then_bb, else_bb) = (block(then_block)?, block(else_block)?);
                if self.operand_is_never(cond) {
                    self.read_never(cond)?;
                    self.builder.build_unreachable()?;
                    return Ok(());
                }
                let c = self.operand(cond)?;
                let c = self.truth(c)?;
                self.builder.build_conditional_branch(c, then_bb, else_bb)?;
            }
            Terminator::Return(value) => {
                if self.operand_is_never(value) {
                    self.read_never(value)?;
                    self.builder.build_unreachable()?;
                    return Ok(());
                }
                let ty = &self.f.return_type;
                let v = match ty {
                    Type::NoneType | Type::Never => {
                        self.operand(value)?;
                        None
                    }
                    ty => self.operand_to(value, ty)?.basic(),
                };
                self.return_with(v, false)?;
            }
            Terminator::Raise { class, message } => {
                let kind = exc_kind(abi::exc_class_enumerator(*class))?;
                let message = match message {
                    Some(m) if self.operand_is_never(m) => {
                        self.read_never(m)?;
                        self.builder.build_unreachable()?;
                        return Ok(());
                    }
                    Some(m) if *class == typeinfer::ir::ExcClass::KeyError => {
                        // str(KeyError(x)) is repr(x).
                        let ty = self.op_type(m);
                        let v = self.operand(m)?;
                        self.str_of_typed(v, &ty, true)?
                    }
                    Some(m) => self.raise_message(m)?,
                    None => self.m.context.ptr_type(Default::default()).const_null(),
                };
                let kind = self.m.context.i32_type().const_int(kind as u64, false);
                self.call_runtime("kr_raise_str", &[kind.into(), message.into()])?;
                self.branch_to_error()?;
            }
            Terminator::Unreachable => {
                self.trap()?;
                self.builder.build_unreachable()?;
            }
        }
        Ok(())
    }

    /// Returns `value` (or the zero value when `None`) by this function's
    /// convention (`values::return_type`): `failed` sets the failure flag.
    pub(super) fn return_with(
        &mut self,
        value: Option<inkwell::values::BasicValueEnum<'ctx>>,
        failed: bool,
    ) -> Result<()> {
        let context = self.m.context;
        let ty = &self.f.return_type;
        let flag = context.bool_type().const_int(failed as u64, false);
        let storage = super::values::storage_type(context, ty)?;
        let value = match (value, storage) {
            (Some(v), _) => Some(v),
            (None, Some(t)) => Some(t.const_zero()),
            (None, None) => None,
        };
        match value {
            Some(v) if super::values::has_sentinel(ty) => {
                if !failed {
                    // A result is never the failure sentinel (ints are odd or
                    // pointers): once inlined, the caller's test of it folds away.
                    let valid = match v {
                        inkwell::values::BasicValueEnum::IntValue(i) => {
                            let zero = i.get_type().const_zero();
                            Some(
                                self.builder
                                    .build_int_compare(IntPredicate::NE, i, zero, "")?,
                            )
                        }
                        inkwell::values::BasicValueEnum::PointerValue(p) => {
                            Some(self.builder.build_is_not_null(p, "")?)
                        }
                        _ => None,
                    };
                    if let Some(valid) = valid {
                        self.assume(valid)?;
                    }
                }
                self.builder.build_return(Some(&v))?;
            }
            Some(v) => {
                let pair_type = super::values::return_type(context, ty)?.into_struct_type();
                let pair = self
                    .builder
                    .build_insert_value(pair_type.get_undef(), v, 0, "")?;
                let pair = self.builder.build_insert_value(pair, flag, 1, "")?;
                self.builder.build_return(Some(&pair.into_struct_value()))?;
            }
            None => {
                self.builder.build_return(Some(&flag))?;
            }
        }
        Ok(())
    }

    /// The `kr_str` message of `raise Class(message)`: `str(message)`, from a
    /// constant at compile time or converted at run time.
    pub(super) fn raise_message(&mut self, message: &Operand) -> Result<PointerValue<'ctx>> {
        let text = match message {
            Operand::Const(Const::Int(frontend::ast::Int::Small(i))) => i.to_string(),
            Operand::Const(Const::Int(frontend::ast::Int::Big(b))) => b.to_string(),
            Operand::Const(Const::Bool(b)) => if *b { "True" } else { "False" }.to_string(),
            Operand::Const(Const::None) => "None".to_string(),
            _ => return self.str_of(message),
        };
        let count = text.chars().count();
        Ok(self.str_constant(text.as_bytes(), count))
    }

    /// `str(value)` as a `kr_str`, for exception messages.
    pub(super) fn str_of(&mut self, value: &Operand) -> Result<PointerValue<'ctx>> {
        let context = self.m.context;
        let from_utf8 = |g: &mut Self, text: PointerValue<'ctx>, len: IntValue<'ctx>| {
            let s = g
                .call_runtime("kr_str_from_utf8", &[text.into(), len.into()])?
                .ok_or_else(|| Error::internal("?", "kr_str_from_utf8 returns nothing"))?
                .into_pointer_value();
            let failed = g.builder.build_is_null(s, "failed")?;
            g.branch_if_failed(failed)?;
            Ok(s)
        };
        match self.operand(value)? {
            Val::Str(p) => Ok(p),
            v @ Val::Obj(_) => {
                let ty = self.op_type(value);
                self.str_of_typed(v, &ty, false)
            }
            v @ Val::Opt(_) => {
                let ty = self.op_type(value);
                self.str_of_typed(v, &ty, false)
            }
            Val::Raw(_) => Err(Error::internal("?", "str() of a range counter")),
            Val::Dyn(d) => self.dyn_text(d, false),
            Val::None => Ok(self.str_constant(b"None", 4)),
            Val::Bool(b) => {
                let yes = self.str_constant(b"True", 4);
                let no = self.str_constant(b"False", 5);
                Ok(self
                    .builder
                    .build_select(b, yes, no, "")?
                    .into_pointer_value())
            }
            Val::Int(i) => {
                let len_slot = self.entry_alloca(context.i64_type().into(), 1, "len")?;
                let base = context.i32_type().const_int(10, false);
                let text = self
                    .call_runtime("kr_int_to_str", &[i.into(), base.into(), len_slot.into()])?
                    .ok_or_else(|| Error::internal("?", "kr_int_to_str returns nothing"))?
                    .into_pointer_value();
                let failed = self.builder.build_is_null(text, "failed")?;
                self.branch_if_failed(failed)?;
                let len = self
                    .builder
                    .build_load(context.i64_type(), len_slot, "")?
                    .into_int_value();
                from_utf8(self, text, len)
            }
            Val::Float(d) => {
                let buffer = self.entry_alloca(context.i8_type().into(), 32, "repr")?;
                let len = self
                    .call_runtime("kr_float_repr", &[d.into(), buffer.into()])?
                    .ok_or_else(|| Error::internal("?", "kr_float_repr returns nothing"))?
                    .into_int_value();
                from_utf8(self, buffer, len)
            }
        }
    }
}
