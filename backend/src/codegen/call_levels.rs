//! Calls of builtins that CPython 3.11 counts against the recursion limit.
//!
//! CPython has one recursion counter for Python frames and for some C-level calls:
//! calling a builtin function or method whose C signature is `METH_O`,
//! `METH_NOARGS` or `METH_VARARGS` takes a level ("while calling a Python
//! object"), and so do `str()` and `repr()` of an object and a comparison that
//! `min`/`max` or `list.count` make. `len`, `isinstance`, `list.append` (which its
//! interpreter specialises) and the `METH_FASTCALL` ones (`sum`, `divmod`, `pow`,
//! `float`, `str.split`, `list.pop`...) take none. In the deepest frames the limit
//! allows, a call that needs more levels than are left raises RecursionError
//! instead of running: `print` in the 999th frame (it also calls the file's
//! `write`), `abs` in the 1000th. This table was measured on CPython 3.11 by
//! calling each builtin at every depth near the limit; the frame depth is the
//! one every krait function knows (`FunctionGen::frame_depth`).

use super::function::{FunctionGen, RECURSION_LIMIT};
use crate::error::Result;
use inkwell::IntPredicate;
use typeinfer::ir::Builtin;
use typeinfer::native::MathFn;
use typeinfer::types::Type;

const CALL: &str = "maximum recursion depth exceeded while calling a Python object";
const STR: &str = "maximum recursion depth exceeded while getting the str of an object";
const REPR: &str = "maximum recursion depth exceeded while getting the repr of an object";
const COMPARISON: &str = "maximum recursion depth exceeded in comparison";

/// The levels a call of `builtin` takes, innermost last, each with the message of
/// the RecursionError raised when it is the first that does not fit. `args` are
/// the types of its arguments.
pub fn of_builtin(builtin: Builtin, args: &[Type]) -> &'static [&'static str] {
    match builtin {
        Builtin::Print => &[CALL, CALL],
        Builtin::Repr => &[CALL, REPR],
        // `str(s)` of a str is s itself; the others are converted.
        Builtin::Str => match args {
            [t] if *t != Type::Str => &[STR],
            _ => &[],
        },
        Builtin::Min | Builtin::Max | Builtin::MinOf | Builtin::MaxOf => &[CALL, COMPARISON],
        Builtin::Abs
        | Builtin::Int
        | Builtin::Round
        | Builtin::Sorted
        | Builtin::Ord
        | Builtin::Chr
        | Builtin::Hex
        | Builtin::Oct
        | Builtin::Bin
        | Builtin::Any
        | Builtin::All
        | Builtin::TimeTime
        | Builtin::TimePerfCounter => &[CALL],
        // The math functions of two or more arguments are METH_FASTCALL (but not
        // log and perm).
        Builtin::Math(f) => match f {
            MathFn::Atan2
            | MathFn::Hypot
            | MathFn::Copysign
            | MathFn::Fmod
            | MathFn::Pow
            | MathFn::Gcd
            | MathFn::Lcm
            | MathFn::Comb
            | MathFn::Isclose => &[],
            _ => &[CALL],
        },
        _ => &[],
    }
}

/// The levels a call of `receiver.method` takes (see `of_builtin`).
pub fn of_method(receiver: &Type, method: &str) -> &'static [&'static str] {
    match receiver {
        Type::Str => match method {
            "upper" | "lower" | "capitalize" | "title" | "swapcase" | "join" | "startswith"
            | "endswith" | "find" | "rfind" | "count" | "index" | "rindex" | "zfill"
            | "isdigit" | "isdecimal" | "isnumeric" | "isalpha" | "isalnum" | "isspace"
            | "isupper" | "islower" | "istitle" | "isascii" | "partition" | "rpartition"
            | "removeprefix" | "removesuffix" => &[CALL],
            _ => &[],
        },
        Type::Int | Type::Bool => match method {
            "bit_length" | "bit_count" => &[CALL],
            _ => &[],
        },
        Type::Float => match method {
            "is_integer" => &[CALL],
            _ => &[],
        },
        // count and remove compare x with the items (unless they are x itself).
        Type::List(_) => match method {
            "count" | "remove" => &[CALL, COMPARISON],
            "extend" | "reverse" | "clear" | "copy" => &[CALL],
            _ => &[],
        },
        _ => &[],
    }
}

/// The levels an f-string field `{value}` takes. `!r` is `repr()`, `!s` `str()`;
/// then a str, or an int without a format spec, is formatted without a call, and
/// anything else calls its `__format__`, which without a spec is `str()` again.
pub fn of_format(
    value: &Type,
    conversion: Option<char>,
    has_spec: bool,
) -> &'static [&'static str] {
    match (conversion, has_spec) {
        (Some('r') | Some('a'), _) => &[REPR],
        (Some('s'), _) if *value != Type::Str => &[STR],
        (_, true) => &[CALL],
        _ if *value == Type::Str => &[],
        _ if *value == Type::Int => &[STR],
        _ => &[CALL, STR],
    }
}

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    /// RecursionError, with the message of the first level that does not fit,
    /// when this frame is too deep for a call taking `levels`.
    pub(super) fn check_call_levels(&mut self, levels: &[&str]) -> Result<()> {
        if levels.is_empty() {
            return Ok(());
        }
        let i32_type = self.m.context.i32_type();
        let depth = self.frame_depth()?;
        for (i, message) in levels.iter().enumerate() {
            // Level i needs depth + i + 1 <= the limit.
            let first_failing = i32_type.const_int(RECURSION_LIMIT - i as u64, false);
            let too_deep = self.builder.build_int_compare(
                IntPredicate::UGE,
                depth,
                first_failing,
                "too.deep",
            )?;
            self.raise_if(too_deep, "KR_EXC_RECURSION", message)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_and_repr_take_two_levels() {
        assert_eq!(of_builtin(Builtin::Print, &[Type::Int]), &[CALL, CALL]);
        assert_eq!(of_builtin(Builtin::Repr, &[Type::Str]), &[CALL, REPR]);
        assert_eq!(
            of_builtin(Builtin::Min, &[Type::Int, Type::Int]),
            &[CALL, COMPARISON]
        );
    }

    #[test]
    fn fastcall_builtins_take_none() {
        for b in [
            Builtin::Len,
            Builtin::Sum,
            Builtin::Float,
            Builtin::Divmod,
            Builtin::Pow,
        ] {
            assert!(of_builtin(b, &[Type::Int]).is_empty(), "{b:?}");
        }
        assert!(of_builtin(Builtin::Math(MathFn::Atan2), &[]).is_empty());
        assert_eq!(of_builtin(Builtin::Math(MathFn::Sqrt), &[]), &[CALL]);
        assert!(of_method(&Type::Str, "split").is_empty());
        assert_eq!(of_method(&Type::Str, "upper"), &[CALL]);
    }

    #[test]
    fn str_of_a_str_is_no_call() {
        assert!(of_builtin(Builtin::Str, &[Type::Str]).is_empty());
        assert_eq!(of_builtin(Builtin::Str, &[Type::Float]), &[STR]);
        assert!(of_format(&Type::Str, None, false).is_empty());
        assert_eq!(of_format(&Type::Int, None, false), &[STR]);
        assert_eq!(of_format(&Type::Float, None, false), &[CALL, STR]);
        assert_eq!(of_format(&Type::Str, None, true), &[CALL]);
        assert_eq!(of_format(&Type::Str, Some('r'), false), &[REPR]);
    }
}
