//! The type lattice (docs/typeinfer.md, section 2).
//!
//! `Never` is the bottom (no value seen yet), `Dyn` the top (any value, in the
//! uniform boxed representation). Joins climb; distinct base types meet in `Dyn`
//! for now, until unions are represented (the design caps them at four members).
//! Lists are invariant in their element type, tuples covariant: `list[never]` (the
//! type of `[]`) joins with `list[int]` to `list[int]`, which is how an empty list
//! learns its element type from the values later stored into it (`infer.rs` makes
//! every alias of a list agree).

use crate::ir::{Builtin, FuncId};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    /// No value: unreached code, or not yet inferred.
    Never,
    NoneType,
    Bool,
    /// Python's exact int (tagged word, big ints on overflow).
    Int,
    Float,
    Str,
    /// A machine integer that is not a Python value: the counter of a `range()`
    /// loop whose bounds are small ints, so it never overflows and becomes an `int`
    /// (by tagging, through `Index`) only where the loop variable is assigned.
    I64,
    /// A list, by element type (`list[never]` is a list nothing was ever put into).
    List(Box<Type>),
    /// A tuple, by the types of its elements.
    Tuple(Vec<Type>),
    /// A dict, by key and value types (invariant, as lists: aliases share them).
    Dict(Box<Type>, Box<Type>),
    /// A set, by element type (invariant, as lists).
    Set(Box<Type>),
    /// `T | None` for a `T` whose representation has a spare value for None (an
    /// int, str, list or tuple: the word 2, neither a tagged int nor a pointer).
    Optional(Box<Type>),
    /// A function value that is one known `def` or lambda (by template): calls
    /// through it are direct calls of a specialisation, and it needs no storage.
    /// Two different functions join to `dyn`, which cannot be called.
    Function(FuncId),
    /// A builtin function used as a value (`key=len`), called as the builtin.
    BuiltinFunction(Builtin),
    /// Anything; the uniform representation.
    Dyn,
}

impl Type {
    /// The runtime's kind number of values of this type (`kr_tkind` in the C
    /// header; `isinstance` tests bits of it).
    pub fn runtime_kind(&self) -> u64 {
        match self {
            Type::Never | Type::I64 => 0,
            Type::Dyn => 9,
            // Erased before code generation (`infer::erase_functions`).
            Type::Function(_) | Type::BuiltinFunction(_) => 0,
            Type::NoneType => 1,
            Type::Bool => 2,
            Type::Int => 3,
            Type::Float => 4,
            Type::Str => 5,
            Type::List(_) => 6,
            Type::Dict(..) => 10,
            Type::Set(_) => 11,
            Type::Tuple(_) => 7,
            Type::Optional(_) => 8,
        }
    }

    /// The least upper bound.
    pub fn join(&self, other: &Type) -> Type {
        match (self, other) {
            (Type::Never, t) | (t, Type::Never) => t.clone(),
            (a, b) if a == b => a.clone(),
            (Type::NoneType, t) | (t, Type::NoneType) if t.can_be_optional() => {
                Type::Optional(Box::new(t.clone()))
            }
            (Type::Optional(a), Type::Optional(b)) => Type::optional_of(a.join(b)),
            (Type::Optional(a), Type::NoneType) | (Type::NoneType, Type::Optional(a)) => {
                Type::Optional(a.clone())
            }
            (Type::Optional(a), t) | (t, Type::Optional(a)) => Type::optional_of(a.join(t)),
            (Type::List(a), Type::List(b)) => Type::List(Box::new(a.join(b))),
            (Type::Dict(ka, va), Type::Dict(kb, vb)) => {
                Type::Dict(Box::new(ka.join(kb)), Box::new(va.join(vb)))
            }
            (Type::Set(a), Type::Set(b)) => Type::Set(Box::new(a.join(b))),
            (Type::Tuple(a), Type::Tuple(b)) if a.len() == b.len() => {
                Type::Tuple(a.iter().zip(b).map(|(x, y)| x.join(y)).collect())
            }
            _ => Type::Dyn,
        }
    }

