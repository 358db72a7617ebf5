//! Binary and unary operators: picks the representation the result type asks for
//! (inference decided it: int, float, bool or str), converts the operands the way
//! Python's numeric tower does, and hands over to `ints`, `floats` or the runtime.

use super::function::FunctionGen;
use super::values::Val;
use crate::error::{Error, Result};
use frontend::ast::{Operator, UnaryOp};
use typeinfer::types::Type;

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    pub fn binary(
        &mut self,
        op: Operator,
        a: Val<'ctx>,
        b: Val<'ctx>,
        result: &Type,
    ) -> Result<Val<'ctx>> {
        match result {
            Type::Float => {
                let intlike = |v: &Val| matches!(v, Val::Int(_) | Val::Bool(_));
                if op == Operator::Div && intlike(&a) && intlike(&b) {
                    // int / int is the correctly rounded quotient, not the quotient
                    // of two rounded floats.
                    let Val::Int(x) = self.coerce(a, &Type::Int)? else {
                        return Err(mismatch());
                    };
                    let Val::Int(y) = self.coerce(b, &Type::Int)? else {
                        return Err(mismatch());
                    };
                    return Ok(Val::Float(self.int_truediv(x, y)?));
                }
                let (Val::Float(x), Val::Float(y)) =
                    (self.coerce(a, &Type::Float)?, self.coerce(b, &Type::Float)?)
                else {
                    return Err(mismatch());
                };
                Ok(Val::Float(self.float_binary(op, x, y)?))
            }
            Type::Int => {
                let (Val::Int(x), Val::Int(y)) =
                    (self.coerce(a, &Type::Int)?, self.coerce(b, &Type::Int)?)
                else {
                    return Err(mismatch());
                };
                Ok(Val::Int(self.int_binary(op, x, y)?))
            }
            Type::Bool => {
                let (Val::Bool(x), Val::Bool(y)) = (a, b) else {
                    return Err(mismatch());
                };
                Ok(Val::Bool(match op {
                    Operator::BitAnd => self.builder.build_and(x, y, "")?,
                    Operator::BitOr => self.builder.build_or(x, y, "")?,
                    Operator::BitXor => self.builder.build_xor(x, y, "")?,
                    _ => return Err(mismatch()),
                }))
            }
            Type::Str => {
                let (Val::Str(x), Val::Str(y), Operator::Add) = (a, b, op) else {
                    return Err(mismatch());
                };
                let r = self
                    .call_runtime("kr_str_concat", &[x.into(), y.into()])?
                    .ok_or_else(mismatch)?
                    .into_pointer_value();
                let failed = self.builder.build_is_null(r, "failed")?;
                self.branch_if_failed(failed)?;
                Ok(Val::Str(r))
            }
            _ => Err(mismatch()),
        }
    }

    pub fn unary(&mut self, op: UnaryOp, a: Val<'ctx>) -> Result<Val<'ctx>> {
        match (op, a) {
            (UnaryOp::USub, Val::Float(x)) => Ok(Val::Float(self.builder.build_float_neg(x, "")?)),
            (UnaryOp::UAdd, Val::Float(_)) => Ok(a),
            (UnaryOp::Not, _) => {
                let t = self.truth(a)?;
                Ok(Val::Bool(self.builder.build_not(t, "")?))
            }
            (_, Val::Int(_) | Val::Bool(_)) => {
                let Val::Int(x) = self.coerce(a, &Type::Int)? else {
                    return Err(mismatch());
                };
                Ok(Val::Int(match op {
                    UnaryOp::USub => self.int_negate(x)?,
                    UnaryOp::Invert => self.int_invert(x)?,
                    _ => x,
                }))
            }
            _ => Err(mismatch()),
        }
    }
}

fn mismatch() -> Error {
    Error::internal("?", "operand types do not match the inferred result type")
}
