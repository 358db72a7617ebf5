//! What a fast loop's copy can prove about its int values (`linear::Range`), to
//! drop overflow checks and list bounds checks there.
//!
//! The fast copy of a loop (`loops`) already knows that its speculated variables
//! are small ints. This analysis runs over that copy, starting from the values the
//! int variables held on entry (symbols, checked medium by the entry check) as
//! narrowed by the tests that lead to the loop, and follows the arithmetic, the
//! comparisons its branches test and `len()` of lists it cannot resize (a symbol
//! too) to a fixed point (widening at the header). Two kinds of facts come out:
//!
//! - an `int` add, subtract or multiply whose operands and result are certainly
//!   small needs no overflow check (`while c >= w: ... c -= 1` cannot overflow
//!   when `w` is medium);
//! - a list subscript whose index lies between bounds that are linear in the
//!   symbols needs no bounds check when, on entry, the lower bound is not negative
//!   and the upper one is below the list's length: the loop checks that once, and
//!   runs its ordinary copy when it fails. Only loops that cannot change the
//!   length of any list qualify (calls included: `resizing_functions`).

use super::assigned::VarSet;
use super::linear::{Lin, Range, SMALL_MAX, SMALL_MIN};
use frontend::ast::{CmpOp, Int, Operator};
use std::collections::{HashMap, HashSet};
use typeinfer::ir::{Builtin, Const, Function, InstKind, Operand, Program, Terminator};
use typeinfer::types::Type;

/// A condition the loop checks on entry, over the values variables hold then.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum EntryCheck {
    /// `expr >= 0`
    NonNegative(Lin),
    /// `expr < len(list)`
    Below { index: Lin, list: usize },
}

/// The facts of one fast loop; empty when it proves nothing.
#[derive(Default, Debug)]
pub struct LoopFacts {
    /// (block, instruction) of int arithmetic that cannot leave the small range.
    pub no_overflow: HashSet<(usize, usize)>,
    /// (block, instruction) of list subscripts whose index is inside the list.
    pub in_bounds: HashSet<(usize, usize)>,
    /// What the entry check must also test for these facts to hold.
    pub entry_checks: Vec<EntryCheck>,
    /// The variables whose values on entry the facts assume medium.
    pub symbols: Vec<usize>,
}

impl LoopFacts {
    pub fn is_empty(&self) -> bool {
        self.no_overflow.is_empty() && self.in_bounds.is_empty()
    }
}

/// The loop as `loops::fast_loops` chose it.
pub struct LoopShape<'a> {
    pub header: usize,
    /// Blocks of the fast copy (the loop and its exit tails).
    pub copied: &'a [bool],
    pub written: &'a [bool],
    /// Speculated variables: always small ints in the fast copy.
    pub speculated: &'a [usize],
    /// Variables holding lists of small ints (checked on entry).
    pub small_lists: &'a [usize],
    pub at_header: Option<&'a VarSet>,
    /// Blocks every complete iteration runs (they dominate the back edges).
    pub every_iteration: &'a [bool],
    /// Per function of the program: whether a call may resize a list.
    pub resizing: &'a [bool],
}

/// A comparison whose result a variable holds.
#[derive(Clone, Debug, PartialEq)]
struct Cond {
    op: CmpOp,
    lhs: Operand,
    rhs: Operand,
}

#[derive(Clone, Debug, PartialEq, Default)]
struct State {
    /// Ranges of int variables; a missing one may be any int.
    ranges: HashMap<usize, Range>,
    /// Bool variables holding a comparison of values still in their operands.
    conds: HashMap<usize, Cond>,
    /// Variables holding a list no assignment of the loop replaces: which one.
    lists: HashMap<usize, usize>,
}

