//! Truthiness and comparisons with Python's semantics per type pair.
//!
//! Two small ints compare by their tagged words (tagging preserves order); big ints
//! go to the runtime. An int and a float compare exactly (`2**53 + 1 != 2.0**53`),
//! through the runtime unless the int is small enough to convert exactly. `nan`
//! compares unequal to everything, including itself (unordered `!=`).
//! Values of unrelated types are never equal, as in Python.

use super::function::FunctionGen;
use super::values::{tag, Val};
use crate::error::{Error, Result};
use frontend::ast::CmpOp;
use inkwell::values::{FloatValue, IntValue};
use inkwell::{FloatPredicate, IntPredicate};
use typeinfer::types::Type;

fn int_predicate(op: CmpOp) -> Option<IntPredicate> {
    Some(match op {
        CmpOp::Eq => IntPredicate::EQ,
        CmpOp::NotEq => IntPredicate::NE,
        CmpOp::Lt => IntPredicate::SLT,
        CmpOp::LtE => IntPredicate::SLE,
        CmpOp::Gt => IntPredicate::SGT,
        CmpOp::GtE => IntPredicate::SGE,
        _ => return None,
    })
}

fn float_predicate(op: CmpOp) -> Option<FloatPredicate> {
    Some(match op {
        CmpOp::Eq => FloatPredicate::OEQ,
        CmpOp::NotEq => FloatPredicate::UNE,
        CmpOp::Lt => FloatPredicate::OLT,
        CmpOp::LtE => FloatPredicate::OLE,
        CmpOp::Gt => FloatPredicate::OGT,
        CmpOp::GtE => FloatPredicate::OGE,
        _ => return None,
    })
}

/// `a op b` == `b mirrored(op) a`.
fn mirrored(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::LtE => CmpOp::GtE,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::GtE => CmpOp::LtE,
        other => other,
    }
}

/// Whether CPython 3.11 runs `a op b` on these static types without a
/// specialised instruction, so that in the deepest frame it fails with "in
/// comparison" (`comparison_depth_check`). It specialises, only where the result
/// is `tested` by a branch (`tested_values`), two small ints, two floats, and
/// `==`/`!=` of two strs; `is` and `in` never count. Two ints in a test are decided
/// at run time (`int_compare`'s slow path: big ints); small ints from 2^30 up are
/// not specialised in CPython either, and krait does not raise for those.
pub(super) fn unspecialised(op: CmpOp, a: &Type, b: &Type, tested: bool) -> bool {
    if matches!(op, CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn) {
        return false;
    }
    if !tested {
        return true;
    }
    match (a, b) {
        (Type::Int, Type::Int) | (Type::Float, Type::Float) => false,
        (Type::Str, Type::Str) => !matches!(op, CmpOp::Eq | CmpOp::NotEq),
        _ => true,
    }
}

/// Per variable of `f`: whether it is a temporary that only branches test, directly,
/// through `bool()` or through copies into such temporaries (the result of `a < b`
/// in `if a < b:`, not in `x = a < b` or `f(a < b)`).
pub(super) fn tested_values(f: &typeinfer::ir::Function) -> Vec<bool> {
    use typeinfer::ir::{InstKind, Operand, Terminator};
    let n = f.vars.len();
    // Per variable: its readers, as the variable they pass it on to (None: a
    // branch, which tests it), or a reader that does something else.
    let mut passes: Vec<Vec<Option<usize>>> = vec![Vec::new(); n];
    let mut other = vec![false; n];
    for block in &f.blocks {
        for inst in &block.insts {
            let through = match &inst.kind {
                InstKind::Copy { dst, .. } | InstKind::Truth { dst, .. } => Some(dst.index()),
                _ => None,
            };
            for op in inst.kind.operands() {
                if let Operand::Var(v) = op {
                    match through {
                        Some(t) => passes[v.index()].push(Some(t)),
                        None => other[v.index()] = true,
                    }
                }
            }
        }
        for op in block.term.operands() {
            if let Operand::Var(v) = op {
                match block.term {
                    Terminator::Branch { .. } => passes[v.index()].push(None),
                    _ => other[v.index()] = true,
                }
            }
        }
    }
    let mut tested: Vec<bool> = (0..n)
        .map(|v| f.vars[v].name.is_none() && !other[v] && !passes[v].is_empty())
        .collect();
    let mut changed = true;
    while changed {
        changed = false;
        for v in 0..n {
            if tested[v] && passes[v].iter().any(|t| t.is_some_and(|t| !tested[t])) {
                tested[v] = false;
                changed = true;
            }
        }
    }
    tested
}

