//! The body of one specialisation: variables as allocas in the entry block (mem2reg
//! turns them into registers), one LLVM block per IR block, and a shared error path.
//!
//! Every operation that can fail is followed by a test of its sentinel that branches
//! to the function's error block. The error block receives the failing line through a
//! phi, appends the traceback entry (`kr_traceback_add(file, line, function)`) and
//! returns the error sentinel of the function's result type, so the no-error path
//! costs one predictable branch per failing operation.
//!
//! An instruction that reads a variable typed `Never` can never run (nothing ever
//! assigned the variable a value): it becomes a trap, and the code after it lands
//! in a fresh block no edge reaches.

use super::assigned;
use super::temps;
use super::values::{storage_type, Val};
use super::ModuleGen;
use crate::abi;
use crate::error::{Error, Result};
use frontend::ast::TextRange;
use inkwell::basic_block::BasicBlock;
use inkwell::builder::{Builder, BuilderError};
use inkwell::intrinsics::Intrinsic;
use inkwell::values::{
    BasicMetadataValueEnum, BasicValueEnum, FloatValue, FunctionValue, IntValue, PhiValue,
    PointerValue,
};
use inkwell::IntPredicate;
use typeinfer::ir::{Const, FuncId, Function, Inst, InstKind, Operand, VarId};
use typeinfer::types::Type;

impl From<BuilderError> for Error {
    fn from(e: BuilderError) -> Self {
        Error::internal("?", format!("LLVM builder: {e}"))
    }
}

