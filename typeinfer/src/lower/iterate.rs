//! Lowering iteration: `for` loops and comprehensions over `range()`,
//! `enumerate()`, `zip()` and sequences (lists, tuples, strings).
//!
//! Iterating is split in two steps because a comprehension evaluates its first
//! iterable in the enclosing scope and everything else in its own: `prepare`
//! evaluates the iterable's operands, `run` builds the loop around a body.
//! A sequence is walked by index, re-reading its length on every step, which is
//! exactly what Python's list iterator does when the list changes under it.
//! `enumerate` and `zip` hand their items to the body as unmaterialised tuples, so
//! `for i, x in enumerate(xs)` allocates nothing.

use super::{FnLowering, NameRef};
use crate::error::{Result, Unsupported};
use crate::ir::{BlockId, Builtin, Const, ExcClass, InstKind, Operand, Terminator, VarId};
use frontend::ast::{self, CmpOp, Expr, ExprKind, Operator, TextRange};

/// An iterable with its operands evaluated.
pub(super) enum Prepared {
    Range {
        start: Operand,
        stop: Operand,
        step: Operand,
    },
    Enumerate {
        start: Operand,
        inner: Box<Prepared>,
    },
    Zip(Vec<Operand>),
    Sequence(Operand),
    /// `reversed(seq)` of a list, tuple or str: indices from its length down.
    Reversed(Operand),
}

/// One item of an iteration: a value, or a tuple not built yet.
#[derive(Clone)]
pub(super) enum Item {
    Value(Operand),
    Tuple(Vec<Item>),
}

/// A loop body: given the item, the block `continue` goes to and the block
/// `break` goes to, it fills the body.
/// It may be called twice: a `range()` loop is lowered in a fast and a general
/// version (see `range_loop`).
type Body<'b, S> = Box<dyn FnMut(&mut S, Item, BlockId, BlockId) -> Result<()> + 'b>;

fn int(i: i64) -> Operand {
    Operand::Const(Const::Int(ast::Int::Small(i)))
}

