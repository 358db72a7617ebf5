//! Self tail calls become loops: `return f(args)` and `return x + f(args)` in `f`.
//!
//! Naive recursion such as `return fib(n - 1) + fib(n - 2)` spends its time entering
//! and leaving frames. After inference, a specialisation whose only self tail call
//! is a plain `return f(args)`, or an int sum `return x + f(args)` (`x` evaluated
//! first, as Python does), is rewritten: the call becomes a jump back to the top of
//! the body with the parameters rebound, and the sum is carried in an accumulator.
//! For exact ints `acc + (x + f(args))` is `(acc + x) + f(args)`, so every other
//! `return v` returns `acc + v`. C compilers do the same; what is Python's is that
//! every iteration is still a frame. `InstKind::TailFrame` at the jump counts the new
//! frame (RecursionError at the same call as python3), forgets the named locals (a
//! read before assignment still raises UnboundLocalError), and the error path of
//! the code generator adds one traceback entry per iteration, each at the call.
//!
//! Only one site per function is rewritten: the traceback entries of all
//! iterations are that site's.

use crate::ir::{
    Block, BlockId, Const, FuncId, Function, Inst, InstKind, Operand, Program, Terminator, Var,
    VarId,
};
use crate::types::Type;
use frontend::ast::Operator;

/// The name of the accumulator variable (not a Python identifier).
pub const SUM_NAME: &str = "<tail sum>";

/// Rewrites the self tail call of every function but the module body.
pub fn rewrite_program(program: &mut Program) {
    let main = program.main;
    for (i, f) in program.functions.iter_mut().enumerate() {
        let id = FuncId(i as u32);
        if id != main {
            rewrite(f, id);
        }
    }
}

/// A self tail call found in a function.
struct Site {
    block: usize,
    /// The index of the call in the block.
    call: usize,
    args: Vec<Operand>,
    /// `x` of `return x + f(args)`; `None` for `return f(args)`.
    addend: Option<Operand>,
}

/// Rewrites `f` (specialisation `me`) if it has exactly one self tail call that
/// qualifies; true if it did.
pub fn rewrite(f: &mut Function, me: FuncId) -> bool {
    let Some(site) = find_site(f, me) else {
        return false;
    };
    let reachable = f.reachable_blocks();
    let call_range = f.blocks[site.block].insts[site.call].range;
    let sum_range = f.blocks[site.block]
        .insts
        .get(site.call + 1)
        .map_or(call_range, |i| i.range);
    let acc = site.addend.as_ref().map(|_| {
        new_var(
            f,
            Var {
                name: Some(SUM_NAME.into()),
                ty: Type::Int,
                annotation: None,
            },
        )
    });

    // The old entry block becomes the loop's head; the new entry starts the sum.
    let head = BlockId(f.blocks.len() as u32);
    let old_entry = std::mem::take(&mut f.blocks[0]);
    f.blocks.push(old_entry);
    for block in &mut f.blocks {
        redirect(&mut block.term, BlockId(0), head);
    }
    let site_block = if site.block == 0 {
        head.index()
    } else {
        site.block
    };
    let inst = |kind, range| Inst {
        kind,
        range,
        frame: 0,
        reads: Vec::new(),
    };
    let mut entry = Block {
        term: Terminator::Jump(head),
        term_range: f.range,
        ..Block::default()
    };
    if let Some(acc) = acc {
        entry
            .insts
            .push(inst(InstKind::InitialSum { dst: acc }, f.range));
        // Every other return adds the sum (block 0's is now the head's).
        for b in 1..f.blocks.len() {
            let was = if b == head.index() { 0 } else { b };
            if was == site.block || !reachable.get(was).copied().unwrap_or(false) {
                continue;
            }
            let Terminator::Return(value) = &f.blocks[b].term else {
                continue;
            };
            let value = value.clone();
            let total = new_var(
                f,
                Var {
                    name: None,
                    ty: Type::Int,
                    annotation: None,
                },
            );
            let block = &mut f.blocks[b];
            // The return's reads move to the sum, which now reads its value
            // first: an unbound local there keeps its caret.
            let reads = std::mem::take(&mut block.term_reads);
            block.insts.push(Inst {
                reads,
                ..inst(
                    InstKind::Binary {
                        dst: total,
                        op: Operator::Add,
                        lhs: Operand::Var(acc),
                        rhs: value,
                        inplace: false,
                    },
                    block.term_range,
                )
            });
            block.term = Terminator::Return(Operand::Var(total));
        }
    }
    f.blocks[0] = entry;

    // The call site: add to the sum, rebind the parameters (through temporaries,
    // since an argument may read another parameter), count the frame, jump.
    let mut tail = Vec::new();
    let addend = match (acc, site.addend) {
        (Some(acc), Some(addend)) => sum_into_call(f, me, site_block, site.call, acc, addend),
        (_, addend) => addend,
    };
    if let (Some(acc), Some(addend)) = (acc, addend) {
        tail.push(inst(
            InstKind::Binary {
                dst: acc,
                op: Operator::Add,
                lhs: Operand::Var(acc),
                rhs: addend,
                inplace: false,
            },
            sum_range,
        ));
    }
    let params = f.params.clone();
    let mut rebind = Vec::new();
    for (arg, param) in site.args.into_iter().zip(&params) {
        let ty = f.vars[param.index()].ty.clone();
        let temp = new_var(
            f,
            Var {
                name: None,
                ty,
                annotation: None,
            },
        );
        tail.push(inst(
            InstKind::Copy {
                dst: temp,
                src: arg,
            },
            call_range,
        ));
        rebind.push(inst(
            InstKind::Copy {
                dst: *param,
                src: Operand::Var(temp),
            },
            call_range,
        ));
    }
    tail.extend(rebind);
    let forget = f
        .vars
        .iter()
        .enumerate()
        .filter(|(i, var)| {
            var.name.is_some()
                && !params.iter().any(|p| p.index() == *i)
                && Some(VarId(*i as u32)) != acc
        })
        .map(|(i, _)| VarId(i as u32))
        .collect();
    tail.push(inst(InstKind::TailFrame { forget }, call_range));
    let block = &mut f.blocks[site_block];
    block.insts.truncate(site.call);
    block.insts.extend(tail);
    block.term = Terminator::Jump(head);
    block.term_reads = Vec::new();
    true
}