impl State {
    fn join(&self, other: &State, widen: bool) -> State {
        let mut ranges = HashMap::new();
        for (v, a) in &self.ranges {
            if let Some(b) = other.ranges.get(v) {
                ranges.insert(*v, if widen { a.widen(b) } else { a.join(b) });
            }
        }
        let keep = |a: &HashMap<usize, Cond>, b: &HashMap<usize, Cond>| {
            a.iter()
                .filter(|(k, v)| b.get(k) == Some(v))
                .map(|(k, v)| (*k, v.clone()))
                .collect()
        };
        let lists = self
            .lists
            .iter()
            .filter(|(k, v)| other.lists.get(k) == Some(v))
            .map(|(k, v)| (*k, *v))
            .collect();
        State {
            ranges,
            conds: keep(&self.conds, &other.conds),
            lists,
        }
    }

    /// Variable `v` is written: what depended on its old value goes.
    fn kill(&mut self, v: usize) {
        self.ranges.remove(&v);
        self.lists.remove(&v);
        self.conds.remove(&v);
        let mentions = |op: &Operand| matches!(op, Operand::Var(x) if x.index() == v);
        self.conds
            .retain(|_, c| !mentions(&c.lhs) && !mentions(&c.rhs));
    }
}

struct Analysis<'a> {
    f: &'a Function,
    shape: &'a LoopShape<'a>,
    /// Variables that hold one int constant wherever they are assigned.
    constants: &'a HashMap<usize, i128>,
    /// Per variable: whether the loop may read its value on entry.
    live: &'a [bool],
    lengths_fixed: bool,
    /// Symbols assumed only small (or, for temporaries, anything) on entry.
    weak: &'a HashSet<usize>,
    facts: LoopFacts,
    /// Subscripts provably inside their lists given checks on entry.
    subscripts: Vec<Subscript>,
}

struct Subscript {
    at: (usize, usize),
    checks: Vec<EntryCheck>,
}

/// Runs the analysis over the fast copy of one loop.
///
/// Checking a symbol on entry costs a test per run of the loop, which a loop of
/// few iterations (a tail call's, one per call) does not win back; so each
/// symbol not checked medium anyway is dropped again when the facts hold
/// without it (then it is only known small, or for a temporary, nothing).
pub fn analyse(f: &Function, shape: &LoopShape) -> LoopFacts {
    let constants = single_constants(f);
    let live = live_at_header(f, shape);
    let lengths_fixed = lengths_fixed(f, shape.copied, shape.resizing);
    let run = |weak: &HashSet<usize>| {
        let mut a = Analysis {
            f,
            shape,
            constants: &constants,
            live: &live,
            lengths_fixed,
            weak,
            facts: LoopFacts::default(),
            subscripts: Vec::new(),
        };
        a.run();
        a.facts
    };
    let mut weak = HashSet::new();
    let mut facts = run(&weak);
    if facts.is_empty() {
        return LoopFacts::default();
    }
    let free =
        |v: &usize| shape.speculated.contains(v) && !shape.written.get(*v).copied().unwrap_or(true);
    for v in facts.symbols.clone().into_iter().filter(|v| !free(v)) {
        weak.insert(v);
        let without = run(&weak);
        if without.no_overflow == facts.no_overflow && without.in_bounds == facts.in_bounds {
            facts = without;
        } else {
            weak.remove(&v);
        }
    }
    facts
}

impl Analysis<'_> {
    /// The fixed point, then the facts it proves.
    fn run(&mut self) {
        let Some(states) = self.fixed_point() else {
            return;
        };
        for (b, state) in states.into_iter().enumerate() {
            if let Some(mut state) = state {
                for (i, inst) in self.f.blocks[b].insts.iter().enumerate() {
                    self.transfer(&mut state, &inst.kind, Some((b, i)));
                }
            }
        }
        let subscripts = std::mem::take(&mut self.subscripts);
        self.facts
            .keep_likely_subscripts(subscripts, self.shape.every_iteration);
        if !self.facts.is_empty() {
            self.facts.symbols = self.symbols();
        }
    }
}