impl FnLowering<'_> {
    /// True if `func` names the builtin `name` (not shadowed by a program name).
    pub(super) fn is_builtin_named(&self, func: &Expr, name: &str) -> Result<bool> {
        Ok(match &func.kind {
            ExprKind::Name { id, .. } if &**id == name => matches!(
                self.lookup(name, func.range)?,
                NameRef::Undefined | NameRef::Builtin(_)
            ),
            _ => false,
        })
    }

    /// The arguments of a `range(...)` call when `e` is one (and `range` is the
    /// builtin), for the uses of a range that need no range object.
    pub(super) fn range_call<'e>(&mut self, e: &'e Expr) -> Result<Option<&'e [Expr]>> {
        if let ExprKind::Call {
            func,
            args,
            keywords,
        } = &e.kind
        {
            let plain = keywords.is_empty() && !args.iter().any(super::stmt::is_starred);
            if plain && self.is_builtin_named(func, "range")? {
                return Ok(Some(args));
            }
        }
        Ok(None)
    }

    /// Start, stop and step of `range(*args)`, each evaluated once and checked to
    /// be an int as range() requires (operator.index()).
    pub(super) fn range_bounds(&mut self, args: &[Expr], range: TextRange) -> Result<[Operand; 3]> {
        if args.is_empty() || args.len() > 3 {
            return Err(Unsupported::new(
                format!("range() with {} arguments", args.len()),
                range,
            ));
        }
        let mut values = Vec::new();
        for a in args {
            let v = self.expr(a)?;
            let dst = self.fb.temp();
            // A bound that is not an int fails the call: CPython's caret is under it.
            self.fb.emit(InstKind::Index { dst, value: v }, range);
            values.push(Operand::Var(dst));
        }
        Ok(match values.len() {
            1 => [int(0), values[0].clone(), int(1)],
            2 => [values[0].clone(), values[1].clone(), int(1)],
            _ => [values[0].clone(), values[1].clone(), values[2].clone()],
        })
    }

    /// `range_bounds` with the step checked at the range() call (for the uses that
    /// make no range object but must fail where its constructor would).
    pub(super) fn checked_range_bounds(
        &mut self,
        args: &[Expr],
        range: TextRange,
    ) -> Result<[Operand; 3]> {
        let [start, stop, step] = self.range_bounds(args, range)?;
        let checked = self.fb.temp();
        self.fb.emit(
            InstKind::CallBuiltin {
                dst: checked,
                builtin: crate::ir::Builtin::RangeStep,
                args: vec![step],
                keywords: Vec::new(),
            },
            range,
        );
        Ok([start, stop, Operand::Var(checked)])
    }

    /// Evaluates what the loop over `iter` needs, once, before the loop.
    pub(super) fn prepare(&mut self, iter: &Expr) -> Result<Prepared> {
        if let ExprKind::Call {
            func,
            args,
            keywords,
        } = &iter.kind
        {
            let plain = keywords.is_empty() && !args.iter().any(super::stmt::is_starred);
            if plain && self.is_builtin_named(func, "range")? {
                let [start, stop, step] = self.range_bounds(args, iter.range)?;
                return Ok(Prepared::Range { start, stop, step });
            }
            // `enumerate(xs, start)` or `enumerate(xs, start=n)`.
            let start_keyword = match keywords.as_slice() {
                [k] if k.arg.as_deref() == Some("start") && args.len() == 1 => Some(&k.value),
                _ => None,
            };
            let positional = !args.iter().any(super::stmt::is_starred);
            let enumerate_args =
                (plain && matches!(args.len(), 1 | 2)) || (positional && start_keyword.is_some());
            if enumerate_args && self.is_builtin_named(func, "enumerate")? {
                let inner = self.prepare(&args[0])?;
                let start = match args.get(1).or(start_keyword) {
                    Some(s) => {
                        let v = self.expr(s)?;
                        let dst = self.fb.temp();
                        self.fb.emit(InstKind::Index { dst, value: v }, iter.range);
                        Operand::Var(dst)
                    }
                    None => int(0),
                };
                return Ok(Prepared::Enumerate {
                    start,
                    inner: Box::new(inner),
                });
            }
            if plain && args.len() == 1 && self.is_builtin_named(func, "reversed")? {
                return self.prepare_reversed(&args[0], iter.range);
            }
            if plain && self.is_builtin_named(func, "zip")? && !args.is_empty() {
                let mut seqs = Vec::new();
                for a in args {
                    let v = self.expr(a)?;
                    seqs.push(Operand::Var(self.fb.copy_to_temp(v, a.range)));
                }
                return Ok(Prepared::Zip(seqs));
            }
        }
        if let Some(view) = self.dict_view(iter)? {
            return Ok(Prepared::Sequence(view));
        }
        let v = self.expr(iter)?;
        Ok(Prepared::Sequence(self.walked(v, iter.range)))
    }

    /// Builds the loop: `body` fills the loop body given the item, the block that
    /// `continue` goes to and the block `break` goes to; `orelse` runs when the loop
    /// ends without `break`. Afterwards the current block is the one after the loop.
    pub(super) fn run<F>(
        &mut self,
        prepared: Prepared,
        range: TextRange,
        body: F,
        orelse: &[ast::Stmt],
    ) -> Result<()>
    where
        F: FnMut(&mut Self, Item, BlockId, BlockId) -> Result<()>,
    {
        let else_block = self.fb.new_block();
        let after = self.fb.new_block();
        self.loop_over(prepared, range, else_block, after, Box::new(body))?;
        self.fb.switch_to(else_block);
        for s in orelse {
            self.stmt(s)?;
        }
        self.fb.jump_if_open(after, range);
        self.fb.switch_to(after);
        Ok(())
    }

    /// The loop itself: jumps to `exhausted` when the items run out, and the body's
    /// `break` goes to `broken`.
    fn loop_over(
        &mut self,
        prepared: Prepared,
        range: TextRange,
        exhausted: BlockId,
        broken: BlockId,
        mut body: Body<'_, Self>,
    ) -> Result<()> {
        match prepared {
            Prepared::Range { start, stop, step } => {
                self.range_loop(start, stop, step, range, exhausted, broken, body)
            }
            Prepared::Enumerate { start, inner } => {
                let counter = self.fb.copy_to_temp(start, range);
                self.loop_over(
                    *inner,
                    range,
                    exhausted,
                    broken,
                    Box::new(move |this: &mut Self, item, cont, brk| {
                        // The count is taken before the body runs and advanced after it
                        // (also on `continue`), as enumerate's own iterator does.
                        let n = this.fb.copy_to_temp(Operand::Var(counter), range);
                        this.add_one(counter, range);
                        body(
                            this,
                            Item::Tuple(vec![Item::Value(Operand::Var(n)), item]),
                            cont,
                            brk,
                        )
                    }),
                )
            }
            Prepared::Zip(seqs) => self.index_loop(seqs, range, exhausted, broken, body),
            Prepared::Reversed(seq) => self.reverse_index_loop(seq, range, exhausted, broken, body),
            Prepared::Sequence(seq) => self.index_loop(
                vec![seq],
                range,
                exhausted,
                broken,
                Box::new(move |this: &mut Self, item, c, b| {
                    let Item::Tuple(mut items) = item else {
                        return body(this, item, c, b);
                    };
                    let only = items.pop().unwrap_or(Item::Value(int(0)));
                    body(this, only, c, b)
                }),
            ),
        }
    }

    /// `reversed(arg)`: of a `range()`, the range with its ends swapped
    /// (`range(start + (n - 1) * step, start - step, -step)` for its length n);
    /// of a sequence, its indices from the last down (`reverse_index_loop`).
    fn prepare_reversed(&mut self, arg: &Expr, range: TextRange) -> Result<Prepared> {
        if let Some(args) = self.range_call(arg)? {
            let [start, stop, step] = self.checked_range_bounds(args, arg.range)?;
            let len = self.range_len([start.clone(), stop, step.clone()], range);
            let binary = |this: &mut Self, op, lhs, rhs| {
                let dst = this.fb.temp();
                this.fb.emit(
                    InstKind::Binary {
                        dst,
                        op,
                        lhs,
                        rhs,
                        inplace: false,
                    },
                    range,
                );
                Operand::Var(dst)
            };
            let before_last = binary(self, Operator::Sub, Operand::Var(len), int(1));
            let offset = binary(self, Operator::Mult, before_last, step.clone());
            let last = binary(self, Operator::Add, start.clone(), offset);
            let end = binary(self, Operator::Sub, start, step.clone());
            let back = binary(self, Operator::Sub, int(0), step);
            return Ok(Prepared::Range {
                start: last,
                stop: end,
                step: back,
            });
        }
        let v = self.expr(arg)?;
        let seq = Operand::Var(self.fb.copy_to_temp(v, arg.range));
        Ok(Prepared::Reversed(seq))
    }

    /// Walks a sequence by index from its last item down, as `reversed()`'s
    /// iterator does: it stops when the index is below 0 or no longer inside the
    /// sequence (a list that shrank).
    fn reverse_index_loop(
        &mut self,
        seq: Operand,
        range: TextRange,
        exhausted: BlockId,
        broken: BlockId,
        mut body: Body<'_, Self>,
    ) -> Result<()> {
        let len = self.iter_len(&seq, true, range);
        let index = self.fb.temp();
        self.fb.emit(
            InstKind::Binary {
                dst: index,
                op: Operator::Sub,
                lhs: Operand::Var(len),
                rhs: int(1),
                inplace: false,
            },
            range,
        );
        let header = self.fb.new_block();
        let inside = self.fb.new_block();
        let body_block = self.fb.new_block();
        self.fb.jump_if_open(header, range);
        self.fb.switch_to(header);
        let from_start = self.compare(CmpOp::GtE, Operand::Var(index), int(0), range);
        self.fb.terminate(
            Terminator::Branch {
                cond: from_start,
                then_block: inside,
                else_block: exhausted,
            },
            range,
        );
        self.fb.switch_to(inside);
        let now = self.iter_len(&seq, false, range);
        let before_end = self.compare(CmpOp::Lt, Operand::Var(index), Operand::Var(now), range);
        self.fb.terminate(
            Terminator::Branch {
                cond: before_end,
                then_block: body_block,
                else_block: exhausted,
            },
            range,
        );
        self.fb.switch_to(body_block);
        let item = self.fb.temp();
        self.fb.emit(
            InstKind::GetItem {
                dst: item,
                value: seq,
                index: Operand::Var(index),
            },
            range,
        );
        self.fb.emit(
            InstKind::Binary {
                dst: index,
                op: Operator::Sub,
                lhs: Operand::Var(index),
                rhs: int(1),
                inplace: false,
            },
            range,
        );
        body(self, Item::Value(Operand::Var(item)), header, broken)?;
        self.fb.jump_if_open(header, range);
        Ok(())
    }

    /// `len(range(start, stop, step))` of bounds already evaluated.
    pub(super) fn range_len(&mut self, bounds: [Operand; 3], range: TextRange) -> VarId {
        let len = self.fb.temp();
        self.fb.emit(
            InstKind::CallBuiltin {
                dst: len,
                builtin: Builtin::RangeLen,
                args: bounds.to_vec(),
                keywords: Vec::new(),
            },
            range,
        );
        len
    }

    /// `len()` of a sequence being iterated (`Builtin::IterLen`: "'int' object is
    /// not iterable" for a value that is not; `underlined` when CPython's caret
    /// line marks the expression).
    pub(super) fn iter_len(&mut self, seq: &Operand, underlined: bool, range: TextRange) -> VarId {
        let len = self.fb.temp();
        self.fb.emit(
            InstKind::CallBuiltin {
                dst: len,
                builtin: Builtin::IterLen(underlined),
                args: vec![seq.clone()],
                keywords: Vec::new(),
            },
            range,
        );
        len
    }

    fn add_one(&mut self, counter: crate::ir::VarId, range: TextRange) {
        self.fb.emit(
            InstKind::Binary {
                dst: counter,
                op: Operator::Add,
                lhs: Operand::Var(counter),
                rhs: int(1),
                inplace: false,
            },
            range,
        );
    }

    /// Walks sequences in step by index, while the index is below every length; the
    /// item is the tuple of their elements.
    fn index_loop(
        &mut self,
        seqs: Vec<Operand>,
        range: TextRange,
        exhausted: BlockId,
        broken: BlockId,
        mut body: Body<'_, Self>,
    ) -> Result<()> {
        let index = self.fb.copy_to_temp(int(0), range);
        let header = self.fb.new_block();
        let body_block = self.fb.new_block();
        self.fb.jump_if_open(header, range);
        self.fb.switch_to(header);
        for (k, seq) in seqs.iter().enumerate() {
            let len = self.iter_len(seq, false, range);
            let more = self.compare(CmpOp::Lt, Operand::Var(index), Operand::Var(len), range);
            let next = if k + 1 == seqs.len() {
                body_block
            } else {
                self.fb.new_block()
            };
            self.fb.terminate(
                Terminator::Branch {
                    cond: more,
                    then_block: next,
                    else_block: exhausted,
                },
                range,
            );
            self.fb.switch_to(next);
        }
        let mut items = Vec::new();
        for seq in &seqs {
            let dst = self.fb.temp();
            self.fb.emit(
                InstKind::GetItem {
                    dst,
                    value: seq.clone(),
                    index: Operand::Var(index),
                },
                range,
            );
            items.push(Item::Value(Operand::Var(dst)));
        }
        self.add_one(index, range);
        body(self, Item::Tuple(items), header, broken)?;
        self.fb.jump_if_open(header, range);
        Ok(())
    }

    /// A counted loop over `range(start, stop, step)`; a zero step raises
    /// ValueError, and the loop variable keeps its last value, as in Python.
    ///
    /// When the three bounds are small ints (checked once, `RangeFits`) the loop
    /// runs on a machine-integer counter (`i64` in the IR) that can neither overflow
    /// nor leave the small-int range, tagged only when assigned to the loop
    /// variable: what a C `for` loop compiles to. Otherwise a general version steps
    /// a Python int. The body is lowered once for each version; inside a general
    /// version nested loops are lowered general only, so a loop nest of depth d
    /// has d + 1 copies of its innermost body, not 2^d.
    #[allow(clippy::too_many_arguments)]
    fn range_loop(
        &mut self,
        start: Operand,
        stop: Operand,
        step: Operand,
        range: TextRange,
        exhausted: BlockId,
        broken: BlockId,
        mut body: Body<'_, Self>,
    ) -> Result<()> {
        let constant_step = match &step {
            Operand::Const(Const::Int(ast::Int::Small(s))) => Some(*s),
            Operand::Const(Const::Bool(b)) => Some(*b as i64),
            _ => None,
        };
        if !matches!(constant_step, Some(s) if s != 0) {
            let step_zero = self.fb.new_block();
            let nonzero = self.fb.new_block();
            let is_zero = self.compare(CmpOp::Eq, step.clone(), int(0), range);
            self.fb.terminate(
                Terminator::Branch {
                    cond: is_zero,
                    then_block: step_zero,
                    else_block: nonzero,
                },
                range,
            );
            self.fb.switch_to(step_zero);
            self.fb.terminate(
                Terminator::Raise {
                    class: ExcClass::ValueError,
                    message: Some(Operand::Const(Const::Str(
                        "range() arg 3 must not be zero".into(),
                    ))),
                },
                range,
            );
            self.fb.switch_to(nonzero);
        }
        if !self.general_ranges {
            let fits = self.fb.temp();
            self.fb.emit(
                InstKind::CallBuiltin {
                    dst: fits,
                    builtin: Builtin::RangeFits,
                    args: vec![start.clone(), stop.clone(), step.clone()],
                    keywords: Vec::new(),
                },
                range,
            );
            let fast = self.fb.new_block();
            let general = self.fb.new_block();
            self.fb.terminate(
                Terminator::Branch {
                    cond: Operand::Var(fits),
                    then_block: fast,
                    else_block: general,
                },
                range,
            );
            self.fb.switch_to(fast);
            let bounds = [start.clone(), stop.clone(), step.clone()];
            self.counted_loop(
                bounds,
                constant_step,
                true,
                range,
                exhausted,
                broken,
                &mut body,
            )?;
            self.fb.switch_to(general);
        }
        let outer_general = std::mem::replace(&mut self.general_ranges, true);
        let outcome = self.counted_loop(
            [start, stop, step],
            constant_step,
            false,
            range,
            exhausted,
            broken,
            &mut body,
        );
        self.general_ranges = outer_general;
        outcome
    }

    /// One version of a range loop: on a machine-integer counter (`machine`, the
    /// bounds known to be small ints) or on a Python int.
    #[allow(clippy::too_many_arguments)]
    fn counted_loop(
        &mut self,
        [start, stop, step]: [Operand; 3],
        constant_step: Option<i64>,
        machine: bool,
        range: TextRange,
        exhausted: BlockId,
        broken: BlockId,
        body: &mut Body<'_, Self>,
    ) -> Result<()> {
        // The step's direction is tested on the converted step, so a machine
        // loop compares machine integers (with a converted zero).
        let (counter, stop_c, step_c, zero_c) = if machine {
            let convert = |this: &mut Self, value: Operand| {
                let dst = this.fb.temp();
                this.fb.emit(
                    InstKind::CallBuiltin {
                        dst,
                        builtin: Builtin::RangeBound,
                        args: vec![value],
                        keywords: Vec::new(),
                    },
                    range,
                );
                dst
            };
            let counter = convert(self, start);
            let stop = Operand::Var(convert(self, stop));
            let step_c = Operand::Var(convert(self, step.clone()));
            let zero = match constant_step {
                Some(_) => int(0),
                None => Operand::Var(convert(self, int(0))),
            };
            (counter, stop, step_c, zero)
        } else {
            (
                self.fb.copy_to_temp(start, range),
                stop,
                step.clone(),
                int(0),
            )
        };

        let direction = match constant_step {
            Some(s) if s > 0 => Direction::Up,
            Some(_) => Direction::Down,
            None if machine => {
                // A machine loop tests its step's sign once, before one loop per
                // direction: inside each, the counter only moves one way, which
                // the backend's range analysis follows (`loop_ranges`).
                let (up, down) = self.branch_on_sign(step_c.clone(), zero_c, range);
                for (block, direction) in [(up, Direction::Up), (down, Direction::Down)] {
                    self.fb.switch_to(block);
                    let target = (counter, stop_c.clone(), step_c.clone());
                    self.directed_loop(target, direction, machine, range, exhausted, broken, body)?;
                }
                return Ok(());
            }
            None => Direction::Tested(zero_c),
        };
        self.directed_loop(
            (counter, stop_c, step_c),
            direction,
            machine,
            range,
            exhausted,
            broken,
            body,
        )
    }

    /// Ends the current block with a branch on `step > zero`: (then, else).
    fn branch_on_sign(
        &mut self,
        step: Operand,
        zero: Operand,
        range: TextRange,
    ) -> (BlockId, BlockId) {
        let up = self.fb.new_block();
        let down = self.fb.new_block();
        let positive = self.compare(CmpOp::Gt, step, zero, range);
        self.fb.terminate(
            Terminator::Branch {
                cond: positive,
                then_block: up,
                else_block: down,
            },
            range,
        );
        (up, down)
    }

    /// The blocks of one range loop over `counter` up to `stop`, moving in
    /// `direction` (or testing the step's sign at each iteration).
    #[allow(clippy::too_many_arguments)]
    fn directed_loop(
        &mut self,
        (counter, stop_c, step_c): (VarId, Operand, Operand),
        direction: Direction,
        machine: bool,
        range: TextRange,
        exhausted: BlockId,
        broken: BlockId,
        body: &mut Body<'_, Self>,
    ) -> Result<()> {
        let header = self.fb.new_block();
        let body_block = self.fb.new_block();
        let latch = self.fb.new_block();
        self.fb.jump_if_open(header, range);
        self.fb.switch_to(header);
        let directions = match direction {
            Direction::Up => vec![(None, CmpOp::Lt)],
            Direction::Down => vec![(None, CmpOp::Gt)],
            Direction::Tested(zero_c) => {
                let (up, down) = self.branch_on_sign(step_c.clone(), zero_c, range);
                vec![(Some(up), CmpOp::Lt), (Some(down), CmpOp::Gt)]
            }
        };
        for (block, op) in directions {
            if let Some(block) = block {
                self.fb.switch_to(block);
            }
            let more = self.compare(op, Operand::Var(counter), stop_c.clone(), range);
            self.fb.terminate(
                Terminator::Branch {
                    cond: more,
                    then_block: body_block,
                    else_block: exhausted,
                },
                range,
            );
        }

        self.fb.switch_to(body_block);
        let item = self.fb.temp();
        let kind = if machine {
            InstKind::Index {
                dst: item,
                value: Operand::Var(counter),
            }
        } else {
            InstKind::Copy {
                dst: item,
                src: Operand::Var(counter),
            }
        };
        self.fb.emit(kind, range);
        body(self, Item::Value(Operand::Var(item)), latch, broken)?;
        self.fb.jump_if_open(latch, range);

        self.fb.switch_to(latch);
        self.fb.emit(
            InstKind::Binary {
                dst: counter,
                op: Operator::Add,
                lhs: Operand::Var(counter),
                rhs: step_c,
                inplace: false,
            },
            range,
        );
        self.fb.terminate(Terminator::Jump(header), range);
        Ok(())
    }

    /// The item as one value (a pending tuple is built).
    pub(super) fn materialise(&mut self, item: Item, range: TextRange) -> Operand {
        match item {
            Item::Value(v) => v,
            Item::Tuple(items) => {
                let items = items
                    .into_iter()
                    .map(|i| self.materialise(i, range))
                    .collect();
                let dst = self.fb.temp();
                self.fb.emit(InstKind::BuildTuple { dst, items }, range);
                Operand::Var(dst)
            }
        }
    }

    /// Stores an item into an assignment target: a name, a subscript, or a
    /// tuple/list of targets (unpacking, checked for length as Python does).
    pub(super) fn store_item(&mut self, target: &Expr, item: Item) -> Result<()> {
        match &target.kind {
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                if let Some(star) = elts.iter().position(super::stmt::is_starred) {
                    return self.store_starred(target, elts, star, item);
                }
                let items = match item {
                    Item::Tuple(items) if items.len() == elts.len() => items,
                    other => {
                        // Unpacking walks the value (a dict: its keys).
                        let value = self.materialise(other, target.range);
                        let value = self.walked(value, target.range);
                        self.fb.emit(
                            InstKind::UnpackCheck {
                                value: value.clone(),
                                count: elts.len(),
                                at_least: false,
                            },
                            target.range,
                        );
                        (0..elts.len())
                            .map(|i| {
                                let dst = self.fb.temp();
                                self.fb.emit(
                                    InstKind::GetItem {
                                        dst,
                                        value: value.clone(),
                                        index: int(i as i64),
                                    },
                                    target.range,
                                );
                                Item::Value(Operand::Var(dst))
                            })
                            .collect()
                    }
                };
                for (e, i) in elts.iter().zip(items) {
                    self.store_item(e, i)?;
                }
                Ok(())
            }
            _ => {
                let value = self.materialise(item, target.range);
                self.store(target, value)
            }
        }
    }
}

