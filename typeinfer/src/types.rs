//! The type lattice (docs/typeinfer.md, section 2).
//!
//! `Never` is the bottom (no value seen yet), `Dyn` the top (any value, in the
//! uniform boxed representation). Joins climb; distinct base types meet in `Dyn`
//! for now, until unions are represented (the design caps them at four members).

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
    /// Anything; the uniform representation.
    Dyn,
}

impl Type {
    /// The least upper bound.
    pub fn join(&self, other: &Type) -> Type {
        match (self, other) {
            (Type::Never, t) | (t, Type::Never) => t.clone(),
            (a, b) if a == b => a.clone(),
            _ => Type::Dyn,
        }
    }

    /// True for types whose values are plain numbers in generated code.
    pub fn is_numeric(&self) -> bool {
        matches!(self, Type::Bool | Type::Int | Type::Float)
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Type::Never => "never",
            Type::NoneType => "None",
            Type::Bool => "bool",
            Type::Int => "int",
            Type::Float => "float",
            Type::Str => "str",
            Type::Dyn => "dyn",
        })
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
}
