//! Methods of ints, floats and tuples: `int.bit_length()`/`bit_count()`,
//! `float.is_integer()`, `tuple.count()`/`index()` (the runtime's `kr_int.c`,
//! `kr_float.c` and `kr_builtins.c`).

use super::function::FunctionGen;
use super::values::Val;
use crate::error::{Error, Result};
use typeinfer::ir::{Operand, VarId};
use typeinfer::types::Type;

fn internal(what: &str) -> Error {
    Error::internal("?", what.to_string())
}

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    /// `receiver.method(args)` for an int, bool, float or tuple receiver; false if
    /// the receiver is of another type (the caller handles it).
    pub(super) fn scalar_method(
        &mut self,
        dst: VarId,
        receiver: &Operand,
        method: &str,
        args: &[Operand],
    ) -> Result<bool> {
        let ty = self.op_type(receiver);
        let result = match (&ty, method) {
            (Type::Int | Type::Bool, "bit_length" | "bit_count") => {
                let n = self.int_word(receiver)?;
                let name = format!("kr_int_{method}");
                let r = self
                    .call_runtime(&name, &[n.into()])?
                    .ok_or_else(|| internal("an int method returns nothing"))?
                    .into_int_value();
                Val::Int(r)
            }
            (Type::Float, "is_integer") => {
                let Val::Float(x) = self.operand(receiver)? else {
                    return Err(internal("is_integer() of a non-float"));
                };
                let b = self
                    .call_runtime("kr_float_is_integer", &[x.into()])?
                    .ok_or_else(|| internal("is_integer() returns nothing"))?
                    .into_int_value();
                Val::Bool(b)
            }
            (Type::Tuple(_), "count" | "index") => {
                let Val::Obj(t) = self.operand(receiver)? else {
                    return Err(internal("a tuple method on a non-tuple"));
                };
                let x = args.first().ok_or_else(|| internal("missing argument"))?;
                let x_ty = self.op_type_raw(x);
                let v = self.operand_raw(x)?;
                let slot = self.slot_for(v, &x_ty, &x_ty)?;
                let x_desc = self.tdesc(&x_ty);
                let t_desc = self.tdesc(&ty);
                let name = format!("kr_tuple_{method}");
                let n = self
                    .call_runtime_flagged(
                        &name,
                        &[t.into(), t_desc.into(), slot.into(), x_desc.into()],
                    )?
                    .ok_or_else(|| internal("a tuple method returns nothing"))?
                    .into_int_value();
                Val::Int(self.tag_i64(n)?)
            }
            _ => return Ok(false),
        };
        self.store(dst, result)?;
        Ok(true)
    }
}