    /// Whether `self | None` is representable (see `Optional`).
    pub fn can_be_optional(&self) -> bool {
        matches!(
            self,
            Type::Int | Type::Str | Type::List(_) | Type::Tuple(_) | Type::Dict(..) | Type::Set(_)
        )
    }

    /// `t | None`, or `dyn` when `t` has no spare value for None.
    pub fn optional_of(t: Type) -> Type {
        if t.can_be_optional() {
            Type::Optional(Box::new(t))
        } else {
            Type::Dyn
        }
    }

    /// The type without its `| None`.
    pub fn strip_optional(&self) -> Type {
        match self {
            Type::Optional(t) => (**t).clone(),
            t => t.clone(),
        }
    }

    /// True for types whose values are plain numbers in generated code.
    pub fn is_numeric(&self) -> bool {
        matches!(self, Type::Bool | Type::Int | Type::Float)
    }

    /// True if a function value occurs anywhere in the type.
    pub fn has_function(&self) -> bool {
        match self {
            Type::Function(_) | Type::BuiltinFunction(_) => true,
            Type::List(t) | Type::Optional(t) | Type::Set(t) => t.has_function(),
            Type::Dict(k, v) => k.has_function() || v.has_function(),
            Type::Tuple(ts) => ts.iter().any(Type::has_function),
            _ => false,
        }
    }

    /// True if `Dyn` occurs anywhere in the type (native code cannot hold it yet).
    pub fn contains_dyn(&self) -> bool {
        match self {
            Type::Dyn => true,
            Type::List(t) | Type::Optional(t) | Type::Set(t) => t.contains_dyn(),
            Type::Dict(k, v) => k.contains_dyn() || v.contains_dyn(),
            Type::Tuple(ts) => ts.iter().any(Type::contains_dyn),
            _ => false,
        }
    }

    /// How deeply containers nest in the type (0 for a scalar).
    pub fn depth(&self) -> usize {
        match self {
            Type::List(t) | Type::Set(t) => 1 + t.depth(),
            Type::Dict(k, v) => 1 + k.depth().max(v.depth()),
            Type::Optional(t) => t.depth(),
            Type::Tuple(ts) => 1 + ts.iter().map(Type::depth).max().unwrap_or(0),
            _ => 0,
        }
    }

    /// True if the type contains a list, dict or set: values that can be changed in place, whose
    /// aliases must therefore share one type.
    pub fn has_list(&self) -> bool {
        match self {
            Type::List(_) | Type::Dict(..) | Type::Set(_) => true,
            Type::Tuple(ts) => ts.iter().any(Type::has_list),
            Type::Optional(t) => t.has_list(),
            _ => false,
        }
    }

    /// The type with `dyn` items in every list it holds: what a list becomes when
    /// it escapes into a `dyn` value, through which any item may be stored.
    pub fn with_dyn_items(&self) -> Type {
        match self {
            Type::List(_) => Type::List(Box::new(Type::Dyn)),
            Type::Dict(..) => Type::Dict(Box::new(Type::Dyn), Box::new(Type::Dyn)),
            Type::Set(_) => Type::Set(Box::new(Type::Dyn)),
            Type::Tuple(ts) => Type::Tuple(ts.iter().map(Type::with_dyn_items).collect()),
            Type::Optional(t) => Type::Optional(Box::new(t.with_dyn_items())),
            t => t.clone(),
        }
    }

    /// What a value of type `self` must be raised to when it flows into a place of
    /// type `dst`: `dst` itself, except that where `dst` is `dyn`, the lists of
    /// `self` escape (`with_dyn_items`).
    pub fn escaping_into(&self, dst: &Type) -> Type {
        match (self, dst) {
            (s, Type::Dyn) if s.has_list() => s.with_dyn_items(),
            (Type::Tuple(a), Type::Tuple(b)) if a.len() == b.len() => {
                Type::Tuple(a.iter().zip(b).map(|(s, d)| s.escaping_into(d)).collect())
            }
            (Type::Optional(s), Type::Optional(d)) => Type::optional_of(s.escaping_into(d)),
            (Type::Optional(s), d) => s.escaping_into(d),
            _ => dst.clone(),
        }
    }

