//! Calls through function values, during and after inference
//! (docs/typeinfer.md, "Functions as values").
//!
//! A `CallValue` is bound by its callee's type: a `Type::Function` is a call of
//! that template (its arguments matched to its parameters, defaults filled in),
//! specialised like any call; a `Type::BuiltinFunction` is a call of the builtin.
//! Once types settle, every `CallValue` becomes that `Call` or `CallBuiltin`.
//! Function values carry no data, so they are then erased to `None`: they may only
//! flow where their exact type is known (copies, arguments, returns, globals), which
//! `check_function_values` makes sure of before erasing.

use crate::error::{Result, Unsupported};
use crate::ir::{Builtin, Const, FuncId, Function, InstKind, Operand, Terminator};
use crate::types::Type;
use frontend::ast::TextRange;

/// What a `CallValue` calls, with its arguments in parameter order.
pub enum Bound {
    Def {
        template: FuncId,
        args: Vec<Operand>,
    },
    Builtin {
        builtin: Builtin,
        args: Vec<Operand>,
    },
}

/// Binds a call through a callee of type `callee`; None while that type is
/// unknown (`never`).
pub fn bind(
    templates: &[Function],
    callee: &Type,
    args: &[Operand],
    keywords: &[(Box<str>, Operand)],
    range: TextRange,
) -> Result<Option<Bound>> {
    match callee {
        Type::Never => Ok(None),
        Type::Function(t) => {
            let f = &templates[t.index()];
            let args = match_arguments(f, args, keywords, range)?;
            Ok(Some(Bound::Def { template: *t, args }))
        }
        Type::BuiltinFunction(b) => {
            if let Some((name, _)) = keywords.first() {
                return Err(Unsupported::new(
                    format!(
                        "the keyword argument '{name}' in a call of {}() through a value",
                        b.name()
                    ),
                    range,
                ));
            }
            let builtin = match b {
                Builtin::Min if args.len() == 1 => Builtin::MinOf,
                Builtin::Max if args.len() == 1 => Builtin::MaxOf,
                b => *b,
            };
            Ok(Some(Bound::Builtin {
                builtin,
                args: args.to_vec(),
            }))
        }
        other => Err(Unsupported::new(
            format!("calling a value of type '{other}'"),
            range,
        )),
    }
}

/// The arguments of a call of `f` in parameter order, as a direct call's are
/// matched when lowering: positional ones first, then keywords by name, then
/// defaults.
fn match_arguments(
    f: &Function,
    args: &[Operand],
    keywords: &[(Box<str>, Operand)],
    range: TextRange,
) -> Result<Vec<Operand>> {
    let name = &f.name;
    if args.len() > f.positional {
        return Err(Unsupported::new(
            format!(
                "this call passes {} positional arguments to {name}(), which takes {}",
                args.len(),
                f.positional
            ),
            range,
        ));
    }
    let mut slots: Vec<Option<Operand>> = args.iter().cloned().map(Some).collect();
    slots.resize(f.params.len(), None);
    for (keyword, value) in keywords {
        let position = f
            .params
            .iter()
            .position(|p| f.var(*p).name.as_deref() == Some(&**keyword));
        let Some(i) = position else {
            return Err(Unsupported::new(
                format!("the unknown keyword argument '{keyword}' of {name}()"),
                range,
            ));
        };
        if slots[i].is_some() {
            return Err(Unsupported::new(
                format!("argument '{keyword}' of {name}() given twice"),
                range,
            ));
        }
        slots[i] = Some(value.clone());
    }
    slots
        .into_iter()
        .enumerate()
        .map(
            |(i, slot)| match (slot, f.defaults.get(i).cloned().flatten()) {
                (Some(v), _) => Ok(v),
                (None, Some(default)) => Ok(Operand::Const(default)),
                (None, None) => {
                    let param = f.var(f.params[i]).name.as_deref().unwrap_or("?");
                    Err(Unsupported::new(
                        format!("this call of {name}() omits the argument '{param}'"),
                        range,
                    ))
                }
            },
        )
        .collect()
}

/// The instruction a bound `CallValue` becomes (a `Call` still names the template;
/// `infer` points it at the specialisation).
pub fn resolved(dst: crate::ir::VarId, bound: Bound) -> InstKind {
    match bound {
        Bound::Def { template, args } => InstKind::Call {
            dst,
            func: template,
            args,
            plus: None,
        },
        Bound::Builtin { builtin, args } => InstKind::CallBuiltin {
            dst,
            builtin,
            args,
            keywords: Vec::new(),
        },
    }
}

fn not_a_value(range: TextRange) -> Unsupported {
    Unsupported::new(
        "a function used as a value here (functions can be called, passed to \
         functions, returned, and assigned to variables)",
        range,
    )
}

/// Function values may only flow where their exact type is kept: copies into a
/// variable of that type, call arguments and returns of it, globals of it. (A
/// function joined with another value is `dyn`, and `dyn` cannot hold one.)
pub fn check_function_values(
    f: &Function,
    param_types: impl Fn(usize, usize) -> Option<Vec<Type>>,
    globals: &[Type],
) -> Result<()> {
    let reachable = f.reachable_blocks();
    for (b, block) in f.blocks.iter().enumerate() {
        if !reachable[b] {
            continue;
        }
        for (i, inst) in block.insts.iter().enumerate() {
            if let Some(dst) = inst.kind.dst() {
                let t = &f.var(dst).ty;
                if t.has_function() && !matches!(t, Type::Function(_) | Type::BuiltinFunction(_)) {
                    return Err(not_a_value(inst.range));
                }
            }
            // A function value passes only into a place of its own type.
            let kept = |op: &Operand, want: &Type| {
                let t = f.operand_type(op);
                !t.has_function() || t == *want
            };
            let ok = match &inst.kind {
                InstKind::Copy { dst, src } => kept(src, &f.var(*dst).ty),
                InstKind::StoreGlobal { global, src } => kept(src, &globals[global.index()]),
                InstKind::Call { args, .. } => match param_types(b, i) {
                    Some(params) => args.iter().zip(&params).all(|(a, p)| kept(a, p)),
                    None => true,
                },
                kind => !kind
                    .operands()
                    .iter()
                    .any(|op| f.operand_type(op).has_function()),
            };
            if !ok {
                return Err(not_a_value(inst.range));
            }
        }
        match &block.term {
            Terminator::Return(v)
                if f.operand_type(v).has_function() && f.operand_type(v) != f.return_type =>
            {
                return Err(not_a_value(block.term_range));
            }
            Terminator::Branch { cond, .. } if f.operand_type(cond).has_function() => {
                return Err(not_a_value(block.term_range));
            }
            _ => {}
        }
    }
    Ok(())
}

/// `ty` with function values as `None` (they carry no data).
pub fn erased(ty: &Type) -> Type {
    match ty {
        Type::Function(_) | Type::BuiltinFunction(_) => Type::NoneType,
        t => t.clone(),
    }
}

/// Erases the function values of `f`: their variables become `None`, and so do
/// their constants.
pub fn erase_functions(f: &mut Function) {
    for var in &mut f.vars {
        var.ty = erased(&var.ty);
    }
    f.return_type = erased(&f.return_type);
    let erase = |op: &mut Operand| {
        if let Operand::Const(Const::Function(_) | Const::Builtin(_)) = op {
            *op = Operand::Const(Const::None);
        }
    };
    for block in &mut f.blocks {
        for inst in &mut block.insts {
            for op in inst.kind.operands_mut() {
                erase(op);
            }
        }
        if let Terminator::Return(v) = &mut block.term {
            erase(v);
        }
    }
}
