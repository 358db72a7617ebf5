//! Typing rules for sequences (lists, tuples, strings): subscripts, slices,
//! methods, f-string fields, and the builtins that consume sequences.

use crate::error::{Result, Unsupported};
use crate::ir::{Builtin, Const, Operand};
use crate::types::Type;
use frontend::ast::{Int, TextRange};

fn is_intlike(t: &Type) -> bool {
    matches!(t, Type::Int | Type::Bool)
}

/// A constant index as an i64, if the operand is one.
fn const_index(op: &Operand) -> Option<i64> {
    match op {
        Operand::Const(Const::Int(Int::Small(i))) => Some(*i),
        Operand::Const(Const::Bool(b)) => Some(*b as i64),
        _ => None,
    }
}

/// A tuple position for a constant index (negative counts from the end).
fn tuple_position(len: usize, index: i64) -> Option<usize> {
    let i = if index < 0 { index + len as i64 } else { index };
    (0..len as i64).contains(&i).then_some(i as usize)
}

/// The type of `value[index]`.
pub fn item_type(value: &Type, index: &Operand, index_ty: &Type, range: TextRange) -> Result<Type> {
    if *value == Type::Never || *index_ty == Type::Never {
        return Ok(Type::Never);
    }
    // Any key: KeyError at run time when absent (an unhashable one is TypeError).
    if let Type::Dict(_, v) = value {
        return Ok((**v).clone());
    }
    if item_is_dynamic(value, index_ty) {
        return Ok(Type::Dyn);
    }
    if !is_intlike(index_ty) {
        return Err(Unsupported::new(
            format!("indexing '{value}' with '{index_ty}'"),
            range,
        ));
    }
    Ok(match value {
        Type::List(t) => (**t).clone(),
        Type::Str => Type::Str,
        Type::Tuple(ts) => match const_index(index) {
            // Out of range: IndexError at run time, no value.
            Some(i) => tuple_position(ts.len(), i)
                .map(|p| ts[p].clone())
                .unwrap_or(Type::Never),
            None => ts.iter().fold(Type::Never, |a, b| a.join(b)),
        },
        t => return Err(Unsupported::new(format!("subscripts of '{t}'"), range)),
    })
}

/// True when `value[index]` is looked up by the runtime on dyn words
/// (`kr_dyn_getitem`): a dyn container or a dyn index.
pub fn item_is_dynamic(value: &Type, index: &Type) -> bool {
    *value == Type::Dyn
        || (*index == Type::Dyn && matches!(value, Type::List(_) | Type::Str | Type::Tuple(_)))
}

/// `container` with the item at `index` raised to `item` (for aliasing: the item
/// read out of a container is the same object as the one inside).
pub fn with_item(container: &Type, index: &Operand, item: &Type) -> Type {
    match container {
        Type::List(t) => Type::List(Box::new(t.join(item))),
        Type::Dict(k, v) => Type::Dict(k.clone(), Box::new(v.join(item))),
        Type::Tuple(ts) => {
            let mut ts = ts.clone();
            match const_index(index).and_then(|i| tuple_position(ts.len(), i)) {
                Some(p) => ts[p] = ts[p].join(item),
                None => ts.iter_mut().for_each(|t| *t = t.join(item)),
            }
            Type::Tuple(ts)
        }
        other => other.clone(),
    }
}

/// `value[index] = x` and `del value[index]` need a list and an int index.
pub fn check_subscript(value: &Type, index: &Type, range: TextRange) -> Result<()> {
    match (value, index) {
        (Type::Never, _) | (_, Type::Never) => Ok(()),
        (Type::Dyn, _) | (Type::List(_), Type::Dyn) | (Type::Dict(..), _) => Ok(()),
        (Type::List(_), i) if is_intlike(i) => Ok(()),
        (Type::Tuple(_) | Type::Str, _) => Err(Unsupported::new(
            format!("changing an item of '{value}' (a TypeError in Python)"),
            range,
        )),
        _ => Err(Unsupported::new(
            format!("item assignment on '{value}' with '{index}'"),
            range,
        )),
    }
}

