//! The native standard-library modules the compiler knows statically: the float
//! functions, integer functions and constants of `math` (results and errors as
//! CPython's, see the runtime's kr_math.c and kr_number.c), `sys.exit` and `sys.maxsize`, `time.time` and
//! `time.perf_counter`.

use crate::ir::{Builtin, Const};
use frontend::ast::Int;

/// A module that `import` can bind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NativeModule {
    Math,
    Sys,
    Time,
}

impl NativeModule {
    pub fn from_name(name: &str) -> Option<NativeModule> {
        Some(match name {
            "math" => NativeModule::Math,
            "sys" => NativeModule::Sys,
            "time" => NativeModule::Time,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            NativeModule::Math => "math",
            NativeModule::Sys => "sys",
            NativeModule::Time => "time",
        }
    }
}

/// What `module.name` stands for.
#[derive(Clone, Debug, PartialEq)]
pub enum Member {
    Function(Builtin),
    Constant(Const),
    /// A value the builtin computes (called without arguments where it is read).
    Value(Builtin),
}

/// The member `name` of `module`, if krait knows it.
pub fn member(module: NativeModule, name: &str) -> Option<Member> {
    match module {
        NativeModule::Math => MathFn::from_name(name)
            .map(|f| Member::Function(Builtin::Math(f)))
            .or_else(|| math_constant(name).map(|c| Member::Constant(Const::Float(c)))),
        NativeModule::Sys => match name {
            "exit" => Some(Member::Function(Builtin::SysExit)),
            "argv" => Some(Member::Value(Builtin::SysArgv)),
            "maxsize" => Some(Member::Constant(Const::Int(Int::Small(i64::MAX)))),
            _ => None,
        },
        NativeModule::Time => match name {
            "time" => Some(Member::Function(Builtin::TimeTime)),
            "perf_counter" => Some(Member::Function(Builtin::TimePerfCounter)),
            _ => None,
        },
    }
}

/// A function of the `math` module.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MathFn {
    Sqrt,
    Exp,
    Log,
    Log2,
    Log10,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Tanh,
    Fabs,
    Expm1,
    Log1p,
    Asinh,
    Acosh,
    Atanh,
    Cbrt,
    Exp2,
    Radians,
    Degrees,
    Atan2,
    Hypot,
    Copysign,
    Fmod,
    Pow,
    Floor,
    Ceil,
    Trunc,
    Isnan,
    Isinf,
    Isfinite,
    Gcd,
    Lcm,
    Isqrt,
    Factorial,
    Comb,
    Perm,
    Isclose,
}

/// What a math function returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MathResult {
    Float,
    /// `floor`, `ceil`, `trunc`: an int.
    Int,
    /// `isnan`, `isinf`, `isfinite`, `isclose`.
    Bool,
    /// `gcd`, `lcm`, `isqrt`, `factorial`, `comb`, `perm`: ints in, an int out.
    IntOfInts,
}

const MATH_FUNCTIONS: &[(&str, MathFn)] = &[
    ("sqrt", MathFn::Sqrt),
    ("exp", MathFn::Exp),
    ("log", MathFn::Log),
    ("log2", MathFn::Log2),
    ("log10", MathFn::Log10),
    ("sin", MathFn::Sin),
    ("cos", MathFn::Cos),
    ("tan", MathFn::Tan),
    ("asin", MathFn::Asin),
    ("acos", MathFn::Acos),
    ("atan", MathFn::Atan),
    ("sinh", MathFn::Sinh),
    ("cosh", MathFn::Cosh),
    ("tanh", MathFn::Tanh),
    ("fabs", MathFn::Fabs),
    ("expm1", MathFn::Expm1),
    ("log1p", MathFn::Log1p),
    ("asinh", MathFn::Asinh),
    ("acosh", MathFn::Acosh),
    ("atanh", MathFn::Atanh),
    ("cbrt", MathFn::Cbrt),
    ("exp2", MathFn::Exp2),
    ("radians", MathFn::Radians),
    ("degrees", MathFn::Degrees),
    ("atan2", MathFn::Atan2),
    ("hypot", MathFn::Hypot),
    ("copysign", MathFn::Copysign),
    ("fmod", MathFn::Fmod),
    ("pow", MathFn::Pow),
    ("floor", MathFn::Floor),
    ("ceil", MathFn::Ceil),
    ("trunc", MathFn::Trunc),
    ("isnan", MathFn::Isnan),
    ("isinf", MathFn::Isinf),
    ("isfinite", MathFn::Isfinite),
    ("gcd", MathFn::Gcd),
    ("lcm", MathFn::Lcm),
    ("isqrt", MathFn::Isqrt),
    ("factorial", MathFn::Factorial),
    ("comb", MathFn::Comb),
    ("perm", MathFn::Perm),
    ("isclose", MathFn::Isclose),
];

impl MathFn {
    pub fn from_name(name: &str) -> Option<MathFn> {
        MATH_FUNCTIONS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, f)| f)
    }

    pub fn name(self) -> &'static str {
        MATH_FUNCTIONS
            .iter()
            .find(|&&(_, f)| f == self)
            .map_or("?", |&(n, _)| n)
    }

    /// The smallest and largest number of arguments.
    pub fn arity(self) -> (usize, usize) {
        use MathFn::*;
        match self {
            Log | Perm => (1, 2),
            Atan2 | Hypot | Copysign | Fmod | Pow | Gcd | Lcm | Comb | Isclose => (2, 2),
            _ => (1, 1),
        }
    }

    pub fn result(self) -> MathResult {
        use MathFn::*;
        match self {
            Floor | Ceil | Trunc => MathResult::Int,
            Isnan | Isinf | Isfinite | Isclose => MathResult::Bool,
            Gcd | Lcm | Isqrt | Factorial | Comb | Perm => MathResult::IntOfInts,
            _ => MathResult::Float,
        }
    }
}

/// The float constants of `math`.
pub fn math_constant(name: &str) -> Option<f64> {
    Some(match name {
        "pi" => std::f64::consts::PI,
        "e" => std::f64::consts::E,
        "tau" => std::f64::consts::TAU,
        "inf" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => return None,
    })
}
