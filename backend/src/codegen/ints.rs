//! Python's exact ints on the tagged word: a small int `x` is `2x + 1`, anything
//! else a pointer to a GMP-backed big int (runtime-c/include/krait.h).
//!
//! Each operation tests that its operands are small (low bits 1), computes on the
//! tagged words directly with LLVM's overflow intrinsics, and takes the runtime's
//! exact slow path (`kr_int_*`) for big operands or on overflow:
//!   add: a + (b - 1) = 2(x + y) + 1      sub: a - (b - 1) = 2(x - y) + 1
//!   mul: (a >> 1) * (b - 1) + 1          neg: 2 - a
//! The intrinsic overflows exactly when the result leaves the small range, because
//! the small range is the i64 range halved.

use super::function::FunctionGen;
use super::values::tag;
use crate::error::{Error, Result};
use frontend::ast::Operator;
use inkwell::basic_block::BasicBlock;
use inkwell::intrinsics::Intrinsic;
use inkwell::types::BasicTypeEnum;
use inkwell::values::{BasicMetadataValueEnum, BasicValueEnum, FloatValue, IntValue, PhiValue};
use inkwell::IntPredicate;

/// Largest magnitude whose conversion to double is exact on both sides of a
/// division, so `x / y` in doubles is the correctly rounded quotient.
const EXACT_DOUBLE: u64 = 1 << 53;

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    fn i64(&self, v: u64) -> IntValue<'ctx> {
        self.m.context.i64_type().const_int(v, false)
    }

    /// True when the word is a small int.
    pub fn is_small(&mut self, a: IntValue<'ctx>) -> Result<IntValue<'ctx>> {
        if let Some(bit) = self.small_bits.get(&a) {
            return Ok(*bit);
        }
        let low = self.builder.build_and(a, self.i64(1), "")?;
        Ok(self
            .builder
            .build_int_compare(IntPredicate::NE, low, self.i64(0), "small")?)
    }

    /// Conditions that all hold when both words are small ints: one test of both
    /// tags, or, when an operand's bit is already known (`small_bits`), one test
    /// each, so that each stays a branch of its own LLVM can thread.
    pub fn both_small(
        &mut self,
        a: IntValue<'ctx>,
        b: IntValue<'ctx>,
    ) -> Result<Vec<IntValue<'ctx>>> {
        if self.small_bits.contains_key(&a) || self.small_bits.contains_key(&b) {
            return Ok(vec![self.is_small(a)?, self.is_small(b)?]);
        }
        let both = self.builder.build_and(a, b, "")?;
        Ok(vec![self.is_small(both)?])
    }

    /// `if conds are all true { fast } else { slow }` producing one value. The fast
    /// path may also give up (its second result, e.g. an overflow bit) and continue
    /// on the slow one.
    pub fn fast_or_slow(
        &mut self,
        ty: BasicTypeEnum<'ctx>,
        conds: &[IntValue<'ctx>],
        fast: impl FnOnce(&mut Self) -> Result<(BasicValueEnum<'ctx>, Option<IntValue<'ctx>>)>,
        slow: impl FnOnce(&mut Self) -> Result<BasicValueEnum<'ctx>>,
    ) -> Result<BasicValueEnum<'ctx>> {
        let (phi, _) = self.fast_or_slow_ends(ty, conds, fast, slow, None)?;
        Ok(phi.as_basic_value())
    }

    /// `fast_or_slow` giving the phi and the blocks the fast and slow paths end
    /// in; a fast path that gives up goes to `give_up_to` when given (the caller
    /// completes that path and the phi).
    #[allow(clippy::type_complexity)]
    fn fast_or_slow_ends(
        &mut self,
        ty: BasicTypeEnum<'ctx>,
        conds: &[IntValue<'ctx>],
        fast: impl FnOnce(&mut Self) -> Result<(BasicValueEnum<'ctx>, Option<IntValue<'ctx>>)>,
        slow: impl FnOnce(&mut Self) -> Result<BasicValueEnum<'ctx>>,
        give_up_to: Option<BasicBlock<'ctx>>,
    ) -> Result<(PhiValue<'ctx>, (BasicBlock<'ctx>, BasicBlock<'ctx>))> {
        let context = self.m.context;
        // In a fast copy that may leave here (`self.bail`), the slow path is the
        // ordinary copy.
        let slow_bb = match self.bail {
            Some(bail) => bail,
            None => context.append_basic_block(self.llvm, "slow"),
        };
        let done_bb = context.append_basic_block(self.llvm, "done");
        for cond in conds {
            let next = context.append_basic_block(self.llvm, "fast");
            let cond = self.expect(*cond, true)?;
            self.builder.build_conditional_branch(cond, next, slow_bb)?;
            self.builder.position_at_end(next);
        }
        let (fast_value, give_up) = fast(self)?;
        let fast_end = self.current_block()?;
        match give_up {
            Some(g) => {
                let g = self.expect(g, false)?;
                let to = give_up_to.unwrap_or(slow_bb);
                self.builder.build_conditional_branch(g, to, done_bb)?
            }
            None => self.builder.build_unconditional_branch(done_bb)?,
        };
        if self.bail.is_some() {
            self.builder.position_at_end(done_bb);
            let phi = self.builder.build_phi(ty, "")?;
            phi.add_incoming(&[(&fast_value, fast_end)]);
            return Ok((phi, (fast_end, fast_end)));
        }
        self.builder.position_at_end(slow_bb);
        let slow_value = slow(self)?;
        let slow_end = self.current_block()?;
        self.builder.build_unconditional_branch(done_bb)?;
        self.builder.position_at_end(done_bb);
        let phi = self.builder.build_phi(ty, "")?;
        phi.add_incoming(&[(&fast_value, fast_end), (&slow_value, slow_end)]);
        Ok((phi, (fast_end, slow_end)))
    }

    /// An `llvm.s{add,sub,mul}.with.overflow.i64` call: (result, overflowed).
    fn with_overflow(
        &mut self,
        intrinsic: &str,
        a: IntValue<'ctx>,
        b: IntValue<'ctx>,
    ) -> Result<(IntValue<'ctx>, IntValue<'ctx>)> {
        let i64_type = self.m.context.i64_type();
        let f = Intrinsic::find(intrinsic)
            .and_then(|i| i.get_declaration(&self.m.module, &[i64_type.into()]))
            .ok_or_else(|| Error::internal("?", format!("{intrinsic} is missing")))?;
        let pair = self
            .builder
            .build_call(f, &[a.into(), b.into()], "")?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| Error::internal("?", format!("{intrinsic} returned nothing")))?
            .into_struct_value();
        let value = self
            .builder
            .build_extract_value(pair, 0, "")?
            .into_int_value();
        let overflow = self
            .builder
            .build_extract_value(pair, 1, "ovf")?
            .into_int_value();
        Ok((value, overflow))
    }

    fn int_fast_slow(
        &mut self,
        conds: &[IntValue<'ctx>],
        fast: impl FnOnce(&mut Self) -> Result<(IntValue<'ctx>, Option<IntValue<'ctx>>)>,
        slow_fn: &str,
        slow_args: &[IntValue<'ctx>],
    ) -> Result<IntValue<'ctx>> {
        self.int_fast_slow_with(conds, fast, slow_fn, slow_args, false)
    }

    /// `int_fast_slow` where `wraps` says the fast path gives up only when an add
    /// or subtract of the tagged words overflowed: then `kr_int_from_overflow`
    /// rebuilds the int from the wrapped word alone, so the operands need not stay
    /// alive past the operation (LLVM can then update a variable in place).
    fn int_fast_slow_with(
        &mut self,
        conds: &[IntValue<'ctx>],
        fast: impl FnOnce(&mut Self) -> Result<(IntValue<'ctx>, Option<IntValue<'ctx>>)>,
        slow_fn: &str,
        slow_args: &[IntValue<'ctx>],
        wraps: bool,
    ) -> Result<IntValue<'ctx>> {
        let args: Vec<BasicMetadataValueEnum> = slow_args.iter().map(|a| (*a).into()).collect();
        let context = self.m.context;
        let ty = context.i64_type().into();
        let overflow_bb = (wraps && self.bail.is_none())
            .then(|| context.append_basic_block(self.llvm, "overflow"));
        let mut slow_small = None;
        let mut wrapped = None;
        let (phi, ends) = self.fast_or_slow_ends(
            ty,
            conds,
            |g| {
                let (v, o) = fast(g)?;
                wrapped = Some(v);
                Ok((v.into(), o))
            },
            |g| {
                let v = g.call_runtime_value(slow_fn, &args)?;
                slow_small = Some(g.is_small(v)?);
                Ok(v.into())
            },
            overflow_bb,
        )?;
        let done = self.current_block()?;
        let bool_type = context.bool_type();
        let yes = bool_type.const_int(1, false);
        let mut bits = vec![(yes, ends.0)];
        if let Some(slow_small) = slow_small {
            bits.push((slow_small, ends.1));
        }
        if let (Some(overflow_bb), Some(wrapped)) = (overflow_bb, wrapped) {
            // An overflowed result is never small.
            self.builder.position_at_end(overflow_bb);
            let big = self.call_runtime_value("kr_int_from_overflow", &[wrapped.into()])?;
            let overflow_end = self.current_block()?;
            self.builder.build_unconditional_branch(done)?;
            phi.add_incoming(&[(&big, overflow_end)]);
            bits.push((bool_type.const_zero(), overflow_end));
            self.builder.position_at_end(done);
        }
        let value = phi.as_basic_value().into_int_value();
        // The fast path's result is small by construction; the slow path's is
        // tested where it is made.
        if slow_small.is_some() {
            let small = self.builder.build_phi(bool_type, "small")?;
            for (bit, block) in &bits {
                small.add_incoming(&[(bit, *block)]);
            }
            self.small_bits
                .insert(value, small.as_basic_value().into_int_value());
        }
        Ok(value)
    }

    /// `a op b` for an add, subtract or multiply of small ints that a fast loop
    /// proved stays small (`loop_ranges`): no tag tests, no overflow check.
    fn int_binary_small(
        &mut self,
        op: Operator,
        a: IntValue<'ctx>,
        b: IntValue<'ctx>,
    ) -> Result<IntValue<'ctx>> {
        if op == Operator::Mult {
            if let Some((word, c)) = constant_factor(a, b) {
                let r = self.multiply_small_by(word, c)?;
                let yes = self.m.context.bool_type().const_int(1, false);
                self.small_bits.insert(r, yes);
                return Ok(r);
            }
        }
        let b1 = self.builder.build_int_nsw_sub(b, self.i64(1), "")?;
        let r = match op {
            Operator::Add => self.builder.build_int_nsw_add(a, b1, "")?,
            Operator::Sub => self.builder.build_int_nsw_sub(a, b1, "")?,
            _ => {
                let x = self.builder.build_right_shift(a, self.i64(1), true, "")?;
                let product = self.builder.build_int_nsw_mul(x, b1, "")?;
                self.builder.build_or(product, self.i64(1), "")?
            }
        };
        let yes = self.m.context.bool_type().const_int(1, false);
        self.small_bits.insert(r, yes);
        Ok(r)
    }

    /// `c * x` for the small int `x` (tagged `word`) when the product is known to
    /// be small: `(word - 1) * c + 1`, which LLVM turns into a shift or `lea` for
    /// the usual constants.
    fn multiply_small_by(&mut self, word: IntValue<'ctx>, c: i64) -> Result<IntValue<'ctx>> {
        let even = self.builder.build_int_nsw_sub(word, self.i64(1), "")?;
        let product = self
            .builder
            .build_int_nsw_mul(even, self.i64(c as u64), "")?;
        Ok(self.builder.build_int_nsw_add(product, self.i64(1), "")?)
    }

    /// `a op b` for two ints (tagged words), with Python's semantics and errors.
    pub fn int_binary(
        &mut self,
        op: Operator,
        a: IntValue<'ctx>,
        b: IntValue<'ctx>,
    ) -> Result<IntValue<'ctx>> {
        use Operator::*;
        if self.proven_small && matches!(op, Add | Sub | Mult) {
            return self.int_binary_small(op, a, b);
        }
        let addend = constant_addend(op, a, b).filter(|_| self.speculation.is_some());
        if let Some((word, c)) = addend {
            // In arms computed together (`speculate`), where the longer arm delays
            // the variables both write, the overflow test looks at the operand (as
            // for products by constants), so that LLVM can fold the sum into what
            // computed the operand: `3 * n + 1` is then one `lea`. Elsewhere an add
            // and its overflow flag are one instruction fewer.
            let small = self.is_small(word)?;
            let twice = c.wrapping_mul(2);
            // The sum stays in the word: below MAX - twice going up, above
            // MIN - twice going down.
            let (predicate, limit) = match twice >= 0 {
                true => (IntPredicate::SLE, i64::MAX - twice),
                false => (IntPredicate::SGE, i64::MIN - twice),
            };
            let fits =
                self.builder
                    .build_int_compare(predicate, word, self.i64(limit as u64), "fits")?;
            return self.int_fast_slow(
                &[small, fits],
                |g| {
                    let sum = g.builder.build_int_nsw_add(word, g.i64(twice as u64), "")?;
                    Ok((sum, None))
                },
                if op == Add {
                    "kr_int_add"
                } else {
                    "kr_int_sub"
                },
                &[a, b],
            );
        }
        let both = self.both_small(a, b)?;
        match op {
            Add => self.int_fast_slow_with(
                &both,
                |g| {
                    let b1 = g.builder.build_int_sub(b, g.i64(1), "")?;
                    let (r, o) = g.with_overflow("llvm.sadd.with.overflow", a, b1)?;
                    Ok((r, Some(o)))
                },
                "kr_int_add",
                &[a, b],
                true,
            ),
            Sub => self.int_fast_slow_with(
                &both,
                |g| {
                    let b1 = g.builder.build_int_sub(b, g.i64(1), "")?;
                    let (r, o) = g.with_overflow("llvm.ssub.with.overflow", a, b1)?;
                    Ok((r, Some(o)))
                },
                "kr_int_sub",
                &[a, b],
                true,
            ),
            Mult if constant_factor(a, b).is_some() => {
                let Some((word, c)) = constant_factor(a, b) else {
                    unreachable!("tested by the guard")
                };
                // The overflow test looks at the operand, not the product: the
                // product is then plain arithmetic LLVM can fold with what follows
                // (`3 * n + 1` on the tagged word is one `lea`), and the test is off
                // the value's dependency chain.
                let small = self.is_small(word)?;
                let (lo, hi) = small_factor_range(c);
                let offset = self.builder.build_int_sub(word, self.i64(lo as u64), "")?;
                let fits = self.builder.build_int_compare(
                    IntPredicate::ULE,
                    offset,
                    self.i64(hi.wrapping_sub(lo) as u64),
                    "fits",
                )?;
                self.int_fast_slow(
                    &[small, fits],
                    |g| Ok((g.multiply_small_by(word, c)?, None)),
                    "kr_int_mul",
                    &[a, b],
                )
            }
            Mult => self.int_fast_slow(
                &both,
                |g| {
                    let x = g.builder.build_right_shift(a, g.i64(1), true, "")?;
                    let b1 = g.builder.build_int_sub(b, g.i64(1), "")?;
                    let (r, o) = g.with_overflow("llvm.smul.with.overflow", x, b1)?;
                    let r = g.builder.build_or(r, g.i64(1), "")?;
                    Ok((r, Some(o)))
                },
                "kr_int_mul",
                &[a, b],
            ),
            FloorDiv | Mod if power_of_two_divisor(b).is_some() => {
                let Some(k) = power_of_two_divisor(b) else {
                    unreachable!("tested by the guard")
                };
                // For a divisor 2^k, floor division is an arithmetic shift and the
                // modulo (never negative) the low k bits, both on the tagged word:
                // tag(x >> k) = (w >> k) | 1 and tag(x & m) = (w & 2m) | 1, so
                // `n % 2 == 0` is a test of one bit.
                let small = self.is_small(a)?;
                let floor = op == FloorDiv;
                self.int_fast_slow(
                    &[small],
                    |g| {
                        let bits = if floor {
                            g.builder.build_right_shift(a, g.i64(k), true, "")?
                        } else {
                            g.builder.build_and(a, g.i64(((1u64 << k) - 1) << 1), "")?
                        };
                        Ok((g.builder.build_or(bits, g.i64(1), "")?, None))
                    },
                    if floor {
                        "kr_int_floordiv"
                    } else {
                        "kr_int_mod"
                    },
                    &[a, b],
                )
            }
            FloorDiv | Mod => {
                // Inline unless the divisor is 0 (ZeroDivisionError) or -1 (the one
                // quotient that can leave the small range); the runtime handles both.
                let not_zero =
                    self.builder
                        .build_int_compare(IntPredicate::NE, b, self.i64(tag(0)), "")?;
                let not_minus_one =
                    self.builder
                        .build_int_compare(IntPredicate::NE, b, self.i64(tag(-1)), "")?;
                let ok = self.builder.build_and(not_zero, not_minus_one, "")?;
                let mut conds = both;
                conds.push(ok);
                let floor = op == FloorDiv;
                self.int_fast_slow(
                    &conds,
                    |g| g.small_floordiv_mod(a, b, floor).map(|v| (v, None)),
                    if floor {
                        "kr_int_floordiv"
                    } else {
                        "kr_int_mod"
                    },
                    &[a, b],
                )
            }
            BitAnd => self.int_fast_slow(
                &both,
                |g| Ok((g.builder.build_and(a, b, "")?, None)),
                "kr_int_and",
                &[a, b],
            ),
            BitOr => self.int_fast_slow(
                &both,
                |g| Ok((g.builder.build_or(a, b, "")?, None)),
                "kr_int_or",
                &[a, b],
            ),
            BitXor => self.int_fast_slow(
                &both,
                |g| {
                    let r = g.builder.build_xor(a, b, "")?;
                    Ok((g.builder.build_or(r, g.i64(1), "")?, None))
                },
                "kr_int_xor",
                &[a, b],
            ),
            RShift => {
                // Inline for a non-negative small count; the runtime raises
                // "negative shift count" and handles big ints.
                let nonneg =
                    self.builder
                        .build_int_compare(IntPredicate::SGT, b, self.i64(0), "")?;
                let mut conds = both;
                conds.push(nonneg);
                self.int_fast_slow(
                    &conds,
                    |g| {
                        let x = g.builder.build_right_shift(a, g.i64(1), true, "")?;
                        let y = g.builder.build_right_shift(b, g.i64(1), true, "")?;
                        let big =
                            g.builder
                                .build_int_compare(IntPredicate::UGT, y, g.i64(63), "")?;
                        let count = g
                            .builder
                            .build_select(big, g.i64(63), y, "")?
                            .into_int_value();
                        let r = g.builder.build_right_shift(x, count, true, "")?;
                        let r = g.builder.build_left_shift(r, g.i64(1), "")?;
                        Ok((g.builder.build_or(r, g.i64(1), "")?, None))
                    },
                    "kr_int_rshift",
                    &[a, b],
                )
            }
            LShift => self.call_runtime_value("kr_int_lshift", &[a.into(), b.into()]),
            Pow => self.call_runtime_value("kr_int_pow", &[a.into(), b.into()]),
            Div | MatMult => Err(Error::internal(
                "?",
                format!("int operator {op:?} reached int_binary"),
            )),
        }
    }

    /// Floor division or modulo of two small ints, divisor neither 0 nor -1:
    /// truncating division, then one step towards minus infinity when the remainder
    /// is non-zero and its sign differs from the divisor's (Python's rule).
    fn small_floordiv_mod(
        &mut self,
        a: IntValue<'ctx>,
        b: IntValue<'ctx>,
        floor: bool,
    ) -> Result<IntValue<'ctx>> {
        let x = self.builder.build_right_shift(a, self.i64(1), true, "x")?;
        let y = self.builder.build_right_shift(b, self.i64(1), true, "y")?;
        let q = self.builder.build_int_signed_div(x, y, "q")?;
        let r = self.builder.build_int_signed_rem(x, y, "r")?;
        let nonzero = self
            .builder
            .build_int_compare(IntPredicate::NE, r, self.i64(0), "")?;
        let signs = self.builder.build_xor(r, y, "")?;
        let differ = self
            .builder
            .build_int_compare(IntPredicate::SLT, signs, self.i64(0), "")?;
        let adjust = self.builder.build_and(nonzero, differ, "adjust")?;
        let result = if floor {
            let q1 = self.builder.build_int_sub(q, self.i64(1), "")?;
            self.builder
                .build_select(adjust, q1, q, "")?
                .into_int_value()
        } else {
            let r1 = self.builder.build_int_add(r, y, "")?;
            self.builder
                .build_select(adjust, r1, r, "")?
                .into_int_value()
        };
        let shifted = self.builder.build_left_shift(result, self.i64(1), "")?;
        Ok(self.builder.build_or(shifted, self.i64(1), "")?)
    }

    /// `-a`, `+a`, `~a` for an int.
    pub fn int_negate(&mut self, a: IntValue<'ctx>) -> Result<IntValue<'ctx>> {
        let small = self.is_small(a)?;
        self.int_fast_slow(
            &[small],
            |g| {
                let (r, o) = g.with_overflow("llvm.ssub.with.overflow", g.i64(2), a)?;
                Ok((r, Some(o)))
            },
            "kr_int_neg",
            &[a],
        )
    }

    pub fn int_invert(&mut self, a: IntValue<'ctx>) -> Result<IntValue<'ctx>> {
        let small = self.is_small(a)?;
        // ~x = -x - 1: flip every bit of the word but the tag.
        self.int_fast_slow(
            &[small],
            |g| Ok((g.builder.build_xor(a, g.i64(!1u64), "")?, None)),
            "kr_int_invert",
            &[a],
        )
    }

    pub fn int_abs(&mut self, a: IntValue<'ctx>) -> Result<IntValue<'ctx>> {
        let small = self.is_small(a)?;
        self.int_fast_slow(
            &[small],
            |g| {
                let negative =
                    g.builder
                        .build_int_compare(IntPredicate::SLT, a, g.i64(0), "neg")?;
                let (minus, o) = g.with_overflow("llvm.ssub.with.overflow", g.i64(2), a)?;
                let r = g
                    .builder
                    .build_select(negative, minus, a, "")?
                    .into_int_value();
                let o = g.builder.build_and(negative, o, "")?;
                Ok((r, Some(o)))
            },
            "kr_int_abs",
            &[a],
        )
    }

    /// float(a): exact conversion of the small value (the hardware rounds to
    /// nearest even, as CPython does), the runtime for big ints (OverflowError when
    /// out of the double range).
    pub fn int_to_float(&mut self, a: IntValue<'ctx>) -> Result<FloatValue<'ctx>> {
        let small = self.is_small(a)?;
        let f64_type = self.m.context.f64_type();
        Ok(self
            .fast_or_slow(
                f64_type.into(),
                &[small],
                |g| {
                    let x = g.builder.build_right_shift(a, g.i64(1), true, "")?;
                    let d = g.builder.build_signed_int_to_float(x, f64_type, "")?;
                    Ok((d.into(), None))
                },
                |g| {
                    g.call_runtime_double("kr_int_to_double", &[a.into()])
                        .map(Into::into)
                },
            )?
            .into_float_value())
    }

    /// `a / b` for two ints: in doubles when both are small enough for that to be
    /// the correctly rounded quotient, otherwise the runtime's exact division.
    pub fn int_truediv(
        &mut self,
        a: IntValue<'ctx>,
        b: IntValue<'ctx>,
    ) -> Result<FloatValue<'ctx>> {
        let both = self.both_small(a, b)?;
        let x = self.builder.build_right_shift(a, self.i64(1), true, "x")?;
        let y = self.builder.build_right_shift(b, self.i64(1), true, "y")?;
        let mut conds = both;
        for v in [x, y] {
            let shifted = self.builder.build_int_add(v, self.i64(EXACT_DOUBLE), "")?;
            let exact = self.builder.build_int_compare(
                IntPredicate::ULE,
                shifted,
                self.i64(2 * EXACT_DOUBLE),
                "",
            )?;
            conds.push(exact);
        }
        let nonzero = self
            .builder
            .build_int_compare(IntPredicate::NE, y, self.i64(0), "")?;
        conds.push(nonzero);
        let f64_type = self.m.context.f64_type();
        Ok(self
            .fast_or_slow(
                f64_type.into(),
                &conds,
                |g| {
                    let dx = g.builder.build_signed_int_to_float(x, f64_type, "")?;
                    let dy = g.builder.build_signed_int_to_float(y, f64_type, "")?;
                    Ok((g.builder.build_float_div(dx, dy, "")?.into(), None))
                },
                |g| {
                    g.call_runtime_double("kr_int_truediv", &[a.into(), b.into()])
                        .map(Into::into)
                },
            )?
            .into_float_value())
    }
}

/// The value of a word that is a compile-time small int. (A constant word that is
/// not small would be a pointer, which is never a constant.)
fn small_constant(w: IntValue<'_>) -> Option<i64> {
    let word = w.get_sign_extended_constant().filter(|_| w.is_const())?;
    (word & 1 == 1).then_some(word >> 1)
}

/// The operands of a product one of which is a compile-time small int: the other
/// operand's word and the constant's value.
fn constant_factor<'ctx>(a: IntValue<'ctx>, b: IntValue<'ctx>) -> Option<(IntValue<'ctx>, i64)> {
    match (small_constant(a), small_constant(b)) {
        (_, Some(c)) => Some((a, c)),
        (Some(c), None) => Some((b, c)),
        (None, None) => None,
    }
}

/// `k` when `b` is the compile-time int 2^k, 1 <= k <= 61.
fn power_of_two_divisor(b: IntValue<'_>) -> Option<u64> {
    let c = small_constant(b)?;
    (c > 1 && (c as u64).is_power_of_two()).then(|| u64::from(c.trailing_zeros()))
}

/// `x + c` or `x - c` as the word of `x` and the constant added (`-c` for a
/// subtraction), when an operand is a compile-time small int.
fn constant_addend<'ctx>(
    op: Operator,
    a: IntValue<'ctx>,
    b: IntValue<'ctx>,
) -> Option<(IntValue<'ctx>, i64)> {
    match op {
        // Commutative like a product: the constant may be either operand.
        Operator::Add => constant_factor(a, b),
        // -c is small for every small c but -2^62, which keeps the general path.
        Operator::Sub => small_constant(b)
            .filter(|c| *c != i64::MIN >> 1)
            .map(|c| (a, -c)),
        _ => None,
    }
}