pub(crate) struct FunctionGen<'m, 'ctx, 'p> {
    pub(super) m: &'m mut ModuleGen<'ctx, 'p>,
    pub(super) f: &'p Function,
    pub(super) llvm: FunctionValue<'ctx>,
    pub(super) builder: Builder<'ctx>,
    pub(super) slots: Vec<Option<PointerValue<'ctx>>>,
    pub(super) blocks: Vec<BasicBlock<'ctx>>,
    /// The error block and the phis of the failing line and its caret line, made on
    /// first use.
    pub(super) error: Option<(BasicBlock<'ctx>, PhiValue<'ctx>, PhiValue<'ctx>)>,
    /// The `bool *error` out-parameter of the runtime's double-returning functions.
    pub(super) flag: PointerValue<'ctx>,
    /// Per block: the variables certainly assigned when it starts (`assigned`).
    pub(super) definite: Vec<assigned::VarSet>,
    /// The same while generating the current block.
    pub(super) assigned: assigned::VarSet,
    /// "Has been assigned" flags of locals whose representation has no empty value
    /// (float, bool, None), for reads that may come before any assignment.
    pub(super) flags: Vec<Option<PointerValue<'ctx>>>,
    /// Temporaries held as LLVM values rather than in slots (`temps`), and their
    /// current values.
    pub(super) in_register: Vec<bool>,
    pub(super) registers: Vec<Option<BasicValueEnum<'ctx>>>,
    /// True for `<module>`, whose frame has no variables of its own.
    pub(super) is_module: bool,
    /// The frame depth its caller passed (`ModuleGen::takes_depth`), and its own.
    pub(super) caller_depth: Option<IntValue<'ctx>>,
    pub(super) depth: Option<IntValue<'ctx>>,
    /// The start of the tail sum the caller passed (`tail_calls::takes_initial_sum`).
    initial_sum: Option<IntValue<'ctx>>,
    /// The source line and range of the instruction being generated.
    pub(super) line: u32,
    pub(super) range: TextRange,
    /// The range whose caret line a traceback shows if the current operation fails:
    /// the instruction's own range for operations whose range is the expression
    /// CPython reports, `None` otherwise (no caret line rather than a wrong one).
    pub(super) caret_range: Option<TextRange>,
    /// The instruction being generated, and whether its operands are read as
    /// values (an optional operand is checked for None, see `optionals`).
    pub(super) current_kind: Option<&'p InstKind>,
    /// Where the current instruction's local-variable operands were read
    /// (`Inst::reads`).
    pub(super) reads: &'p [(VarId, TextRange)],
    pub(super) unwrap: bool,
    /// Innermost loops with a fast copy (`loops`), per IR block its fast copy, the
    /// block checking a loop's variables on entry (per loop), and where the
    /// ordinary copy resumes after the write of a speculated variable.
    pub(super) fast_loops: Vec<super::loops::FastLoop>,
    pub(super) fast_blocks: Vec<Option<BasicBlock<'ctx>>>,
    pub(super) loop_entries: Vec<BasicBlock<'ctx>>,
    pub(super) resume: std::collections::HashMap<(usize, usize), BasicBlock<'ctx>>,
    /// Per instruction (block, index) of a fast loop that its fast copy may leave
    /// before: where the ordinary copy runs it (`loops::bail_point`).
    pub(super) before: std::collections::HashMap<(usize, usize), BasicBlock<'ctx>>,
    /// While a fast copy generates such an instruction: where its slow paths go
    /// instead (the instruction then runs again in the ordinary copy).
    pub(super) bail: Option<BasicBlock<'ctx>>,
    /// While a fast copy generates an instruction its analysis proved safe
    /// (`loop_ranges`): int arithmetic that stays small, a subscript inside its
    /// list.
    pub(super) proven_small: bool,
    pub(super) proven_inside: bool,
    /// The small bit of the word the last item assignment into a `list[int]`
    /// stored (`small_lists::after_list_store`).
    pub(super) stored_small: Option<IntValue<'ctx>>,
    /// While a comparison instruction of a function is generated: its big-int slow
    /// path checks the recursion limit (`compare::comparison_depth_check`).
    pub(super) check_big_int_comparison: bool,
    /// Per variable: whether only branches test it (`compare::tested_values`).
    pub(super) tested: Vec<bool>,
    /// While generating: the IR block, and the fast loop whose copy it is.
    pub(super) current_block: usize,
    /// The inlined frame of the instruction being generated (`Inst::frame`).
    pub(super) frame: u32,
    pub(super) fast: Option<usize>,
    /// Int words whose "is a small int" bit is already an LLVM value: the phi that
    /// merges an operation's fast path (certainly small) with its slow path. Testing
    /// that phi instead of the word's tag lets LLVM thread the fast path straight
    /// through (it cannot see the tag of a phi of `x | 1` and a call's result).
    pub(super) small_bits: std::collections::HashMap<IntValue<'ctx>, IntValue<'ctx>>,
    /// The same for the int last stored in a variable's slot, valid until control
    /// flow merges (the next IR block, or a point a fast copy resumes at).
    pub(super) slot_small: std::collections::HashMap<usize, IntValue<'ctx>>,
    /// Int words made by tagging a machine integer (a range counter), and per
    /// variable, the machine integer its slot's word was made from, in the block
    /// being generated: an index that is one is checked without its tag.
    pub(super) raw_of_word: std::collections::HashMap<IntValue<'ctx>, IntValue<'ctx>>,
    pub(super) slot_raw: std::collections::HashMap<usize, IntValue<'ctx>>,
    /// This function's id and where its calls of itself go (`ModuleGen::unrolled`).
    pub(super) self_calls: Option<(FuncId, FunctionValue<'ctx>)>,
    /// In a function whose self tail call became a loop (`tail_calls`): where the
    /// depth of the current iteration's frame is kept, and the line and caret text
    /// of the call, for the iterations' traceback entries.
    pub(super) depth_slot: Option<PointerValue<'ctx>>,
    pub(super) tail_site: Option<(u32, Option<String>)>,
    /// Bounds-checked item pointers still valid here (`checked_items`), those each
    /// generated block ended with (per copy: `None` for the ordinary one), and each
    /// block's only predecessor.
    pub(super) checked_items: super::checked_items::ItemFacts<'ctx>,
    pub(super) exit_items:
        std::collections::HashMap<(Option<usize>, usize), super::checked_items::ItemFacts<'ctx>>,
    pub(super) single_pred: Vec<Option<usize>>,
    /// While a fast copy computes both arms of a branch (`speculate`): where any
    /// failure in them goes.
    pub(super) speculation: Option<BasicBlock<'ctx>>,
    /// The "owned" flags of the str variables appended to in place
    /// (`str_append.rs`).
    pub(super) owned_strs: std::collections::HashMap<VarId, PointerValue<'ctx>>,
    /// The function (specialisation) being generated.
    pub(super) function_id: FuncId,
    /// The index in its block of the instruction being generated.
    pub(super) current_inst: usize,
}

impl<'m, 'ctx, 'p> FunctionGen<'m, 'ctx, 'p> {
    /// Generates the body of function `id` into `llvm` (its declaration, or its
    /// unrolled copy); its calls of itself go to `self_calls` when given.
    pub fn generate(
        m: &'m mut ModuleGen<'ctx, 'p>,
        id: FuncId,
        llvm: FunctionValue<'ctx>,
        self_calls: Option<FunctionValue<'ctx>>,
    ) -> Result<()> {
        let program = m.program;
        let f = program
            .functions
            .get(id.index())
            .ok_or_else(|| Error::internal("?", "function id out of range"))?;
        let context = m.context;
        let builder = context.create_builder();
        let entry = context.append_basic_block(llvm, "entry");
        builder.position_at_end(entry);
        let flag = builder.build_alloca(context.i8_type(), "error.flag")?;
        let mut owned_strs = std::collections::HashMap::new();
        let local_appends = m.appends.get(id.index()).map(|a| a.locals.values());
        for v in local_appends.into_iter().flatten() {
            if !owned_strs.contains_key(v) {
                let owned = builder.build_alloca(context.bool_type(), "owned")?;
                builder.build_store(owned, context.bool_type().const_zero())?;
                owned_strs.insert(*v, owned);
            }
        }
        let templates = program.template_names.len();
        let definite = assigned::definitely_assigned(f, program.globals.len(), templates);
        let fast_loops = super::loops::fast_loops(f, &definite, &m.resizes_lists);
        // Leaving a fast copy mid-block reads temporaries from their slots.
        let in_register = if fast_loops.is_empty() {
            temps::block_local_temps(f)
        } else {
            vec![false; f.vars.len()]
        };
        let mut slots = Vec::with_capacity(f.vars.len());
        for (i, var) in f.vars.iter().enumerate() {
            let ty = match in_register.get(i) {
                Some(true) => None,
                _ => storage_type(context, &var.ty)?,
            };
            slots.push(match ty {
                Some(ty) => {
                    let name = match &var.name {
                        Some(n) => n.to_string(),
                        None => format!("t{i}"),
                    };
                    let slot = builder.build_alloca(ty, &name)?;
                    // Never read uninitialised memory, even on paths Python would
                    // reject with UnboundLocalError.
                    builder.build_store(slot, ty.const_zero())?;
                    Some(slot)
                }
                None => None,
            });
        }
        let mut flags = Vec::with_capacity(f.vars.len());
        for (i, var) in f.vars.iter().enumerate() {
            let needs_flag = var.name.is_some()
                && !f.params.iter().any(|p| p.index() == i)
                && matches!(var.ty, Type::Float | Type::Bool | Type::NoneType);
            flags.push(if needs_flag {
                let flag = builder.build_alloca(context.bool_type(), "assigned")?;
                builder.build_store(flag, context.bool_type().const_zero())?;
                Some(flag)
            } else {
                None
            });
        }
        // A function whose tail call became a loop changes its depth per iteration.
        let depth_slot = match super::tail_calls::has_tail_frame(f) {
            true => Some(builder.build_alloca(context.i32_type(), "frame.depth")?),
            false => None,
        };
        let mut llvm_params = llvm.get_param_iter();
        let caller_depth = if m.takes_depth(id) {
            llvm_params.next().map(|p| p.into_int_value())
        } else {
            None
        };
        let initial_sum = match super::tail_calls::takes_initial_sum(f) {
            true => llvm_params.next().map(|p| p.into_int_value()),
            false => None,
        };
        for p in &f.params {
            if let Some(Some(slot)) = slots.get(p.index()) {
                let value = llvm_params
                    .next()
                    .ok_or_else(|| Error::internal("?", "parameter count mismatch"))?;
                builder.build_store(*slot, value)?;
            }
        }
        let blocks: Vec<BasicBlock> = (0..f.blocks.len())
            .map(|i| context.append_basic_block(llvm, &format!("bb{i}")))
            .collect();
        let mut fast_blocks = vec![None; f.blocks.len()];
        let mut loop_entries = Vec::new();
        for l in &fast_loops {
            loop_entries
                .push(context.append_basic_block(llvm, &format!("loop.entry.bb{}", l.header)));
            for (b, fast_block) in fast_blocks.iter_mut().enumerate() {
                if l.copies(b) {
                    *fast_block = Some(context.append_basic_block(llvm, &format!("fast.bb{b}")));
                }
            }
        }
        let mut gen = FunctionGen {
            m,
            f,
            llvm,
            builder,
            slots,
            blocks,
            error: None,
            flag,
            definite,
            assigned: assigned::VarSet::full(0),
            flags,
            registers: vec![None; in_register.len()],
            in_register,
            is_module: id == program.main,
            caller_depth,
            initial_sum,
            depth: None,
            line: 0,
            range: f.range,
            caret_range: None,
            current_kind: None,
            reads: &[],
            unwrap: false,
            fast_loops,
            fast_blocks,
            loop_entries,
            resume: std::collections::HashMap::new(),
            before: std::collections::HashMap::new(),
            bail: None,
            proven_small: false,
            proven_inside: false,
            stored_small: None,
            check_big_int_comparison: false,
            tested: super::compare::tested_values(f),
            current_block: usize::MAX,
            frame: 0,
            fast: None,
            small_bits: std::collections::HashMap::new(),
            slot_small: std::collections::HashMap::new(),
            raw_of_word: std::collections::HashMap::new(),
            slot_raw: std::collections::HashMap::new(),
            self_calls: self_calls.map(|copy| (id, copy)),
            depth_slot,
            tail_site: None,
            checked_items: Default::default(),
            exit_items: std::collections::HashMap::new(),
            owned_strs,
            function_id: id,
            current_inst: 0,
            single_pred: super::checked_items::single_predecessors(f),
            speculation: None,
        };
        gen.line = (gen.m.source.line_of)(f.range.start);
        gen.enter()?;
        if f.blocks.is_empty() {
            gen.builder.build_unreachable()?;
        } else {
            let first = gen.target_block(0)?;
            gen.builder.build_unconditional_branch(first)?;
        }
        let reachable = f.reachable_blocks();
        let order = super::checked_items::generation_order(f);
        for &b in &order {
            let block = &f.blocks[b];
            gen.builder.position_at_end(gen.blocks[b]);
            if !reachable.get(b).copied().unwrap_or(true) {
                // Nothing jumps here; inference did not type its code.
                gen.builder.build_unreachable()?;
                continue;
            }
            gen.block(b, block)?;
        }
        for l in 0..gen.fast_loops.len() {
            gen.fast = Some(l);
            for &b in &order {
                let block = &f.blocks[b];
                let copy =
                    gen.fast_loops[l].copies(b) && reachable.get(b).copied().unwrap_or(false);
                if let (true, Some(fast_block)) = (copy, gen.fast_blocks[b]) {
                    gen.builder.position_at_end(fast_block);
                    gen.block(b, block)?;
                }
            }
            gen.fast = None;
            gen.loop_entry(l)?;
        }
        gen.finish_error_block()
    }

    /// One IR block: its instructions and terminator, in the ordinary copy or (with
    /// `self.fast` set) in a loop's fast copy (module `loops`).
    fn block(&mut self, b: usize, block: &'p typeinfer::ir::Block) -> Result<()> {
        self.current_block = b;
        self.forget_slot_facts();
        self.enter_block_items(b);
        self.assigned = self
            .definite
            .get(b)
            .cloned()
            .unwrap_or_else(|| assigned::VarSet::full(0));
        self.instructions(b, block)?;
        self.leave_block_items(b);
        if let Some(arms) = self.speculated_arms(b) {
            return self.speculate_branch(b, arms);
        }
        self.at_terminator(block);
        self.terminator(&block.term)
    }

    /// The source position and reads of `block`'s terminator, for what it raises.
    pub(super) fn at_terminator(&mut self, block: &'p typeinfer::ir::Block) {
        self.line = (self.m.source.line_of)(block.term_range.start);
        self.range = block.term_range;
        self.caret_range = Some(block.term_range);
        self.current_kind = None;
        self.reads = &block.term_reads;
        self.unwrap = false;
        self.frame = 0;
    }

    /// The instructions of IR block `b` (not its terminator).
    pub(super) fn instructions(&mut self, b: usize, block: &'p typeinfer::ir::Block) -> Result<()> {
        for (i, inst) in block.insts.iter().enumerate() {
            let range = located_range(&inst.kind, inst.range, self.m.source.line_of);
            self.line = (self.m.source.line_of)(range.start);
            self.range = range;
            self.caret_range = caret_range(&inst.kind, range);
            self.current_kind = Some(&inst.kind);
            self.current_inst = i;
            self.reads = &inst.reads;
            self.unwrap = super::optionals::unwraps_operands(&inst.kind);
            self.frame = inst.frame;
            self.bail_point(b, i, &inst.kind)?;
            if let Some(l) = self.fast {
                let facts = &self.fast_loops[l].facts;
                self.proven_small = facts.no_overflow.contains(&(b, i));
                self.proven_inside = facts.in_bounds.contains(&(b, i));
            }
            self.before_instruction(&inst.kind);
            self.instruction(inst)?;
            self.bail = None;
            self.proven_small = false;
            self.proven_inside = false;
            self.after_list_store(b, i, &inst.kind)?;
            if let Some(dst) = inst.kind.dst() {
                self.after_instruction(&inst.kind, dst);
                self.after_write(b, i, dst.index())?;
            }
        }
        Ok(())
    }

    // ---- the recursion limit ----------------------------------------------------

    /// Counts the frame in and raises RecursionError past CPython's default limit of
    /// 1000 frames (`<module>` included), as python3 would, instead of overflowing
    /// the native stack.
    ///
    /// The depth travels in a register: every function receives its caller's depth
    /// as a parameter and passes its own to the functions it calls. (A global counter
    /// incremented and decremented by every call made recursion 2.3x slower: each
    /// call waited on the previous one's store.) Once a small function is inlined
    /// into a loop, its test is loop-invariant and leaves the loop.
    pub(super) fn enter(&mut self) -> Result<()> {
        let i32_type = self.m.context.i32_type();
        let caller = self.caller_depth.unwrap_or_else(|| i32_type.const_zero());
        let (depth, raised) = self.count_frame(caller)?;
        self.depth = Some(depth);
        if let Some(slot) = self.depth_slot {
            self.builder.build_store(slot, depth)?;
        }
        let ok = self.current_block()?;
        self.builder.position_at_end(raised);
        // CPython fails the call before the new frame exists: the traceback's last
        // entry is the caller's call site, so this frame adds none.
        self.return_with(None, true)?;
        self.builder.position_at_end(ok);
        Ok(())
    }

    /// One frame more than `depth`: the new depth, and past the limit a branch to
    /// a fresh block that has RecursionError set (returned, for the caller to
    /// leave from). Generation continues on the path within the limit.
    pub(super) fn count_frame(
        &mut self,
        depth: IntValue<'ctx>,
    ) -> Result<(IntValue<'ctx>, BasicBlock<'ctx>)> {
        let i32_type = self.m.context.i32_type();
        let next = self
            .builder
            .build_int_add(depth, i32_type.const_int(1, false), "depth")?;
        let too_deep = self.builder.build_int_compare(
            IntPredicate::UGT,
            next,
            i32_type.const_int(RECURSION_LIMIT, false),
            "too.deep",
        )?;
        let too_deep = self.expect(too_deep, false)?;
        let raise = self.m.context.append_basic_block(self.llvm, "recursion");
        let ok = self.m.context.append_basic_block(self.llvm, "frame");
        self.builder.build_conditional_branch(too_deep, raise, ok)?;
        self.builder.position_at_end(raise);
        self.raise_recursion_error()?;
        self.builder.position_at_end(ok);
        Ok((next, raise))
    }

    /// Sets RecursionError as the current exception.
    fn raise_recursion_error(&mut self) -> Result<()> {
        let i32_type = self.m.context.i32_type();
        let kind = exc_kind("KR_EXC_RECURSION")?;
        let kind = i32_type.const_int(kind as u64, false);
        let text = "maximum recursion depth exceeded";
        let message = self.str_constant(text.as_bytes(), text.len());
        self.call_runtime("kr_raise_str", &[kind.into(), message.into()])?;
        Ok(())
    }

    /// Forgets what is known about the words in slots (at a block start, or where
    /// another copy of a loop joins).
    pub(super) fn forget_slot_facts(&mut self) {
        self.slot_small.clear();
        self.slot_raw.clear();
    }

    // ---- variables and operands -------------------------------------------------

    /// A stack slot for `count` values of `ty` that lives as long as the function:
    /// made in the entry block, so that an instruction inside a loop does not grow
    /// the stack on every iteration.
    pub(super) fn entry_alloca(
        &self,
        ty: inkwell::types::BasicTypeEnum<'ctx>,
        count: u32,
        name: &str,
    ) -> Result<PointerValue<'ctx>> {
        let entry = self
            .llvm
            .get_first_basic_block()
            .ok_or_else(|| Error::internal("?", "a function without its entry block"))?;
        let builder = self.m.context.create_builder();
        match entry.get_first_instruction() {
            Some(first) => builder.position_before(&first),
            None => builder.position_at_end(entry),
        }
        let slot = if count == 1 {
            builder.build_alloca(ty, name)?
        } else {
            builder.build_alloca(inkwell::types::BasicType::array_type(&ty, count), name)?
        };
        Ok(slot)
    }

    pub fn var_type(&self, v: VarId) -> Result<&'p Type> {
        self.f
            .vars
            .get(v.index())
            .map(|var| &var.ty)
            .ok_or_else(|| Error::internal("?", format!("variable %{} does not exist", v.0)))
    }

    pub(super) fn operand_is_never(&self, op: &Operand) -> bool {
        matches!(op, Operand::Var(v) if matches!(self.var_type(*v), Ok(Type::Never) | Err(_)))
    }

    /// An operand's value; in an operation that needs values, an optional one is
    /// checked for None (raising as CPython) and read as its `T`.
    pub fn operand(&mut self, op: &Operand) -> Result<Val<'ctx>> {
        let v = self.operand_raw(op)?;
        if let (true, Val::Opt(word), Operand::Var(var)) = (self.unwrap, v, op) {
            let inner = self.var_type(*var)?.strip_optional();
            return self.unwrap_optional(op, word, &inner);
        }
        Ok(v)
    }

    /// An operand's value as stored (an optional stays a `T | None` word).
    pub fn operand_raw(&mut self, op: &Operand) -> Result<Val<'ctx>> {
        match op {
            Operand::Const(c) => self.constant(c),
            Operand::Var(v) => {
                let ty = self.var_type(*v)?;
                if !self.assigned.contains(v.index()) {
                    self.check_local_assigned(*v)?;
                }
                if self.in_register.get(v.index()).copied().unwrap_or(false) {
                    let value = match self.registers.get(v.index()).copied().flatten() {
                        Some(value) => Some(value),
                        // Only in code after a trap, which never runs.
                        None => storage_type(self.m.context, ty)?.map(|t| t.const_zero()),
                    };
                    return Val::from_basic(ty, value);
                }
                match self.slots.get(v.index()).copied().flatten() {
                    Some(slot) => {
                        let llvm_ty = storage_type(self.m.context, ty)?
                            .ok_or_else(|| Error::internal("?", "slot without a type"))?;
                        let value = self.builder.build_load(llvm_ty, slot, "")?;
                        if *ty == Type::Int {
                            let word = value.into_int_value();
                            self.assume_small_read(v.index(), word)?;
                            if let Some(bit) = self.slot_small.get(&v.index()).copied() {
                                self.small_bits.insert(word, bit);
                            }
                            if let Some(raw) = self.slot_raw.get(&v.index()).copied() {
                                self.raw_of_word.insert(word, raw);
                            }
                        }
                        Val::from_basic(ty, Some(value))
                    }
                    None => Val::from_basic(ty, None),
                }
            }
        }
    }

    pub fn constant(&mut self, c: &Const) -> Result<Val<'ctx>> {
        let context = self.m.context;
        Ok(match c {
            // Function values are erased to None before code generation.
            Const::None | Const::Function(_) | Const::Builtin(_) => Val::None,
            Const::Bool(b) => Val::Bool(context.bool_type().const_int(*b as u64, false)),
            Const::Float(d) => Val::Float(context.f64_type().const_float(*d)),
            Const::Int(frontend::ast::Int::Small(i)) if super::values::fits_small(*i) => {
                Val::Int(context.i64_type().const_int(super::values::tag(*i), false))
            }
            Const::Int(big) => {
                // In hexadecimal: decimal text of more than 4300 digits is what
                // CPython's (and the runtime's) int() refuses.
                let hex = match big {
                    frontend::ast::Int::Small(i) if *i < 0 => {
                        format!("-{:x}", i.unsigned_abs())
                    }
                    frontend::ast::Int::Small(i) => format!("{i:x}"),
                    frontend::ast::Int::Big(b) => b.to_str_radix(16),
                };
                let g = self.m.constants.big_int(context, &self.m.module, &hex);
                let v =
                    self.builder
                        .build_load(context.i64_type(), g.as_pointer_value(), "bigint")?;
                Val::Int(v.into_int_value())
            }
            Const::Str(s) => Val::Str(self.str_constant(s.as_wtf8(), s.len_code_points())),
        })
    }

    pub fn str_constant(&mut self, bytes: &[u8], code_points: usize) -> PointerValue<'ctx> {
        self.m
            .constants
            .kr_str(self.m.context, &self.m.module, bytes, code_points)
    }

    pub fn c_string(&mut self, bytes: &[u8]) -> PointerValue<'ctx> {
        self.m
            .constants
            .c_string(self.m.context, &self.m.module, bytes)
    }

    /// Stores `value` into `dst`; a variable without storage (None) takes nothing.
    pub fn store(&mut self, dst: VarId, value: Val<'ctx>) -> Result<()> {
        let ty = self.var_type(dst)?;
        if *ty == Type::Never {
            // No value has this type: the code storing one never runs (`max([])`
            // raised before it, and a trap follows).
            return Ok(());
        }
        let value = self.coerce(value, ty)?;
        if self.in_register.get(dst.index()).copied().unwrap_or(false) {
            if let Some(r) = self.registers.get_mut(dst.index()) {
                *r = value.basic();
            }
            return Ok(());
        }
        if let (Some(slot), Some(v)) = (
            self.slots.get(dst.index()).copied().flatten(),
            value.basic(),
        ) {
            self.builder.build_store(slot, v)?;
            let bit = match value {
                Val::Int(word) => self.small_bits.get(&word).copied(),
                _ => None,
            };
            match bit {
                Some(bit) => self.slot_small.insert(dst.index(), bit),
                None => self.slot_small.remove(&dst.index()),
            };
            let raw = match value {
                Val::Int(word) => self.raw_of_word.get(&word).copied(),
                _ => None,
            };
            match raw {
                Some(raw) => self.slot_raw.insert(dst.index(), raw),
                None => self.slot_raw.remove(&dst.index()),
            };
        }
        if let Some(flag) = self.flags.get(dst.index()).copied().flatten() {
            let yes = self.m.context.bool_type().const_int(1, false);
            self.builder.build_store(flag, yes)?;
        }
        self.assigned.insert(dst.index());
        Ok(())
    }

    /// Converts a value to the representation of `to`, as Python's numeric tower does
    /// implicitly (bool -> int -> float); anything else must already match.
    pub fn coerce(&mut self, value: Val<'ctx>, to: &Type) -> Result<Val<'ctx>> {
        Ok(match (value, to) {
            (Val::None, Type::NoneType)
            | (Val::Bool(_), Type::Bool)
            | (Val::Int(_), Type::Int)
            | (Val::Float(_), Type::Float)
            | (Val::Str(_), Type::Str) => value,
            (Val::Obj(_), Type::List(_) | Type::Tuple(_) | Type::Dict(..) | Type::Set(_))
            | (Val::Raw(_), Type::I64) => value,
            (Val::Dyn(_), Type::Dyn) => value,
            (Val::Dyn(d), t) => self.unbox(d, t)?,
            (v, Type::Dyn) => Val::Dyn(self.box_own(v)?),
            (v, Type::Optional(inner)) => self.optional_word(v, inner)?,
            (Val::Bool(b), Type::Int) => Val::Int(self.bool_to_int(b)?),
            (Val::Bool(b), Type::Float) => Val::Float(self.builder.build_unsigned_int_to_float(
                b,
                self.m.context.f64_type(),
                "",
            )?),
            (Val::Int(i), Type::Float) => Val::Float(self.int_to_float(i)?),
            (v, t) => {
                return Err(Error::internal(
                    "?",
                    format!("cannot represent {v:?} as '{t}' (line {})", self.line),
                ))
            }
        })
    }

    // ---- calls and error checks -------------------------------------------------

    /// Calls a runtime function; its result, if it has one.
    pub fn call_runtime(
        &mut self,
        name: &str,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Result<Option<BasicValueEnum<'ctx>>> {
        let function = self.m.runtime(name)?;
        let call = self.builder.build_call(function, args, "")?;
        Ok(call.try_as_basic_value().basic())
    }

    /// Calls a runtime function that returns a `kr_value` and KR_ERROR on failure.
    pub fn call_runtime_value(
        &mut self,
        name: &str,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Result<IntValue<'ctx>> {
        let result = self
            .call_runtime(name, args)?
            .ok_or_else(|| Error::internal("?", format!("{name} returns nothing")))?
            .into_int_value();
        let zero = self.m.context.i64_type().const_zero();
        let failed = self
            .builder
            .build_int_compare(IntPredicate::EQ, result, zero, "failed")?;
        self.branch_if_failed(failed)?;
        Ok(result)
    }

    /// Calls a runtime function that returns a `kr_str *`, NULL on failure.
    pub fn call_runtime_str(
        &mut self,
        name: &str,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Result<PointerValue<'ctx>> {
        let result = self
            .call_runtime(name, args)?
            .ok_or_else(|| Error::internal("?", format!("{name} returns nothing")))?
            .into_pointer_value();
        let failed = self.builder.build_is_null(result, "failed")?;
        self.branch_if_failed(failed)?;
        Ok(result)
    }

    /// Calls a runtime function that returns a double and reports failure through a
    /// trailing `bool *error` parameter.
    pub fn call_runtime_double(
        &mut self,
        name: &str,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Result<FloatValue<'ctx>> {
        Ok(self
            .call_runtime_flagged(name, args)?
            .ok_or_else(|| Error::internal("?", format!("{name} returns nothing")))?
            .into_float_value())
    }

    /// Continues in a new block when `failed` is false; jumps to the error path
    /// (with the current line) when it is true, which is marked unlikely.
    pub fn branch_if_failed(&mut self, failed: IntValue<'ctx>) -> Result<()> {
        let context = self.m.context;
        let expected = self.expect(failed, false)?;
        let target = self.error_target()?;
        let ok = context.append_basic_block(self.llvm, "ok");
        self.builder
            .build_conditional_branch(expected, target, ok)?;
        self.builder.position_at_end(ok);
        Ok(())
    }

    /// Records where the error path is entered from `block`: the current line and
    /// its traceback caret line (NULL when CPython would print none, or when the
    /// failing operation is not the current instruction's whole range).
    fn add_error_site(&mut self, block: BasicBlock<'ctx>) -> Result<()> {
        let (_, line_phi, caret_phi) = self.error_block()?;
        let context = self.m.context;
        let line = context.i32_type().const_int(self.line as u64, false);
        let carets = match self.caret_range {
            Some(range) => match (self.m.source.carets)(range) {
                Some(text) => self.c_string(text.as_bytes()),
                None => context.ptr_type(Default::default()).const_null(),
            },
            None => context.ptr_type(Default::default()).const_null(),
        };
        line_phi.add_incoming(&[(&line, block)]);
        caret_phi.add_incoming(&[(&carets, block)]);
        Ok(())
    }

    /// `cond`, marked as almost always `likely` for block placement
    /// (`llvm.expect`, lowered into branch weights by the optimiser).
    pub fn expect(&mut self, cond: IntValue<'ctx>, likely: bool) -> Result<IntValue<'ctx>> {
        let bool_type = self.m.context.bool_type();
        let expect = Intrinsic::find("llvm.expect")
            .and_then(|i| i.get_declaration(&self.m.module, &[bool_type.into()]))
            .ok_or_else(|| Error::internal("?", "llvm.expect is missing"))?;
        Ok(self
            .builder
            .build_call(
                expect,
                &[
                    cond.into(),
                    bool_type.const_int(likely as u64, false).into(),
                ],
                "",
            )?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| Error::internal("?", "llvm.expect returned nothing"))?
            .into_int_value())
    }

    /// Ends the current block with a jump to the error path (the exception is set).
    pub fn branch_to_error(&mut self) -> Result<()> {
        let target = self.error_target()?;
        self.builder.build_unconditional_branch(target)?;
        Ok(())
    }

    /// Where a failure of the current operation jumps: the error block, or,
    /// inside a frame lowering inlined (a comprehension), a block that first adds
    /// the traceback entries CPython's frames for it would have (innermost first),
    /// then enters the error block with the line of the outermost one.
    fn error_target(&mut self) -> Result<BasicBlock<'ctx>> {
        let (error_block, _, _) = self.error_block()?;
        let here = self.current_block()?;
        if self.frame == 0 {
            self.add_error_site(here)?;
            return Ok(error_block);
        }
        let context = self.m.context;
        let frames_block = context.append_basic_block(self.llvm, "inlined.frames");
        self.builder.position_at_end(frames_block);
        let (saved_line, saved_caret) = (self.line, self.caret_range);
        let file = self.c_string(self.m.source.name.as_bytes());
        let mut k = self.frame as usize;
        while let Some(frame) = k.checked_sub(1).and_then(|i| self.f.frames.get(i)) {
            let name = self.c_string(frame.name.as_bytes());
            let line = context.i32_type().const_int(self.line as u64, false);
            let carets = match self.caret_range.and_then(|r| (self.m.source.carets)(r)) {
                Some(text) => self.c_string(text.as_bytes()),
                None => context.ptr_type(Default::default()).const_null(),
            };
            self.call_runtime(
                "kr_traceback_add_at",
                &[file.into(), line.into(), name.into(), carets.into()],
            )?;
            self.line = (self.m.source.line_of)(frame.range.start);
            self.caret_range = Some(frame.range);
            k = frame.parent as usize;
        }
        self.add_error_site(frames_block)?;
        self.builder.build_unconditional_branch(error_block)?;
        (self.line, self.caret_range) = (saved_line, saved_caret);
        self.builder.position_at_end(here);
        Ok(frames_block)
    }

    pub fn current_block(&self) -> Result<BasicBlock<'ctx>> {
        self.builder
            .get_insert_block()
            .ok_or_else(|| Error::internal("?", "builder has no position"))
    }

    pub(super) fn error_block(
        &mut self,
    ) -> Result<(BasicBlock<'ctx>, PhiValue<'ctx>, PhiValue<'ctx>)> {
        if let Some(e) = self.error {
            return Ok(e);
        }
        let here = self.current_block()?;
        let block = self.m.context.append_basic_block(self.llvm, "error");
        self.builder.position_at_end(block);
        let line = self.builder.build_phi(self.m.context.i32_type(), "line")?;
        let carets = self
            .builder
            .build_phi(self.m.context.ptr_type(Default::default()), "carets")?;
        self.builder.position_at_end(here);
        self.error = Some((block, line, carets));
        Ok((block, line, carets))
    }

    /// The error path: one traceback entry, then the result type's sentinel.
    pub(super) fn finish_error_block(&mut self) -> Result<()> {
        let Some((block, line, carets)) = self.error else {
            return Ok(());
        };
        self.builder.position_at_end(block);
        let file = self.c_string(self.m.source.name.as_bytes());
        let name = self.c_string(self.f.name.as_bytes());
        self.call_runtime(
            "kr_traceback_add_at",
            &[
                file.into(),
                line.as_basic_value().into(),
                name.into(),
                carets.as_basic_value().into(),
            ],
        )?;
        self.tail_traceback(file, name)?;
        self.return_with(None, true)
    }

    /// Traps (the code cannot run) and continues in a block nothing reaches.
    pub fn trap(&mut self) -> Result<()> {
        let trap = Intrinsic::find("llvm.trap")
            .and_then(|i| i.get_declaration(&self.m.module, &[]))
            .ok_or_else(|| Error::internal("?", "llvm.trap is missing"))?;
        self.builder.build_call(trap, &[], "")?;
        self.builder.build_unreachable()?;
        let dead = self.m.context.append_basic_block(self.llvm, "dead");
        self.builder.position_at_end(dead);
        Ok(())
    }

    // ---- instructions -----------------------------------------------------------

    pub(super) fn instruction(&mut self, inst: &Inst) -> Result<()> {
        for op in inst.kind.operands() {
            if self.operand_is_never(op) {
                return self.read_never(op);
            }
        }
        let here = (self.current_block, self.current_inst);
        if self.str_append_at(here, &inst.kind)? {
            return Ok(());
        }
        match &inst.kind {
            InstKind::Copy { dst, src } => {
                let ty = self.var_type(*dst)?.clone();
                let v = self.operand_to(src, &ty)?;
                self.store(*dst, v)
            }
            InstKind::Binary {
                dst,
                op,
                lhs,
                rhs,
                inplace,
            } => {
                let result_type = self.var_type(*dst)?;
                if *result_type == Type::I64 {
                    return self.counter_step(*dst, lhs, rhs);
                }
                if *result_type == Type::Dyn {
                    return self.dyn_binary(*dst, *op, lhs, rhs, *inplace);
                }
                if matches!(result_type, Type::Set(_)) {
                    let v = self.set_algebra(*op, lhs, rhs, *inplace)?;
                    return self.store(*dst, v);
                }
                if let Some(v) = self.list_binary(*op, lhs, rhs, *inplace, result_type)? {
                    return self.store(*dst, v);
                }
                if let Some(v) = self.sequence_binary(*op, lhs, rhs, result_type)? {
                    return self.store(*dst, v);
                }
                let a = self.operand(lhs)?;
                let b = self.operand(rhs)?;
                let result_type = self.var_type(*dst)?;
                let v = self.binary(*op, a, b, result_type)?;
                self.store(*dst, v)
            }
            InstKind::Unary { dst, op, operand } => {
                if *self.var_type(*dst)? == Type::Dyn || self.op_type(operand) == Type::Dyn {
                    let v = self.dyn_unary(*op, operand)?;
                    return self.store(*dst, v);
                }
                let a = self.operand(operand)?;
                let v = self.unary(*op, a)?;
                self.store(*dst, v)
            }
            InstKind::Not { dst, operand } => {
                let a = self.operand(operand)?;
                let t = self.truth_typed(a, operand)?;
                let v = self.builder.build_not(t, "not")?;
                self.store(*dst, Val::Bool(v))
            }
            InstKind::Compare { dst, op, lhs, rhs } => {
                if typeinfer::infer::compare_is_dynamic(*op, &self.op_type(lhs), &self.op_type(rhs))
                {
                    let tested = self.tested.get(dst.index()).copied().unwrap_or(false);
                    let check = (!self.is_module).then_some(tested);
                    let v = self.dyn_compare(*op, lhs, rhs, check)?;
                    return self.store(*dst, Val::Bool(v));
                }
                if let Some(v) = self.optional_compare(*op, lhs, rhs)? {
                    return self.store(*dst, Val::Bool(v));
                }
                if self.op_type(lhs) == Type::I64 {
                    return self.counter_compare(*dst, *op, lhs, rhs);
                }
                let (lt, rt) = (self.op_type(lhs), self.op_type(rhs));
                let tested = self.tested.get(dst.index()).copied().unwrap_or(false);
                if !self.is_module && super::compare::unspecialised(*op, &lt, &rt, tested) {
                    self.comparison_depth_check()?;
                }
                if let Some(v) = self.sequence_compare(*op, lhs, rhs)? {
                    return self.store(*dst, Val::Bool(v));
                }
                let a = self.operand(lhs)?;
                let b = self.operand(rhs)?;
                // Two ints in a test: only big ones (the slow path) are unspecialised.
                self.check_big_int_comparison = !self.is_module && tested;
                let v = self.compare(*op, a, b);
                self.check_big_int_comparison = false;
                self.store(*dst, Val::Bool(v?))
            }
            InstKind::Truth { dst, value } => {
                let a = self.operand(value)?;
                let v = self.truth_typed(a, value)?;
                self.store(*dst, Val::Bool(v))
            }
            InstKind::Index { dst, value } => {
                let a = self.operand(value)?;
                if let Val::Raw(i) = a {
                    let v = self.tag_small(i)?;
                    return self.store(*dst, Val::Int(v));
                }
                if let Val::Dyn(d) = a {
                    let v = self.call_runtime_value("kr_dyn_index", &[d.into()])?;
                    return self.store(*dst, Val::Int(v));
                }
                let v = self.coerce(a, &Type::Int)?;
                self.store(*dst, v)
            }
            InstKind::Call {
                dst,
                func,
                args,
                plus,
            } => self.call(*dst, *func, args, plus.as_ref()),
            InstKind::CallValue { .. } => Err(Error::internal(
                "?",
                "a call through a value that inference did not resolve".to_string(),
            )),
            InstKind::CallBuiltin {
                dst,
                builtin,
                args,
                keywords,
            } => {
                let types: Vec<Type> = args.iter().map(|a| self.op_type(a)).collect();
                self.check_call_levels(super::call_levels::of_builtin(*builtin, &types))?;
                if let (typeinfer::ir::Builtin::IsInstance(kinds), [value]) =
                    (builtin, args.as_slice())
                {
                    let v = self.isinstance(*kinds, value)?;
                    return self.store(*dst, Val::Bool(v));
                }
                if *self.var_type(*dst)? == Type::Dyn {
                    if let Some(v) = self.dyn_builtin(*builtin, args)? {
                        return self.store(*dst, v);
                    }
                }
                if let Some(v) = self.sequence_builtin(*dst, *builtin, args, keywords)? {
                    return self.store(*dst, v);
                }
                let v = self.builtin(*builtin, args, keywords)?;
                self.store(*dst, v)
            }
            InstKind::BuildList { dst, items } => self.build_list(*dst, items),
            InstKind::BuildDict { dst, keys, values } => self.build_dict(*dst, keys, values),
            InstKind::BuildSet { dst, items } => self.build_set(*dst, items),
            InstKind::BuildTuple { dst, items } => self.build_tuple(*dst, items),
            InstKind::GetItem { dst, value, index } => self.get_item(*dst, value, index),
            InstKind::SetItem { value, index, item } => self.set_item(value, index, item),
            InstKind::DelItem { value, index } => self.del_item(value, index),
            InstKind::DelSlice {
                value,
                start,
                stop,
                step,
            } => self.del_slice(value, [start, stop, step]),
            InstKind::SetSlice {
                value,
                start,
                stop,
                step,
                item,
            } => self.set_slice(value, [start, stop, step], item),
            InstKind::Slice {
                dst,
                value,
                start,
                stop,
                step,
            } => self.slice(*dst, value, [start, stop, step]),
            InstKind::CallMethod {
                dst,
                receiver,
                method,
                args,
                keywords,
                ..
            } => {
                // An optional receiver is checked for None first.
                let ty = self.op_type_raw(receiver);
                self.check_call_levels(super::call_levels::of_method(&ty, method))?;
                self.list_method(*dst, receiver, method, args, keywords)
            }
            InstKind::UnpackCheck {
                value,
                count,
                at_least,
            } => self.unpack_check(value, *count, *at_least),
            InstKind::TailFrame { forget } => self.tail_frame(forget),
            InstKind::InitialSum { dst } => {
                let sum = self.initial_sum.ok_or_else(|| {
                    Error::internal("?", "an initial sum in a function that takes none")
                })?;
                self.store(*dst, Val::Int(sum))
            }
            InstKind::Format {
                dst,
                value,
                fstring,
                conversion,
                spec,
            } => {
                if *fstring {
                    let ty = self.op_type(value);
                    let levels = super::call_levels::of_format(&ty, *conversion, spec.is_some());
                    self.check_call_levels(levels)?;
                }
                self.format_field(*dst, value, *conversion, spec.as_ref())
            }
            InstKind::JoinStr { dst, parts } => self.join_str(*dst, parts),
            InstKind::LoadGlobal { dst, global } => {
                self.check_global_assigned(global.index())?;
                let ty = self.global_type(global.index())?;
                let v = match self.m.globals.get(global.index()).copied().flatten() {
                    Some(g) => {
                        let llvm_ty = storage_type(self.m.context, ty)?
                            .ok_or_else(|| Error::internal("?", "global without a type"))?;
                        let v = self.builder.build_load(llvm_ty, g.as_pointer_value(), "")?;
                        Val::from_basic(ty, Some(v))?
                    }
                    None if *ty == Type::NoneType => Val::None,
                    // Never stored anywhere: the load cannot run.
                    None => return self.trap(),
                };
                self.store(*dst, v)
            }
            InstKind::DefFunction { func } => {
                let flag = self.m.defined_flag(*func);
                let yes = self.m.context.bool_type().const_int(1, false);
                self.builder.build_store(flag.as_pointer_value(), yes)?;
                let slot = assigned::function_slot(self.f, self.m.program.globals.len(), *func);
                self.assigned.insert(slot);
                Ok(())
            }
            InstKind::StoreGlobal { global, src } => {
                let ty = self.global_type(global.index())?;
                let v = self.operand_to(src, ty)?;
                if let (Some(g), Some(v)) = (
                    self.m.globals.get(global.index()).copied().flatten(),
                    v.basic(),
                ) {
                    self.builder.build_store(g.as_pointer_value(), v)?;
                }
                if let Some(flag) = self.m.global_flags.get(global.index()).copied().flatten() {
                    let yes = self.m.context.bool_type().const_int(1, false);
                    self.builder.build_store(flag.as_pointer_value(), yes)?;
                }
                let slot = assigned::global_slot(self.f, global.index());
                self.assigned.insert(slot);
                Ok(())
            }
        }
    }

    /// `bool(v)` of an operand (optionals need their type).
    fn truth_typed(&mut self, v: Val<'ctx>, op: &Operand) -> Result<IntValue<'ctx>> {
        match v {
            Val::Opt(_) => {
                let ty = self.op_type(op);
                self.optional_truth(v, &ty)
            }
            v => self.truth(v),
        }
    }

    pub(super) fn global_type(&self, index: usize) -> Result<&'p Type> {
        self.m
            .program
            .globals
            .get(index)
            .map(|g| &g.ty)
            .ok_or_else(|| Error::internal("?", "global id out of range"))
    }

    pub fn bool_to_int(&mut self, b: IntValue<'ctx>) -> Result<IntValue<'ctx>> {
        let i64_type = self.m.context.i64_type();
        let one = i64_type.const_int(super::values::tag(1), false);
        let zero = i64_type.const_int(super::values::tag(0), false);
        Ok(self
            .builder
            .build_select(b, one, zero, "int")?
            .into_int_value())
    }
}

