//! Loops whose int variables are speculated to be small: which loops, and which
//! variables.
//!
//! An `int` is a tagged word, so every operation tests tags and every small-int
//! result is checked for overflow; the slow paths (big ints) rejoin the fast ones,
//! after which LLVM no longer knows a variable is small and tests it again at each
//! use. For an innermost loop, code generation therefore emits a second, fast copy
//! of the loop's blocks (`FunctionGen::generate`): it is entered only when every
//! speculated variable holds a small int, it tells LLVM so at every read
//! (`llvm.assume`), and after every write of one it checks the new value and, if it
//! became a big int, continues in the ordinary copy right after that write. Both
//! copies keep variables in the same stack slots (which mem2reg turns into
//! registers), so leaving the fast copy needs no conversion.
//!
//! The entry check also makes sure that the int variables the loop never assigns
//! are medium (below 2^61 in magnitude), and that the lists it reads hold only
//! small ints (`small_lists`). The fast copy includes the loop's exit tails (blocks
//! only the loop reaches that return), and leaves for the ordinary copy before a
//! subscript whose index it cannot take (`bail_point`).

use super::assigned::VarSet;
use super::linear::Lin;
use super::loop_ranges::EntryCheck;
use crate::error::{Error, Result};
use inkwell::basic_block::BasicBlock;
use inkwell::intrinsics::Intrinsic;
use inkwell::values::IntValue;
use inkwell::IntPredicate;
use typeinfer::ir::{Function, InstKind, Operand};
use typeinfer::types::Type;

/// An innermost loop chosen for a fast copy.
pub struct FastLoop {
    /// The loop's header block (the target of its back edges).
    pub header: usize,
    /// Per block of the function: whether it belongs to the loop.
    pub body: Vec<bool>,
    /// Per block: whether it is an exit of the loop that only the loop reaches and
    /// that returns (`return total`); the fast copy includes it, so what the loop
    /// knew about its variables still holds there.
    pub tails: Vec<bool>,
    /// The speculated variables: named `int` locals the loop reads that are
    /// certainly assigned when it starts.
    pub vars: Vec<usize>,
    /// Per variable of the function: whether the loop assigns it.
    pub written: Vec<bool>,
    /// Variables holding lists the loop speculates hold only small ints
    /// (`small_lists`).
    pub lists: super::small_lists::SpeculatedLists,
    /// What its fast copy proves about its int values (`loop_ranges`).
    pub facts: super::loop_ranges::LoopFacts,
}

/// Per block, the reachable blocks that jump to it (once per edge).
pub fn predecessors(f: &Function, reachable: &[bool]) -> Vec<Vec<usize>> {
    let mut preds = vec![Vec::new(); f.blocks.len()];
    for (b, block) in f.blocks.iter().enumerate() {
        if !reachable.get(b).copied().unwrap_or(false) {
            continue;
        }
        for s in block.term.successors() {
            if let Some(p) = preds.get_mut(s.index()) {
                p.push(b);
            }
        }
    }
    preds
}

/// Blocks dominating each block (`dom[b][d]`: `d` dominates `b`), by the classic
/// iterative data flow; unreachable blocks are dominated by everything.
fn dominators(f: &Function, preds: &[Vec<usize>], reachable: &[bool]) -> Vec<Vec<bool>> {
    let n = f.blocks.len();
    let mut dom = vec![vec![true; n]; n];
    if n > 0 {
        dom[0] = vec![false; n];
        dom[0][0] = true;
    }
    let mut changed = true;
    while changed {
        changed = false;
        for b in 1..n {
            if !reachable[b] {
                continue;
            }
            let mut set = vec![true; n];
            for &p in &preds[b] {
                for (d, s) in set.iter_mut().enumerate() {
                    *s = *s && dom[p][d];
                }
            }
            set[b] = true;
            if set != dom[b] {
                dom[b] = set;
                changed = true;
            }
        }
    }
    dom
}