fn unsupported(op: CmpOp) -> Error {
    Error::internal("?", format!("comparison {op:?} between these types"))
}

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    fn bool_const(&self, b: bool) -> IntValue<'ctx> {
        self.m.context.bool_type().const_int(b as u64, false)
    }

    /// `bool(v)`.
    pub fn truth(&mut self, v: Val<'ctx>) -> Result<IntValue<'ctx>> {
        Ok(match v {
            Val::None => self.bool_const(false),
            Val::Bool(b) => b,
            Val::Opt(_) => return Err(Error::internal("?", "truth of an optional here")),
            Val::Dyn(d) => self.dyn_truth(d)?,
            Val::Raw(i) => {
                let zero = self.m.context.i64_type().const_zero();
                self.builder
                    .build_int_compare(IntPredicate::NE, i, zero, "truth")?
            }
            Val::Int(i) => {
                let zero = self.m.context.i64_type().const_int(tag(0), false);
                self.builder
                    .build_int_compare(IntPredicate::NE, i, zero, "truth")?
            }
            Val::Float(d) => {
                let zero = self.m.context.f64_type().const_zero();
                self.builder
                    .build_float_compare(FloatPredicate::UNE, d, zero, "truth")?
            }
            Val::Str(s) | Val::Obj(s) => {
                // str, list and tuple keep their length in the same word.
                let len = self.str_length(s)?;
                let zero = self.m.context.i64_type().const_zero();
                self.builder
                    .build_int_compare(IntPredicate::NE, len, zero, "truth")?
            }
        })
    }

    /// The `length` field of a `kr_str` (second word).
    fn str_length(&mut self, s: inkwell::values::PointerValue<'ctx>) -> Result<IntValue<'ctx>> {
        let i64_type = self.m.context.i64_type();
        let header = self.m.context.struct_type(
            &[
                self.m.context.ptr_type(Default::default()).into(),
                i64_type.into(),
            ],
            false,
        );
        let field = self.builder.build_struct_gep(header, s, 1, "length.ptr")?;
        Ok(self
            .builder
            .build_load(i64_type, field, "length")?
            .into_int_value())
    }

    /// `a op b` for one link of a comparison chain.
    pub fn compare(&mut self, op: CmpOp, a: Val<'ctx>, b: Val<'ctx>) -> Result<IntValue<'ctx>> {
        let numeric = |v: &Val| matches!(v, Val::Int(_) | Val::Bool(_) | Val::Float(_));
        match op {
            CmpOp::In | CmpOp::NotIn => {
                let (Val::Str(needle), Val::Str(haystack)) = (a, b) else {
                    return Err(unsupported(op));
                };
                let found = self
                    .call_runtime("kr_str_contains", &[haystack.into(), needle.into()])?
                    .ok_or_else(|| unsupported(op))?
                    .into_int_value();
                return Ok(if op == CmpOp::In {
                    found
                } else {
                    self.builder.build_not(found, "")?
                });
            }
            CmpOp::Is | CmpOp::IsNot => {
                // `is None`, or between bools (True and False are singletons);
                // lists and tuples are compared in `sequences`.
                if let (Val::Bool(x), Val::Bool(y)) = (a, b) {
                    let predicate = if op == CmpOp::Is {
                        IntPredicate::EQ
                    } else {
                        IntPredicate::NE
                    };
                    return Ok(self.builder.build_int_compare(predicate, x, y, "is")?);
                }
                let same = matches!((a, b), (Val::None, Val::None));
                return Ok(self.bool_const(same == (op == CmpOp::Is)));
            }
            _ => {}
        }
        if numeric(&a) && numeric(&b) {
            return match (a, b) {
                (Val::Int(x), Val::Float(y)) => self.int_float_compare(op, x, y),
                (Val::Float(x), Val::Int(y)) => self.int_float_compare(mirrored(op), y, x),
                (Val::Float(_), _) | (_, Val::Float(_)) => {
                    let (Val::Float(x), Val::Float(y)) =
                        (self.coerce(a, &Type::Float)?, self.coerce(b, &Type::Float)?)
                    else {
                        return Err(unsupported(op));
                    };
                    let p = float_predicate(op).ok_or_else(|| unsupported(op))?;
                    Ok(self.builder.build_float_compare(p, x, y, "")?)
                }
                _ => {
                    let (Val::Int(x), Val::Int(y)) =
                        (self.coerce(a, &Type::Int)?, self.coerce(b, &Type::Int)?)
                    else {
                        return Err(unsupported(op));
                    };
                    self.int_compare(op, x, y)
                }
            };
        }
        match (a, b) {
            (Val::Str(x), Val::Str(y)) => self.str_compare(op, x, y),
            (Val::None, Val::None) => match op {
                CmpOp::Eq => Ok(self.bool_const(true)),
                CmpOp::NotEq => Ok(self.bool_const(false)),
                _ => Err(unsupported(op)),
            },
            _ => match op {
                CmpOp::Eq => Ok(self.bool_const(false)),
                CmpOp::NotEq => Ok(self.bool_const(true)),
                _ => Err(unsupported(op)),
            },
        }
    }

    /// In the deepest frame the recursion limit allows, CPython 3.11 fails a
    /// comparison its interpreter has not specialised: the comparison itself counts
    /// as one more level of recursion, and raises RecursionError "maximum recursion
    /// depth exceeded in comparison" (`unspecialised` says which comparisons).
    pub(super) fn comparison_depth_check(&mut self) -> Result<()> {
        let depth = self.frame_depth()?;
        let i32_type = self.m.context.i32_type();
        let limit = i32_type.const_int(super::function::RECURSION_LIMIT, false);
        let at_limit =
            self.builder
                .build_int_compare(IntPredicate::EQ, depth, limit, "at.limit")?;
        self.raise_if(
            at_limit,
            "KR_EXC_RECURSION",
            "maximum recursion depth exceeded in comparison",
        )
    }

    /// Two ints: tagged words when both are small, the runtime otherwise.
    pub fn int_compare(
        &mut self,
        op: CmpOp,
        a: IntValue<'ctx>,
        b: IntValue<'ctx>,
    ) -> Result<IntValue<'ctx>> {
        let p = int_predicate(op).ok_or_else(|| unsupported(op))?;
        let both = self.both_small(a, b)?;
        let ty = self.m.context.bool_type().into();
        Ok(self
            .fast_or_slow(
                ty,
                &both,
                |g| Ok((g.builder.build_int_compare(p, a, b, "")?.into(), None)),
                |g| {
                    if g.check_big_int_comparison {
                        g.comparison_depth_check()?;
                    }
                    let r = if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
                        let eq = g
                            .call_runtime("kr_int_eq", &[a.into(), b.into()])?
                            .ok_or_else(|| unsupported(op))?
                            .into_int_value();
                        if op == CmpOp::Eq {
                            eq
                        } else {
                            g.builder.build_not(eq, "")?
                        }
                    } else {
                        let c = g
                            .call_runtime("kr_int_compare", &[a.into(), b.into()])?
                            .ok_or_else(|| unsupported(op))?
                            .into_int_value();
                        let zero = g.m.context.i32_type().const_zero();
                        g.builder.build_int_compare(p, c, zero, "")?
                    };
                    Ok(r.into())
                },
            )?
            .into_int_value())
    }

    /// An int and a float, exactly: in doubles when the int converts exactly,
    /// otherwise `kr_int_compare_double` (-1, 0, 1, or 2 for nan).
    fn int_float_compare(
        &mut self,
        op: CmpOp,
        a: IntValue<'ctx>,
        d: FloatValue<'ctx>,
    ) -> Result<IntValue<'ctx>> {
        let fp = float_predicate(op).ok_or_else(|| unsupported(op))?;
        let i64_type = self.m.context.i64_type();
        let small = self.is_small(a)?;
        let x = self
            .builder
            .build_right_shift(a, i64_type.const_int(1, false), true, "x")?;
        let limit = 1u64 << 53;
        let shifted = self
            .builder
            .build_int_add(x, i64_type.const_int(limit, false), "")?;
        let exact = self.builder.build_int_compare(
            IntPredicate::ULE,
            shifted,
            i64_type.const_int(2 * limit, false),
            "",
        )?;
        let cond = self.builder.build_and(small, exact, "")?;
        let ty = self.m.context.bool_type().into();
        Ok(self
            .fast_or_slow(
                ty,
                &[cond],
                |g| {
                    let f64_type = g.m.context.f64_type();
                    let dx = g.builder.build_signed_int_to_float(x, f64_type, "")?;
                    Ok((g.builder.build_float_compare(fp, dx, d, "")?.into(), None))
                },
                |g| {
                    let c = g
                        .call_runtime("kr_int_compare_double", &[a.into(), d.into()])?
                        .ok_or_else(|| unsupported(op))?
                        .into_int_value();
                    let i32_type = g.m.context.i32_type();
                    let k = |v: i64| i32_type.const_int(v as u64, true);
                    let r = match op {
                        CmpOp::Eq => g.builder.build_int_compare(IntPredicate::EQ, c, k(0), "")?,
                        CmpOp::NotEq => {
                            g.builder.build_int_compare(IntPredicate::NE, c, k(0), "")?
                        }
                        CmpOp::Lt => g
                            .builder
                            .build_int_compare(IntPredicate::EQ, c, k(-1), "")?,
                        CmpOp::LtE => {
                            g.builder
                                .build_int_compare(IntPredicate::SLE, c, k(0), "")?
                        }
                        CmpOp::Gt => g.builder.build_int_compare(IntPredicate::EQ, c, k(1), "")?,
                        // 0 or 1 (2 is unordered).
                        _ => g
                            .builder
                            .build_int_compare(IntPredicate::ULE, c, k(1), "")?,
                    };
                    Ok(r.into())
                },
            )?
            .into_int_value())
    }

    fn str_compare(
        &mut self,
        op: CmpOp,
        a: inkwell::values::PointerValue<'ctx>,
        b: inkwell::values::PointerValue<'ctx>,
    ) -> Result<IntValue<'ctx>> {
        if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            let eq = self
                .call_runtime("kr_str_eq", &[a.into(), b.into()])?
                .ok_or_else(|| unsupported(op))?
                .into_int_value();
            return Ok(if op == CmpOp::Eq {
                eq
            } else {
                self.builder.build_not(eq, "")?
            });
        }
        let p = int_predicate(op).ok_or_else(|| unsupported(op))?;
        let c = self
            .call_runtime("kr_str_compare", &[a.into(), b.into()])?
            .ok_or_else(|| unsupported(op))?
            .into_int_value();
        let zero = self.m.context.i32_type().const_zero();
        Ok(self.builder.build_int_compare(p, c, zero, "")?)
    }
}