impl LoopFacts {
    /// Keeps the subscripts whose entry checks are likely to pass: those of
    /// subscripts every iteration runs (failing one means the loop would raise
    /// IndexError or leave early), and the others' when the same checks cover
    /// them. A subscript behind a test the analysis does not follow (`if
    /// flags[i]: xs[2 * i]`) would otherwise send every run of the loop to its
    /// ordinary copy.
    fn keep_likely_subscripts(&mut self, found: Vec<Subscript>, every_iteration: &[bool]) {
        let runs_always = |s: &Subscript| every_iteration.get(s.at.0).copied().unwrap_or(false);
        for s in found.iter().filter(|s| runs_always(s)) {
            for check in &s.checks {
                if !self.entry_checks.contains(check) {
                    self.entry_checks.push(check.clone());
                }
            }
        }
        for s in found {
            if s.checks.iter().all(|c| self.entry_checks.contains(c)) {
                self.in_bounds.insert(s.at);
            }
        }
    }
}

fn is_int_like(ty: &Type) -> bool {
    matches!(ty, Type::Int | Type::I64)
}

impl Analysis<'_> {
    fn copied(&self, b: usize) -> bool {
        self.shape.copied.get(b).copied().unwrap_or(false)
    }

    fn ty(&self, v: usize) -> &Type {
        self.f.vars.get(v).map_or(&Type::Never, |var| &var.ty)
    }

    /// Int variables assigned when the loop starts whose values there it reads.
    fn symbols(&self) -> Vec<usize> {
        (0..self.f.vars.len())
            .filter(|&v| {
                self.live[v]
                    && is_int_like(self.ty(v))
                    && !self.constants.contains_key(&v)
                    && !self.weak.contains(&v)
                    && self.shape.at_header.is_some_and(|s| s.contains(v))
            })
            .collect()
    }

    fn entry_state(&self) -> State {
        let mut state = State::default();
        for v in self.symbols() {
            state.ranges.insert(v, Range::symbol(v));
        }
        for (&v, &k) in self.constants {
            if self.shape.at_header.is_some_and(|s| s.contains(v)) {
                state.ranges.insert(v, Range::exactly(k));
            }
        }
        for (v, var) in self.f.vars.iter().enumerate() {
            let fixed = !self.shape.written.get(v).copied().unwrap_or(true);
            let assigned = self.shape.at_header.is_some_and(|s| s.contains(v));
            if matches!(var.ty, Type::List(_)) && fixed && assigned {
                state.lists.insert(v, v);
            }
        }
        self.refine_by_tests_before(&mut state);
        state
    }

    /// The blocks that jump to block `b`.
    fn predecessors(&self, b: usize) -> Vec<usize> {
        let blocks = &self.f.blocks;
        (0..blocks.len())
            .filter(|&p| blocks[p].term.successors().iter().any(|s| s.index() == b))
            .collect()
    }

    /// Narrows the entry state by the tests that lead to the loop: walking back
    /// from the header through blocks with one predecessor outside the loop, a
    /// branch whose taken side leads here holds (`for j in range(a, b, step)`
    /// tests `step > 0` before the loop that counts up).
    fn refine_by_tests_before(&self, state: &mut State) {
        let blocks = &self.f.blocks;
        let mut written = HashSet::new();
        let mut here = self.shape.header;
        for _ in 0..8 {
            let outside: Vec<usize> = self
                .predecessors(here)
                .into_iter()
                .filter(|&p| !self.copied(p))
                .collect();
            let [p] = outside.as_slice() else {
                return;
            };
            let p = *p;
            if let Terminator::Branch {
                cond: Operand::Var(c),
                then_block,
                else_block,
            } = &blocks[p].term
            {
                if then_block == else_block {
                    return;
                }
                let taken = then_block.index() == here;
                if let Some(cond) = self.test_in_block(p, c.index()) {
                    let unchanged = |op: &Operand| !matches!(op, Operand::Var(v) if written.contains(&v.index()));
                    let op = if taken {
                        Some(cond.op)
                    } else {
                        negated(cond.op)
                    };
                    if let (Some(op), true) = (op, unchanged(&cond.lhs) && unchanged(&cond.rhs)) {
                        self.refine(state, op, &cond.lhs, &cond.rhs);
                    }
                }
            }
            for inst in &blocks[p].insts {
                if let Some(d) = inst.kind.dst() {
                    written.insert(d.index());
                }
            }
            here = p;
        }
    }

    /// The comparison whose result `var` holds at the end of block `b` (through
    /// copies and `bool()`, looking back through blocks with one predecessor),
    /// when its operands are not written after it.
    fn test_in_block(&self, b: usize, var: usize) -> Option<Cond> {
        let blocks = &self.f.blocks;
        let mut want = var;
        let mut written_after = HashSet::new();
        let mut here = b;
        for _ in 0..4 {
            for inst in blocks[here].insts.iter().rev() {
                let Some(d) = inst.kind.dst() else {
                    continue;
                };
                if d.index() == want {
                    match &inst.kind {
                        InstKind::Copy {
                            src: Operand::Var(s),
                            ..
                        }
                        | InstKind::Truth {
                            value: Operand::Var(s),
                            ..
                        } => want = s.index(),
                        InstKind::Compare { op, lhs, rhs, .. } => {
                            let clean = |o: &Operand| !matches!(o, Operand::Var(v) if written_after.contains(&v.index()));
                            return (clean(lhs) && clean(rhs)).then(|| Cond {
                                op: *op,
                                lhs: lhs.clone(),
                                rhs: rhs.clone(),
                            });
                        }
                        _ => return None,
                    }
                }
                written_after.insert(d.index());
            }
            let preds = self.predecessors(here);
            let [p] = preds.as_slice() else {
                return None;
            };
            here = *p;
        }
        None
    }

    /// Block entry states at the fixed point; `None` if it takes too long.
    fn fixed_point(&mut self) -> Option<Vec<Option<State>>> {
        let n = self.f.blocks.len();
        let mut states: Vec<Option<State>> = vec![None; n];
        let mut visits = vec![0usize; n];
        states[self.shape.header] = Some(self.entry_state());
        let mut work = vec![self.shape.header];
        let mut budget = 64 * n + 64;
        while let Some(b) = work.pop() {
            budget = budget.checked_sub(1)?;
            let Some(mut state) = states[b].clone() else {
                continue;
            };
            for inst in &self.f.blocks[b].insts {
                self.transfer(&mut state, &inst.kind, None);
            }
            for (s, edge) in self.edges(b, &state) {
                if !self.copied(s) {
                    continue;
                }
                let merged = match &states[s] {
                    None => edge,
                    Some(old) => {
                        visits[s] += 1;
                        let widen = s == self.shape.header && visits[s] > 2;
                        old.join(&edge, widen)
                    }
                };
                if states[s].as_ref() != Some(&merged) {
                    states[s] = Some(merged);
                    if !work.contains(&s) {
                        work.push(s);
                    }
                }
            }
        }
        Some(states)
    }

    /// The successors of block `b` with the state on each edge, refined by the
    /// comparison a branch tests.
    fn edges(&self, b: usize, state: &State) -> Vec<(usize, State)> {
        match &self.f.blocks[b].term {
            Terminator::Jump(t) => vec![(t.index(), state.clone())],
            Terminator::Branch {
                cond,
                then_block,
                else_block,
            } => {
                let mut yes = state.clone();
                let mut no = state.clone();
                if let Operand::Var(c) = cond {
                    if let Some(cond) = state.conds.get(&c.index()) {
                        self.refine(&mut yes, cond.op, &cond.lhs, &cond.rhs);
                        if let Some(op) = negated(cond.op) {
                            self.refine(&mut no, op, &cond.lhs, &cond.rhs);
                        }
                    }
                }
                vec![(then_block.index(), yes), (else_block.index(), no)]
            }
            _ => Vec::new(),
        }
    }

    /// Narrows the operands' ranges by `lhs op rhs` holding.
    fn refine(&self, state: &mut State, op: CmpOp, lhs: &Operand, rhs: &Operand) {
        let (a, b) = (self.range(state, lhs), self.range(state, rhs));
        let (Some(a), Some(b)) = (a, b) else {
            return;
        };
        let (op, lhs, rhs, a, b) = match op {
            CmpOp::Gt => (CmpOp::Lt, rhs, lhs, b, a),
            CmpOp::GtE => (CmpOp::LtE, rhs, lhs, b, a),
            _ => (op, lhs, rhs, a, b),
        };
        let strict = match op {
            CmpOp::Lt => true,
            CmpOp::LtE => false,
            _ => return,
        };
        // lhs < rhs (or <=)
        if let Operand::Var(v) = lhs {
            let mut r = a.clone();
            r.below(&b, strict);
            state.ranges.insert(v.index(), r);
        }
        if let Operand::Var(v) = rhs {
            let mut r = b;
            r.above(&a, strict);
            state.ranges.insert(v.index(), r);
        }
    }

    /// The range of an int operand, `None` for one that is not an int.
    fn range(&self, state: &State, op: &Operand) -> Option<Range> {
        match op {
            Operand::Const(Const::Int(Int::Small(k))) => Some(Range::exactly(*k as i128)),
            Operand::Const(Const::Int(Int::Big(_))) => Some(Range::any()),
            Operand::Const(Const::Bool(b)) => Some(Range::exactly(*b as i128)),
            Operand::Const(_) => None,
            Operand::Var(v) => {
                let v = v.index();
                match self.ty(v) {
                    Type::Bool => Some(Range::between(0, 1)),
                    t if is_int_like(t) => {
                        let r = state.ranges.get(&v).cloned().unwrap_or_else(Range::any);
                        Some(match self.shape.speculated.contains(&v) {
                            true => r.within_small(),
                            false => r,
                        })
                    }
                    _ => None,
                }
            }
        }
    }

    /// Applies one instruction to `state`; with `at` set (the final pass), records
    /// the facts it allows.
    fn transfer(&mut self, state: &mut State, kind: &InstKind, at: Option<(usize, usize)>) {
        let mut range = None;
        let mut cond = None;
        let mut list = None;
        match kind {
            InstKind::Copy { src, .. } => {
                range = self.range(state, src);
                if let Operand::Var(s) = src {
                    cond = state.conds.get(&s.index()).cloned();
                    list = state.lists.get(&s.index()).copied();
                }
            }
            InstKind::Truth {
                value: Operand::Var(s),
                ..
            } => cond = state.conds.get(&s.index()).cloned(),
            InstKind::Not {
                operand: Operand::Var(s),
                ..
            } => {
                cond = state.conds.get(&s.index()).and_then(|c| {
                    Some(Cond {
                        op: negated(c.op)?,
                        ..c.clone()
                    })
                })
            }
            InstKind::Compare { op, lhs, rhs, .. }
                if self.range(state, lhs).is_some() && self.range(state, rhs).is_some() =>
            {
                cond = Some(Cond {
                    op: *op,
                    lhs: lhs.clone(),
                    rhs: rhs.clone(),
                });
            }
            InstKind::Binary {
                dst, op, lhs, rhs, ..
            } => range = self.binary(state, *dst, *op, lhs, rhs, at),
            InstKind::Unary {
                op: frontend::ast::UnaryOp::USub,
                operand,
                ..
            } => range = self.range(state, operand).map(|r| r.neg()),
            InstKind::Index { value, .. } => range = self.range(state, value),
            InstKind::CallBuiltin {
                builtin: Builtin::Len,
                args,
                ..
            } => {
                range = Some(match args.as_slice() {
                    [Operand::Var(v)] => match self.fixed_list(state, v.index()) {
                        Some(list) => Range::length(length_symbol(self.f, list)),
                        None => Range::between(0, SMALL_MAX),
                    },
                    _ => Range::between(0, SMALL_MAX),
                })
            }
            InstKind::GetItem { value, index, .. } => {
                self.subscript(state, value, index, at);
                let small_list = matches!(value, Operand::Var(v)
                    if state.lists.get(&v.index()).is_some_and(|l| self.shape.small_lists.contains(l)));
                if small_list {
                    range = Some(Range::between(SMALL_MIN, SMALL_MAX));
                }
            }
            InstKind::SetItem { value, index, .. } => self.subscript(state, value, index, at),
            InstKind::TailFrame { forget } => {
                for v in forget {
                    state.kill(v.index());
                }
            }
            _ => {}
        }
        let Some(dst) = kind.dst() else {
            return;
        };
        let dst = dst.index();
        state.kill(dst);
        if let Some(r) = range.filter(|_| is_int_like(self.ty(dst))) {
            state.ranges.insert(dst, r);
        }
        if let Some(c) = cond {
            state.conds.insert(dst, c);
        }
        if let Some(l) = list {
            state.lists.insert(dst, l);
        }
    }

    /// The range of `lhs op rhs`, recording an int operation that stays small.
    fn binary(
        &mut self,
        state: &State,
        dst: typeinfer::ir::VarId,
        op: Operator,
        lhs: &Operand,
        rhs: &Operand,
        at: Option<(usize, usize)>,
    ) -> Option<Range> {
        let (a, b) = (self.range(state, lhs)?, self.range(state, rhs)?);
        let r = match op {
            Operator::Add => a.add(&b),
            Operator::Sub => a.sub(&b),
            Operator::Mult => a.mul(&b),
            Operator::Mod if b.nlo > 0 && b.nlo == b.nhi => Range::between(0, b.nhi - 1),
            Operator::BitAnd if b.nlo >= 0 && b.nlo == b.nhi => Range::between(0, b.nhi),
            _ => return None,
        };
        let ints = |op: &Operand| match op {
            Operand::Var(v) => *self.ty(v.index()) == Type::Int,
            Operand::Const(c) => matches!(c, Const::Int(Int::Small(_))),
        };
        let dst_int = *self.ty(dst.index()) == Type::Int;
        let checked_op = matches!(op, Operator::Add | Operator::Sub | Operator::Mult);
        // Ints are exact, so `r` holds however the result is represented; an
        // operation on small ints whose result is small needs no overflow check.
        let small = a.is_small() && b.is_small() && r.is_small();
        if dst_int && ints(lhs) && ints(rhs) && checked_op && small {
            if let Some(at) = at {
                self.facts.no_overflow.insert(at);
            }
        }
        Some(r)
    }

    /// Records a subscript of a list the loop keeps, at an index it bounds.
    fn subscript(
        &mut self,
        state: &State,
        value: &Operand,
        index: &Operand,
        at: Option<(usize, usize)>,
    ) {
        let Some(at) = at else {
            return;
        };
        let Operand::Var(v) = value else {
            return;
        };
        let Some(list) = self.fixed_list(state, v.index()) else {
            return;
        };
        let Some(r) = self.range(state, index) else {
            return;
        };
        // The simplest bounds: fewest variables to load on entry.
        let simplest = |bounds: &[Lin]| bounds.iter().min_by_key(|b| b.terms.len()).cloned();
        // An upper bound below the list's own length needs no check.
        let length = Lin::var(length_symbol(self.f, list));
        let below_length = r.hi.iter().any(|h| {
            h.sub(&length)
                .and_then(|d| d.as_constant())
                .is_some_and(|d| d < 0)
        });
        let Some(hi) = simplest(&r.hi) else {
            return;
        };
        let lower = if r.nlo >= 0 {
            None
        } else {
            match simplest(&r.lo) {
                Some(lo) if lo.as_constant().is_some_and(|k| k < 0) => return,
                Some(lo) => Some(EntryCheck::NonNegative(lo)),
                None => return,
            }
        };
        let mut checks: Vec<EntryCheck> = lower.into_iter().collect();
        if !below_length {
            checks.push(EntryCheck::Below { index: hi, list });
        }
        self.subscripts.push(Subscript { at, checks });
    }

    /// The list variable `v` holds, when no instruction of the loop can change
    /// the length of any list.
    fn fixed_list(&self, state: &State, v: usize) -> Option<usize> {
        let list = *state.lists.get(&v)?;
        (self.lengths_fixed && matches!(self.ty(list), Type::List(_))).then_some(list)
    }
}

