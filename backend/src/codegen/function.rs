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
use typeinfer::ir::{Const, FuncId, Function, Inst, InstKind, Operand, Terminator, VarId};
use typeinfer::types::Type;

impl From<BuilderError> for Error {
    fn from(e: BuilderError) -> Self {
        Error::internal("?", format!("LLVM builder: {e}"))
    }
}

pub(crate) struct FunctionGen<'m, 'ctx, 'p> {
    pub m: &'m mut ModuleGen<'ctx, 'p>,
    pub f: &'p Function,
    pub llvm: FunctionValue<'ctx>,
    pub builder: Builder<'ctx>,
    slots: Vec<Option<PointerValue<'ctx>>>,
    blocks: Vec<BasicBlock<'ctx>>,
    /// The error block and the phi of the failing line, made on first use.
    error: Option<(BasicBlock<'ctx>, PhiValue<'ctx>)>,
    /// The `bool *error` out-parameter of the runtime's double-returning functions.
    flag: PointerValue<'ctx>,
    /// Per block: the variables certainly assigned when it starts (`assigned`).
    definite: Vec<Vec<bool>>,
    /// The same while generating the current block.
    assigned: Vec<bool>,
    /// "Has been assigned" flags of locals whose representation has no empty value
    /// (float, bool, None), for reads that may come before any assignment.
    flags: Vec<Option<PointerValue<'ctx>>>,
    /// True for `<module>`, whose frame has no variables of its own.
    is_module: bool,
    /// The source line and range of the instruction being generated.
    pub line: u32,
    pub range: TextRange,
}