/// The type of `value[start:stop:step]`.
pub fn slice_type(
    value: &Type,
    parts: [Option<(&Operand, Type)>; 3],
    range: TextRange,
) -> Result<Type> {
    if *value == Type::Never || parts.iter().flatten().any(|(_, t)| *t == Type::Never) {
        return Ok(Type::Never);
    }
    if *value == Type::Dyn {
        return Ok(Type::Dyn);
    }
    for (_, t) in parts.iter().flatten() {
        // A float, str, list or tuple bound is a TypeError at run time.
        let never_an_index = matches!(t, Type::Float | Type::Str | Type::List(_) | Type::Tuple(_));
        // An `int | None` bound is either.
        let int_or_none = matches!(t, Type::Optional(inner) if is_intlike(inner));
        if !is_intlike(t)
            && !int_or_none
            && *t != Type::NoneType
            && *t != Type::Dyn
            && !never_an_index
        {
            return Err(Unsupported::new(
                format!("slice bounds of type '{t}'"),
                range,
            ));
        }
    }
    match value {
        Type::List(_) | Type::Str => Ok(value.clone()),
        Type::Tuple(ts) => {
            // The length of the result must be known: constant bounds only.
            let mut bounds = [None, None, None];
            for (k, part) in parts.iter().enumerate() {
                match part {
                    None => {}
                    Some((Operand::Const(Const::None), _)) => {}
                    Some((op, _)) => match const_index(op) {
                        Some(i) => bounds[k] = Some(i),
                        None => {
                            return Err(Unsupported::new(
                                "slicing a tuple with bounds that are not constants",
                                range,
                            ))
                        }
                    },
                }
            }
            let picked = static_slice(ts.len(), bounds)
                .ok_or_else(|| Unsupported::new("a tuple slice with step 0", range))?;
            Ok(Type::Tuple(
                picked.into_iter().map(|p| ts[p].clone()).collect(),
            ))
        }
        t => Err(Unsupported::new(format!("slices of '{t}'"), range)),
    }
}

/// The positions `[start:stop:step]` selects from `len` items (Python's
/// slice.indices), or `None` for a zero step.
pub fn static_slice(len: usize, bounds: [Option<i64>; 3]) -> Option<Vec<usize>> {
    let len = len as i64;
    let step = bounds[2].unwrap_or(1);
    if step == 0 {
        return None;
    }
    let clamp = |b: Option<i64>, default: i64, low: i64, high: i64| match b {
        None => default,
        Some(i) if i < 0 => (i + len).max(low),
        Some(i) => i.min(high),
    };
    let (start, stop) = if step > 0 {
        (clamp(bounds[0], 0, 0, len), clamp(bounds[1], len, 0, len))
    } else {
        (
            clamp(bounds[0], len - 1, -1, len - 1),
            clamp(bounds[1], -1, -1, len - 1),
        )
    };
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    Some(out)
}