/// The symbol standing for the length of list variable `list` (which the loop
/// does not change): numbered after `f`'s variables.
pub fn length_symbol(f: &Function, list: usize) -> usize {
    f.vars.len() + list
}

fn negated(op: CmpOp) -> Option<CmpOp> {
    Some(match op {
        CmpOp::Lt => CmpOp::GtE,
        CmpOp::LtE => CmpOp::Gt,
        CmpOp::Gt => CmpOp::LtE,
        CmpOp::GtE => CmpOp::Lt,
        CmpOp::Eq => CmpOp::NotEq,
        CmpOp::NotEq => CmpOp::Eq,
        _ => return None,
    })
}

/// Per variable: whether the copy of a loop may read the value it has on entry (a
/// read on some path from the header before any write).
fn live_at_header(f: &Function, shape: &LoopShape) -> Vec<bool> {
    let copied = |b: usize| shape.copied.get(b).copied().unwrap_or(false);
    let n = f.vars.len();
    let blocks = &f.blocks;
    let mut live_in = vec![vec![false; n]; blocks.len()];
    let mut changed = true;
    while changed {
        changed = false;
        for b in (0..blocks.len()).rev().filter(|&b| copied(b)) {
            let mut live = vec![false; n];
            for s in blocks[b].term.successors() {
                if copied(s.index()) {
                    for (l, x) in live.iter_mut().zip(&live_in[s.index()]) {
                        *l |= *x;
                    }
                }
            }
            let mark = |live: &mut Vec<bool>, op: &Operand| {
                if let Operand::Var(v) = op {
                    live[v.index()] = true;
                }
            };
            for op in blocks[b].term.operands() {
                mark(&mut live, op);
            }
            for inst in blocks[b].insts.iter().rev() {
                if let Some(d) = inst.kind.dst() {
                    live[d.index()] = false;
                }
                for op in inst.kind.operands() {
                    mark(&mut live, op);
                }
            }
            if live != live_in[b] {
                live_in[b] = live;
                changed = true;
            }
        }
    }
    std::mem::take(&mut live_in[shape.header])
}

