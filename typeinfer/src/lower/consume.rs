//! Comprehensions, and the builtins that consume an iterable item by item.
//!
//! A list comprehension appends each element to a new list. `any()`, `all()`,
//! `sum()`, `min()` and `max()` of a generator expression or of `range()` run the
//! same loop but hand each item to the builtin's own work instead of collecting a
//! list first, as CPython's builtins pull items from the iterator: `any()` stops at
//! the first true item, so the items after it are never computed
//! (`any(1 / x for x in [1, 0])` is True), and `sum(x * x for x in range(10**8))`
//! needs no memory for its items.
//!
//! The builtin's work on an item (the truth test, the addition, the comparison)
//! runs in the caller's frame, not the generator's: an error there has no
//! `<genexpr>` traceback entry, as in CPython.

use super::iterate::Item;
use super::FnLowering;
use crate::error::{Result, Unsupported};
use crate::ir::{BlockId, Builtin, Const, ExcClass, InstKind, Operand, Terminator, VarId};
use frontend::ast::{self, CmpOp, Comprehension, Expr, ExprKind, Operator, TextRange};

/// What a comprehension's loop does with each element.
pub(super) enum Sink {
    /// A list comprehension: append to the list.
    Append(VarId),
    /// `any()` (`stop_on` true) or `all()`: `result` becomes `stop_on` at the first
    /// item whose truth is `stop_on`, and the loop stops there.
    Until { result: VarId, stop_on: bool },
    /// `sum()`: `acc = acc + item`. Each item passes through `probe`, whose type
    /// gives the accumulator its type (`Builtin::SumStart`); `iterated` records
    /// that an item came.
    Sum {
        acc: VarId,
        probe: VarId,
        iterated: VarId,
        start: Operand,
    },
    /// `min()` (`op` is `<`) or `max()` (`>`): the first item, then each item that
    /// compares `op` to the best so far.
    Best { best: VarId, seen: VarId, op: CmpOp },
}

/// A sink with where its builtin's work happens: the call's range and frame.
struct Consumer {
    sink: Sink,
    call: TextRange,
    frame: u32,
}

fn bool_const(b: bool) -> Operand {
    Operand::Const(Const::Bool(b))
}