/// `return f(a) + f(b)`: the first call's result is only added to the sum, so the
/// call adds it (`Call::plus`) and the callee's own loop starts from it: one
/// accumulator through the whole recursion instead of one per frame, and no sum
/// of two results to test after each call. `None` when it did; else `addend`.
fn sum_into_call(
    f: &mut Function,
    me: FuncId,
    block: usize,
    before: usize,
    acc: VarId,
    addend: Operand,
) -> Option<Operand> {
    let Operand::Var(t) = addend else {
        return Some(addend);
    };
    if f.vars[t.index()].name.is_some() || reads_of(f, t) != 1 {
        return Some(addend);
    }
    let calls = &mut f.blocks[block].insts[..before];
    let Some(call) = calls.iter_mut().find(|i| i.kind.dst() == Some(t)) else {
        return Some(addend);
    };
    match &mut call.kind {
        InstKind::Call {
            dst,
            func,
            plus: plus @ None,
            ..
        } if *func == me && call.frame == 0 => {
            *dst = acc;
            *plus = Some(Operand::Var(acc));
            None
        }
        _ => Some(addend),
    }
}

fn new_var(f: &mut Function, var: Var) -> VarId {
    f.vars.push(var);
    VarId(f.vars.len() as u32 - 1)
}

fn redirect(term: &mut Terminator, from: BlockId, to: BlockId) {
    let targets: Vec<&mut BlockId> = match term {
        Terminator::Jump(b) => vec![b],
        Terminator::Branch {
            then_block,
            else_block,
            ..
        } => vec![then_block, else_block],
        _ => Vec::new(),
    };
    for b in targets.into_iter().filter(|b| **b == from) {
        *b = to;
    }
}

/// The one self tail call of `f` that can become a loop, if `f` has exactly one.
fn find_site(f: &Function, me: FuncId) -> Option<Site> {
    if f.blocks.is_empty() {
        return None;
    }
    let reachable = f.reachable_blocks();
    let mut found = None;
    for b in 0..f.blocks.len() {
        if !reachable.get(b).copied().unwrap_or(false) {
            continue;
        }
        if let Some(site) = site_in_block(f, me, b) {
            if found.is_some() {
                return None;
            }
            found = Some(site);
        }
    }
    let site = found?;
    if site.args.len() != f.params.len() {
        return None;
    }
    // The call's result and the sum are temporaries only the return reads.
    let block = &f.blocks[site.block];
    let results = block.insts[site.call..].iter().filter_map(|i| i.kind.dst());
    for v in results {
        if f.vars[v.index()].name.is_some() || reads_of(f, v) != 1 {
            return None;
        }
    }
    // With a sum, every other return must give an int to add it to.
    if site.addend.is_some() {
        for (b, block) in f.blocks.iter().enumerate() {
            if b == site.block || !reachable.get(b).copied().unwrap_or(false) {
                continue;
            }
            if let Terminator::Return(value) = &block.term {
                if !is_int(f, value) {
                    return None;
                }
            }
        }
    }
    Some(site)
}

