//! Range counters: `i64` values in the IR, plain machine integers here. Lowering
//! makes them only from `range()` bounds that are small ints (`RangeFits` checks
//! once per loop), so stepping can neither overflow nor leave the small-int range,
//! and tagging a counter for the loop variable is a shift and an or. The loop's
//! compare-and-step is then what a C `for` loop compiles to.

use super::function::FunctionGen;
use super::values::Val;
use crate::error::{Error, Result};
use frontend::ast::CmpOp;
use inkwell::values::IntValue;
use inkwell::IntPredicate;
use typeinfer::ir::{Operand, VarId};

fn raw(v: Val) -> Result<IntValue> {
    match v {
        Val::Raw(i) => Ok(i),
        _ => Err(Error::internal("?", "a range counter that is not an i64")),
    }
}

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    /// `counter + step` (no overflow: both are small ints).
    pub(super) fn counter_step(&mut self, dst: VarId, lhs: &Operand, rhs: &Operand) -> Result<()> {
        let a = self.operand(lhs)?;
        let b = self.operand(rhs)?;
        let sum = self
            .builder
            .build_int_nsw_add(raw(a)?, raw(b)?, "counter")?;
        self.store(dst, Val::Raw(sum))
    }

    /// `counter < stop` and the like, on machine integers.
    pub(super) fn counter_compare(
        &mut self,
        dst: VarId,
        op: CmpOp,
        lhs: &Operand,
        rhs: &Operand,
    ) -> Result<()> {
        let predicate = match op {
            CmpOp::Lt => IntPredicate::SLT,
            CmpOp::LtE => IntPredicate::SLE,
            CmpOp::Gt => IntPredicate::SGT,
            CmpOp::GtE => IntPredicate::SGE,
            CmpOp::Eq => IntPredicate::EQ,
            CmpOp::NotEq => IntPredicate::NE,
            _ => return Err(Error::internal("?", "this comparison of range counters")),
        };
        let a = self.operand(lhs)?;
        let b = self.operand(rhs)?;
        let v = self
            .builder
            .build_int_compare(predicate, raw(a)?, raw(b)?, "more")?;
        self.store(dst, Val::Bool(v))
    }

    /// The tagged int of a counter (known to be in the small-int range).
    pub(super) fn tag_small(&mut self, i: IntValue<'ctx>) -> Result<IntValue<'ctx>> {
        let one = i.get_type().const_int(1, false);
        let shifted = self.builder.build_left_shift(i, one, "")?;
        if let Some(inst) = shifted.as_instruction() {
            // Lets LLVM see that untagging gives the counter back.
            let _ = inst.set_no_signed_wrap_flag(true);
        }
        let word = self.builder.build_or(shifted, one, "tagged")?;
        self.raw_of_word.insert(word, i);
        Ok(word)
    }

    /// Whether three tagged ints are all small (the low bit of each is set).
    pub(super) fn range_fits(&mut self, values: &[Val<'ctx>]) -> Result<Val<'ctx>> {
        let mut all = None;
        for v in values {
            let Val::Int(word) = *v else {
                return Err(Error::internal("?", "a range bound that is not an int"));
            };
            all = Some(match all {
                None => word,
                Some(acc) => self.builder.build_and(acc, word, "")?,
            });
        }
        let all = all.ok_or_else(|| Error::internal("?", "range() without bounds"))?;
        let one = all.get_type().const_int(1, false);
        let low = self.builder.build_and(all, one, "")?;
        Ok(Val::Bool(self.builder.build_int_compare(
            IntPredicate::NE,
            low,
            all.get_type().const_zero(),
            "small",
        )?))
    }

    /// A small int (checked by `range_fits`) as a counter value.
    pub(super) fn range_bound(&mut self, v: Val<'ctx>) -> Result<Val<'ctx>> {
        let Val::Int(word) = v else {
            return Err(Error::internal("?", "a range bound that is not an int"));
        };
        let one = word.get_type().const_int(1, false);
        Ok(Val::Raw(
            self.builder.build_right_shift(word, one, true, "bound")?,
        ))
    }
}