impl FnLowering<'_> {
    /// `a, *rest, z = value`: the targets before and after the starred one take
    /// items from the ends, the starred one a list of what is between
    /// (ValueError when there are fewer items than other targets).
    fn store_starred(
        &mut self,
        target: &Expr,
        elts: &[Expr],
        star: usize,
        item: Item,
    ) -> Result<()> {
        let range = target.range;
        let value = self.materialise(item, range);
        let value = self.walked(value, range);
        let after = elts.len() - star - 1;
        self.fb.emit(
            InstKind::UnpackCheck {
                value: value.clone(),
                count: elts.len() - 1,
                at_least: true,
            },
            range,
        );
        let item_at = |this: &mut Self, index: i64| {
            let dst = this.fb.temp();
            this.fb.emit(
                InstKind::GetItem {
                    dst,
                    value: value.clone(),
                    index: int(index),
                },
                range,
            );
            Item::Value(Operand::Var(dst))
        };
        let mut items: Vec<Item> = (0..star).map(|i| item_at(self, i as i64)).collect();
        let middle = self.fb.temp();
        self.fb.emit(
            InstKind::Slice {
                dst: middle,
                value: value.clone(),
                start: Some(int(star as i64)),
                stop: (after > 0).then(|| int(-(after as i64))),
                step: None,
            },
            range,
        );
        let rest = self.fb.temp();
        self.fb.emit(
            InstKind::CallBuiltin {
                dst: rest,
                builtin: Builtin::List,
                args: vec![Operand::Var(middle)],
                keywords: Vec::new(),
            },
            range,
        );
        items.push(Item::Value(Operand::Var(rest)));
        items.extend((0..after).map(|j| item_at(self, j as i64 - after as i64)));
        for (e, i) in elts.iter().zip(items) {
            let e = match &e.kind {
                ExprKind::Starred { value, .. } => value,
                _ => e,
            };
            self.store_item(e, i)?;
        }
        Ok(())
    }
}

/// Which way a range loop's counter moves.
enum Direction {
    Up,
    Down,
    /// Unknown: each iteration tests the step against this zero.
    Tested(Operand),
}
