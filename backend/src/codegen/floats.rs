//! Python's float on a raw `double`. `+ - *` are single IEEE operations, exactly
//! what CPython does (no fast-math flags, no contraction into FMAs, so results are
//! bit-identical). Division checks for zero inline and lets the runtime raise;
//! `//`, `%` and `**` always go through the runtime (`kr_float_*`), which holds
//! Python's sign rules and libm's `pow` (LLVM must never see a `pow` it could fold).

use super::function::FunctionGen;
use crate::error::{Error, Result};
use frontend::ast::Operator;
use inkwell::values::FloatValue;
use inkwell::FloatPredicate;

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    pub fn float_binary(
        &mut self,
        op: Operator,
        a: FloatValue<'ctx>,
        b: FloatValue<'ctx>,
    ) -> Result<FloatValue<'ctx>> {
        use Operator::*;
        Ok(match op {
            Add => self.builder.build_float_add(a, b, "")?,
            Sub => self.builder.build_float_sub(a, b, "")?,
            Mult => self.builder.build_float_mul(a, b, "")?,
            Div => {
                let zero = self.m.context.f64_type().const_zero();
                let nonzero = self
                    .builder
                    .build_float_compare(FloatPredicate::UNE, b, zero, "")?;
                let ty = self.m.context.f64_type().into();
                self.fast_or_slow(
                    ty,
                    &[nonzero],
                    |g| Ok((g.builder.build_float_div(a, b, "")?.into(), None)),
                    |g| {
                        g.call_runtime_double("kr_float_div", &[a.into(), b.into()])
                            .map(Into::into)
                    },
                )?
                .into_float_value()
            }
            FloorDiv => self.call_runtime_double("kr_float_floordiv", &[a.into(), b.into()])?,
            Mod => self.call_runtime_double("kr_float_mod", &[a.into(), b.into()])?,
            Pow => self.call_runtime_double("kr_float_pow", &[a.into(), b.into()])?,
            _ => {
                return Err(Error::internal(
                    "?",
                    format!("float operator {op:?} reached float_binary"),
                ))
            }
        })
    }
}
