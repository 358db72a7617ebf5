//! Printing the IR: `krait dump-cfg` (text, or Graphviz with `--dot`) and
//! `krait dump-types` (every specialisation with its variable and return types).

use crate::ir::{BlockId, Const, Function, InstKind, Operand, Program, Terminator, VarId};
use frontend::ast::{CmpOp, Operator, UnaryOp};
use frontend::pyrepr;
use frontend::source::LineIndex;
use std::fmt::Write;

/// The CFG of every function as text: blocks, instructions with their source
/// lines, terminators.
pub fn cfg_text(program: &Program, lines: &LineIndex) -> String {
    let mut out = String::new();
    for (i, f) in program.functions.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "function {}({})", f.name, params(f));
        for (b, block) in f.blocks.iter().enumerate() {
            let _ = writeln!(out, "  bb{b}:");
            for inst in &block.insts {
                let line = lines.line(inst.range.start);
                let _ = writeln!(out, "    {:<40} # line {line}", inst_text(f, &inst.kind));
            }
            let _ = writeln!(out, "    {}", term_text(f, &block.term));
        }
    }
    out
}

/// The CFG as Graphviz: one cluster per function, one node per block.
pub fn cfg_dot(program: &Program) -> String {
    let mut out = String::from("digraph cfg {\n  node [shape=box, fontname=\"monospace\"];\n");
    for (i, f) in program.functions.iter().enumerate() {
        let _ = writeln!(
            out,
            "  subgraph cluster_{i} {{\n    label=\"{}\";",
            dot_escape(&f.name)
        );
        for (b, block) in f.blocks.iter().enumerate() {
            let mut label = format!("bb{b}\\l");
            for inst in &block.insts {
                label.push_str(&dot_escape(&inst_text(f, &inst.kind)));
                label.push_str("\\l");
            }
            label.push_str(&dot_escape(&term_text(f, &block.term)));
            label.push_str("\\l");
            let _ = writeln!(out, "    f{i}b{b} [label=\"{label}\"];");
        }
        for (from, to, ()) in f.graph().all_edges() {
            let _ = writeln!(out, "    f{i}b{from} -> f{i}b{to};");
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    out
}

/// Every specialisation: parameter, local and temporary types, return type.
pub fn types_text(program: &Program) -> String {
    let mut out = String::new();
    for f in &program.functions {
        let args: Vec<String> = f
            .params
            .iter()
            .map(|p| format!("{}: {}", var_name(f, *p), f.var(*p).ty))
            .collect();
        let _ = writeln!(out, "{}({}) -> {}", f.name, args.join(", "), f.return_type);
        for (v, var) in f.vars.iter().enumerate() {
            if f.params.contains(&VarId(v as u32)) {
                continue;
            }
            let _ = writeln!(out, "  {}: {}", var_name(f, VarId(v as u32)), var.ty);
        }
    }
    out
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

fn params(f: &Function) -> String {
    f.params
        .iter()
        .map(|p| var_name(f, *p))
        .collect::<Vec<_>>()
        .join(", ")
}

fn var_name(f: &Function, v: VarId) -> String {
    match &f.var(v).name {
        Some(n) => n.to_string(),
        None => format!("%{}", v.0),
    }
}

fn operand_text(f: &Function, op: &Operand) -> String {
    match op {
        Operand::Var(v) => var_name(f, *v),
        Operand::Const(c) => const_text(c),
    }
}

fn const_text(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::Bool(true) => "True".into(),
        Const::Bool(false) => "False".into(),
        Const::Int(i) => {
            let mut s = String::new();
            pyrepr::write_int_repr(&mut s, i);
            s
        }
        Const::Float(x) => pyrepr::float_repr(*x),
        Const::Str(s) => pyrepr::str_repr(s),
        Const::Function(f) => format!("function #{}", f.0),
        Const::Builtin(b) => format!("builtin {}", b.name()),
    }
}

fn inst_text(f: &Function, kind: &InstKind) -> String {
    let o = |op: &Operand| operand_text(f, op);
    let v = |var: &VarId| var_name(f, *var);
    let list = |items: &[Operand]| items.iter().map(o).collect::<Vec<_>>().join(", ");
    match kind {
        InstKind::Copy { dst, src } => format!("{} = {}", v(dst), o(src)),
        InstKind::Binary {
            dst,
            op,
            lhs,
            rhs,
            inplace,
        } => {
            let eq = if *inplace { "=" } else { "" };
            format!(
                "{} = {} {}{eq} {}",
                v(dst),
                o(lhs),
                operator_text(*op),
                o(rhs)
            )
        }
        InstKind::Unary { dst, op, operand } => {
            let sym = match op {
                UnaryOp::Invert => "~",
                UnaryOp::Not => "not ",
                UnaryOp::UAdd => "+",
                UnaryOp::USub => "-",
            };
            format!("{} = {sym}{}", v(dst), o(operand))
        }
        InstKind::Not { dst, operand } => format!("{} = not {}", v(dst), o(operand)),
        InstKind::Compare { dst, op, lhs, rhs } => {
            format!("{} = {} {} {}", v(dst), o(lhs), cmp_text(*op), o(rhs))
        }
        InstKind::Truth { dst, value } => format!("{} = bool({})", v(dst), o(value)),
        InstKind::Index { dst, value } => format!("{} = index({})", v(dst), o(value)),
        InstKind::Call {
            dst,
            func,
            args,
            plus,
        } => format!(
            "{} = {}call #{}({})",
            v(dst),
            plus.as_ref()
                .map(|p| format!("{} + ", o(p)))
                .unwrap_or_default(),
            func.0,
            args.iter().map(o).collect::<Vec<_>>().join(", ")
        ),
        InstKind::CallBuiltin {
            dst,
            builtin,
            args,
            keywords,
            ..
        } => {
            let mut parts: Vec<String> = args.iter().map(o).collect();
            parts.extend(keywords.iter().map(|(k, val)| format!("{k}={}", o(val))));
            format!("{} = {}({})", v(dst), builtin.name(), parts.join(", "))
        }
        InstKind::CallValue {
            dst,
            callee,
            args,
            keywords,
        } => {
            let mut parts: Vec<String> = args.iter().map(o).collect();
            parts.extend(keywords.iter().map(|(k, val)| format!("{k}={}", o(val))));
            format!("{} = call {}({})", v(dst), o(callee), parts.join(", "))
        }
        InstKind::LoadGlobal { dst, global } => format!("{} = global #{}", v(dst), global.0),
        InstKind::StoreGlobal { global, src } => format!("global #{} = {}", global.0, o(src)),
        InstKind::DefFunction { func } => format!("def #{}", func.0),
        InstKind::InitialSum { dst } => format!("{} = initial_sum", v(dst)),
        InstKind::TailFrame { forget } => {
            let names: Vec<String> = forget.iter().map(|v| format!("%{}", v.0)).collect();
            format!("tail_frame(forget [{}])", names.join(", "))
        }
        InstKind::BuildList { dst, items } => format!("{} = [{}]", v(dst), list(items)),
        InstKind::BuildSet { dst, items } => format!("{} = {{{}}}", v(dst), list(items)),
        InstKind::BuildDict { dst, keys, values } => {
            let pairs: Vec<String> = keys
                .iter()
                .zip(values)
                .map(|(k, val)| format!("{}: {}", o(k), o(val)))
                .collect();
            format!("{} = {{{}}}", v(dst), pairs.join(", "))
        }
        InstKind::BuildTuple { dst, items } => format!("{} = ({})", v(dst), list(items)),
        InstKind::GetItem { dst, value, index } => {
            format!("{} = {}[{}]", v(dst), o(value), o(index))
        }
        InstKind::SetItem { value, index, item } => {
            format!("{}[{}] = {}", o(value), o(index), o(item))
        }
        InstKind::DelItem { value, index } => format!("del {}[{}]", o(value), o(index)),
        InstKind::DelSlice {
            value,
            start,
            stop,
            step,
        } => {
            let p = |x: &Option<Operand>| x.as_ref().map(o).unwrap_or_default();
            format!("del {}[{}:{}:{}]", o(value), p(start), p(stop), p(step))
        }
        InstKind::SetSlice {
            value,
            start,
            stop,
            step,
            item,
        } => {
            let p = |x: &Option<Operand>| x.as_ref().map(o).unwrap_or_default();
            let (v, i) = (o(value), o(item));
            format!("{v}[{}:{}:{}] = {i}", p(start), p(stop), p(step))
        }
        InstKind::Slice {
            dst,
            value,
            start,
            stop,
            step,
        } => {
            let p = |x: &Option<Operand>| x.as_ref().map(o).unwrap_or_default();
            format!(
                "{} = {}[{}:{}:{}]",
                v(dst),
                o(value),
                p(start),
                p(stop),
                p(step)
            )
        }
        InstKind::CallMethod {
            dst,
            receiver,
            method,
            args,
            keywords,
            ..
        } => {
            let mut parts: Vec<String> = args.iter().map(o).collect();
            parts.extend(keywords.iter().map(|(k, val)| format!("{k}={}", o(val))));
            format!(
                "{} = {}.{method}({})",
                v(dst),
                o(receiver),
                parts.join(", ")
            )
        }
        InstKind::UnpackCheck {
            value,
            count,
            at_least,
        } => {
            let at_least = if *at_least { " or more" } else { "" };
            format!("unpack_check({}, {count}{at_least})", o(value))
        }
        InstKind::Format {
            dst,
            value,
            conversion,
            spec,
            ..
        } => {
            let conv = conversion.map(|c| format!("!{c}")).unwrap_or_default();
            let spec = spec
                .as_ref()
                .map(|s| format!(":{}", o(s)))
                .unwrap_or_default();
            format!("{} = format({}{conv}{spec})", v(dst), o(value))
        }
        InstKind::JoinStr { dst, parts } => format!("{} = join({})", v(dst), list(parts)),
    }
}

fn term_text(f: &Function, term: &Terminator) -> String {
    let b = |id: &BlockId| format!("bb{}", id.0);
    match term {
        Terminator::Jump(t) => format!("jump {}", b(t)),
        Terminator::Branch {
            cond,
            then_block,
            else_block,
        } => format!(
            "branch {} ? {} : {}",
            operand_text(f, cond),
            b(then_block),
            b(else_block)
        ),
        Terminator::Return(v) => format!("return {}", operand_text(f, v)),
        Terminator::Raise { class, message } => match message {
            Some(m) => format!("raise {}({})", class.name(), operand_text(f, m)),
            None => format!("raise {}", class.name()),
        },
        Terminator::Unreachable => "unreachable".into(),
    }
}

/// How a binary operator is written in Python.
pub fn operator_text(op: Operator) -> &'static str {
    use Operator::*;
    match op {
        Add => "+",
        Sub => "-",
        Mult => "*",
        MatMult => "@",
        Div => "/",
        Mod => "%",
        Pow => "**",
        LShift => "<<",
        RShift => ">>",
        BitOr => "|",
        BitXor => "^",
        BitAnd => "&",
        FloorDiv => "//",
    }
}

fn cmp_text(op: CmpOp) -> &'static str {
    use CmpOp::*;
    match op {
        Eq => "==",
        NotEq => "!=",
        Lt => "<",
        LtE => "<=",
        Gt => ">",
        GtE => ">=",
        Is => "is",
        IsNot => "is not",
        In => "in",
        NotIn => "not in",
    }
}
