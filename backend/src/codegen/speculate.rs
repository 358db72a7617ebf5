//! Branches a fast copy replaces by a select: both arms computed, one kept.
//!
//! In `while n != 1: if n % 2 == 0: n = n // 2 else: n = 3 * n + 1` the branch
//! goes either way at random, and a mispredicted branch costs more than both arms
//! together. C compilers compute both arms and pick one with a conditional move;
//! krait's arms cannot simply be merged because each int operation has a slow path
//! (a big operand, an overflow), which is a branch.
//!
//! In a fast loop's copy, when both arms of an `if`/`else` are a few int
//! operations that cannot fail other than by taking a slow path, the code
//! generator computes both, keeps the variables of the arm the condition picks
//! (`select`), and sends every slow path of either arm to one block that puts the
//! variables back as they were before the arms and runs the chosen arm in the
//! ordinary copy, which takes the slow path itself. Nothing the arms do is
//! observable before that, so running the chosen arm again is exact.
//!
//! An `if` without `else` keeps its branch: it is often a rare event (a new
//! maximum, a prime found) that predicts well, and computing its arm every
//! iteration made sieve's counting loop 70% more instructions.
//!
//! Eligible arms are small (at most `MAX_OPERATIONS` operations) and cheap: adds,
//! subtracts and bit operations of ints, and products, floor divisions, modulos and
//! right shifts by constants (which LLVM turns into shifts and `lea`), writing int
//! variables only, reading only variables certainly assigned. And the condition must
//! depend on what the arms write (`depends_on`): otherwise it usually predicts well
//! and the branch is cheaper.

use super::function::FunctionGen;
use crate::error::{Error, Result};
use frontend::ast::{Int, Operator};
use inkwell::values::IntValue;
use typeinfer::ir::{Const, Function, InstKind, Operand, Terminator};
use typeinfer::types::Type;

/// Operations (not counting copies) an arm may have: beyond a few, computing the
/// arm the condition does not pick costs more than the branches it saves.
const MAX_OPERATIONS: usize = 3;

/// A branch whose arms are computed together.
#[derive(Debug, PartialEq, Eq)]
pub struct Arms {
    /// The arms' blocks when the condition is true and false.
    pub then_arm: usize,
    pub else_arm: usize,
    /// Where both arms continue.
    pub join: usize,
}

/// The arms of block `b`'s branch if they qualify: each arm has `b` as its only
/// predecessor, lies in the loop `body` but is not its `header`, jumps to the join,
/// and is `cheap` given the variables certainly assigned at its start.
pub fn arms(
    f: &Function,
    b: usize,
    body: &[bool],
    header: usize,
    single_pred: &[Option<usize>],
    definite: &[super::assigned::VarSet],
) -> Option<Arms> {
    let Terminator::Branch {
        cond,
        then_block,
        else_block,
    } = &f.blocks.get(b)?.term
    else {
        return None;
    };
    if matches!(cond, Operand::Var(v) if f.vars.get(v.index())?.ty == Type::Never) {
        return None;
    }
    let (t, e) = (then_block.index(), else_block.index());
    let arm_ok = |a: usize| {
        body.get(a).copied().unwrap_or(false)
            && a != header
            && single_pred.get(a).copied().flatten() == Some(b)
            && definite.get(a).is_some_and(|d| cheap(f, a, d))
    };
    let jump = |a: usize| match f.blocks.get(a)?.term {
        Terminator::Jump(j) => Some(j.index()),
        _ => None,
    };
    if t == e {
        return None;
    }
    if !(arm_ok(t) && arm_ok(e) && jump(t).is_some() && jump(t) == jump(e)) {
        return None;
    }
    let join = jump(t)?;
    let arms = Arms {
        then_arm: t,
        else_arm: e,
        join,
    };
    let steered = written_by(f, &arms)
        .iter()
        .any(|v| depends_on(f, body, cond, *v));
    (join != t && join != e && steered).then_some(arms)
}

/// Whether the value of `cond` in the loop `body` may be computed from variable
/// `v` (through any instruction of the body that writes a variable it reads).
///
/// Only branches whose condition the arms themselves steer are worth computing
/// both ways: `n % 2` after `n = 3 * n + 1` follows the loop's own chaotic state,
/// and predictors miss it, while a test of a counter or of loop-invariant values
/// (`i < n - 5`) predicts well, and computing both arms there cost 2.4x the
/// instructions.
fn depends_on(f: &Function, body: &[bool], cond: &Operand, v: usize) -> bool {
    let Operand::Var(c) = cond else {
        return false;
    };
    let mut reached = vec![false; f.vars.len()];
    let mut work = vec![c.index()];
    while let Some(x) = work.pop() {
        if x == v {
            return true;
        }
        if std::mem::replace(&mut reached[x], true) {
            continue;
        }
        for (b, block) in f.blocks.iter().enumerate() {
            if !body.get(b).copied().unwrap_or(false) {
                continue;
            }
            for inst in &block.insts {
                if inst.kind.dst().map(|d| d.index()) == Some(x) {
                    work.extend(inst.kind.operands().into_iter().filter_map(|o| match o {
                        Operand::Var(r) => Some(r.index()),
                        Operand::Const(_) => None,
                    }));
                }
            }
        }
    }
    false
}