/// Where CPython 3.11 locates an instruction: a method call whose name is on a later
/// line than its receiver starts (`xs\n    .pop()`) at the name, as its compiler
/// moves the call there.
fn located_range(kind: &InstKind, range: TextRange, line_of: &dyn Fn(u32) -> u32) -> TextRange {
    if let InstKind::CallMethod {
        method,
        attribute_end,
        ..
    } = kind
    {
        let name_start = attribute_end.saturating_sub(method.len() as u32);
        if name_start > range.start && line_of(name_start) != line_of(range.start) {
            return TextRange::new(name_start, range.end);
        }
    }
    range
}

/// The range a failure of this instruction is reported at with carets: those whose
/// range is the expression CPython attributes the error to.
fn caret_range(kind: &InstKind, range: TextRange) -> Option<TextRange> {
    match kind {
        // CPython prints no caret line for a `for` over something not iterable.
        InstKind::CallBuiltin {
            builtin: typeinfer::ir::Builtin::IterLen(false),
            ..
        } => None,
        InstKind::Binary { .. }
        | InstKind::Unary { .. }
        | InstKind::GetItem { .. }
        | InstKind::SetItem { .. }
        | InstKind::DelItem { .. }
        | InstKind::DelSlice { .. }
        | InstKind::SetSlice { .. }
        | InstKind::Index { .. }
        | InstKind::Slice { .. }
        | InstKind::Call { .. }
        | InstKind::CallBuiltin { .. }
        | InstKind::CallMethod { .. }
        | InstKind::LoadGlobal { .. }
        | InstKind::Compare { .. }
        | InstKind::Format { .. }
        | InstKind::UnpackCheck { .. }
        | InstKind::TailFrame { .. } => Some(range),
        _ => None,
    }
}

/// CPython's default `sys.getrecursionlimit()`.
pub(super) const RECURSION_LIMIT: u64 = 1000;

/// The runtime's number for an exception kind.
pub(super) fn exc_kind(enumerator: &str) -> Result<i64> {
    abi::exc_kind_value(enumerator).ok_or_else(|| {
        Error::internal(
            "?",
            format!("the runtime header does not define {enumerator}"),
        )
    })
}