/// The type a method call returns, by the receiver's type.
pub fn method_type(
    receiver: &Type,
    method: &str,
    args: &[Type],
    keywords: &[(&str, Type)],
    range: TextRange,
) -> Result<Type> {
    if *receiver == Type::Never || args.contains(&Type::Never) {
        return Ok(Type::Never);
    }
    let unsupported = || {
        Unsupported::new(
            format!("the method {receiver}.{method}() with these arguments"),
            range,
        )
    };
    if *receiver == Type::Str {
        return str_method_type(method, args, keywords, range);
    }
    if let Type::Dict(k, v) = receiver {
        return dict_method_type(k, v, method, args, keywords, range);
    }
    if let Type::Set(e) = receiver {
        return set_method_type(receiver, e, method, args, keywords, range);
    }
    if keywords.is_empty() {
        match (receiver, method, args) {
            (Type::Int | Type::Bool, "bit_length" | "bit_count", []) => return Ok(Type::Int),
            (Type::Float, "is_integer", []) => return Ok(Type::Bool),
            (Type::Tuple(_), "count" | "index", [_]) => return Ok(Type::Int),
            _ => {}
        }
    }
    if let Some((name, _)) = keywords
        .iter()
        .find(|(n, _)| !(method == "sort" && *n == "reverse"))
    {
        return Err(Unsupported::new(
            format!("the keyword argument '{name}' of {method}()"),
            range,
        ));
    }
    let Type::List(element) = receiver else {
        return Err(Unsupported::new(
            format!("methods of '{receiver}' ({method})"),
            range,
        ));
    };
    Ok(match (method, args) {
        ("append", [_]) => Type::NoneType,
        ("insert", [i, _]) if is_intlike(i) => Type::NoneType,
        ("extend", [Type::List(_) | Type::Tuple(_) | Type::Str]) => Type::NoneType,
        ("pop", []) => (**element).clone(),
        ("pop", [i]) if is_intlike(i) => (**element).clone(),
        ("index" | "count", [_]) => Type::Int,
        ("index", [_, bounds @ ..]) if bounds.len() <= 2 && bounds.iter().all(is_intlike) => {
            Type::Int
        }
        ("remove", [_]) => Type::NoneType,
        ("sort", []) | ("reverse" | "clear", []) => Type::NoneType,
        ("copy", []) => receiver.clone(),
        _ => return Err(unsupported()),
    })
}

/// Refuses keyword arguments to a method of `class` (none of its methods has any).
fn no_keywords(
    class: &str,
    method: &str,
    keywords: &[(&str, Type)],
    range: TextRange,
) -> Result<()> {
    match keywords.first() {
        Some((name, _)) => Err(Unsupported::new(
            format!("the keyword argument '{name}' of {class}.{method}()"),
            range,
        )),
        None => Ok(()),
    }
}

/// The type a method of a `dict[k, v]` returns. `keys()`, `values()` and
/// `items()` are views, which only a loop may walk yet (`lower/dicts.rs`).
fn dict_method_type(
    k: &Type,
    v: &Type,
    method: &str,
    args: &[Type],
    keywords: &[(&str, Type)],
    range: TextRange,
) -> Result<Type> {
    no_keywords("dict", method, keywords, range)?;
    let or_none = |t: &Type| t.join(&Type::NoneType);
    Ok(match (method, args) {
        ("get", [_]) => or_none(v),
        ("get", [_, d]) | ("pop", [_, d]) => v.join(d),
        ("pop", [_]) | ("setdefault", [_, _]) => v.clone(),
        ("setdefault", [_]) => or_none(v),
        ("update", [Type::Dict(..)]) | ("clear", []) => Type::NoneType,
        ("copy", []) => Type::Dict(Box::new(k.clone()), Box::new(v.clone())),
        ("keys" | "values" | "items", []) => {
            return Err(Unsupported::new(
                format!("dict.{method}() outside a loop (dict views are not supported yet)"),
                range,
            ))
        }
        _ => {
            return Err(Unsupported::new(
                format!("the method dict.{method}() with these arguments"),
                range,
            ))
        }
    })
}

/// The type a method of a `set[e]` returns (the set arguments of the algebra must
/// be sets: other iterables are refused yet).
fn set_method_type(
    receiver: &Type,
    e: &Type,
    method: &str,
    args: &[Type],
    keywords: &[(&str, Type)],
    range: TextRange,
) -> Result<Type> {
    no_keywords("set", method, keywords, range)?;
    Ok(match (method, args) {
        ("add" | "remove" | "discard", [_]) | ("clear", []) => Type::NoneType,
        ("pop", []) => e.clone(),
        ("copy", []) => receiver.clone(),
        (
            "update",
            [Type::Set(_) | Type::List(_) | Type::Tuple(_) | Type::Str | Type::Dict(..)],
        ) => Type::NoneType,
        ("union" | "intersection" | "difference" | "symmetric_difference", [o @ Type::Set(_)]) => {
            receiver.join(o)
        }
        ("issubset" | "issuperset" | "isdisjoint", [Type::Set(_)]) => Type::Bool,
        _ => {
            return Err(Unsupported::new(
                format!("the method set.{method}() with these arguments"),
                range,
            ))
        }
    })
}

