//! Values of type `dyn`: uniform words that carry their own type (the runtime
//! header's "Dynamic values"). A static value becomes a dyn word by boxing it with
//! its type descriptor; operators whose operand types are only known at run time
//! (or that Python rejects with a TypeError) go through the runtime's generic
//! `kr_dyn_*` entry points, which compute or raise exactly as python3; a dyn word
//! that reaches code needing a static representation is unboxed with a check.

use super::function::FunctionGen;
use super::values::Val;
use crate::error::{Error, Result};
use frontend::ast::{CmpOp, Operator, UnaryOp};
use inkwell::values::{IntValue, PointerValue};
use inkwell::IntPredicate;
use typeinfer::ir::{Builtin, Operand, VarId};
use typeinfer::types::Type;

/// `kr_binop` of the runtime header.
fn binop_code(op: Operator) -> Option<u64> {
    use Operator::*;
    Some(match op {
        Add => 0,
        Sub => 1,
        Mult => 2,
        Div => 3,
        FloorDiv => 4,
        Mod => 5,
        Pow => 6,
        LShift => 7,
        RShift => 8,
        BitAnd => 9,
        BitOr => 10,
        BitXor => 11,
        MatMult => return None,
    })
}

/// `kr_cmp_op` of the runtime header, for the ordering and equality operators.
fn cmp_code(op: CmpOp) -> Option<u64> {
    Some(match op {
        CmpOp::Lt => 0,
        CmpOp::LtE => 1,
        CmpOp::Eq => 2,
        CmpOp::NotEq => 3,
        CmpOp::Gt => 4,
        CmpOp::GtE => 5,
        _ => return None,
    })
}