/// Variables every assignment of which in `f` stores the same int constant
/// (directly or as a range bound): wherever they are assigned, they hold it.
fn single_constants(f: &Function) -> HashMap<usize, i128> {
    let mut found: HashMap<usize, Option<i128>> = HashMap::new();
    for inst in f.blocks.iter().flat_map(|b| &b.insts) {
        let Some(dst) = inst.kind.dst() else {
            continue;
        };
        let value = match &inst.kind {
            InstKind::Copy {
                src: Operand::Const(Const::Int(Int::Small(k))),
                ..
            } => Some(*k as i128),
            InstKind::CallBuiltin {
                builtin: Builtin::RangeBound,
                args,
                ..
            } => match args.as_slice() {
                [Operand::Const(Const::Int(Int::Small(k)))] => Some(*k as i128),
                _ => None,
            },
            _ => None,
        };
        let entry = found.entry(dst.index()).or_insert(value);
        if *entry != value {
            *entry = None;
        }
    }
    let params: HashSet<usize> = f.params.iter().map(|p| p.index()).collect();
    found
        .into_iter()
        .filter(|(v, _)| !params.contains(v))
        .filter_map(|(v, k)| Some((v, k?)))
        .filter(|(v, _)| f.vars.get(*v).is_some_and(|var| is_int_like(&var.ty)))
        .collect()
}