impl<'m, 'ctx, 'p> FunctionGen<'m, 'ctx, 'p> {
    pub fn generate(m: &'m mut ModuleGen<'ctx, 'p>, id: FuncId) -> Result<()> {
        let program = m.program;
        let f = program
            .functions
            .get(id.index())
            .ok_or_else(|| Error::internal("?", "function id out of range"))?;
        let llvm = *m
            .functions
            .get(id.index())
            .ok_or_else(|| Error::internal("?", "function was not declared"))?;
        let context = m.context;
        let builder = context.create_builder();
        let entry = context.append_basic_block(llvm, "entry");
        builder.position_at_end(entry);
        let flag = builder.build_alloca(context.i8_type(), "error.flag")?;
        let mut slots = Vec::with_capacity(f.vars.len());
        for (i, var) in f.vars.iter().enumerate() {
            slots.push(match storage_type(context, &var.ty)? {
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
        let definite = assigned::definitely_assigned(f, program.globals.len());
        let mut llvm_params = llvm.get_param_iter();
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
            assigned: Vec::new(),
            flags,
            is_module: id == program.main,
            line: 0,
            range: f.range,
        };
        gen.line = (gen.m.source.line_of)(f.range.start);
        gen.enter()?;
        match gen.blocks.first() {
            Some(first) => gen.builder.build_unconditional_branch(*first)?,
            None => gen.builder.build_unreachable()?,
        };
        for (b, block) in f.blocks.iter().enumerate() {
            gen.builder.position_at_end(gen.blocks[b]);
            gen.assigned = gen.definite.get(b).cloned().unwrap_or_default();
            for inst in &block.insts {
                gen.line = (gen.m.source.line_of)(inst.range.start);
                gen.range = inst.range;
                gen.instruction(inst)?;
            }
            gen.line = (gen.m.source.line_of)(block.term_range.start);
            gen.range = block.term_range;
            gen.terminator(&block.term)?;
        }
        gen.finish_error_block()
    }

    // ---- the recursion limit ----------------------------------------------------

    /// Counts the frame in and raises RecursionError past CPython's default limit of
    /// 1000 frames (`<module>` included), as python3 would, instead of overflowing
    /// the native stack.
    fn enter(&mut self) -> Result<()> {
        let depth_global = self.m.depth_counter();
        let i32_type = self.m.context.i32_type();
        let depth = self
            .builder
            .build_load(i32_type, depth_global, "depth")?
            .into_int_value();
        let depth = self
            .builder
            .build_int_add(depth, i32_type.const_int(1, false), "depth")?;
        self.builder.build_store(depth_global, depth)?;
        let too_deep = self.builder.build_int_compare(
            IntPredicate::UGT,
            depth,
            i32_type.const_int(RECURSION_LIMIT, false),
            "too.deep",
        )?;
        let too_deep = self.expect(too_deep, false)?;
        let raise = self.m.context.append_basic_block(self.llvm, "recursion");
        let ok = self.m.context.append_basic_block(self.llvm, "body");
        self.builder.build_conditional_branch(too_deep, raise, ok)?;
        self.builder.position_at_end(raise);
        let kind = exc_kind("KR_EXC_RECURSION")?;
        let kind = i32_type.const_int(kind as u64, false);
        let text = "maximum recursion depth exceeded";
        let message = self.str_constant(text.as_bytes(), text.len());
        self.call_runtime("kr_raise_str", &[kind.into(), message.into()])?;
        self.branch_to_error()?;
        self.builder.position_at_end(ok);
        Ok(())
    }

    /// Counts the frame out; before every return.
    fn leave(&mut self) -> Result<()> {
        let depth_global = self.m.depth_counter();
        let i32_type = self.m.context.i32_type();
        let depth = self
            .builder
            .build_load(i32_type, depth_global, "depth")?
            .into_int_value();
        let depth = self
            .builder
            .build_int_sub(depth, i32_type.const_int(1, false), "depth")?;
        self.builder.build_store(depth_global, depth)?;
        Ok(())
    }

    // ---- variables and operands -------------------------------------------------

    pub fn var_type(&self, v: VarId) -> Result<&'p Type> {
        self.f
            .vars
            .get(v.index())
            .map(|var| &var.ty)
            .ok_or_else(|| Error::internal("?", format!("variable %{} does not exist", v.0)))
    }

    fn operand_is_never(&self, op: &Operand) -> bool {
        matches!(op, Operand::Var(v) if matches!(self.var_type(*v), Ok(Type::Never) | Err(_)))
    }

    pub fn operand(&mut self, op: &Operand) -> Result<Val<'ctx>> {
        match op {
            Operand::Const(c) => self.constant(c),
            Operand::Var(v) => {
                let ty = self.var_type(*v)?;
                if !self.assigned.get(v.index()).copied().unwrap_or(true) {
                    self.check_local_assigned(*v)?;
                }
                match self.slots.get(v.index()).copied().flatten() {
                    Some(slot) => {
                        let llvm_ty = storage_type(self.m.context, ty)?
                            .ok_or_else(|| Error::internal("?", "slot without a type"))?;
                        let value = self.builder.build_load(llvm_ty, slot, "")?;
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
            Const::None => Val::None,
            Const::Bool(b) => Val::Bool(context.bool_type().const_int(*b as u64, false)),
            Const::Float(d) => Val::Float(context.f64_type().const_float(*d)),
            Const::Int(frontend::ast::Int::Small(i)) if super::values::fits_small(*i) => {
                Val::Int(context.i64_type().const_int(super::values::tag(*i), false))
            }
            Const::Int(big) => {
                let decimal = match big {
                    frontend::ast::Int::Small(i) => i.to_string(),
                    frontend::ast::Int::Big(b) => b.to_string(),
                };
                let g = self.m.constants.big_int(context, &self.m.module, &decimal);
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
        let value = self.coerce(value, ty)?;
        if let (Some(slot), Some(v)) = (
            self.slots.get(dst.index()).copied().flatten(),
            value.basic(),
        ) {
            self.builder.build_store(slot, v)?;
        }
        if let Some(flag) = self.flags.get(dst.index()).copied().flatten() {
            let yes = self.m.context.bool_type().const_int(1, false);
            self.builder.build_store(flag, yes)?;
        }
        if let Some(a) = self.assigned.get_mut(dst.index()) {
            *a = true;
        }
        Ok(())
    }

    // ---- reads before assignment ------------------------------------------------

    /// Raises UnboundLocalError unless local `v` has been assigned; afterwards it
    /// certainly has (the other path left the function).
    fn check_local_assigned(&mut self, v: VarId) -> Result<()> {
        if let Some(a) = self.assigned.get_mut(v.index()) {
            *a = true;
        }
        let name = self
            .f
            .vars
            .get(v.index())
            .and_then(|var| var.name.as_deref())
            .unwrap_or("?")
            .to_string();
        let message = format!(
            "cannot access local variable '{name}' where it is not associated with a value"
        );
        let ty = self.var_type(v)?;
        let missing = match (self.slots.get(v.index()).copied().flatten(), ty) {
            (Some(slot), Type::Int | Type::Str) => {
                let llvm_ty = storage_type(self.m.context, ty)?
                    .ok_or_else(|| Error::internal("?", "slot without a type"))?;
                let value = self.builder.build_load(llvm_ty, slot, "")?;
                self.is_empty(value)?
            }
            _ => match self.flags.get(v.index()).copied().flatten() {
                Some(flag) => {
                    let bool_type = self.m.context.bool_type();
                    let set = self
                        .builder
                        .build_load(bool_type, flag, "")?
                        .into_int_value();
                    self.builder.build_not(set, "unbound")?
                }
                // Never assigned at all.
                None => self.m.context.bool_type().const_int(1, false),
            },
        };
        self.raise_if(missing, "KR_EXC_UNBOUND_LOCAL", &message)
    }

    /// Raises NameError unless module variable `global` has been assigned.
    fn check_global_assigned(&mut self, global: usize) -> Result<()> {
        let slot = assigned::global_slot(self.f, global);
        if self.assigned.get(slot).copied().unwrap_or(true) {
            return Ok(());
        }
        if let Some(a) = self.assigned.get_mut(slot) {
            *a = true;
        }
        let g = self
            .m
            .program
            .globals
            .get(global)
            .ok_or_else(|| Error::internal("?", "global id out of range"))?;
        let message = self.name_error_message(&g.name);
        let missing = match (self.m.globals.get(global).copied().flatten(), &g.ty) {
            (Some(storage), Type::Int | Type::Str) => {
                let llvm_ty = storage_type(self.m.context, &g.ty)?
                    .ok_or_else(|| Error::internal("?", "global without a type"))?;
                let value = self
                    .builder
                    .build_load(llvm_ty, storage.as_pointer_value(), "")?;
                self.is_empty(value)?
            }
            _ => match self.m.global_flags.get(global).copied().flatten() {
                Some(flag) => {
                    let bool_type = self.m.context.bool_type();
                    let set = self
                        .builder
                        .build_load(bool_type, flag.as_pointer_value(), "")?
                        .into_int_value();
                    self.builder.build_not(set, "unbound")?
                }
                None => self.m.context.bool_type().const_int(1, false),
            },
        };
        self.raise_if(missing, "KR_EXC_NAME", &message)
    }

    /// NameError's message, with CPython's suggestion among the names the frame
    /// sees: its variables, the module's globals (all of them, as if assigned),
    /// the builtins.
    fn name_error_message(&self, name: &str) -> String {
        let mut varnames: Vec<&str> = Vec::new();
        if !self.is_module {
            for p in &self.f.params {
                if let Some(n) = self.f.vars.get(p.index()).and_then(|v| v.name.as_deref()) {
                    varnames.push(n);
                }
            }
            for var in &self.f.vars {
                if let Some(n) = var.name.as_deref() {
                    if !varnames.contains(&n) {
                        varnames.push(n);
                    }
                }
            }
        }
        let mut globals: Vec<&str> = crate::suggest::MODULE_DUNDERS.to_vec();
        let program = self.m.program;
        let names = program
            .globals
            .iter()
            .map(|g| &*g.name)
            .chain(program.functions.iter().map(|f| &*f.name));
        for n in names {
            if n != "<module>" && n != name && !globals.contains(&n) {
                globals.push(n);
            }
        }
        crate::suggest::name_error_message(name, &varnames, &globals)
    }

    /// True when an int or str slot holds no value yet (the zero word / NULL).
    fn is_empty(&mut self, value: BasicValueEnum<'ctx>) -> Result<IntValue<'ctx>> {
        Ok(match value {
            BasicValueEnum::PointerValue(p) => self.builder.build_is_null(p, "unbound")?,
            other => {
                let i = other.into_int_value();
                let zero = i.get_type().const_zero();
                self.builder
                    .build_int_compare(IntPredicate::EQ, i, zero, "unbound")?
            }
        })
    }

    /// Raises `enumerator` with `message` and leaves through the error path when
    /// `cond` holds; continues otherwise.
    fn raise_if(&mut self, cond: IntValue<'ctx>, enumerator: &str, message: &str) -> Result<()> {
        let kind = exc_kind(enumerator)?;
        let cond = self.expect(cond, false)?;
        let raise = self.m.context.append_basic_block(self.llvm, "raise");
        let ok = self.m.context.append_basic_block(self.llvm, "ok");
        self.builder.build_conditional_branch(cond, raise, ok)?;
        self.builder.position_at_end(raise);
        let kind = self.m.context.i32_type().const_int(kind as u64, false);
        let text = self.str_constant(message.as_bytes(), message.chars().count());
        self.call_runtime("kr_raise_str", &[kind.into(), text.into()])?;
        self.branch_to_error()?;
        self.builder.position_at_end(ok);
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

    /// Calls a runtime function that returns a double and reports failure through a
    /// trailing `bool *error` parameter.
    pub fn call_runtime_double(
        &mut self,
        name: &str,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Result<FloatValue<'ctx>> {
        let i8_type = self.m.context.i8_type();
        self.builder.build_store(self.flag, i8_type.const_zero())?;
        let mut all = args.to_vec();
        all.push(self.flag.into());
        let result = self
            .call_runtime(name, &all)?
            .ok_or_else(|| Error::internal("?", format!("{name} returns nothing")))?
            .into_float_value();
        let flag = self
            .builder
            .build_load(i8_type, self.flag, "error")?
            .into_int_value();
        let failed = self.builder.build_int_compare(
            IntPredicate::NE,
            flag,
            i8_type.const_zero(),
            "failed",
        )?;
        self.branch_if_failed(failed)?;
        Ok(result)
    }

    /// Continues in a new block when `failed` is false; jumps to the error path
    /// (with the current line) when it is true, which is marked unlikely.
    pub fn branch_if_failed(&mut self, failed: IntValue<'ctx>) -> Result<()> {
        let context = self.m.context;
        let expected = self.expect(failed, false)?;
        let (error_block, phi) = self.error_block()?;
        let here = self.current_block()?;
        let ok = context.append_basic_block(self.llvm, "ok");
        self.builder
            .build_conditional_branch(expected, error_block, ok)?;
        phi.add_incoming(&[(&context.i32_type().const_int(self.line as u64, false), here)]);
        self.builder.position_at_end(ok);
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
        let (error_block, phi) = self.error_block()?;
        let here = self.current_block()?;
        self.builder.build_unconditional_branch(error_block)?;
        let line = self.m.context.i32_type().const_int(self.line as u64, false);
        phi.add_incoming(&[(&line, here)]);
        Ok(())
    }

    pub fn current_block(&self) -> Result<BasicBlock<'ctx>> {
        self.builder
            .get_insert_block()
            .ok_or_else(|| Error::internal("?", "builder has no position"))
    }

    fn error_block(&mut self) -> Result<(BasicBlock<'ctx>, PhiValue<'ctx>)> {
        if let Some(e) = self.error {
            return Ok(e);
        }
        let here = self.current_block()?;
        let block = self.m.context.append_basic_block(self.llvm, "error");
        self.builder.position_at_end(block);
        let phi = self.builder.build_phi(self.m.context.i32_type(), "line")?;
        self.builder.position_at_end(here);
        self.error = Some((block, phi));
        Ok((block, phi))
    }

    /// The error path: one traceback entry, then the result type's sentinel.
    fn finish_error_block(&mut self) -> Result<()> {
        let Some((block, phi)) = self.error else {
            return Ok(());
        };
        self.builder.position_at_end(block);
        let file = self.c_string(self.m.source.name.as_bytes());
        let name = self.c_string(self.f.name.as_bytes());
        self.call_runtime(
            "kr_traceback_add",
            &[file.into(), phi.as_basic_value().into(), name.into()],
        )?;
        self.leave()?;
        match storage_type(self.m.context, &self.f.return_type)? {
            Some(ty) => self.builder.build_return(Some(&ty.const_zero()))?,
            None => self.builder.build_return(None)?,
        };
        Ok(())
    }

    /// A read of a variable that never gets a value: UnboundLocalError for a local
    /// (Python checks at run time), a trap for a temporary (unreachable code).
    fn read_never(&mut self, op: &Operand) -> Result<()> {
        if let Operand::Var(v) = op {
            let is_named_local = self
                .f
                .vars
                .get(v.index())
                .is_some_and(|var| var.name.is_some())
                && !self.f.params.contains(v);
            if is_named_local {
                self.check_local_assigned(*v)?;
            }
        }
        self.trap()
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

    fn instruction(&mut self, inst: &Inst) -> Result<()> {
        for op in inst_operands(&inst.kind) {
            if self.operand_is_never(op) {
                return self.read_never(op);
            }
        }
        match &inst.kind {
            InstKind::Copy { dst, src } => {
                let v = self.operand(src)?;
                self.store(*dst, v)
            }
            InstKind::Binary { dst, op, lhs, rhs } => {
                let a = self.operand(lhs)?;
                let b = self.operand(rhs)?;
                let result_type = self.var_type(*dst)?;
                let v = self.binary(*op, a, b, result_type)?;
                self.store(*dst, v)
            }
            InstKind::Unary { dst, op, operand } => {
                let a = self.operand(operand)?;
                let v = self.unary(*op, a)?;
                self.store(*dst, v)
            }
            InstKind::Not { dst, operand } => {
                let a = self.operand(operand)?;
                let t = self.truth(a)?;
                let v = self.builder.build_not(t, "not")?;
                self.store(*dst, Val::Bool(v))
            }
            InstKind::Compare { dst, op, lhs, rhs } => {
                let a = self.operand(lhs)?;
                let b = self.operand(rhs)?;
                let v = self.compare(*op, a, b)?;
                self.store(*dst, Val::Bool(v))
            }
            InstKind::Truth { dst, value } => {
                let a = self.operand(value)?;
                let v = self.truth(a)?;
                self.store(*dst, Val::Bool(v))
            }
            InstKind::Index { dst, value } => {
                let a = self.operand(value)?;
                let v = self.coerce(a, &Type::Int)?;
                self.store(*dst, v)
            }
            InstKind::Call { dst, func, args } => self.call(*dst, *func, args),
            InstKind::CallBuiltin {
                dst,
                builtin,
                args,
                keywords,
            } => {
                let v = self.builtin(*builtin, args, keywords)?;
                self.store(*dst, v)
            }
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
            InstKind::StoreGlobal { global, src } => {
                let v = self.operand(src)?;
                let ty = self.global_type(global.index())?;
                let v = self.coerce(v, ty)?;
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
                if let Some(a) = self.assigned.get_mut(slot) {
                    *a = true;
                }
                Ok(())
            }
        }
    }

    fn global_type(&self, index: usize) -> Result<&'p Type> {
        self.m
            .program
            .globals
            .get(index)
            .map(|g| &g.ty)
            .ok_or_else(|| Error::internal("?", "global id out of range"))
    }

    /// A call of a user function. Results with a sentinel (int: 0, str: NULL) are
    /// tested directly; others through `kr_error_occurred()`.
    fn call(&mut self, dst: VarId, func: FuncId, args: &[Operand]) -> Result<()> {
        let callee =
            self.m.program.functions.get(func.index()).ok_or_else(|| {
                Error::internal("?", format!("call of unknown function #{}", func.0))
            })?;
        let llvm_callee = *self
            .m
            .functions
            .get(func.index())
            .ok_or_else(|| Error::internal("?", "callee was not declared"))?;
        let mut values: Vec<BasicMetadataValueEnum> = Vec::new();
        for (arg, param) in args.iter().zip(&callee.params) {
            let v = self.operand(arg)?;
            let ty = callee
                .vars
                .get(param.index())
                .map(|v| &v.ty)
                .ok_or_else(|| Error::internal("?", "callee parameter out of range"))?;
            if let Some(b) = self.coerce(v, ty)?.basic() {
                values.push(b.into());
            }
        }
        let call = self.builder.build_call(llvm_callee, &values, "")?;
        let result = call.try_as_basic_value().basic();
        match (&callee.return_type, result) {
            (Type::Int, Some(r)) => {
                let zero = self.m.context.i64_type().const_zero();
                let failed = self.builder.build_int_compare(
                    IntPredicate::EQ,
                    r.into_int_value(),
                    zero,
                    "failed",
                )?;
                self.branch_if_failed(failed)?;
            }
            (Type::Str, Some(r)) => {
                let failed = self
                    .builder
                    .build_is_null(r.into_pointer_value(), "failed")?;
                self.branch_if_failed(failed)?;
            }
            _ => {
                let failed = self
                    .call_runtime("kr_error_occurred", &[])?
                    .ok_or_else(|| Error::internal("?", "kr_error_occurred returns nothing"))?
                    .into_int_value();
                self.branch_if_failed(failed)?;
            }
        }
        if callee.return_type == Type::Never {
            // The callee never returns normally.
            return self.trap();
        }
        let value = Val::from_basic(&callee.return_type, result)?;
        self.store(dst, value)
    }

    // ---- terminators ------------------------------------------------------------

    fn terminator(&mut self, term: &Terminator) -> Result<()> {
        let block = |b: &typeinfer::ir::BlockId| {
            self.blocks
                .get(b.index())
                .copied()
                .ok_or_else(|| Error::internal("?", format!("jump to missing block bb{}", b.0)))
        };
        match term {
            Terminator::Jump(b) => {
                let target = block(b)?;
                self.builder.build_unconditional_branch(target)?;
            }
            Terminator::Branch {
                cond,
                then_block,
                else_block,
            } => {
                let (then_bb, else_bb) = (block(then_block)?, block(else_block)?);
                if self.operand_is_never(cond) {
                    self.trap()?;
                    self.builder.build_unreachable()?;
                    return Ok(());
                }
                let c = self.operand(cond)?;
                let c = self.truth(c)?;
                self.builder.build_conditional_branch(c, then_bb, else_bb)?;
            }
            Terminator::Return(value) => {
                if self.operand_is_never(value) {
                    self.trap()?;
                    self.builder.build_unreachable()?;
                    return Ok(());
                }
                let v = self.operand(value)?;
                self.leave()?;
                match self.f.return_type {
                    Type::NoneType | Type::Never => {
                        self.builder.build_return(None)?;
                    }
                    ref ty => {
                        let v = self.coerce(v, ty)?;
                        match v.basic() {
                            Some(b) => self.builder.build_return(Some(&b))?,
                            None => self.builder.build_return(None)?,
                        };
                    }
                }
            }
            Terminator::Raise { class, message } => {
                let kind = exc_kind(abi::exc_class_enumerator(*class))?;
                let message = match message {
                    Some(m) if self.operand_is_never(m) => {
                        self.trap()?;
                        self.builder.build_unreachable()?;
                        return Ok(());
                    }
                    Some(m) => self.raise_message(m)?,
                    None => self.m.context.ptr_type(Default::default()).const_null(),
                };
                let kind = self.m.context.i32_type().const_int(kind as u64, false);
                self.call_runtime("kr_raise_str", &[kind.into(), message.into()])?;
                self.branch_to_error()?;
            }
            Terminator::Unreachable => {
                self.trap()?;
                self.builder.build_unreachable()?;
            }
        }
        Ok(())
    }

    /// The `kr_str` message of `raise Class(message)`: `str(message)`, from a
    /// constant at compile time or converted at run time.
    fn raise_message(&mut self, message: &Operand) -> Result<PointerValue<'ctx>> {
        let text = match message {
            Operand::Const(Const::Int(frontend::ast::Int::Small(i))) => i.to_string(),
            Operand::Const(Const::Int(frontend::ast::Int::Big(b))) => b.to_string(),
            Operand::Const(Const::Bool(b)) => if *b { "True" } else { "False" }.to_string(),
            Operand::Const(Const::None) => "None".to_string(),
            _ => return self.str_of(message),
        };
        let count = text.chars().count();
        Ok(self.str_constant(text.as_bytes(), count))
    }

    /// `str(value)` as a `kr_str`, for exception messages.
    fn str_of(&mut self, value: &Operand) -> Result<PointerValue<'ctx>> {
        let context = self.m.context;
        let from_utf8 = |g: &mut Self, text: PointerValue<'ctx>, len: IntValue<'ctx>| {
            let s = g
                .call_runtime("kr_str_from_utf8", &[text.into(), len.into()])?
                .ok_or_else(|| Error::internal("?", "kr_str_from_utf8 returns nothing"))?
                .into_pointer_value();
            let failed = g.builder.build_is_null(s, "failed")?;
            g.branch_if_failed(failed)?;
            Ok(s)
        };
        match self.operand(value)? {
            Val::Str(p) => Ok(p),
            Val::None => Ok(self.str_constant(b"None", 4)),
            Val::Bool(b) => {
                let yes = self.str_constant(b"True", 4);
                let no = self.str_constant(b"False", 5);
                Ok(self
                    .builder
                    .build_select(b, yes, no, "")?
                    .into_pointer_value())
            }
            Val::Int(i) => {
                let len_slot = self.builder.build_alloca(context.i64_type(), "len")?;
                let base = context.i32_type().const_int(10, false);
                let text = self
                    .call_runtime("kr_int_to_str", &[i.into(), base.into(), len_slot.into()])?
                    .ok_or_else(|| Error::internal("?", "kr_int_to_str returns nothing"))?
                    .into_pointer_value();
                let failed = self.builder.build_is_null(text, "failed")?;
                self.branch_if_failed(failed)?;
                let len = self
                    .builder
                    .build_load(context.i64_type(), len_slot, "")?
                    .into_int_value();
                from_utf8(self, text, len)
            }
            Val::Float(d) => {
                let buffer = self.builder.build_array_alloca(
                    context.i8_type(),
                    context.i64_type().const_int(32, false),
                    "repr",
                )?;
                let len = self
                    .call_runtime("kr_float_repr", &[d.into(), buffer.into()])?
                    .ok_or_else(|| Error::internal("?", "kr_float_repr returns nothing"))?
                    .into_int_value();
                from_utf8(self, buffer, len)
            }
        }
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

/// CPython's default `sys.getrecursionlimit()`.
const RECURSION_LIMIT: u64 = 1000;

/// The runtime's number for an exception kind.
fn exc_kind(enumerator: &str) -> Result<i64> {
    abi::exc_kind_value(enumerator).ok_or_else(|| {
        Error::internal(
            "?",
            format!("the runtime header does not define {enumerator}"),
        )
    })
}

/// The operands an instruction reads.
fn inst_operands(kind: &InstKind) -> Vec<&Operand> {
    match kind {
        InstKind::Copy { src, .. } | InstKind::StoreGlobal { src, .. } => vec![src],
        InstKind::Binary { lhs, rhs, .. } | InstKind::Compare { lhs, rhs, .. } => vec![lhs, rhs],
        InstKind::Unary { operand, .. } | InstKind::Not { operand, .. } => vec![operand],
        InstKind::Truth { value, .. } | InstKind::Index { value, .. } => vec![value],
        InstKind::Call { args, .. } => args.iter().collect(),
        InstKind::CallBuiltin { args, keywords, .. } => {
            args.iter().chain(keywords.iter().map(|(_, v)| v)).collect()
        }
        InstKind::LoadGlobal { .. } => Vec::new(),
    }
}