/// The innermost natural loops of `f` worth a fast copy, given the variables
/// certainly assigned at the start of each block.
pub fn fast_loops(f: &Function, definite: &[VarSet], resizing: &[bool]) -> Vec<FastLoop> {
    let n = f.blocks.len();
    // Each copy doubles the loop's code: keep compile time in check.
    if n == 0 || n > 400 {
        return Vec::new();
    }
    let reachable = f.reachable_blocks();
    let preds = predecessors(f, &reachable);
    let dom = dominators(f, &preds, &reachable);
    // Natural loops, one per header: the blocks that reach a back edge's source
    // without passing through the header.
    let mut loops: Vec<(usize, Vec<bool>)> = Vec::new();
    for (b, block) in f.blocks.iter().enumerate() {
        if !reachable[b] {
            continue;
        }
        for s in block.term.successors() {
            let h = s.index();
            if h >= n || !dom[b][h] {
                continue;
            }
            let body = match loops.iter_mut().find(|(head, _)| *head == h) {
                Some((_, body)) => body,
                None => {
                    loops.push((h, vec![false; n]));
                    &mut loops.last_mut().expect("just pushed").1
                }
            };
            body[h] = true;
            let mut work = vec![b];
            while let Some(x) = work.pop() {
                if body[x] {
                    continue;
                }
                body[x] = true;
                work.extend(&preds[x]);
            }
        }
    }
    let mut chosen = Vec::new();
    for (i, (header, body)) in loops.iter().enumerate() {
        let contains_other = loops
            .iter()
            .enumerate()
            .any(|(j, (h, _))| j != i && body[*h]);
        if contains_other {
            continue;
        }
        let vars = speculated_vars(f, body, definite.get(*header));
        let tails = exit_tails(f, body, &preds, &reachable);
        let copied: Vec<bool> = body.iter().zip(&tails).map(|(b, t)| *b || *t).collect();
        let written = written_vars(f, &copied);
        let lists =
            super::small_lists::speculated_lists(f, &copied, definite.get(*header), &written);
        let latches: Vec<usize> = preds[*header]
            .iter()
            .copied()
            .filter(|p| body[*p])
            .collect();
        let every_iteration: Vec<bool> = (0..n)
            .map(|b| body[b] && latches.iter().all(|l| dom[*l][b]))
            .collect();
        let facts = super::loop_ranges::analyse(
            f,
            &super::loop_ranges::LoopShape {
                header: *header,
                copied: &copied,
                written: &written,
                speculated: &vars,
                small_lists: &lists.checked,
                at_header: definite.get(*header),
                every_iteration: &every_iteration,
                resizing,
            },
        );
        // Worth a copy when it speculates on variables or proves something.
        if !vars.is_empty() || !facts.is_empty() {
            chosen.push(FastLoop {
                header: *header,
                body: body.clone(),
                tails,
                vars,
                written,
                lists,
                facts,
            });
        }
    }
    chosen
}

/// Blocks outside the loop `body` that end in a return and that only blocks of the
/// loop jump to.
fn exit_tails(f: &Function, body: &[bool], preds: &[Vec<usize>], reachable: &[bool]) -> Vec<bool> {
    (0..f.blocks.len())
        .map(|b| {
            !body[b]
                && reachable[b]
                && matches!(f.blocks[b].term, typeinfer::ir::Terminator::Return(_))
                && !preds[b].is_empty()
                && preds[b].iter().all(|p| body[*p])
        })
        .collect()
}

impl FastLoop {
    /// Whether the fast copy has a copy of block `b` (the loop's or an exit tail).
    pub fn copies(&self, b: usize) -> bool {
        self.body.get(b).copied().unwrap_or(false) || self.tails.get(b).copied().unwrap_or(false)
    }
}

/// Per variable of `f`: whether an instruction of the loop assigns it.
fn written_vars(f: &Function, body: &[bool]) -> Vec<bool> {
    let mut written = vec![false; f.vars.len()];
    for (b, block) in f.blocks.iter().enumerate() {
        if !body[b] {
            continue;
        }
        for inst in &block.insts {
            if let Some(w) = inst.kind.dst().and_then(|d| written.get_mut(d.index())) {
                *w = true;
            }
        }
    }
    written
}