/// Whether block `a` only computes ints cheaply, from variables `assigned` at its
/// start or written before in it.
fn cheap(f: &Function, a: usize, assigned: &super::assigned::VarSet) -> bool {
    let mut written = Vec::new();
    let mut operations = 0;
    let is_int = |op: &Operand| f.operand_type(op) == Type::Int;
    for inst in &f.blocks[a].insts {
        let readable = |op: &Operand| match op {
            Operand::Var(v) => assigned.contains(v.index()) || written.contains(&v.index()),
            Operand::Const(Const::Int(Int::Small(_))) => true,
            Operand::Const(_) => false,
        };
        let (dst, ok) = match &inst.kind {
            InstKind::Copy { dst, src } => (*dst, is_int(src) && readable(src)),
            InstKind::Binary {
                dst, op, lhs, rhs, ..
            } => {
                operations += 1;
                let constant = |o: &Operand| match o {
                    Operand::Const(Const::Int(Int::Small(c))) => Some(*c),
                    _ => None,
                };
                let op_ok = match op {
                    Operator::Add
                    | Operator::Sub
                    | Operator::BitAnd
                    | Operator::BitOr
                    | Operator::BitXor => true,
                    Operator::Mult => constant(lhs).is_some() || constant(rhs).is_some(),
                    // Not 0 (ZeroDivisionError) or -1 (the runtime's case).
                    Operator::FloorDiv | Operator::Mod => {
                        constant(rhs).is_some_and(|c| c != 0 && c != -1)
                    }
                    Operator::RShift => constant(rhs).is_some_and(|c| c >= 0),
                    _ => false,
                };
                let operands_ok = [lhs, rhs].iter().all(|o| is_int(o) && readable(o));
                (*dst, op_ok && operands_ok)
            }
            _ => return false,
        };
        let dst_int = f.vars.get(dst.index()).is_some_and(|v| v.ty == Type::Int);
        if !ok || !dst_int {
            return false;
        }
        written.push(dst.index());
    }
    // An empty arm is an `if` without `else`.
    !written.is_empty() && operations <= MAX_OPERATIONS
}