/// The static type a self-describing value has (`None` for values whose type the
/// `Val` alone does not tell: lists, tuples, optionals).
fn own_type(v: &Val) -> Option<Type> {
    Some(match v {
        Val::None => Type::NoneType,
        Val::Bool(_) => Type::Bool,
        Val::Int(_) => Type::Int,
        Val::Float(_) => Type::Float,
        Val::Str(_) => Type::Str,
        Val::Dyn(_) => Type::Dyn,
        Val::Raw(_) | Val::Obj(_) | Val::Opt(_) => return None,
    })
}

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    /// `v` (of static type `from`) as a dyn word. Boxing never fails.
    pub(super) fn box_value(&mut self, v: Val<'ctx>, from: &Type) -> Result<IntValue<'ctx>> {
        match v {
            Val::Dyn(d) => return Ok(d),
            Val::Float(x) => return self.call_runtime_word("kr_dyn_from_float", &[x.into()]),
            Val::Bool(b) => return self.call_runtime_word("kr_dyn_from_bool", &[b.into()]),
            Val::Raw(i) => {
                let tagged = self.tag_small(i)?;
                return self.box_value(Val::Int(tagged), &Type::Int);
            }
            _ => {}
        }
        let from = match from {
            Type::Dyn | Type::Never | Type::I64 => own_type(&v)
                .ok_or_else(|| Error::internal("?", "boxing a value of unknown type"))?,
            t => t.clone(),
        };
        let slot = self.slot_of(v, &from)?;
        let desc = self.tdesc(&from);
        self.call_runtime_word("kr_dyn_box", &[slot.into(), desc.into()])
    }

    /// A self-describing value as a dyn word (see `own_type`).
    pub(super) fn box_own(&mut self, v: Val<'ctx>) -> Result<IntValue<'ctx>> {
        let ty = own_type(&v)
            .ok_or_else(|| Error::internal("?", format!("boxing {v:?} needs its static type")))?;
        self.box_value(v, &ty)
    }

    /// An operand as a dyn word.
    pub(super) fn operand_dyn(&mut self, op: &Operand) -> Result<IntValue<'ctx>> {
        let v = self.operand(op)?;
        let ty = self.op_type(op);
        self.box_value(v, &ty)
    }

    /// An operand converted to `to`, boxing with the operand's own static type
    /// when `to` is `dyn` (a list or optional does not describe itself).
    pub(super) fn operand_to(&mut self, op: &Operand, to: &Type) -> Result<Val<'ctx>> {
        let v = self.operand(op)?;
        let from = self.op_type(op);
        self.convert(v, &from, to)
    }

    /// `v` of static type `from` as a value of type `to`: boxed for `dyn`; a tuple
    /// whose items change representation (`tuple[int, str]` into
    /// `tuple[dyn, str]`) rebuilt item by item by the runtime; otherwise `coerce`.
    pub(super) fn convert(&mut self, v: Val<'ctx>, from: &Type, to: &Type) -> Result<Val<'ctx>> {
        if *to == Type::Dyn {
            return Ok(Val::Dyn(self.box_value(v, from)?));
        }
        if let (Type::Tuple(a), Type::Tuple(b)) = (from, to) {
            let same =
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y || *x == Type::Never);
            if !same {
                let d = self.box_value(v, from)?;
                return self.unbox(d, to);
            }
        }
        self.coerce(v, to)
    }

    /// A dyn word unboxed to static type `to`, checked by the runtime (TypeError
    /// when the value has another type).
    pub(super) fn unbox(&mut self, d: IntValue<'ctx>, to: &Type) -> Result<Val<'ctx>> {
        Ok(match to {
            Type::Dyn => Val::Dyn(d),
            Type::NoneType => Val::None,
            Type::Int => Val::Int(self.call_runtime_value("kr_dyn_as_int", &[d.into()])?),
            Type::Float => Val::Float(self.call_runtime_double("kr_dyn_as_float", &[d.into()])?),
            Type::Bool => Val::Bool(self.dyn_truth(d)?),
            Type::Str => Val::Str(self.call_runtime_str("kr_dyn_as_str", &[d.into()])?),
            Type::List(_) | Type::Tuple(_) | Type::Dict(..) | Type::Set(_) => {
                let name = match to {
                    Type::List(_) => "kr_dyn_as_list",
                    Type::Dict(..) => "kr_dyn_as_dict",
                    Type::Set(_) => "kr_dyn_as_set",
                    _ => "kr_dyn_as_tuple",
                };
                let desc = self.tdesc(to);
                let p = self.call_runtime_ptr(name, &[d.into(), desc.into()])?;
                Val::Obj(p)
            }
            Type::Optional(inner) => {
                // None (kind 1) is the None word; anything else the inner type.
                let kind = self.dyn_kind(d)?;
                let i32_type = self.m.context.i32_type();
                let is_none = self.builder.build_int_compare(
                    IntPredicate::EQ,
                    kind,
                    i32_type.const_int(1, false),
                    "is.none",
                )?;
                let here = self
                    .builder
                    .get_insert_block()
                    .ok_or_else(|| Error::internal("?", "no current block"))?;
                let some = self.m.context.append_basic_block(self.llvm, "unbox.some");
                let done = self.m.context.append_basic_block(self.llvm, "unbox.done");
                self.builder.build_conditional_branch(is_none, done, some)?;
                self.builder.position_at_end(some);
                let v = self.unbox(d, inner)?;
                let word = self.slot_of(v, inner)?;
                let some_end = self
                    .builder
                    .get_insert_block()
                    .ok_or_else(|| Error::internal("?", "no current block"))?;
                self.builder.build_unconditional_branch(done)?;
                self.builder.position_at_end(done);
                let i64_type = self.m.context.i64_type();
                let phi = self.builder.build_phi(i64_type, "optional")?;
                let none = i64_type.const_int(super::values::NONE_WORD, false);
                phi.add_incoming(&[(&none, here), (&word, some_end)]);
                Val::Opt(phi.as_basic_value().into_int_value())
            }
            t => {
                return Err(Error::internal(
                    "?",
                    format!("unboxing a dyn value to '{t}'"),
                ))
            }
        })
    }

    /// The `kr_tkind` of the value a dyn word holds (its descriptor's first field).
    fn dyn_kind(&mut self, d: IntValue<'ctx>) -> Result<IntValue<'ctx>> {
        let desc = self
            .call_runtime("kr_dyn_type", &[d.into()])?
            .ok_or_else(|| Error::internal("?", "kr_dyn_type returns nothing"))?
            .into_pointer_value();
        let i32_type = self.m.context.i32_type();
        Ok(self
            .builder
            .build_load(i32_type, desc, "kind")?
            .into_int_value())
    }

    /// A runtime call returning a dyn word that cannot fail.
    fn call_runtime_word(
        &mut self,
        name: &str,
        args: &[inkwell::values::BasicMetadataValueEnum<'ctx>],
    ) -> Result<IntValue<'ctx>> {
        Ok(self
            .call_runtime(name, args)?
            .ok_or_else(|| Error::internal("?", format!("{name} returns nothing")))?
            .into_int_value())
    }

    /// `lhs op rhs` (or `lhs op= rhs`) on dyn words.
    pub(super) fn dyn_binary(
        &mut self,
        dst: VarId,
        op: Operator,
        lhs: &Operand,
        rhs: &Operand,
        inplace: bool,
    ) -> Result<()> {
        let r = self.dyn_operator(op, lhs, rhs, inplace)?;
        self.store(dst, Val::Dyn(r))
    }

    /// Both operands boxed, then `kr_dyn_binary` (or `kr_dyn_inplace`).
    fn dyn_operator(
        &mut self,
        op: Operator,
        lhs: &Operand,
        rhs: &Operand,
        inplace: bool,
    ) -> Result<IntValue<'ctx>> {
        let code = binop_code(op).ok_or_else(|| self.unsupported("the operator '@'".into()))?;
        let a = self.operand_dyn(lhs)?;
        let b = self.operand_dyn(rhs)?;
        let code = self.m.context.i32_type().const_int(code, false);
        let name = if inplace {
            "kr_dyn_inplace"
        } else {
            "kr_dyn_binary"
        };
        self.call_runtime_value(name, &[code.into(), a.into(), b.into()])
    }

    /// `+`, `*`, `+=` and `*=` on lists where Python's semantics need more than a
    /// concatenation of equal slots: `xs += ys` and `xs *= n` change `xs` in place
    /// (every alias sees it), and lists with different element types concatenate
    /// into a `list[dyn]` whose items are boxed. `None` for the plain cases.
    pub(super) fn list_binary(
        &mut self,
        op: Operator,
        lhs: &Operand,
        rhs: &Operand,
        inplace: bool,
        result: &Type,
    ) -> Result<Option<Val<'ctx>>> {
        let (a_ty, b_ty) = (self.op_type(lhs), self.op_type(rhs));
        let Type::List(a_elem) = &a_ty else {
            return Ok(None);
        };
        if !matches!(op, Operator::Add | Operator::Mult) {
            return Ok(None);
        }
        if let (true, Operator::Add, Type::List(b_elem)) = (inplace, op, &b_ty) {
            if a_elem == b_elem || **b_elem == Type::Never {
                let a = self.operand(lhs)?;
                let b = self.operand(rhs)?;
                let (Val::Obj(x), Val::Obj(y)) = (a, b) else {
                    return Err(Error::internal("?", "list operands are not objects"));
                };
                self.call_runtime("kr_list_extend", &[x.into(), y.into()])?;
                return Ok(Some(a));
            }
        }
        let mixed = match (&b_ty, result) {
            (Type::List(b_elem), Type::List(r_elem)) => {
                op == Operator::Add
                    && a_elem != b_elem
                    && **a_elem != Type::Never
                    && **b_elem != Type::Never
                    && **r_elem == Type::Dyn
            }
            _ => false,
        };
        if !inplace && !mixed {
            return Ok(None);
        }
        let d = self.dyn_operator(op, lhs, rhs, inplace)?;
        // The runtime returns the list itself (in place) or a new one whose element
        // descriptor is the result's: unboxing checks and keeps the object.
        Ok(Some(self.unbox(d, result)?))
    }

    /// `op operand` on a dyn word (`not` is `truth`).
    pub(super) fn dyn_unary(&mut self, op: UnaryOp, operand: &Operand) -> Result<Val<'ctx>> {
        let a = self.operand_dyn(operand)?;
        if op == UnaryOp::Not {
            let t = self.dyn_truth(a)?;
            return Ok(Val::Bool(self.builder.build_not(t, "not")?));
        }
        let code = match op {
            UnaryOp::USub => 0,
            UnaryOp::UAdd => 1,
            _ => 2,
        };
        let code = self.m.context.i32_type().const_int(code, false);
        let r = self.call_runtime_value("kr_dyn_unary", &[code.into(), a.into()])?;
        Ok(Val::Dyn(r))
    }

    /// Python truthiness of a dyn word.
    pub(super) fn dyn_truth(&mut self, d: IntValue<'ctx>) -> Result<IntValue<'ctx>> {
        let r = self.call_runtime_word("kr_dyn_truth", &[d.into()])?;
        let zero = self.m.context.i32_type().const_zero();
        Ok(self
            .builder
            .build_int_compare(IntPredicate::NE, r, zero, "truth")?)
    }

    /// `lhs op rhs` with at least one side dyn (or types Python compares only to
    /// raise TypeError): both sides boxed, compared by the runtime.
    /// `lhs op rhs` on dyn values; with `depth_check` (whether a branch tests
    /// the result), CPython's recursion check of unspecialised comparisons
    /// (`compare::unspecialised`) by the values' types.
    pub(super) fn dyn_compare(
        &mut self,
        op: CmpOp,
        lhs: &Operand,
        rhs: &Operand,
        depth_check: Option<bool>,
    ) -> Result<IntValue<'ctx>> {
        let a = self.operand_dyn(lhs)?;
        let b = self.operand_dyn(rhs)?;
        let i32_type = self.m.context.i32_type();
        let (result, negate) = match op {
            CmpOp::Is | CmpOp::IsNot => {
                // None, True and False are static boxes and a dyn variable copies
                // its word, but a typed operand was just boxed: the runtime
                // compares what the boxes hold.
                let same = self
                    .call_runtime("kr_dyn_is", &[a.into(), b.into()])?
                    .ok_or_else(|| Error::internal("?", "kr_dyn_is returns nothing"))?
                    .into_int_value();
                return Ok(if op == CmpOp::Is {
                    same
                } else {
                    self.builder.build_not(same, "is.not")?
                });
            }
            CmpOp::In | CmpOp::NotIn => {
                let r = self.call_runtime_word("kr_dyn_contains", &[b.into(), a.into()])?;
                (r, op == CmpOp::NotIn)
            }
            _ => {
                if let Some(tested) = depth_check {
                    self.dyn_comparison_depth_check(op, a, b, tested)?;
                }
                return self.dyn_compare_words(op, a, b);
            }
        };
        let failed = self.builder.build_int_compare(
            IntPredicate::SLT,
            result,
            i32_type.const_zero(),
            "failed",
        )?;
        self.branch_if_failed(failed)?;
        let truth = self.builder.build_int_compare(
            if negate {
                IntPredicate::EQ
            } else {
                IntPredicate::NE
            },
            result,
            i32_type.const_zero(),
            "cmp",
        )?;
        Ok(truth)
    }

    /// The builtins whose result is a dyn word because it depends on the values:
    /// `min`/`max` of arguments of different types, `pow` of two ints, `sum` with a
    /// dyn element or start. `None` for the others (their dyn result comes from a
    /// dyn slot: `min(xs)` of a `list[dyn]`).
    pub(super) fn dyn_builtin(
        &mut self,
        builtin: Builtin,
        args: &[Operand],
    ) -> Result<Option<Val<'ctx>>> {
        Ok(Some(match (builtin, args) {
            (Builtin::Min | Builtin::Max, [first, rest @ ..]) => {
                // Python keeps the first of equal items and replaces the best so
                // far only when `item < best` (min) or `item > best` (max).
                let op = if builtin == Builtin::Min {
                    CmpOp::Lt
                } else {
                    CmpOp::Gt
                };
                let mut best = self.operand_dyn(first)?;
                for item in rest {
                    let x = self.operand_dyn(item)?;
                    let better = self.dyn_compare_words(op, x, best)?;
                    best = self
                        .builder
                        .build_select(better, x, best, "best")?
                        .into_int_value();
                }
                Val::Dyn(best)
            }
            (Builtin::Abs, [a]) => {
                let a = self.operand_dyn(a)?;
                Val::Dyn(self.call_runtime_value("kr_dyn_abs", &[a.into()])?)
            }
            (Builtin::Pow, [a, b]) => Val::Dyn(self.dyn_operator(Operator::Pow, a, b, false)?),
            (Builtin::Sum, [seq, rest @ ..]) => {
                let s = self.operand_dyn(seq)?;
                let start = match rest.first() {
                    Some(start) => self.operand_dyn(start)?,
                    None => self
                        .m
                        .context
                        .i64_type()
                        .const_int(super::values::tag(0), false),
                };
                Val::Dyn(self.call_runtime_value("kr_dyn_sum", &[s.into(), start.into()])?)
            }
            _ => return Ok(None),
        }))
    }

    /// `a op b` on two dyn words, for an ordering or equality operator.
    /// In the deepest frame (a cold branch), RecursionError "in comparison" unless
    /// CPython would compare these values on a specialised path.
    fn dyn_comparison_depth_check(
        &mut self,
        op: CmpOp,
        a: IntValue<'ctx>,
        b: IntValue<'ctx>,
        tested: bool,
    ) -> Result<()> {
        let context = self.m.context;
        let depth = self.frame_depth()?;
        let limit = context
            .i32_type()
            .const_int(super::function::RECURSION_LIMIT, false);
        let at_limit =
            self.builder
                .build_int_compare(IntPredicate::EQ, depth, limit, "at.limit")?;
        let at_limit = self.expect(at_limit, false)?;
        let check = context.append_basic_block(self.llvm, "compare.at.limit");
        let after = context.append_basic_block(self.llvm, "compare.depth.ok");
        self.builder
            .build_conditional_branch(at_limit, check, after)?;
        self.builder.position_at_end(check);
        let unspecialised = if tested {
            let code = cmp_code(op).ok_or_else(|| Error::internal("?", "comparison code"))?;
            let code = context.i32_type().const_int(code, false);
            let specialised = self.call_runtime_word(
                "kr_dyn_compare_specialised",
                &[code.into(), a.into(), b.into()],
            )?;
            self.builder.build_int_compare(
                IntPredicate::EQ,
                specialised,
                context.i32_type().const_zero(),
                "unspecialised",
            )?
        } else {
            context.bool_type().const_int(1, false)
        };
        self.raise_if(
            unspecialised,
            "KR_EXC_RECURSION",
            "maximum recursion depth exceeded in comparison",
        )?;
        self.builder.build_unconditional_branch(after)?;
        self.builder.position_at_end(after);
        Ok(())
    }

    fn dyn_compare_words(
        &mut self,
        op: CmpOp,
        a: IntValue<'ctx>,
        b: IntValue<'ctx>,
    ) -> Result<IntValue<'ctx>> {
        let i32_type = self.m.context.i32_type();
        let code = cmp_code(op).ok_or_else(|| Error::internal("?", "comparison code"))?;
        let code = i32_type.const_int(code, false);
        let r = self.call_runtime_word("kr_dyn_compare", &[code.into(), a.into(), b.into()])?;
        let failed = self.builder.build_int_compare(
            IntPredicate::SLT,
            r,
            i32_type.const_zero(),
            "failed",
        )?;
        self.branch_if_failed(failed)?;
        Ok(self
            .builder
            .build_int_compare(IntPredicate::NE, r, i32_type.const_zero(), "cmp")?)
    }

    /// `isinstance(value, classes)`, `kinds` the `kr_tkind` bits of the classes:
    /// decided at compile time for a static type, by the value's descriptor for a
    /// dyn word, by a None test for an optional.
    pub(super) fn isinstance(&mut self, kinds: u16, value: &Operand) -> Result<IntValue<'ctx>> {
        let ty = self.op_type_raw(value);
        let has =
            |t: &Type| super::tdesc::kind(t) < 16 && kinds & (1 << super::tdesc::kind(t)) != 0;
        let bool_type = self.m.context.bool_type();
        match &ty {
            Type::Dyn => {
                let d = self.operand_dyn(value)?;
                let kind = self.dyn_kind(d)?;
                let i32_type = self.m.context.i32_type();
                let bits =
                    self.builder
                        .build_left_shift(i32_type.const_int(1, false), kind, "bit")?;
                let hit = self.builder.build_and(
                    bits,
                    i32_type.const_int(u64::from(kinds), false),
                    "hit",
                )?;
                Ok(self.builder.build_int_compare(
                    IntPredicate::NE,
                    hit,
                    i32_type.const_zero(),
                    "isinstance",
                )?)
            }
            Type::Optional(inner) => {
                if !has(inner) {
                    return Ok(bool_type.const_zero());
                }
                let Val::Opt(word) = self.operand_raw(value)? else {
                    return Err(Error::internal("?", "an optional without its word"));
                };
                let none = self
                    .m
                    .context
                    .i64_type()
                    .const_int(super::values::NONE_WORD, false);
                Ok(self
                    .builder
                    .build_int_compare(IntPredicate::NE, word, none, "isinstance")?)
            }
            t => {
                // The value is still evaluated (a read may raise UnboundLocalError).
                self.operand_raw(value)?;
                Ok(bool_type.const_int(u64::from(has(t)), false))
            }
        }
    }

    /// `str(d)` or `repr(d)`.
    pub(super) fn dyn_text(&mut self, d: IntValue<'ctx>, repr: bool) -> Result<PointerValue<'ctx>> {
        let name = if repr { "kr_dyn_repr" } else { "kr_dyn_str" };
        self.call_runtime_str(name, &[d.into()])
    }

    /// `len(d)` (`name` is `kr_dyn_len`, or `kr_dyn_iter_length` for a loop).
    pub(super) fn dyn_len(&mut self, d: IntValue<'ctx>, name: &str) -> Result<Val<'ctx>> {
        let n = self.call_runtime_word(name, &[d.into()])?;
        let zero = self.m.context.i64_type().const_zero();
        let failed = self
            .builder
            .build_int_compare(IntPredicate::SLT, n, zero, "failed")?;
        self.branch_if_failed(failed)?;
        Ok(Val::Int(self.tag_small(n)?))
    }

    /// `d[index]`.
    pub(super) fn dyn_getitem(&mut self, d: IntValue<'ctx>, index: &Operand) -> Result<Val<'ctx>> {
        let i = self.operand_dyn(index)?;
        let r = self.call_runtime_value("kr_dyn_getitem", &[d.into(), i.into()])?;
        Ok(Val::Dyn(r))
    }
}