fn reads_of(f: &Function, v: VarId) -> usize {
    let count = |ops: Vec<&Operand>| {
        ops.into_iter()
            .filter(|o| matches!(o, Operand::Var(x) if *x == v))
            .count()
    };
    f.blocks
        .iter()
        .map(|b| {
            b.insts
                .iter()
                .map(|i| count(i.kind.operands()))
                .sum::<usize>()
                + count(b.term.operands())
        })
        .sum()
}

fn is_int(f: &Function, op: &Operand) -> bool {
    match op {
        Operand::Var(v) => f.vars.get(v.index()).is_some_and(|var| var.ty == Type::Int),
        Operand::Const(Const::Int(_)) => true,
        _ => false,
    }
}

/// Block `b` of `f` as a tail call site: it ends with `t = call me(args); return t`,
/// or with `t = call me(args); s = x + t; return s` on ints.
fn site_in_block(f: &Function, me: FuncId, b: usize) -> Option<Site> {
    let block = f.blocks.get(b)?;
    let Terminator::Return(Operand::Var(returned)) = &block.term else {
        return None;
    };
    let n = block.insts.len();
    let call_at = |i: usize| match block.insts.get(i).map(|inst| (&inst.kind, inst.frame)) {
        Some((
            InstKind::Call {
                dst,
                func,
                args,
                plus: None,
            },
            0,
        )) if *func == me => Some((*dst, args)),
        _ => None,
    };
    if let Some((dst, args)) = n.checked_sub(1).and_then(call_at) {
        return (dst == *returned).then(|| Site {
            block: b,
            call: n - 1,
            args: args.clone(),
            addend: None,
        });
    }
    let (dst, args) = n.checked_sub(2).and_then(call_at)?;
    let sum = block.insts.get(n - 1)?;
    let InstKind::Binary {
        dst: sum_dst,
        op: Operator::Add,
        lhs,
        rhs,
        ..
    } = &sum.kind
    else {
        return None;
    };
    let is_dst = |o: &Operand| matches!(o, Operand::Var(x) if *x == dst);
    let addend = match (is_dst(lhs), is_dst(rhs)) {
        (true, false) => rhs,
        (false, true) => lhs,
        _ => return None,
    };
    let ints = is_int(f, &Operand::Var(dst))
        && is_int(f, &Operand::Var(*sum_dst))
        && is_int(f, addend)
        && f.return_type == Type::Int;
    (ints && sum.frame == 0 && *sum_dst == *returned).then(|| Site {
        block: b,
        call: n - 2,
        args: args.clone(),
        addend: Some(addend.clone()),
    })
}

#[cfg(test)]
mod tests {
    use crate::ir::{InstKind, Program};

    fn program(source: &str) -> Program {
        crate::compile_source(source)
    }

    /// The instructions of the specialisation named `name`.
    fn insts<'p>(p: &'p Program, name: &str) -> Vec<&'p InstKind> {
        let f = p.functions.iter().find(|f| &*f.name == name).expect(name);
        f.blocks
            .iter()
            .flat_map(|b| b.insts.iter().map(|i| &i.kind))
            .collect()
    }

    fn summing_calls(kinds: &[&InstKind]) -> usize {
        kinds
            .iter()
            .filter(|k| matches!(k, InstKind::Call { plus: Some(_), .. }))
            .count()
    }

    #[test]
    fn the_first_call_of_a_sum_of_two_takes_the_sum() {
        let p = program("def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\nprint(fib(9))\n");
        let kinds = insts(&p, "fib");
        assert_eq!(summing_calls(&kinds), 1);
        assert!(kinds
            .iter()
            .any(|k| matches!(k, InstKind::InitialSum { .. })));
    }

    #[test]
    fn a_named_result_is_not_summed_into_the_call() {
        // `a` is a variable of the frame: the call keeps its own result.
        let p = program("def g(n):\n    if n < 2:\n        return n\n    a = g(n - 1)\n    return a + g(n - 2)\n\nprint(g(9))\n");
        assert_eq!(summing_calls(&insts(&p, "g")), 0);
        // A sum with a non-call addend keeps its start from the caller all the same.
        let p = program(
            "def t(n):\n    if n == 0:\n        return 0\n    return n + t(n - 1)\n\nprint(t(9))\n",
        );
        let kinds = insts(&p, "t");
        assert_eq!(summing_calls(&kinds), 0);
        assert!(kinds
            .iter()
            .any(|k| matches!(k, InstKind::InitialSum { .. })));
    }
}