/// The type a `str` method returns.
fn str_method_type(
    method: &str,
    args: &[Type],
    keywords: &[(&str, Type)],
    range: TextRange,
) -> Result<Type> {
    let unsupported = || {
        let types: Vec<String> = args.iter().map(|t| format!("'{t}'")).collect();
        Unsupported::new(
            format!("the method str.{method}() {}", described_arguments(&types)),
            range,
        )
    };
    let splits = matches!(method, "split" | "rsplit");
    if let Some((name, _)) = keywords
        .iter()
        .find(|(n, _)| !(splits && matches!(*n, "sep" | "maxsplit")))
    {
        return Err(Unsupported::new(
            format!("the keyword argument '{name}' of str.{method}()"),
            range,
        ));
    }
    let str_or_none = |t: &Type| matches!(t, Type::Str | Type::NoneType);
    let list_of_str = Type::List(Box::new(Type::Str));
    Ok(match (method, args) {
        ("upper" | "lower" | "capitalize" | "title" | "swapcase", []) => Type::Str,
        ("strip" | "lstrip" | "rstrip", []) => Type::Str,
        ("strip" | "lstrip" | "rstrip", [c]) if str_or_none(c) => Type::Str,
        ("split" | "rsplit", []) => list_of_str,
        ("split" | "rsplit", [s]) if str_or_none(s) => list_of_str,
        ("split" | "rsplit", [s, n]) if str_or_none(s) && is_intlike(n) => list_of_str,
        ("splitlines", []) => list_of_str,
        ("splitlines", [k]) if k.is_numeric() => list_of_str,
        ("join", [Type::List(e)]) if matches!(**e, Type::Str | Type::Never) => Type::Str,
        ("join", [Type::Tuple(ts)]) if ts.iter().all(|t| *t == Type::Str) => Type::Str,
        ("join", [Type::Str]) => Type::Str,
        ("startswith" | "endswith", [Type::Str]) => Type::Bool,
        ("startswith" | "endswith", [Type::Tuple(parts), bounds @ ..])
            if parts.iter().all(|t| *t == Type::Str)
                && bounds.len() <= 2
                && bounds.iter().all(window_bound) =>
        {
            Type::Bool
        }
        ("find" | "rfind" | "index" | "rindex" | "count", [Type::Str]) => Type::Int,
        // start and end: ints or None, as slice bounds.
        (
            "startswith" | "endswith" | "find" | "rfind" | "index" | "rindex" | "count",
            [Type::Str, bounds @ ..],
        ) if bounds.len() <= 2 && bounds.iter().all(window_bound) => {
            if method.ends_with("with") {
                Type::Bool
            } else {
                Type::Int
            }
        }
        ("replace", [Type::Str, Type::Str]) => Type::Str,
        ("replace", [Type::Str, Type::Str, n]) if is_intlike(n) => Type::Str,
        (
            "isdigit" | "isdecimal" | "isnumeric" | "isalpha" | "isalnum" | "isspace" | "isupper"
            | "islower" | "istitle" | "isascii",
            [],
        ) => Type::Bool,
        ("partition" | "rpartition", [Type::Str]) => Type::Tuple(vec![Type::Str; 3]),
        ("removeprefix" | "removesuffix", [Type::Str]) => Type::Str,
        ("center" | "ljust" | "rjust", [w]) if is_intlike(w) => Type::Str,
        ("center" | "ljust" | "rjust", [w, Type::Str]) if is_intlike(w) => Type::Str,
        ("zfill", [w]) if is_intlike(w) => Type::Str,
        _ => return Err(unsupported()),
    })
}