/// Named `int` locals read in the loop and certainly assigned at its header.
fn speculated_vars(f: &Function, body: &[bool], at_header: Option<&VarSet>) -> Vec<usize> {
    let Some(at_header) = at_header else {
        return Vec::new();
    };
    let mut read = vec![false; f.vars.len()];
    let mut mark = |op: &Operand| {
        if let Operand::Var(v) = op {
            if let Some(r) = read.get_mut(v.index()) {
                *r = true;
            }
        }
    };
    for (b, block) in f.blocks.iter().enumerate() {
        if !body[b] {
            continue;
        }
        for inst in &block.insts {
            for op in inst.kind.operands() {
                mark(op);
            }
        }
        if let typeinfer::ir::Terminator::Branch { cond, .. } = &block.term {
            mark(cond);
        }
    }
    f.vars
        .iter()
        .enumerate()
        .filter(|(i, var)| {
            var.name.is_some() && var.ty == Type::Int && read[*i] && at_header.contains(*i)
        })
        .map(|(i, _)| i)
        .collect()
}

impl<'ctx> super::function::FunctionGen<'_, 'ctx, '_> {
    /// The LLVM block a jump to IR block `t` goes to from the block being
    /// generated: within a fast copy, the fast copy of `t` when `t` is in the same
    /// loop; into a fast loop's header from outside the loop, the entry check;
    /// otherwise the ordinary block.
    pub(super) fn target_block(&self, t: usize) -> Result<BasicBlock<'ctx>> {
        if let Some(l) = self.fast {
            if self.fast_loops[l].copies(t) {
                if let Some(Some(b)) = self.fast_blocks.get(t) {
                    return Ok(*b);
                }
            }
        }
        for (l, fast_loop) in self.fast_loops.iter().enumerate() {
            let from_inside = self.fast.is_some() || fast_loop.copies(self.current_block);
            if fast_loop.header == t && !from_inside {
                if let Some(entry) = self.loop_entries.get(l) {
                    return Ok(*entry);
                }
            }
        }
        self.blocks
            .get(t)
            .copied()
            .ok_or_else(|| Error::internal("?", format!("jump to missing block bb{t}")))
    }

    /// The fast loop whose speculated variables include `var`, for the block being
    /// generated (in either copy).
    fn speculating(&self, var: usize) -> Option<usize> {
        let l = match self.fast {
            Some(l) => l,
            None => self
                .fast_loops
                .iter()
                .position(|fl| fl.copies(self.current_block))?,
        };
        self.fast_loops[l].vars.contains(&var).then_some(l)
    }

    /// After instruction `i` of block `b` wrote variable `var`: in the ordinary
    /// copy, a fresh block starts there (a fast copy may resume at it); in a fast
    /// copy, a big int in a speculated variable leaves for that point.
    pub(super) fn after_write(&mut self, b: usize, i: usize, var: usize) -> Result<()> {
        if self.speculating(var).is_none() {
            return Ok(());
        }
        let small = match (self.fast, self.slot_small.get(&var).copied()) {
            (None, _) => None,
            (Some(_), Some(bit)) => Some(bit),
            (Some(_), None) => Some(self.slot_is_small(var)?),
        };
        self.resume_point(b, i, small)
    }

    /// After instruction `i` of block `b`, where a fast copy may have to leave: in
    /// the ordinary copy, a fresh block starts there (the fast copy resumes at it);
    /// in the fast copy, unless `small` holds, control leaves for that point.
    pub(super) fn resume_point(
        &mut self,
        b: usize,
        i: usize,
        small: Option<IntValue<'ctx>>,
    ) -> Result<()> {
        let context = self.m.context;
        if self.fast.is_none() {
            let resume = context.append_basic_block(self.llvm, &format!("resume.bb{b}.{i}"));
            self.builder.build_unconditional_branch(resume)?;
            self.builder.position_at_end(resume);
            self.resume.insert((b, i), resume);
            // The fast copy joins here: what was known about slots and checked
            // items no longer holds.
            self.forget_slot_facts();
            self.checked_items.clear();
            return Ok(());
        }
        let resume = match (self.speculation, self.resume.get(&(b, i))) {
            (Some(failed), _) => failed,
            (None, Some(&resume)) => resume,
            (None, None) => {
                return Err(Error::internal("?", "a fast loop without its resume point"))
            }
        };
        let Some(small) = small else {
            return Ok(());
        };
        if small.get_zero_extended_constant() == Some(1) {
            return Ok(());
        }
        let small = self.expect(small, true)?;
        let next = context.append_basic_block(self.llvm, "fast.ok");
        self.builder.build_conditional_branch(small, next, resume)?;
        self.builder.position_at_end(next);
        Ok(())
    }

    /// Before instruction `i` of block `b`: in the ordinary copy of a fast loop, a
    /// fresh block starts where the fast copy may leave to run the instruction
    /// again; in the fast copy, the instruction's slow paths (a big, negative or
    /// outside index) go there (`self.bail`) instead of being generated inline,
    /// so the loop keeps no index-normalising code and fewer values in registers
    /// (nbody and spectral_norm -12% instructions, sieve -5%, knapsack -4%).
    ///
    /// Only instructions without side effects before their slow paths qualify.
    /// Arithmetic does too, but leaving on an overflow or a big operand made
    /// other loops slower: the ordinary copy needs every operand kept, and a loop
    /// whose values are often big (a sum of call results) would run in the
    /// ordinary copy from then on (fib +15%, int_loop +5%).
    pub(super) fn bail_point(&mut self, b: usize, i: usize, kind: &InstKind) -> Result<()> {
        if let (Some(_), Some(failed)) = (self.fast, self.speculation) {
            self.bail = Some(failed);
            return Ok(());
        }
        let pure = matches!(kind, InstKind::GetItem { .. });
        if !pure {
            return Ok(());
        }
        if self.fast.is_some() {
            self.bail = self.before.get(&(b, i)).copied();
            return Ok(());
        }
        let in_fast_loop = self.fast_loops.iter().any(|l| l.copies(b));
        if !in_fast_loop {
            return Ok(());
        }
        let context = self.m.context;
        let before = context.append_basic_block(self.llvm, &format!("before.bb{b}.{i}"));
        self.builder.build_unconditional_branch(before)?;
        self.builder.position_at_end(before);
        self.before.insert((b, i), before);
        // The fast copy joins here: what was known about slots and checked items
        // no longer holds.
        self.forget_slot_facts();
        self.checked_items.clear();
        Ok(())
    }

    /// Whether variable `var`'s slot holds a small int (low bit set).
    fn slot_is_small(&mut self, var: usize) -> Result<IntValue<'ctx>> {
        let word = self.load_word(var)?;
        self.word_is_small(word)
    }

    /// The int word in variable `var`'s slot (a speculated one, or one speculated
    /// arms write).
    pub(super) fn load_word(&mut self, var: usize) -> Result<IntValue<'ctx>> {
        let Some(Some(slot)) = self.slots.get(var).copied() else {
            return Err(Error::internal("?", "a speculated variable without a slot"));
        };
        let i64_type = self.m.context.i64_type();
        Ok(self
            .builder
            .build_load(i64_type, slot, "word")?
            .into_int_value())
    }

    fn word_is_small(&mut self, word: IntValue<'ctx>) -> Result<IntValue<'ctx>> {
        let i64_type = self.m.context.i64_type();
        let tag = self
            .builder
            .build_and(word, i64_type.const_int(1, false), "tag")?;
        Ok(self
            .builder
            .build_int_compare(IntPredicate::NE, tag, i64_type.const_zero(), "small")?)
    }

    /// A read of `var` in a fast copy: tells LLVM the word is a small int, and
    /// for a variable the loop never assigns, a medium one (checked on entry).
    pub(super) fn assume_small_read(&mut self, var: usize, word: IntValue<'ctx>) -> Result<()> {
        if self.fast.is_none() {
            return Ok(());
        }
        let Some(l) = self.speculating(var) else {
            return Ok(());
        };
        let small = self.word_is_small(word)?;
        self.assume(small)?;
        if !self.fast_loops[l].written.get(var).copied().unwrap_or(true) {
            let medium = self.word_is_medium(word)?;
            self.assume(medium)?;
        }
        Ok(())
    }

    /// Whether a small-int word holds a medium int: one whose magnitude is below
    /// 2^61, so that adding or subtracting two of them, or one and a small int
    /// that a comparison bounds by it, cannot overflow a word.
    fn word_is_medium(&mut self, word: IntValue<'ctx>) -> Result<IntValue<'ctx>> {
        // The tagged word 2x + 1 is below 2^62 in magnitude.
        self.in_magnitude(word, 1 << 62)
    }

    /// Whether `-bound <= x < bound` (one add and an unsigned compare).
    fn in_magnitude(&mut self, x: IntValue<'ctx>, bound: u64) -> Result<IntValue<'ctx>> {
        let i64_type = self.m.context.i64_type();
        let shifted =
            self.builder
                .build_int_add(x, i64_type.const_int(bound, false), "medium.shift")?;
        Ok(self.builder.build_int_compare(
            IntPredicate::ULT,
            shifted,
            i64_type.const_int(2 * bound, false),
            "medium",
        )?)
    }

    /// The entry check's part for what the fast copy proves (`loop_ranges`): the
    /// symbols are medium (ints also small, folded into `all`), and the bounds of
    /// subscripts are inside their lists.
    fn entry_facts(
        &mut self,
        l: usize,
        mut all: IntValue<'ctx>,
        mut ok: IntValue<'ctx>,
    ) -> Result<(IntValue<'ctx>, IntValue<'ctx>)> {
        if self.fast_loops[l].facts.is_empty() {
            return Ok((all, ok));
        }
        let i64_type = self.m.context.i64_type();
        let mut values = std::collections::HashMap::new();
        for var in self.fast_loops[l].facts.symbols.clone() {
            let word = self.load_word(var)?;
            let (value, medium) = if self.f.vars[var].ty == Type::I64 {
                (word, self.in_magnitude(word, 1 << 61)?)
            } else {
                all = self.builder.build_and(all, word, "all")?;
                let value = self.builder.build_right_shift(
                    word,
                    i64_type.const_int(1, false),
                    true,
                    "value",
                )?;
                (value, self.word_is_medium(word)?)
            };
            ok = self.builder.build_and(ok, medium, "all.medium")?;
            values.insert(var, value);
        }
        for check in self.fast_loops[l].facts.entry_checks.clone() {
            let holds = match &check {
                EntryCheck::NonNegative(lin) => {
                    let x = self.evaluate(lin, &values)?;
                    self.builder.build_int_compare(
                        IntPredicate::SGE,
                        x,
                        i64_type.const_zero(),
                        "nonnegative",
                    )?
                }
                EntryCheck::Below { index, list } => {
                    let x = self.evaluate(index, &values)?;
                    let list = self.load_list(*list)?;
                    let length = self.raw_length(list)?;
                    self.builder
                        .build_int_compare(IntPredicate::SLT, x, length, "inside")?
                }
            };
            ok = self.builder.build_and(ok, holds, "bounds")?;
        }
        Ok((all, ok))
    }

    /// The list in list variable `var`'s slot.
    fn load_list(&mut self, var: usize) -> Result<inkwell::values::PointerValue<'ctx>> {
        let Some(Some(slot)) = self.slots.get(var).copied() else {
            return Err(Error::internal("?", "a bounded list without a slot"));
        };
        let ptr_type = self.m.context.ptr_type(Default::default());
        Ok(self
            .builder
            .build_load(ptr_type, slot, "list")?
            .into_pointer_value())
    }

    /// A linear expression over the symbols' values on entry (each medium, so the
    /// sum cannot overflow: `linear`'s limits).
    fn evaluate(
        &mut self,
        lin: &Lin,
        values: &std::collections::HashMap<usize, IntValue<'ctx>>,
    ) -> Result<IntValue<'ctx>> {
        let i64_type = self.m.context.i64_type();
        let mut sum = i64_type.const_int(lin.constant as i64 as u64, true);
        for (var, coefficient) in &lin.terms {
            let value = match var.checked_sub(self.f.vars.len()) {
                // A length symbol (`loop_ranges::length_symbol`).
                Some(list) => {
                    let list = self.load_list(list)?;
                    self.raw_length(list)?
                }
                None => values
                    .get(var)
                    .copied()
                    .ok_or_else(|| Error::internal("?", "a bound over a variable not checked"))?,
            };
            let k = i64_type.const_int(*coefficient as u64, true);
            let term = self.builder.build_int_mul(value, k, "term")?;
            sum = self.builder.build_int_add(sum, term, "bound")?;
        }
        Ok(sum)
    }

    /// `llvm.assume(cond)`: tells LLVM that `cond` holds here.
    pub(super) fn assume(&mut self, cond: IntValue<'ctx>) -> Result<()> {
        let assume = Intrinsic::find("llvm.assume")
            .and_then(|i| i.get_declaration(&self.m.module, &[]))
            .ok_or_else(|| Error::internal("?", "llvm.assume is missing"))?;
        self.builder.build_call(assume, &[cond.into()], "")?;
        Ok(())
    }

    /// The entry check of fast loop `l`: its fast copy runs only when every
    /// speculated variable holds a small int.
    pub(super) fn loop_entry(&mut self, l: usize) -> Result<()> {
        let entry = self.loop_entries[l];
        let header = self.fast_loops[l].header;
        self.builder.position_at_end(entry);
        let vars = self.fast_loops[l].vars.clone();
        let i64_type = self.m.context.i64_type();
        let mut all = i64_type.const_int(1, false);
        let mut medium = self.m.context.bool_type().const_int(1, false);
        for var in vars {
            let word = self.load_word(var)?;
            all = self.builder.build_and(all, word, "all")?;
            if !self.fast_loops[l].written.get(var).copied().unwrap_or(true) {
                let this = self.word_is_medium(word)?;
                medium = self.builder.build_and(medium, this, "all.medium")?;
            }
        }
        for var in self.fast_loops[l].lists.checked.clone() {
            let Some(Some(slot)) = self.slots.get(var).copied() else {
                return Err(Error::internal("?", "a speculated list without a slot"));
            };
            let ptr_type = self.m.context.ptr_type(Default::default());
            let list = self
                .builder
                .build_load(ptr_type, slot, "list")?
                .into_pointer_value();
            let small_only = self.list_small_only(list)?;
            medium = self
                .builder
                .build_and(medium, small_only, "all.small.only")?;
        }
        let (all, medium) = self.entry_facts(l, all, medium)?;
        let small = self.word_is_small(all)?;
        let small = self.builder.build_and(small, medium, "enter")?;
        let small = self.expect(small, true)?;
        let fast = self.fast_blocks[header]
            .ok_or_else(|| Error::internal("?", "a fast loop without its header"))?;
        let general = self.blocks[header];
        self.builder
            .build_conditional_branch(small, fast, general)?;
        Ok(())
    }
}

/// For unit tests of what fast loops know: compiles `source` and hands function
/// `name`, its fast loops and the variables certainly assigned per block to `with`.
#[cfg(test)]
pub fn with_fast_loops<T>(
    source: &str,
    name: &str,
    with: impl FnOnce(&Function, Vec<FastLoop>, &[VarSet]) -> T,
) -> T {
    let (file, module) = frontend::parse_bytes("t.py", source.as_bytes());
    let module = module.expect("parses");
    let scopes = frontend::scopes::SymbolTable::build(&module, &file).expect("scopes");
    let program = typeinfer::compile(&module, &scopes, &file).expect("compiles");
    let resizing = super::loop_ranges::resizing_functions(&program);
    let f = program
        .functions
        .iter()
        .find(|f| &*f.name == name)
        .expect("the function");
    let definite = super::assigned::definitely_assigned(
        f,
        program.globals.len(),
        program.template_names.len(),
    );
    with(f, fast_loops(f, &definite, &resizing), &definite)
}
