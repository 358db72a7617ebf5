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

/// What a builtin does with each item.
enum Sink {
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
    /// compares `op` to the best so far; with a key function, each item's key
    /// compares to the best one's (`best_key`). Without items, `default` when the
    /// call gives one, else ValueError.
    Best {
        best: VarId,
        seen: VarId,
        op: CmpOp,
        key: Option<(Operand, VarId)>,
        default: Option<Operand>,
    },
}

/// A sink with where its builtin's work happens: the call's range and frame.
struct Consumer {
    sink: Sink,
    call: TextRange,
    frame: u32,
}

/// What every level of a comprehension's loops needs.
struct Level<'a, S, F> {
    elt: &'a Expr,
    generators: &'a [Comprehension],
    state: &'a S,
    feed: &'a F,
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
        self.comprehension(
            whole,
            elt,
            generators,
            frame,
            None,
            |_| Ok(()),
            |this, _, v, _, _| {
                this.append_to(result, v, elt.range);
                Ok(())
            },
        )?;
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
        if args.iter().any(super::stmt::is_starred) {
            return Ok(None);
        }
        let extreme = matches!(
            builtin,
            Builtin::MinOf | Builtin::MaxOf | Builtin::Min | Builtin::Max
        );
        if extreme && !keywords.is_empty() {
            return self.extreme_with_keywords(builtin, args, keywords, call);
        }
        let (iterable, start) = match (builtin, args) {
            (Builtin::Any | Builtin::All | Builtin::MinOf | Builtin::MaxOf, [it]) => (it, None),
            (Builtin::Sum, [it]) => (it, None),
            (Builtin::Sum, [it, start]) => (it, Some(start)),
            _ => return Ok(None),
        };
        if !keywords.is_empty() {
            return Ok(None);
        }
        let make_sink = |this: &mut Self| this.sink_for(builtin, start, &[], call);
        let sink = match &iterable.kind {
            ExprKind::GeneratorExp { elt, generators } => {
                self.feed_generator(iterable, elt, generators, make_sink, call)?
            }
            _ if self.range_call(iterable)?.is_some() => {
                let prepared = self.prepare(iterable)?;
                let sink = make_sink(self)?;
                self.feed_loop(prepared, sink, iterable.range, call)?
            }
            _ => return Ok(None),
        };
        Ok(Some(self.sink_result(sink, builtin, call)))
    }

    /// `min()`/`max()` with `key=` or `default=`: of one iterable (any: a
    /// generator expression, `range()`, a sequence) or of several arguments, run as
    /// a loop. None for other keywords (reported by the builtin).
    fn extreme_with_keywords(
        &mut self,
        builtin: Builtin,
        args: &[Expr],
        keywords: &[ast::Keyword],
        call: TextRange,
    ) -> Result<Option<Operand>> {
        if keywords
            .iter()
            .any(|k| !matches!(k.arg.as_deref(), Some("key" | "default")))
        {
            return Ok(None);
        }
        let builtin = match builtin {
            Builtin::Min | Builtin::MinOf => Builtin::MinOf,
            _ => Builtin::MaxOf,
        };
        let has_default = keywords.iter().any(|k| k.arg.as_deref() == Some("default"));
        let make_sink = |this: &mut Self| this.sink_for(builtin, None, keywords, call);
        let sink = match args {
            [] => return Ok(None),
            [iterable] => match &iterable.kind {
                ExprKind::GeneratorExp { elt, generators } => {
                    self.feed_generator(iterable, elt, generators, make_sink, call)?
                }
                _ => {
                    let prepared = self.prepare(iterable)?;
                    let sink = make_sink(self)?;
                    self.feed_loop(prepared, sink, call, call)?
                }
            },
            _ => {
                if has_default {
                    return Err(Unsupported::new(
                        format!(
                            "default= in {}() with several positional arguments (a TypeError)",
                            builtin.name()
                        ),
                        call,
                    ));
                }
                let mut items = Vec::new();
                for a in args {
                    let v = self.expr(a)?;
                    items.push(Operand::Var(self.fb.copy_to_temp(v, a.range)));
                }
                let tuple = self.fb.temp();
                self.fb
                    .emit(InstKind::BuildTuple { dst: tuple, items }, call);
                let sink = make_sink(self)?;
                self.feed_loop(
                    super::iterate::Prepared::Sequence(Operand::Var(tuple)),
                    sink,
                    call,
                    call,
                )?
            }
        };
        Ok(Some(self.sink_result(sink, builtin, call)))
    }

    /// A loop over `prepared` (the items of `range`) feeding `sink`; the sink when
    /// the loop is over.
    fn feed_loop(
        &mut self,
        prepared: super::iterate::Prepared,
        sink: Sink,
        range: TextRange,
        call: TextRange,
    ) -> Result<Sink> {
        let consumer = Consumer {
            sink,
            call,
            frame: self.fb.frame,
        };
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
        Ok(consumer.sink)
    }

    /// The generator expression `iterable` run as loops feeding the sink
    /// `make_sink` sets up (after the first iterable is evaluated, as CPython
    /// evaluates the call's arguments); the sink when the loops are over.
    fn feed_generator(
        &mut self,
        iterable: &Expr,
        elt: &Expr,
        generators: &[Comprehension],
        make_sink: impl FnOnce(&mut Self) -> Result<Sink>,
        call: TextRange,
    ) -> Result<Sink> {
        let consumer = self.comprehension(
            iterable,
            elt,
            generators,
            ("<genexpr>", call),
            None,
            |this| {
                Ok(Consumer {
                    sink: make_sink(this)?,
                    call,
                    frame: this.fb.frame,
                })
            },
            |this, consumer, v, next_item, exit| {
                this.feed(consumer, v, next_item, exit);
                Ok(())
            },
        )?;
        Ok(consumer.sink)
    }

    /// The variables `builtin` works with, set up before its loop (the start of a
    /// sum, and min's and max's `key=` and `default=`, are evaluated here, after the
    /// iterable, as CPython evaluates arguments).
    fn sink_for(
        &mut self,
        builtin: Builtin,
        start: Option<&Expr>,
        keywords: &[ast::Keyword],
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
            _ => {
                let mut key = None;
                let mut default = None;
                for k in keywords {
                    if k.arg.as_deref() == Some("key") {
                        key = self
                            .key_function(std::slice::from_ref(k), range)?
                            .map(|f| (f, self.fb.temp()));
                    } else {
                        let v = self.expr(&k.value)?;
                        default = Some(Operand::Var(self.fb.copy_to_temp(v, k.value.range)));
                    }
                }
                Sink::Best {
                    best: self.fb.temp(),
                    seen: self.fb.copy_to_temp(bool_const(false), range),
                    op: if builtin == Builtin::MinOf {
                        CmpOp::Lt
                    } else {
                        CmpOp::Gt
                    },
                    key,
                    default,
                }
            }
        })
    }

    /// Continues in a new block entered when no item came (`seen` false); the
    /// block after it (where `seen` true goes) is returned.
    fn unless_seen(&mut self, seen: VarId, call: TextRange) -> BlockId {
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
        done
    }

    /// What the builtin returns once its loop is over.
    fn sink_result(&mut self, sink: Sink, builtin: Builtin, call: TextRange) -> Operand {
        match sink {
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
            Sink::Best {
                best,
                seen,
                default: Some(default),
                ..
            } => {
                let done = self.unless_seen(seen, call);
                self.fb.emit(
                    InstKind::Copy {
                        dst: best,
                        src: default,
                    },
                    call,
                );
                self.fb.jump_if_open(done, call);
                self.fb.switch_to(done);
                Operand::Var(best)
            }
            Sink::Best { best, seen, .. } => {
                let done = self.unless_seen(seen, call);
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

    /// A `for` statement over a generator expression: the generator's loops with
    /// the statement's body inside, run for each item in the enclosing frame (a
    /// generator is resumed for each item, so its work and the body's alternate,
    /// and `break` leaves both). `statement` is the `for` statement's range, where
    /// the loop's traceback entry points.
    pub(super) fn for_over_generator(
        &mut self,
        statement: TextRange,
        iterable: &Expr,
        target: &Expr,
        body: &[ast::Stmt],
        orelse: &[ast::Stmt],
    ) -> Result<()> {
        let ExprKind::GeneratorExp { elt, generators } = &iterable.kind else {
            return Err(Unsupported::new(
                "a loop over this iterable",
                iterable.range,
            ));
        };
        let broken = self.fb.new_block();
        let outer = self.fb.frame;
        self.comprehension(
            iterable,
            elt,
            generators,
            ("<genexpr>", statement),
            Some(broken),
            |_| Ok(()),
            |this, _, v, next_item, exit| {
                let inner = this.fb.frame;
                this.fb.leave_frame(outer);
                // The body sees the enclosing scope's names, not the generator's.
                let scopes = std::mem::take(&mut this.comprehensions);
                let outcome = this
                    .store_item(target, Item::Value(v))
                    .and_then(|()| this.loop_body(body, next_item, exit));
                this.comprehensions = scopes;
                this.fb.leave_frame(inner);
                outcome
            },
        )?;
        // Here the generator is exhausted.
        for s in orelse {
            self.stmt(s)?;
        }
        self.fb.jump_if_open(broken, iterable.range);
        self.fb.switch_to(broken);
        Ok(())
    }

    /// The loops of a comprehension around `feed`, which gets each element with
    /// the blocks that ask for the next item and that leave the loops: `exit`,
    /// or the block after them. `make_state` runs once the first iterable is
    /// evaluated (before the loops, as CPython creates the generator first), and
    /// its result is handed to every `feed`. The comprehension's own variables
    /// do not leak, as in Python 3.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn comprehension<S>(
        &mut self,
        whole: &Expr,
        elt: &Expr,
        generators: &[Comprehension],
        frame: (&str, TextRange),
        exit: Option<BlockId>,
        make_state: impl FnOnce(&mut Self) -> Result<S>,
        feed: impl Fn(&mut Self, &S, Operand, BlockId, BlockId) -> Result<()>,
    ) -> Result<S> {
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
            return make_state(self);
        };
        let prepared = self.prepare(&first.iter)?;
        if let super::iterate::Prepared::Sequence(seq) = &prepared {
            // CPython takes the first iterable's iterator in the enclosing frame
            // (a value that is not iterable fails there, the comprehension
            // underlined); the loop's own length tests then cannot fail.
            self.iter_len(seq, true, whole.range);
        }
        let state = make_state(self)?;
        self.comprehension_count += 1;
        self.comprehensions.push((block, self.comprehension_count));
        let previous = self.fb.enter_frame(frame.0, frame.1);
        let level = Level {
            elt,
            generators,
            state: &state,
            feed: &feed,
        };
        let outcome = self.run(
            prepared,
            first.iter.range,
            |this, item, cont, after| {
                this.comprehension_level(&level, 0, item, cont, exit.unwrap_or(after))
            },
            &[],
        );
        self.fb.leave_frame(previous);
        self.comprehensions.pop();
        outcome?;
        Ok(state)
    }

    /// The body of generator `level`: bind its target, test its conditions, then
    /// either loop over the next generator or feed the element; `next_item`
    /// continues the innermost loop, `exit` leaves the outermost.
    fn comprehension_level<S, F>(
        &mut self,
        at: &Level<'_, S, F>,
        level: usize,
        item: Item,
        next_item: BlockId,
        exit: BlockId,
    ) -> Result<()>
    where
        F: Fn(&mut Self, &S, Operand, BlockId, BlockId) -> Result<()>,
    {
        let g = &at.generators[level];
        self.store_item(&g.target, item)?;
        for cond in &g.ifs {
            let pass = self.fb.new_block();
            self.branch_on(cond, pass, next_item)?;
            self.fb.switch_to(pass);
        }
        if let Some(inner) = at.generators.get(level + 1) {
            let prepared = self.prepare(&inner.iter)?;
            return self.run(
                prepared,
                inner.iter.range,
                |this, item, cont, _| this.comprehension_level(at, level + 1, item, cont, exit),
                &[],
            );
        }
        let v = self.expr(at.elt)?;
        (at.feed)(self, at.state, v, next_item, exit)
    }

    /// The builtin's work on item `v`, in the caller's frame: `next_item` asks for
    /// the next item, `exit` ends the loop early (`any`/`all`).
    fn feed(&mut self, consumer: &Consumer, v: Operand, next_item: BlockId, exit: BlockId) {
        let inner = self.fb.frame;
        self.fb.leave_frame(consumer.frame);
        let call = consumer.call;
        match consumer.sink {
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
            Sink::Best {
                best,
                seen,
                op,
                ref key,
                ..
            } => {
                // With a key, the key of the item is what compares.
                let (v_key, best_key) = match key {
                    Some((f, best_key)) => (self.apply_key(f, v.clone(), call), Some(*best_key)),
                    None => (v.clone(), None),
                };
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
                let current = Operand::Var(best_key.unwrap_or(best));
                let better = self.compare(op, v_key.clone(), current, call);
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
                if let Some(best_key) = best_key {
                    self.fb.emit(
                        InstKind::Copy {
                            dst: best_key,
                            src: v_key,
                        },
                        call,
                    );
                }
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
