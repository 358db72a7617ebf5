//! Reads that may come before any assignment (`assigned` finds them): the run-time
//! test of the slot or flag, and CPython's UnboundLocalError or NameError (with its
//! "Did you mean" suggestion) when it fails.

use super::assigned;
use super::function::{exc_kind, FunctionGen};
use super::values::storage_type;
use crate::error::{Error, Result};
use inkwell::values::{BasicValueEnum, IntValue};
use inkwell::IntPredicate;
use typeinfer::ir::{FuncId, Operand, VarId};
use typeinfer::types::Type;

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    /// Raises UnboundLocalError unless local `v` has been assigned; afterwards it
    /// certainly has (the other path left the function).
    pub(super) fn check_local_assigned(&mut self, v: VarId) -> Result<()> {
        self.assigned.insert(v.index());
        let name = self
            .f
            .vars
            .get(v.index())
            .and_then(|var| var.name.as_deref())
            .unwrap_or("?")
            .to_string();
        // Inside a comprehension (a frame of its own in CPython) the function's
        // local is a free variable: a comprehension's own variables are always
        // bound before they are read.
        let (kind, message) = if self.frame > 0 {
            let text = format!(
                "cannot access free variable '{name}' where it is not associated with a value \
                 in enclosing scope"
            );
            ("KR_EXC_NAME", text)
        } else {
            let text = format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            );
            ("KR_EXC_UNBOUND_LOCAL", text)
        };
        let ty = self.var_type(v)?;
        // Slots start zeroed, and no value of these types is the zero word (ints
        // are odd or pointers, the others pointers, None in an optional is 2).
        let has_empty = matches!(
            ty,
            Type::Int | Type::Str | Type::List(_) | Type::Tuple(_) | Type::Dyn | Type::Optional(_)
        );
        let missing = match (self.slots.get(v.index()).copied().flatten(), has_empty) {
            (Some(slot), true) => {
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
        // CPython points at the name that was read.
        let read = self
            .reads
            .iter()
            .find(|(var, _)| *var == v)
            .map(|(_, r)| *r);
        let saved = (self.line, self.caret_range);
        if let Some(range) = read {
            self.line = (self.m.source.line_of)(range.start);
            self.caret_range = Some(range);
        }
        let result = self.raise_if(missing, kind, &message);
        (self.line, self.caret_range) = saved;
        result
    }

    /// Raises NameError unless module variable `global` has been assigned.
    pub(super) fn check_global_assigned(&mut self, global: usize) -> Result<()> {
        let slot = assigned::global_slot(self.f, global);
        if self.assigned.contains(slot) {
            return Ok(());
        }
        self.assigned.insert(slot);
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
    /// sees at that point: its local names, the module's globals
    /// (in module code those certainly assigned by then; in a function all of
    /// them, as if the module had run), the builtins.
    pub(super) fn name_error_message(&self, name: &str) -> String {
        let mut varnames: Vec<&str> = Vec::new();
        if !self.is_module {
            for p in &self.f.params {
                if let Some(n) = self.f.vars.get(p.index()).and_then(|v| v.name.as_deref()) {
                    varnames.push(n);
                }
            }
            // All the code's local names, bound or not (CPython 3.11 offers
            // `co_varnames`).
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
        // Imports before any other statement are bound from the start (the others
        // are globals with their own flags, below).
        for name in &program.imports {
            if !program.globals.iter().any(|g| g.name == *name) {
                globals.push(name);
            }
        }
        let bound = |slot: usize| !self.is_module || self.assigned.contains(slot);
        // (A global nothing assigns, `Never`, is never in the module's dict.)
        let global_names = program
            .globals
            .iter()
            .enumerate()
            .filter(|(g, global)| {
                global.ty != Type::Never && bound(assigned::global_slot(self.f, *g))
            })
            .map(|(_, g)| &*g.name);
        // Module-level functions (templates; `<module>` is template 0) whose `def`
        // has run, whether or not anything calls them.
        let function_names = program
            .template_names
            .iter()
            .enumerate()
            .skip(1)
            .filter(|(t, _)| {
                bound(assigned::function_slot(
                    self.f,
                    program.globals.len(),
                    FuncId(*t as u32),
                ))
            })
            .map(|(_, name)| &**name);
        for n in global_names.chain(function_names) {
            if n != "<module>" && n != name && !globals.contains(&n) {
                globals.push(n);
            }
        }
        crate::suggest::name_error_message(name, &varnames, &globals)
    }

    /// Raises NameError unless the `def` of module-level function `template` has
    /// run. A function calling itself needs no test: it is running, so its `def`
    /// ran.
    pub(super) fn check_function_defined(&mut self, template: FuncId, name: &str) -> Result<()> {
        let slot = assigned::function_slot(self.f, self.m.program.globals.len(), template);
        // A lambda is only ever called through its value, which exists.
        if self.f.template == Some(template)
            || name == "<lambda>"
            || self.assigned.contains(slot)
            || (!self.is_module && self.m.defs_precede_calls)
        {
            return Ok(());
        }
        self.assigned.insert(slot);
        let flag = self.m.defined_flag(template);
        let bool_type = self.m.context.bool_type();
        let set = self
            .builder
            .build_load(bool_type, flag.as_pointer_value(), "defined")?
            .into_int_value();
        let missing = self.builder.build_not(set, "undefined")?;
        let message = self.name_error_message(name);
        // CPython's carets mark the name, which starts the call expression.
        let saved = self.caret_range;
        self.caret_range = self.caret_range.map(|r| {
            frontend::ast::TextRange::new(
                r.start,
                r.start.saturating_add(name.len() as u32).min(r.end),
            )
        });
        let raised = self.raise_if(missing, "KR_EXC_NAME", &message);
        self.caret_range = saved;
        raised
    }

    /// True when an int or str slot holds no value yet (the zero word / NULL).
    pub(super) fn is_empty(&mut self, value: BasicValueEnum<'ctx>) -> Result<IntValue<'ctx>> {
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
    pub(super) fn raise_if(
        &mut self,
        cond: IntValue<'ctx>,
        enumerator: &str,
        message: &str,
    ) -> Result<()> {
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

    /// A read of a variable that never gets a value: UnboundLocalError for a local
    /// (Python checks at run time), a trap for a temporary (unreachable code).
    pub(super) fn read_never(&mut self, op: &Operand) -> Result<()> {
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
}