/// The variables the arms write, each once.
fn written_by(f: &Function, arms: &Arms) -> Vec<usize> {
    let mut written = Vec::new();
    for a in [arms.then_arm, arms.else_arm] {
        for inst in &f.blocks[a].insts {
            if let Some(d) = inst.kind.dst() {
                if !written.contains(&d.index()) {
                    written.push(d.index());
                }
            }
        }
    }
    written
}

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    /// The arms of the branch ending IR block `b` that its fast copy computes
    /// together, if any.
    pub(super) fn speculated_arms(&self, b: usize) -> Option<Arms> {
        let l = self.fast?;
        let fast_loop = &self.fast_loops[l];
        arms(
            self.f,
            b,
            &fast_loop.body,
            fast_loop.header,
            &self.single_pred,
            &self.definite,
        )
    }

    /// Ends block `b` of a fast copy: its condition, both arms, the variables of
    /// the arm it picks, and a jump to the join.
    pub(super) fn speculate_branch(&mut self, b: usize, arms: Arms) -> Result<()> {
        let f = self.f;
        let block = &f.blocks[b];
        let Terminator::Branch { cond, .. } = &block.term else {
            return Err(Error::internal("?", "speculated arms without a branch"));
        };
        self.at_terminator(block);
        let c = self.operand(cond)?;
        let c = self.truth(c)?;
        let written = written_by(f, &arms);
        let before = self.load_slots(&written)?;

        // Any slow path: the variables as before, then the chosen arm, ordinary.
        let here = self.current_block()?;
        let failed = self
            .m
            .context
            .append_basic_block(self.llvm, &format!("speculation.failed.bb{b}"));
        self.builder.position_at_end(failed);
        self.store_slots(&written, &before)?;
        let ordinary = |g: &Self, arm: usize| {
            g.blocks
                .get(arm)
                .copied()
                .ok_or_else(|| Error::internal("?", "a speculated arm without its block"))
        };
        let (then_bb, else_bb) = (
            ordinary(self, arms.then_arm)?,
            ordinary(self, arms.else_arm)?,
        );
        self.builder.build_conditional_branch(c, then_bb, else_bb)?;
        self.builder.position_at_end(here);

        self.speculation = Some(failed);
        let then_values = self.arm(arms.then_arm, &written)?;
        self.store_slots(&written, &before)?;
        let else_values = self.arm(arms.else_arm, &written)?;
        self.speculation = None;
        for ((v, t), e) in written.iter().zip(&then_values).zip(&else_values) {
            let picked = self.builder.build_select(c, *t, *e, "picked")?;
            self.store_slot(*v, picked.into_int_value())?;
        }
        self.forget_slot_facts();
        let join = self.target_block(arms.join)?;
        self.builder.build_unconditional_branch(join)?;
        Ok(())
    }

    /// Runs the instructions of `arm` and gives the values the `written`
    /// variables then hold.
    fn arm(&mut self, arm: usize, written: &[usize]) -> Result<Vec<IntValue<'ctx>>> {
        self.forget_slot_facts();
        let block = &self.f.blocks[arm];
        self.current_block = arm;
        self.enter_block_items(arm);
        self.assigned = self.definite[arm].clone();
        self.instructions(arm, block)?;
        self.leave_block_items(arm);
        self.load_slots(written)
    }

    fn load_slots(&mut self, vars: &[usize]) -> Result<Vec<IntValue<'ctx>>> {
        vars.iter().map(|v| self.load_word(*v)).collect()
    }

    fn store_slots(&mut self, vars: &[usize], values: &[IntValue<'ctx>]) -> Result<()> {
        for (v, value) in vars.iter().zip(values) {
            self.store_slot(*v, *value)?;
        }
        self.forget_slot_facts();
        Ok(())
    }

    fn store_slot(&mut self, v: usize, value: IntValue<'ctx>) -> Result<()> {
        let Some(Some(slot)) = self.slots.get(v).copied() else {
            return Err(Error::internal("?", "a speculated int without a slot"));
        };
        self.builder.build_store(slot, value)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The speculated arms of the fast loops of function `name` in `source`.
    fn arms_of(source: &str, name: &str) -> Vec<Arms> {
        super::super::loops::with_fast_loops(source, name, |f, loops, definite| {
            let single = super::super::checked_items::single_predecessors(f);
            let mut found = Vec::new();
            for l in loops {
                for b in 0..f.blocks.len() {
                    if l.body[b] {
                        found.extend(arms(f, b, &l.body, l.header, &single, definite));
                    }
                }
            }
            found
        })
    }

    #[test]
    fn both_arms_of_a_collatz_step() {
        let found = arms_of(
            "def c(n: int) -> int:\n    s = 0\n    while n != 1:\n        if n % 2 == 0:\n            n = n // 2\n        else:\n            n = 3 * n + 1\n        s += 1\n    return s\n\nprint(c(27))\n",
            "c",
        );
        assert_eq!(found.len(), 1);
        assert_ne!(found[0].then_arm, found[0].else_arm);
    }

    #[test]
    fn a_condition_the_arms_do_not_steer_keeps_its_branch() {
        let predictable = "def p(n: int) -> int:\n    t = 0\n    u = 0\n    for i in range(n):\n        if i < n - 5:\n            t = t + i\n        else:\n            t = t - i\n    return t\n\nprint(p(9))\n";
        assert!(arms_of(predictable, "p").is_empty());
        let steered = "def g(a: int, b: int) -> int:\n    while a != b:\n        if a > b:\n            a = a - b\n        else:\n            b = b - a\n    return a\n\nprint(g(12, 18))\n";
        assert_eq!(arms_of(steered, "g").len(), 1);
    }

    #[test]
    fn an_if_without_else_keeps_its_branch() {
        // Often a rare event (a new maximum, a prime found): the branch predicts
        // well and the arm would cost every iteration.
        let found = arms_of(
            "def m(xs: list[int]) -> int:\n    best = 0\n    for x in xs:\n        if x > best:\n            best = x\n    return best\n\nprint(m([3, 1, 4]))\n",
            "m",
        );
        assert!(found.is_empty());
    }

    #[test]
    fn arms_that_can_fail_or_cost_are_not_speculated() {
        // A division by a variable (ZeroDivisionError, and slow), a call, a
        // subscript, and too many operations.
        for body in [
            "            t = t // x",
            "            t = abs(x)",
            "            t = xs[0]",
            "            t = t + x + x + x + x",
        ] {
            let source = format!(
                "def g(xs: list[int]) -> int:\n    t = 1\n    for x in xs:\n        if t > x:\n{body}\n        else:\n            t = t + 1\n    return t\n\nprint(g([3, 1, 4]))\n"
            );
            assert!(arms_of(&source, "g").is_empty(), "{body}");
        }
        let cheap = "def g(xs: list[int]) -> int:\n    t = 1\n    for x in xs:\n        if t > x:\n            t = t + x\n        else:\n            t = t + 1\n    return t\n\nprint(g([3, 1, 4]))\n";
        assert_eq!(arms_of(cheap, "g").len(), 1);
    }
}