/// Whether nothing in the blocks can change the length of a list: no list
/// methods, no `del`, no `+=` or `*=` on a list, and no calls of Python functions
/// that may do one (`resizing`, per function).
fn lengths_fixed(f: &Function, copied: &[bool], resizing: &[bool]) -> bool {
    f.blocks
        .iter()
        .enumerate()
        .filter(|(b, _)| copied.get(*b).copied().unwrap_or(false))
        .flat_map(|(_, block)| &block.insts)
        .all(|inst| !may_resize(f, &inst.kind, resizing))
}

fn may_resize(f: &Function, kind: &InstKind, resizing: &[bool]) -> bool {
    let str_receiver = |op: &Operand| matches!(op, Operand::Var(v) if f.vars.get(v.index()).is_some_and(|var| var.ty == Type::Str));
    match kind {
        InstKind::Call { func, .. } => resizing.get(func.index()).copied().unwrap_or(true),
        InstKind::DelItem { .. } | InstKind::DelSlice { .. } | InstKind::SetSlice { .. } => true,
        InstKind::CallMethod { receiver, .. } => !str_receiver(receiver),
        InstKind::Binary { dst, .. } => {
            matches!(f.vars.get(dst.index()).map(|v| &v.ty), Some(Type::List(_)))
        }
        _ => false,
    }
}