/// Whether `t` can be a start or end argument of a str search (an int, None, or
/// an int that may be None), which the code generator passes as a slice bound.
fn window_bound(t: &Type) -> bool {
    is_intlike(t) || *t == Type::NoneType || matches!(t, Type::Optional(inner) if is_intlike(inner))
}

/// An f-string field formats ints, floats, bools, strs and None (`!r`/`!s`
/// conversions also containers); the spec is a str.
pub fn check_format(value: &Type, spec: Option<Type>, range: TextRange) -> Result<Type> {
    if *value == Type::Never {
        return Ok(Type::Never);
    }
    if let Some(spec) = &spec {
        if *spec != Type::Str && *spec != Type::Never {
            return Err(Unsupported::new("a format spec that is not a str", range));
        }
    }
    Ok(Type::Str)
}

/// The result types of the builtins that work on sequences, and of the number
/// builtins added with them.
pub fn sequence_builtin_type(
    builtin: Builtin,
    args: &[Type],
    range: TextRange,
) -> Result<Option<Type>> {
    let bad = || {
        let types: Vec<String> = args.iter().map(|t| format!("'{t}'")).collect();
        Unsupported::new(
            format!("{}() {}", builtin.name(), described_arguments(&types)),
            range,
        )
    };
    let t = match builtin {
        Builtin::SysArgv => Type::List(Box::new(Type::Str)),
        Builtin::Len => match args {
            [Type::Str
            | Type::List(_)
            | Type::Tuple(_)
            | Type::Dict(..)
            | Type::Set(_)
            | Type::Dyn] => Type::Int,
            _ => return Err(bad()),
        },
        Builtin::IterLen(_) => match args {
            [Type::Str | Type::List(_) | Type::Tuple(_) | Type::Dyn] => Type::Int,
            [t] => return Err(Unsupported::new(format!("iterating over '{t}'"), range)),
            _ => return Err(bad()),
        },
        Builtin::Sum => {
            let element = match args.first().and_then(Type::element) {
                Some(e) if matches!(args[0], Type::List(_) | Type::Tuple(_)) => e,
                _ => return Err(bad()),
            };
            let start = args.get(1).cloned().unwrap_or(Type::Int);
            if args.len() > 2 {
                return Err(bad());
            }
            match (element, start) {
                (Type::Never, s) if s.is_numeric() => {
                    if s == Type::Bool {
                        Type::Int
                    } else {
                        s
                    }
                }
                (e, s) if e.is_numeric() && s.is_numeric() => {
                    if e == Type::Float || s == Type::Float {
                        Type::Float
                    } else {
                        Type::Int
                    }
                }
                (Type::Dyn, _) | (_, Type::Dyn) => Type::Dyn,
                _ => return Err(bad()),
            }
        }
        Builtin::MinOf | Builtin::MaxOf => match args {
            [t @ (Type::List(_) | Type::Tuple(_) | Type::Str)] => {
                t.element().unwrap_or(Type::Never)
            }
            _ => return Err(bad()),
        },
        Builtin::Sorted | Builtin::List => match args {
            [] if builtin == Builtin::List => Type::List(Box::new(Type::Never)),
            [t @ (Type::List(_) | Type::Tuple(_) | Type::Str)] => {
                Type::List(Box::new(t.element().unwrap_or(Type::Never)))
            }
            _ => return Err(bad()),
        },
        Builtin::StreamWrite => match args {
            [_, Type::Str] => Type::Int,
            [_, t] => {
                return Err(Unsupported::new(
                    format!("write() of '{t}' (a TypeError: the argument must be a str)"),
                    range,
                ))
            }
            _ => return Err(bad()),
        },
        Builtin::StreamFlush => Type::NoneType,
        Builtin::Iterable => match args {
            [Type::Dict(k, _) | Type::Set(k)] => Type::List(k.clone()),
            [t] => t.clone(),
            _ => return Err(bad()),
        },
        Builtin::DictKeys | Builtin::DictValues | Builtin::DictItems => match args {
            [Type::Never] => Type::Never,
            [Type::Dict(k, v)] => Type::List(Box::new(match builtin {
                Builtin::DictKeys => (**k).clone(),
                Builtin::DictValues => (**v).clone(),
                _ => Type::Tuple(vec![(**k).clone(), (**v).clone()]),
            })),
            [t] => {
                return Err(Unsupported::new(
                    format!("the method {}() of '{t}'", builtin.name()),
                    range,
                ))
            }
            _ => return Err(bad()),
        },
        Builtin::SetList => match args {
            [Type::Set(e)] => Type::List(e.clone()),
            _ => return Err(bad()),
        },
        Builtin::Set => match args {
            [] => Type::Set(Box::new(Type::Never)),
            [t @ (Type::List(_) | Type::Tuple(_) | Type::Str)] => {
                Type::Set(Box::new(t.element().unwrap_or(Type::Never)))
            }
            _ => return Err(bad()),
        },
        Builtin::Dict => match args {
            [] => Type::Dict(Box::new(Type::Never), Box::new(Type::Never)),
            [t @ Type::Dict(..)] => t.clone(),
            _ => return Err(bad()),
        },
        Builtin::SortByKeys => match args {
            [Type::List(_), Type::List(_), _] => Type::NoneType,
            [t, ..] => {
                return Err(Unsupported::new(
                    format!("the method {t}.sort() with a key"),
                    range,
                ))
            }
            _ => return Err(bad()),
        },
        Builtin::Any | Builtin::All => match args {
            [Type::List(_) | Type::Tuple(_) | Type::Str] => Type::Bool,
            _ => return Err(bad()),
        },
        Builtin::Round => match args {
            [Type::Float] => Type::Int,
            [Type::Float, i] if is_intlike(i) => Type::Float,
            [Type::Float, Type::NoneType] => Type::Int,
            [i] | [i, Type::NoneType] if is_intlike(i) => Type::Int,
            [i, n] if is_intlike(i) && is_intlike(n) => Type::Int,
            _ => return Err(bad()),
        },
        Builtin::Divmod => match args {
            [a, b] if is_intlike(a) && is_intlike(b) => Type::Tuple(vec![Type::Int, Type::Int]),
            [a, b] if a.is_numeric() && b.is_numeric() => {
                Type::Tuple(vec![Type::Float, Type::Float])
            }
            _ => return Err(bad()),
        },
        Builtin::Pow => match args {
            [a, b, m] if is_intlike(a) && is_intlike(b) && is_intlike(m) => Type::Int,
            [a, b] if a.is_numeric() && b.is_numeric() => {
                // As `a ** b` with a variable exponent: two ints give an int or
                // (for a negative exponent) a float, so a dyn word.
                if *a == Type::Float || *b == Type::Float {
                    Type::Float
                } else {
                    Type::Dyn
                }
            }
            [a, b] if *a == Type::Dyn || *b == Type::Dyn => Type::Dyn,
            _ => return Err(bad()),
        },
        Builtin::Ord => match args {
            [Type::Str] => Type::Int,
            _ => return Err(bad()),
        },
        Builtin::Chr | Builtin::Hex | Builtin::Oct | Builtin::Bin => match args {
            [i] if is_intlike(i) || *i == Type::Dyn => Type::Str,
            _ => return Err(bad()),
        },
        _ => return Ok(None),
    };
    Ok(Some(t))
}

/// "of 'int', 'str'" for the argument types of a call krait does not compile, or
/// "without arguments".
fn described_arguments(types: &[String]) -> String {
    if types.is_empty() {
        "without arguments".to_string()
    } else {
        format!("of {}", types.join(", "))
    }
}
