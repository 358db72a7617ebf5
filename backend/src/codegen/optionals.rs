//! Values of type `T | None` (`Optional` in the IR) for an int, str, list or tuple
//! `T`: one word, None being the word 2 (neither a tagged int nor an address).
//!
//! Operations that need a value (arithmetic, subscripts, methods, `len`...) read an
//! optional operand through `unwrap`: a test for None that raises the TypeError (or
//! AttributeError) CPython raises for that operation on None, then the value as a
//! `T`. `is None`, `==`, truthiness, `print`/`str`/`repr` and stores take the word
//! as it is.

use super::function::FunctionGen;
use super::values::{Val, NONE_WORD};
use crate::error::{Error, Result};
use frontend::ast::{CmpOp, Operator, UnaryOp};
use inkwell::values::IntValue;
use inkwell::IntPredicate;
use typeinfer::ir::{Builtin, InstKind, Operand};
use typeinfer::types::Type;

fn internal(what: &str) -> Error {
    Error::internal("?", what.to_string())
}

/// Python's name of a type, for messages.
fn python_name(ty: &Type) -> String {
    match ty {
        Type::NoneType => "NoneType".into(),
        Type::Bool => "bool".into(),
        Type::Int | Type::I64 => "int".into(),
        Type::Float => "float".into(),
        Type::Str => "str".into(),
        Type::List(_) => "list".into(),
        Type::Tuple(_) => "tuple".into(),
        Type::Dict(..) => "dict".into(),
        Type::Set(_) => "set".into(),
        Type::Optional(t) => python_name(t),
        Type::Never | Type::Dyn => "object".into(),
        Type::Function(_) => "function".into(),
        Type::BuiltinFunction(_) => "builtin_function_or_method".into(),
    }
}