impl FnLowering<'_> {
    /// `[elt for ... in ... if ...]`, or a generator expression collected into a
    /// list by a builtin; `frame` names the frame CPython runs it in and the range
    /// its caller's traceback entry underlines.
    pub(super) fn list_comprehension(
        &mut self,
        whole: &Expr,
        elt: &Expr,
        generators: &[Comprehension],
        frame: (&str, TextRange),
    ) -> Result<Operand> {
        let result = self.fb.temp();
        self.fb.emit(
            InstKind::BuildList {
                dst: result,
                items: Vec::new(),
            },
            whole.range,
        );
        self.comprehension(whole, elt, generators, frame, |_| Ok(Sink::Append(result)))?;
        Ok(Operand::Var(result))
    }

    /// `builtin(iterable)` (or `sum(iterable, start)`) for `any`, `all`, `sum`, `min`
    /// and `max` when the iterable is a generator expression or `range()`: a loop
    /// feeding the builtin (see the module comment). None for other calls.
    pub(super) fn consuming_call(
        &mut self,
        builtin: Builtin,
        args: &[Expr],
        keywords: &[ast::Keyword],
        call: TextRange,
    ) -> Result<Option<Operand>> {
        let (iterable, start) = match (builtin, args) {
            (Builtin::Any | Builtin::All | Builtin::MinOf | Builtin::MaxOf, [it]) => (it, None),
            (Builtin::Sum, [it]) => (it, None),
            (Builtin::Sum, [it, start]) => (it, Some(start)),
            _ => return Ok(None),
        };
        if !keywords.is_empty() || args.iter().any(super::stmt::is_starred) {
            return Ok(None);
        }
        let make_sink = |this: &mut Self| this.sink_for(builtin, start, call);
        let sink = match &iterable.kind {
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(iterable, elt, generators, ("<genexpr>", call), make_sink)?
            }
            _ if self.range_call(iterable)?.is_some() => {
                let prepared = self.prepare(iterable)?;
                let consumer = Consumer {
                    sink: make_sink(self)?,
                    call,
                    frame: self.fb.frame,
                };
                let range = iterable.range;
                self.run(
                    prepared,
                    range,
                    |this, item, cont, exit| {
                        let v = this.materialise(item, range);
                        this.feed(&consumer, v, cont, exit);
                        Ok(())
                    },
                    &[],
                )?;
                consumer.sink
            }
            _ => return Ok(None),
        };
        Ok(Some(self.sink_result(sink, builtin, call)))
    }

    /// The variables `builtin` works with, set up before its loop (the start of a
    /// sum is evaluated here, after the iterable, as CPython evaluates arguments).
    fn sink_for(
        &mut self,
        builtin: Builtin,
        start: Option<&Expr>,
        range: TextRange,
    ) -> Result<Sink> {
        Ok(match builtin {
            Builtin::Any | Builtin::All => {
                let stop_on = builtin == Builtin::Any;
                Sink::Until {
                    result: self.fb.copy_to_temp(bool_const(!stop_on), range),
                    stop_on,
                }
            }
            Builtin::Sum => {
                let start = match start {
                    Some(s) => {
                        let v = self.expr(s)?;
                        Operand::Var(self.fb.copy_to_temp(v, s.range))
                    }
                    None => Operand::Const(Const::Int(ast::Int::Small(0))),
                };
                let probe = self.fb.temp();
                let acc = self.fb.temp();
                self.fb.emit(
                    InstKind::CallBuiltin {
                        dst: acc,
                        builtin: Builtin::SumStart,
                        args: vec![start.clone(), Operand::Var(probe)],
                        keywords: Vec::new(),
                    },
                    range,
                );
                Sink::Sum {
                    acc,
                    probe,
                    iterated: self.fb.copy_to_temp(bool_const(false), range),
                    start,
                }
            }
            _ => Sink::Best {
                best: self.fb.temp(),
                seen: self.fb.copy_to_temp(bool_const(false), range),
                op: if builtin == Builtin::MinOf {
                    CmpOp::Lt
                } else {
                    CmpOp::Gt
                },
            },
        })
    }

    /// What the builtin returns once its loop is over.
    fn sink_result(&mut self, sink: Sink, builtin: Builtin, call: TextRange) -> Operand {
        match sink {
            Sink::Append(list) => Operand::Var(list),
            Sink::Until { result, .. } => Operand::Var(result),
            Sink::Sum {
                acc,
                iterated,
                start,
                ..
            } => {
                let dst = self.fb.temp();
                self.fb.emit(
                    InstKind::CallBuiltin {
                        dst,
                        builtin: Builtin::SumEnd,
                        args: vec![Operand::Var(acc), start, Operand::Var(iterated)],
                        keywords: Vec::new(),
                    },
                    call,
                );
                Operand::Var(dst)
            }
            Sink::Best { best, seen, .. } => {
                let empty = self.fb.new_block();
                let done = self.fb.new_block();
                self.fb.terminate(
                    Terminator::Branch {
                        cond: Operand::Var(seen),
                        then_block: done,
                        else_block: empty,
                    },
                    call,
                );
                self.fb.switch_to(empty);
                let message = format!("{}() arg is an empty sequence", builtin.name());
                self.fb.terminate(
                    Terminator::Raise {
                        class: ExcClass::ValueError,
                        message: Some(Operand::Const(Const::Str(message.as_str().into()))),
                    },
                    call,
                );
                self.fb.switch_to(done);
                Operand::Var(best)
            }
        }
    }

    /// The loops of a comprehension around `sink`, which `make_sink` makes once the
    /// first iterable is evaluated. The comprehension's own variables do not leak,
    /// as in Python 3.
    fn comprehension(
        &mut self,
        whole: &Expr,
        elt: &Expr,
        generators: &[Comprehension],
        frame: (&str, TextRange),
        make_sink: impl FnOnce(&mut Self) -> Result<Sink>,
    ) -> Result<Sink> {
        let Some(block) = self
            .cx
            .scopes
            .block_for(whole.range)
            .and_then(|id| self.cx.scopes.block(id))
        else {
            return Err(Unsupported::new(
                "comprehension without a scope",
                whole.range,
            ));
        };
        if let Some(g) = generators.iter().find(|g| g.is_async) {
            return Err(Unsupported::new("async comprehensions", g.iter.range));
        }
        // The first iterable belongs to the enclosing scope.
        let Some(first) = generators.first() else {
            return make_sink(self);
        };
        let prepared = self.prepare(&first.iter)?;
        if let super::iterate::Prepared::Sequence(seq) = &prepared {
            // CPython takes the first iterable's iterator in the enclosing frame
            // (a value that is not iterable fails there, the comprehension
            // underlined); the loop's own length tests then cannot fail.
            let len = self.fb.temp();
            self.fb.emit(
                InstKind::CallBuiltin {
                    dst: len,
                    builtin: Builtin::IterLen(true),
                    args: vec![seq.clone()],
                    keywords: Vec::new(),
                },
                whole.range,
            );
        }
        let consumer = Consumer {
            sink: make_sink(self)?,
            call: frame.1,
            frame: self.fb.frame,
        };
        self.comprehension_count += 1;
        self.comprehensions.push((block, self.comprehension_count));
        let previous = self.fb.enter_frame(frame.0, frame.1);
        let outcome = self.run(
            prepared,
            first.iter.range,
            |this, item, cont, exit| {
                this.comprehension_level(&consumer, elt, generators, 0, item, cont, exit)
            },
            &[],
        );
        self.fb.leave_frame(previous);
        self.comprehensions.pop();
        outcome?;
        Ok(consumer.sink)
    }

    /// The body of generator `level`: bind its target, test its conditions, then
    /// either loop over the next generator or feed the element to the sink;
    /// `next_item` continues the innermost loop, `exit` leaves the outermost.
    #[allow(clippy::too_many_arguments)]
    fn comprehension_level(
        &mut self,
        consumer: &Consumer,
        elt: &Expr,
        generators: &[Comprehension],
        level: usize,
        item: Item,
        next_item: BlockId,
        exit: BlockId,
    ) -> Result<()> {
        let g = &generators[level];
        self.store_item(&g.target, item)?;
        for cond in &g.ifs {
            let pass = self.fb.new_block();
            self.branch_on(cond, pass, next_item)?;
            self.fb.switch_to(pass);
        }
        if let Some(inner) = generators.get(level + 1) {
            let prepared = self.prepare(&inner.iter)?;
            return self.run(
                prepared,
                inner.iter.range,
                |this, item, cont, _| {
                    this.comprehension_level(consumer, elt, generators, level + 1, item, cont, exit)
                },
                &[],
            );
        }
        let v = self.expr(elt)?;
        match consumer.sink {
            Sink::Append(list) => self.append_to(list, v, elt.range),
            _ => self.feed(consumer, v, next_item, exit),
        }
        Ok(())
    }

    /// The builtin's work on item `v`, in the caller's frame: `next_item` asks for
    /// the next item, `exit` ends the loop early (`any`/`all`).
    fn feed(&mut self, consumer: &Consumer, v: Operand, next_item: BlockId, exit: BlockId) {
        let inner = self.fb.frame;
        self.fb.leave_frame(consumer.frame);
        let call = consumer.call;
        match consumer.sink {
            Sink::Append(list) => self.append_to(list, v, call),
            Sink::Until { result, stop_on } => {
                let truth = self.fb.temp();
                self.fb.emit(
                    InstKind::Truth {
                        dst: truth,
                        value: v,
                    },
                    call,
                );
                let stop = self.fb.new_block();
                let (then_block, else_block) = if stop_on {
                    (stop, next_item)
                } else {
                    (next_item, stop)
                };
                self.fb.terminate(
                    Terminator::Branch {
                        cond: Operand::Var(truth),
                        then_block,
                        else_block,
                    },
                    call,
                );
                self.fb.switch_to(stop);
                self.fb.emit(
                    InstKind::Copy {
                        dst: result,
                        src: bool_const(stop_on),
                    },
                    call,
                );
                self.fb.terminate(Terminator::Jump(exit), call);
            }
            Sink::Sum {
                acc,
                probe,
                iterated,
                ..
            } => {
                self.fb.emit(InstKind::Copy { dst: probe, src: v }, call);
                self.fb.emit(
                    InstKind::Binary {
                        dst: acc,
                        op: Operator::Add,
                        lhs: Operand::Var(acc),
                        rhs: Operand::Var(probe),
                        inplace: false,
                    },
                    call,
                );
                self.fb.emit(
                    InstKind::Copy {
                        dst: iterated,
                        src: bool_const(true),
                    },
                    call,
                );
            }
            Sink::Best { best, seen, op } => {
                let compare = self.fb.new_block();
                let take = self.fb.new_block();
                self.fb.terminate(
                    Terminator::Branch {
                        cond: Operand::Var(seen),
                        then_block: compare,
                        else_block: take,
                    },
                    call,
                );
                self.fb.switch_to(compare);
                let better = self.compare(op, v.clone(), Operand::Var(best), call);
                self.fb.terminate(
                    Terminator::Branch {
                        cond: better,
                        then_block: take,
                        else_block: next_item,
                    },
                    call,
                );
                self.fb.switch_to(take);
                self.fb.emit(InstKind::Copy { dst: best, src: v }, call);
                self.fb.emit(
                    InstKind::Copy {
                        dst: seen,
                        src: bool_const(true),
                    },
                    call,
                );
            }
        }
        self.fb.leave_frame(inner);
    }
}