    /// The element type of a homogeneous sequence (`str` for a string), or `None`.
    /// For tuples, the join of the element types.
    pub fn element(&self) -> Option<Type> {
        match self {
            Type::List(t) => Some((**t).clone()),
            Type::Dict(k, _) | Type::Set(k) => Some((**k).clone()),
            Type::Str => Some(Type::Str),
            Type::Tuple(ts) => Some(ts.iter().fold(Type::Never, |a, b| a.join(b))),
            _ => None,
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Type::Never => "never",
            Type::NoneType => "None",
            Type::Bool => "bool",
            Type::Int => "int",
            Type::Float => "float",
            Type::Str => "str",
            Type::I64 => "i64",
            Type::Dyn => "dyn",
            Type::Function(_) => "function",
            Type::BuiltinFunction(_) => "builtin_function_or_method",
            Type::List(t) => return write!(f, "list[{t}]"),
            Type::Dict(k, v) => return write!(f, "dict[{k}, {v}]"),
            Type::Set(t) => return write!(f, "set[{t}]"),
            Type::Optional(t) => return write!(f, "{t} | None"),
            Type::Tuple(ts) if ts.is_empty() => "tuple[()]",
            Type::Tuple(ts) => {
                f.write_str("tuple[")?;
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{t}")?;
                }
                return f.write_str("]");
            }
        };
        f.write_str(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_is_a_least_upper_bound() {
        assert_eq!(Type::Never.join(&Type::Int), Type::Int);
        assert_eq!(Type::Int.join(&Type::Never), Type::Int);
        assert_eq!(Type::Int.join(&Type::Int), Type::Int);
        // bool | int is not int: print(True) must still print True.
        assert_eq!(Type::Bool.join(&Type::Int), Type::Dyn);
        assert_eq!(Type::Float.join(&Type::Dyn), Type::Dyn);
    }

    #[test]
    fn none_joins_into_optionals_where_there_is_a_spare_value() {
        let int_or_none = Type::Optional(Box::new(Type::Int));
        assert_eq!(Type::NoneType.join(&Type::Int), int_or_none);
        assert_eq!(int_or_none.join(&Type::Int), int_or_none);
        assert_eq!(int_or_none.join(&Type::NoneType), int_or_none);
        assert_eq!(int_or_none.to_string(), "int | None");
        let empty = Type::Optional(Box::new(Type::List(Box::new(Type::Never))));
        let ints = Type::List(Box::new(Type::Int));
        assert_eq!(empty.join(&ints), Type::Optional(Box::new(ints)));
        // No spare value in a double or an i1 (yet): reported as dyn.
        assert_eq!(Type::NoneType.join(&Type::Float), Type::Dyn);
        assert_eq!(int_or_none.join(&Type::Str), Type::Dyn);
    }

    #[test]
    fn containers_join_by_element() {
        let empty = Type::List(Box::new(Type::Never));
        let ints = Type::List(Box::new(Type::Int));
        assert_eq!(empty.join(&ints), ints);
        let mixed = ints.join(&Type::List(Box::new(Type::Str)));
        assert!(mixed.contains_dyn());
        let pair = Type::Tuple(vec![Type::Int, Type::Never]);
        let other = Type::Tuple(vec![Type::Never, Type::Str]);
        assert_eq!(pair.join(&other), Type::Tuple(vec![Type::Int, Type::Str]));
        assert_eq!(pair.join(&Type::Tuple(vec![Type::Int])), Type::Dyn);
        assert_eq!(ints.to_string(), "list[int]");
        assert_eq!(pair.to_string(), "tuple[int, never]");
    }
}