/// The tagged words `w` of the small ints `x` for which `c * x` is small: an
/// inclusive range (empty, `lo > hi`, only if no `x` qualifies, which cannot
/// happen: `x = 0` always does).
fn small_factor_range(c: i64) -> (i64, i64) {
    let (min, max) = (-(1i128 << 62), (1i128 << 62) - 1);
    let c = c as i128;
    let (x_lo, x_hi) = match c.cmp(&0) {
        std::cmp::Ordering::Equal => (min, max),
        std::cmp::Ordering::Greater => (div_ceil(min, c), div_floor(max, c)),
        std::cmp::Ordering::Less => (div_ceil(max, c), div_floor(min, c)),
    };
    let (x_lo, x_hi) = (x_lo.max(min), x_hi.min(max));
    ((2 * x_lo + 1) as i64, (2 * x_hi + 1) as i64)
}

fn div_floor(a: i128, b: i128) -> i128 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

fn div_ceil(a: i128, b: i128) -> i128 {
    -div_floor(-a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every x in the range times c is small, and the x just outside is not.
    #[test]
    fn factor_ranges_are_exact() {
        let small = |v: i128| (-(1i128 << 62)..(1i128 << 62)).contains(&v);
        for c in [
            0i64,
            1,
            -1,
            2,
            -2,
            3,
            -3,
            7,
            10,
            -10,
            1 << 40,
            -(1 << 61),
            (1 << 62) - 1,
        ] {
            let (lo, hi) = small_factor_range(c);
            let (x_lo, x_hi) = ((lo >> 1) as i128, (hi >> 1) as i128);
            let c = c as i128;
            assert!(small(x_lo * c) && small(x_hi * c), "c = {c}");
            if small(x_lo - 1) {
                assert!(!small((x_lo - 1) * c), "c = {c}: below");
            }
            if small(x_hi + 1) {
                assert!(!small((x_hi + 1) * c), "c = {c}: above");
            }
        }
    }
}
