//! How each inferred type is represented in generated code (docs/typeinfer.md §2):
//! `int` is the tagged 64-bit word, `float` a `double`, `bool` an `i1`, `str` a
//! pointer to a `kr_str`, lists and tuples pointers to `kr_list` / `kr_tuple`;
//! `None` and `Never` need no storage at all.

use crate::error::{Error, Result};
use inkwell::context::Context;
use inkwell::types::BasicTypeEnum;
use inkwell::values::{BasicValueEnum, FloatValue, IntValue, PointerValue};
use typeinfer::types::Type;

/// A value of one of the native types, as generated code holds it.
#[derive(Clone, Copy, Debug)]
pub enum Val<'ctx> {
    None,
    Bool(IntValue<'ctx>),
    /// A tagged int word.
    Int(IntValue<'ctx>),
    Float(FloatValue<'ctx>),
    Str(PointerValue<'ctx>),
    /// A list or tuple (its static type says which, and of what).
    Obj(PointerValue<'ctx>),
    /// A machine integer (a range counter, `i64` in the IR): not tagged.
    Raw(IntValue<'ctx>),
    /// `T | None` as one word: None is `NONE_WORD`, otherwise the int's tagged word
    /// or the object's address.
    Opt(IntValue<'ctx>),
    /// A dyn word (runtime header, "Dynamic values"): a small int, or a box that
    /// carries its own type descriptor.
    Dyn(IntValue<'ctx>),
}

impl<'ctx> Val<'ctx> {
    /// The LLVM value, or `None` for a value without storage.
    pub fn basic(self) -> Option<BasicValueEnum<'ctx>> {
        match self {
            Val::None => None,
            Val::Bool(v) | Val::Int(v) | Val::Raw(v) | Val::Opt(v) | Val::Dyn(v) => Some(v.into()),
            Val::Float(v) => Some(v.into()),
            Val::Str(v) | Val::Obj(v) => Some(v.into()),
        }
    }

    /// Wraps an LLVM value read from storage of type `ty`.
    pub fn from_basic(ty: &Type, value: Option<BasicValueEnum<'ctx>>) -> Result<Val<'ctx>> {
        let wrong = || Error::internal("?", format!("no {ty} value in storage"));
        Ok(match ty {
            Type::NoneType => Val::None,
            Type::Bool => Val::Bool(value.ok_or_else(wrong)?.into_int_value()),
            Type::Int => Val::Int(value.ok_or_else(wrong)?.into_int_value()),
            Type::I64 => Val::Raw(value.ok_or_else(wrong)?.into_int_value()),
            Type::Optional(_) => Val::Opt(value.ok_or_else(wrong)?.into_int_value()),
            Type::Float => Val::Float(value.ok_or_else(wrong)?.into_float_value()),
            Type::Str => Val::Str(value.ok_or_else(wrong)?.into_pointer_value()),
            Type::List(_) | Type::Tuple(_) | Type::Dict(..) | Type::Set(_) => {
                Val::Obj(value.ok_or_else(wrong)?.into_pointer_value())
            }
            Type::Dyn => Val::Dyn(value.ok_or_else(wrong)?.into_int_value()),
            // Function values are erased to None before code generation.
            Type::Never | Type::Function(_) | Type::BuiltinFunction(_) => return Err(wrong()),
        })
    }
}

/// The LLVM type of a variable of type `ty`; `None` when it needs no storage.
pub fn storage_type<'ctx>(
    context: &'ctx Context,
    ty: &Type,
) -> Result<Option<BasicTypeEnum<'ctx>>> {
    Ok(match ty {
        Type::Never | Type::NoneType | Type::Function(_) | Type::BuiltinFunction(_) => None,
        Type::Bool => Some(context.bool_type().into()),
        Type::Int | Type::I64 | Type::Optional(_) | Type::Dyn => Some(context.i64_type().into()),
        Type::Float => Some(context.f64_type().into()),
        Type::Str | Type::List(_) | Type::Tuple(_) | Type::Dict(..) | Type::Set(_) => {
            Some(context.ptr_type(Default::default()).into())
        }
    })
}

/// The tagged word of a small int (callers check the range).
pub fn tag(i: i64) -> u64 {
    ((i as u64) << 1) | 1
}

/// True if `i` fits a small (tagged) int: [-2^62, 2^62 - 1].
pub fn fits_small(i: i64) -> bool {
    (-(1i64 << 62)..(1i64 << 62)).contains(&i)
}

/// How a user function reports an exception to its caller. Results that have an
/// impossible value return it (0 for an int, NULL for a pointer); the others return
/// the value paired with a failure flag (`{double, i1}`), or only the flag when the
/// result needs no storage. The flag travels in a register, so after inlining LLVM
/// sees it is constant on the paths that cannot fail and drops the test.
pub fn has_sentinel(ty: &Type) -> bool {
    matches!(
        ty,
        Type::Int | Type::Str | Type::List(_) | Type::Tuple(_) | Type::Optional(_) | Type::Dyn
    )
}

/// None in a `T | None` word (the runtime's `KR_NONE_WORD`).
pub const NONE_WORD: u64 = 2;

/// The LLVM return type of a user function whose result has type `ty`.
pub fn return_type<'ctx>(
    context: &'ctx Context,
    ty: &Type,
) -> Result<inkwell::types::BasicTypeEnum<'ctx>> {
    let flag = context.bool_type();
    Ok(match storage_type(context, ty)? {
        Some(t) if has_sentinel(ty) => t,
        Some(t) => context.struct_type(&[t, flag.into()], false).into(),
        None => flag.into(),
    })
}