/// Whether the operations of `kind` need their operands' values (not None).
pub(super) fn unwraps_operands(kind: &InstKind) -> bool {
    match kind {
        InstKind::Binary { .. }
        | InstKind::Unary { .. }
        | InstKind::Index { .. }
        | InstKind::GetItem { .. }
        | InstKind::Slice { .. }
        | InstKind::SetItem { .. }
        | InstKind::DelItem { .. }
        | InstKind::DelSlice { .. }
        | InstKind::SetSlice { .. }
        | InstKind::CallMethod { .. }
        | InstKind::UnpackCheck { .. } => true,
        InstKind::Compare { op, .. } => {
            !matches!(op, CmpOp::Is | CmpOp::IsNot | CmpOp::Eq | CmpOp::NotEq)
        }
        InstKind::CallBuiltin { builtin, args, .. } => builtin.checks_none(args.len()),
        _ => false,
    }
}

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    /// The exception CPython raises when `op`, an operand of the current
    /// instruction, is None.
    fn none_error(&self, op: &Operand) -> (&'static str, String) {
        self.none_error_with(op, false)
    }

    /// `none_error`, with the other operand of a binary operation or ordering
    /// named NoneType too when `other_none` (it is None as well).
    fn none_error_with(&self, op: &Operand, other_none: bool) -> (&'static str, String) {
        let other_name = |other: &Operand| match other_none {
            true => "NoneType".to_string(),
            false => python_name(&self.op_type(other)),
        };
        let type_error = "KR_EXC_TYPE";
        match self.current_kind {
            Some(InstKind::Binary {
                op: o,
                lhs,
                rhs,
                inplace,
                ..
            }) => {
                let other = if lhs == op { rhs } else { lhs };
                let sequence = matches!(
                    self.op_type(other).strip_optional(),
                    Type::Str | Type::List(_) | Type::Tuple(_)
                );
                if *o == Operator::Mult && sequence && !other_none {
                    // Sequence repetition takes the other operand as the count.
                    let message = "can't multiply sequence by non-int of type 'NoneType'";
                    return (type_error, message.to_string());
                }
                let symbol = match (*o, *inplace) {
                    (Operator::Pow, false) => "** or pow()".to_string(),
                    (o, inplace) => {
                        let eq = if inplace { "=" } else { "" };
                        format!("{}{eq}", typeinfer::print::operator_text(o))
                    }
                };
                let (a, b) = match (lhs == op, rhs == op) {
                    (true, true) => ("NoneType".to_string(), "NoneType".to_string()),
                    (true, false) => ("NoneType".to_string(), other_name(rhs)),
                    _ => (other_name(lhs), "NoneType".to_string()),
                };
                let message = format!("unsupported operand type(s) for {symbol}: '{a}' and '{b}'");
                (type_error, message)
            }
            Some(InstKind::Unary { op: o, .. }) => {
                let symbol = match o {
                    UnaryOp::USub => "-",
                    UnaryOp::UAdd => "+",
                    UnaryOp::Invert => "~",
                    UnaryOp::Not => "not",
                };
                (
                    type_error,
                    format!("bad operand type for unary {symbol}: 'NoneType'"),
                )
            }
            Some(InstKind::Compare {
                op: o, lhs, rhs, ..
            }) => match o {
                CmpOp::In | CmpOp::NotIn => (
                    type_error,
                    "argument of type 'NoneType' is not iterable".to_string(),
                ),
                _ => {
                    let symbol = match o {
                        CmpOp::Lt => "<",
                        CmpOp::LtE => "<=",
                        CmpOp::Gt => ">",
                        _ => ">=",
                    };
                    let (a, b) = match (lhs == op, rhs == op) {
                        (true, true) => ("NoneType".to_string(), "NoneType".to_string()),
                        (true, false) => ("NoneType".to_string(), other_name(rhs)),
                        _ => (other_name(lhs), "NoneType".to_string()),
                    };
                    let message =
                        format!("'{symbol}' not supported between instances of '{a}' and '{b}'");
                    (type_error, message)
                }
            },
            Some(InstKind::GetItem { value, .. }) | Some(InstKind::Slice { value, .. })
                if value == op =>
            {
                (
                    type_error,
                    "'NoneType' object is not subscriptable".to_string(),
                )
            }
            Some(InstKind::SetItem { value, .. }) | Some(InstKind::SetSlice { value, .. })
                if value == op =>
            {
                (
                    type_error,
                    "'NoneType' object does not support item assignment".to_string(),
                )
            }
            Some(InstKind::DelItem { value, .. }) | Some(InstKind::DelSlice { value, .. })
                if value == op =>
            {
                (
                    type_error,
                    "'NoneType' object does not support item deletion".to_string(),
                )
            }
            Some(InstKind::CallMethod {
                receiver, method, ..
            }) if receiver == op => (
                "KR_EXC_ATTRIBUTE",
                format!("'NoneType' object has no attribute '{method}'"),
            ),
            Some(InstKind::CallBuiltin {
                builtin: Builtin::IterLen(_),
                ..
            }) => (type_error, "'NoneType' object is not iterable".to_string()),
            Some(InstKind::CallBuiltin { builtin, args, .. }) => {
                (type_error, self.builtin_none_error(*builtin, args, op))
            }
            Some(InstKind::UnpackCheck { .. }) => (
                type_error,
                "cannot unpack non-iterable NoneType object".to_string(),
            ),
            Some(InstKind::Index { .. }) => (
                type_error,
                "'NoneType' object cannot be interpreted as an integer".to_string(),
            ),
            // A None index: the message names the indexed sequence's kind.
            Some(InstKind::GetItem { value, .. }) => {
                let message = match self.op_type(value).strip_optional() {
                    Type::Str => "string indices must be integers, not 'NoneType'",
                    Type::Tuple(_) => "tuple indices must be integers or slices, not NoneType",
                    _ => "list indices must be integers or slices, not NoneType",
                };
                (type_error, message.to_string())
            }
            _ => (
                type_error,
                "list indices must be integers or slices, not NoneType".to_string(),
            ),
        }
    }

    /// CPython's TypeError for `builtin(args)` when `op`, one of the arguments, is
    /// None (`Builtin::checks_none`).
    fn builtin_none_error(&self, builtin: Builtin, args: &[Operand], op: &Operand) -> String {
        let first = args.first() == Some(op);
        // The other argument of a two-argument builtin, by its static type.
        let other = || {
            let other = if first { args.get(1) } else { args.first() };
            other.map_or("NoneType".to_string(), |o| python_name(&self.op_type(o)))
        };
        let pair = |a: String, b: String| if first { (a, b) } else { (b, a) };
        match builtin {
            Builtin::Len => "object of type 'NoneType' has no len()".to_string(),
            Builtin::Abs => "bad operand type for abs(): 'NoneType'".to_string(),
            Builtin::Float => {
                "float() argument must be a string or a real number, not 'NoneType'".to_string()
            }
            Builtin::Int => "int() argument must be a string, a bytes-like object or a real \
                             number, not 'NoneType'"
                .to_string(),
            Builtin::Round => "type NoneType doesn't define __round__ method".to_string(),
            Builtin::Ord => "ord() expected string of length 1, but NoneType found".to_string(),
            Builtin::Chr | Builtin::Hex | Builtin::Oct | Builtin::Bin => {
                "'NoneType' object cannot be interpreted as an integer".to_string()
            }
            Builtin::Min | Builtin::Max => {
                // The second argument is compared with the first, the best so far.
                let symbol = if builtin == Builtin::Min { "<" } else { ">" };
                let (a, b) = if first {
                    (other(), "NoneType".to_string())
                } else {
                    ("NoneType".to_string(), other())
                };
                format!("'{symbol}' not supported between instances of '{a}' and '{b}'")
            }
            Builtin::Pow | Builtin::Divmod => {
                let name = if builtin == Builtin::Pow {
                    "** or pow()"
                } else {
                    "divmod()"
                };
                let (a, b) = pair("NoneType".to_string(), other());
                format!("unsupported operand type(s) for {name}: '{a}' and '{b}'")
            }
            _ => "'NoneType' object is not iterable".to_string(),
        }
    }

    /// For the left operand of a binary operation or ordering whose right operand
    /// is another optional value: that operand, and the message when both are None.
    fn both_none_error(&self, op: &Operand) -> Option<(Operand, String)> {
        let (lhs, rhs) = match self.current_kind? {
            InstKind::Binary { lhs, rhs, .. } => (lhs, rhs),
            InstKind::Compare { lhs, rhs, op, .. } if !matches!(op, CmpOp::In | CmpOp::NotIn) => {
                (lhs, rhs)
            }
            _ => return None,
        };
        if lhs != op || rhs == op || !matches!(self.op_type_raw(rhs), Type::Optional(_)) {
            return None;
        }
        let (_, both) = self.none_error_with(op, true);
        Some((rhs.clone(), both))
    }

    /// The value of an optional operand of the current instruction, after raising
    /// CPython's error if it is None.
    pub(super) fn unwrap_optional(
        &mut self,
        op: &Operand,
        word: IntValue<'ctx>,
        inner: &Type,
    ) -> Result<Val<'ctx>> {
        let none = word.get_type().const_int(NONE_WORD, false);
        let is_none = self
            .builder
            .build_int_compare(IntPredicate::EQ, word, none, "is.none")?;
        let (kind, message) = self.none_error(op);
        // The left operand of `a + b` None while `b`, optional too, is None as well:
        // CPython names both types NoneType.
        if let Some((other, both)) = self.both_none_error(op) {
            let other_word = self.operand_raw(&other)?;
            let Val::Opt(other_word) = other_word else {
                return Err(internal("an optional operand without its word"));
            };
            let other_none =
                self.builder
                    .build_int_compare(IntPredicate::EQ, other_word, none, "other.none")?;
            let both_none = self.builder.build_and(is_none, other_none, "both.none")?;
            self.raise_if(both_none, kind, &both)?;
        }
        // CPython points an AttributeError at `receiver.method`, not the call.
        let saved = self.caret_range;
        if let (Some(InstKind::CallMethod { attribute_end, .. }), Some(r)) =
            (self.current_kind, self.caret_range)
        {
            if *attribute_end > r.start && *attribute_end <= r.end {
                self.caret_range = Some(frontend::ast::TextRange::new(r.start, *attribute_end));
            }
        }
        let raised = self.raise_if(is_none, kind, &message);
        self.caret_range = saved;
        raised?;
        self.value_of_word(word, inner)
    }

    /// The value of type `inner` a (non-None) optional word holds.
    fn value_of_word(&mut self, word: IntValue<'ctx>, inner: &Type) -> Result<Val<'ctx>> {
        let ptr_type = self.m.context.ptr_type(Default::default());
        Ok(match inner {
            Type::Int => Val::Int(word),
            Type::Str => Val::Str(self.builder.build_int_to_ptr(word, ptr_type, "str")?),
            Type::List(_) | Type::Tuple(_) => {
                Val::Obj(self.builder.build_int_to_ptr(word, ptr_type, "obj")?)
            }
            other => return Err(internal(&format!("an optional '{other}'"))),
        })
    }

    /// A value of type `inner` (or None) as an optional word.
    pub(super) fn optional_word(&mut self, v: Val<'ctx>, inner: &Type) -> Result<Val<'ctx>> {
        let i64_type = self.m.context.i64_type();
        Ok(match v {
            Val::None => Val::Opt(i64_type.const_int(NONE_WORD, false)),
            Val::Opt(_) => v,
            v => match self.coerce(v, inner)? {
                Val::Int(i) => Val::Opt(i),
                Val::Str(p) | Val::Obj(p) => {
                    Val::Opt(self.builder.build_ptr_to_int(p, i64_type, "word")?)
                }
                other => return Err(internal(&format!("{other:?} as an optional"))),
            },
        })
    }

    /// `bool(x)` of an optional: false for None, else the value's truth.
    pub(super) fn optional_truth(&mut self, v: Val<'ctx>, ty: &Type) -> Result<IntValue<'ctx>> {
        let (Val::Opt(word), Type::Optional(inner)) = (v, ty) else {
            return Err(internal("truth of a non-optional"));
        };
        let context = self.m.context;
        let none = word.get_type().const_int(NONE_WORD, false);
        let is_none = self
            .builder
            .build_int_compare(IntPredicate::EQ, word, none, "is.none")?;
        let here = self.current_block()?;
        let some = context.append_basic_block(self.llvm, "some");
        let join = context.append_basic_block(self.llvm, "truth");
        self.builder.build_conditional_branch(is_none, join, some)?;
        self.builder.position_at_end(some);
        let value = self.value_of_word(word, inner)?;
        let truth = self.truth(value)?;
        let some_end = self.current_block()?;
        self.builder.build_unconditional_branch(join)?;
        self.builder.position_at_end(join);
        let phi = self.builder.build_phi(context.bool_type(), "truth")?;
        let no = context.bool_type().const_zero();
        phi.add_incoming(&[(&no, here), (&truth, some_end)]);
        Ok(phi.as_basic_value().into_int_value())
    }

    /// `is`, `is not`, `==`, `!=` with an optional operand; `None` when neither
    /// operand is optional.
    pub(super) fn optional_compare(
        &mut self,
        op: CmpOp,
        lhs: &Operand,
        rhs: &Operand,
    ) -> Result<Option<IntValue<'ctx>>> {
        let (a_ty, b_ty) = (self.op_type(lhs), self.op_type(rhs));
        if !matches!(a_ty, Type::Optional(_)) && !matches!(b_ty, Type::Optional(_)) {
            return Ok(None);
        }
        if !matches!(op, CmpOp::Is | CmpOp::IsNot | CmpOp::Eq | CmpOp::NotEq) {
            return Ok(None);
        }
        let positive = matches!(op, CmpOp::Is | CmpOp::Eq);
        let word_of = |g: &mut Self, o: &Operand, t: &Type| -> Result<IntValue<'ctx>> {
            let v = g.operand(o)?;
            let inner = t.strip_optional();
            match g.optional_word(v, &inner)? {
                Val::Opt(w) => Ok(w),
                _ => Err(internal("an optional word")),
            }
        };
        let result = if a_ty == Type::NoneType || b_ty == Type::NoneType {
            let (opt, opt_ty) = if a_ty == Type::NoneType {
                (rhs, &b_ty)
            } else {
                (lhs, &a_ty)
            };
            let w = word_of(self, opt, opt_ty)?;
            let none = w.get_type().const_int(NONE_WORD, false);
            self.builder
                .build_int_compare(IntPredicate::EQ, w, none, "is.none")?
        } else if matches!(op, CmpOp::Is | CmpOp::IsNot) {
            let a = word_of(self, lhs, &a_ty)?;
            let b = word_of(self, rhs, &b_ty)?;
            self.builder
                .build_int_compare(IntPredicate::EQ, a, b, "same")?
        } else {
            let a = self.operand(lhs)?;
            let a = self.slot_of(a, &a_ty)?;
            let b = self.operand(rhs)?;
            let b = self.slot_of(b, &b_ty)?;
            let da = self.tdesc(&a_ty);
            let db = self.tdesc(&b_ty);
            self.slot_eq(a, da, b, db)?
        };
        Ok(Some(if positive {
            result
        } else {
            self.builder.build_not(result, "")?
        }))
    }
}