/// Per function of `program`: whether running it may change the length of a
/// list (itself or through the functions it calls).
pub fn resizing_functions(program: &Program) -> Vec<bool> {
    let mut resizing = vec![false; program.functions.len()];
    let mut changed = true;
    while changed {
        changed = false;
        for (i, f) in program.functions.iter().enumerate() {
            if resizing[i] {
                continue;
            }
            let kinds = f
                .blocks
                .iter()
                .flat_map(|b| &b.insts)
                .map(|inst| &inst.kind);
            if kinds.into_iter().any(|k| may_resize(f, k, &resizing)) {
                resizing[i] = true;
                changed = true;
            }
        }
    }
    resizing
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The facts of every fast loop of function `name` in `source`.
    fn facts_of(source: &str, name: &str) -> Vec<LoopFacts> {
        super::super::loops::with_fast_loops(source, name, |_, loops, _| {
            loops.into_iter().map(|l| l.facts).collect()
        })
    }

    fn proven_subscripts(facts: &[LoopFacts]) -> usize {
        facts.iter().map(|f| f.in_bounds.len()).sum()
    }

    #[test]
    fn a_countdown_by_a_weight_is_proven() {
        let facts = facts_of(
            "def k(best: list[int], w: int, v: int) -> int:\n    c = len(best) - 1\n    while c >= w:\n        x = best[c - w] + v\n        if x > best[c]:\n            best[c] = x\n        c -= 1\n    return best[0]\n\nprint(k([0] * 9, 2, 3))\n",
            "k",
        );
        assert_eq!(proven_subscripts(&facts), 3);
        // c - w and c -= 1, not the sum of an item and v.
        assert_eq!(facts.iter().map(|f| f.no_overflow.len()).sum::<usize>(), 2);
    }

    #[test]
    fn a_scan_to_the_length_needs_no_upper_check() {
        let facts = facts_of(
            "def s(xs: list[int], i: int) -> int:\n    t = 0\n    while i < len(xs):\n        t += xs[i]\n        i += 1\n    return t\n\nprint(s([1, 2], 0))\n",
            "s",
        );
        assert_eq!(proven_subscripts(&facts), 1);
        let checks: Vec<&EntryCheck> = facts.iter().flat_map(|f| &f.entry_checks).collect();
        assert_eq!(checks.len(), 1);
        assert!(matches!(checks[0], EntryCheck::NonNegative(_)));
    }

    #[test]
    fn calls_that_may_resize_a_list_keep_the_checks() {
        let source = |callee: &str| {
            format!(
                "def pure(x: int) -> int:\n    return x * 2\n\ndef grows(x: int) -> int:\n    ys.append(x)\n    return x\n\nys = [1]\n\ndef s(xs: list[int], n: int) -> int:\n    t = 0\n    for i in range(n):\n        t += xs[i] + {callee}(i)\n    return t\n\nprint(s([1, 2], 2))\n"
            )
        };
        // One subscript per version of the range loop (machine and general).
        assert_eq!(proven_subscripts(&facts_of(&source("pure"), "s")), 2);
        assert_eq!(proven_subscripts(&facts_of(&source("grows"), "s")), 0);
    }

    #[test]
    fn a_subscript_behind_an_untracked_test_is_left_checked() {
        let facts = facts_of(
            "def g(xs: list[int]) -> int:\n    t = 0\n    for i in range(len(xs)):\n        j = i * 2\n        if j < len(xs):\n            t += xs[j]\n    return t\n\nprint(g([1, 2, 3]))\n",
            "g",
        );
        assert_eq!(proven_subscripts(&facts), 0);
    }
}
