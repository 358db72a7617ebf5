//! The first pass over statements, parameters, imports, handlers and patterns.
//!
//! Visiting order is CPython 3.11's: for `def`, the name is bound, then the
//! defaults, keyword defaults, annotations and decorators are visited in the
//! enclosing block before the function's own block opens; for `class`, the
//! bases, keywords and decorators. `try` visits its body, `else`, handlers and
//! `finally` in that order.

use super::block::BlockKind;
use super::builder::{error, Builder, VisitResult};
use super::symbol::SymbolFlags;
use crate::ast::{
    Alias, Arg, Arguments, ClassDef, ExceptHandler, Expr, ExprKind, FunctionDef, MatchCase,
    Pattern, PatternKind, Stmt, StmtKind, TextRange,
};

impl Builder<'_> {
    pub fn visit_stmts(&mut self, stmts: &[Stmt]) -> VisitResult {
        stmts.iter().try_for_each(|s| self.visit_stmt(s))
    }

    pub fn visit_stmt(&mut self, stmt: &Stmt) -> VisitResult {
        self.descend(stmt.range)?;
        // Deep (but valid) nesting must not overflow a small thread stack.
        stacker::maybe_grow(64 * 1024, 2 * 1024 * 1024, || self.visit_stmt_kind(stmt))?;
        self.ascend();
        Ok(())
    }

    fn visit_stmt_kind(&mut self, stmt: &Stmt) -> VisitResult {
        let range = stmt.range;
        match &stmt.kind {
            StmtKind::FunctionDef(def) => self.visit_function_def(def, range),
            StmtKind::ClassDef(class) => self.visit_class_def(class, range),
            StmtKind::Return { value } => {
                if let Some(value) = value {
                    self.visit_expr(value)?;
                    self.cur_mut().returns_value = true;
                }
                Ok(())
            }
            StmtKind::Delete { targets } => self.visit_exprs(targets),
            StmtKind::Assign { targets, value } => {
                self.visit_exprs(targets)?;
                self.visit_expr(value)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.visit_ann_assign(range, target, annotation, value.as_ref(), *simple),
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(value)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.visit_expr(target)?;
                self.visit_expr(iter)?;
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(vars) = &item.optional_vars {
                        self.visit_expr(vars)?;
                    }
                }
                self.visit_stmts(body)
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                cases
                    .iter()
                    .try_for_each(|case| self.visit_match_case(case))
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(exc) = exc {
                    self.visit_expr(exc)?;
                    if let Some(cause) = cause {
                        self.visit_expr(cause)?;
                    }
                }
                Ok(())
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
                handlers.iter().try_for_each(|h| self.visit_handler(h))?;
                self.visit_stmts(finalbody)
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(msg) = msg {
                    self.visit_expr(msg)?;
                }
                Ok(())
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                names.iter().try_for_each(|alias| self.visit_alias(alias))
            }
            StmtKind::Global { names } => self.visit_declarations(names, range, true),
            StmtKind::Nonlocal { names } => self.visit_declarations(names, range, false),
            StmtKind::Expr { value } => self.visit_expr(value),
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
        }
    }

    fn visit_function_def(&mut self, def: &FunctionDef, range: TextRange) -> VisitResult {
        self.add_def(&def.name, SymbolFlags::LOCAL, range)?;
        self.visit_defaults(&def.args)?;
        self.visit_annotations(&def.args, def.returns.as_ref(), range)?;
        self.visit_exprs(&def.decorator_list)?;
        self.enter_block(BlockKind::Function, &def.name, range);
        if def.is_async {
            self.cur_mut().is_coroutine = true;
        }
        self.visit_parameters(&def.args)?;
        self.visit_stmts(&def.body)?;
        self.exit_block();
        Ok(())
    }

    fn visit_class_def(&mut self, class: &ClassDef, range: TextRange) -> VisitResult {
        self.add_def(&class.name, SymbolFlags::LOCAL, range)?;
        self.visit_exprs(&class.bases)?;
        for keyword in &class.keywords {
            self.visit_expr(&keyword.value)?;
        }
        self.visit_exprs(&class.decorator_list)?;
        self.enter_block(BlockKind::Class, &class.name, range);
        let outer_private = self.private.replace(class.name.clone());
        let result = self.visit_stmts(&class.body);
        self.private = outer_private;
        result?;
        self.exit_block();
        Ok(())
    }

    /// Positional defaults, then keyword-only defaults, in the enclosing block.
    pub fn visit_defaults(&mut self, args: &Arguments) -> VisitResult {
        self.visit_exprs(&args.defaults)?;
        args.kw_defaults
            .iter()
            .flatten()
            .try_for_each(|e| self.visit_expr(e))
    }

    /// Parameter annotations (positional-only, positional, `*args`, `**kwargs`,
    /// keyword-only) then the return annotation, in the enclosing block; under
    /// `from __future__ import annotations` each group goes in a detached block.
    fn visit_annotations(
        &mut self,
        args: &Arguments,
        returns: Option<&Expr>,
        def_range: TextRange,
    ) -> VisitResult {
        let detached = self.future.annotations;
        if detached {
            self.enter_block(BlockKind::Annotation, "_annotation", def_range);
        }
        let annotations = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.vararg)
            .chain(&args.kwarg)
            .chain(&args.kwonlyargs)
            .filter_map(|arg| arg.annotation.as_ref());
        for annotation in annotations {
            self.visit_expr(annotation)?;
        }
        if detached {
            self.exit_block();
        }
        match returns {
            Some(returns) => self.visit_annotation(returns),
            None => Ok(()),
        }
    }

    /// One annotation expression (of a variable or a return value).
    pub fn visit_annotation(&mut self, annotation: &Expr) -> VisitResult {
        let detached = self.future.annotations;
        if detached {
            self.enter_block(BlockKind::Annotation, "_annotation", annotation.range);
        }
        self.visit_expr(annotation)?;
        if detached {
            self.exit_block();
        }
        Ok(())
    }

    /// The parameters of a `def` or `lambda`, inside its block.
    pub fn visit_parameters(&mut self, args: &Arguments) -> VisitResult {
        let named = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs);
        for arg in named {
            self.add_param(arg)?;
        }
        if let Some(vararg) = &args.vararg {
            self.add_param(vararg)?;
            self.cur_mut().has_varargs = true;
        }
        if let Some(kwarg) = &args.kwarg {
            self.add_param(kwarg)?;
            self.cur_mut().has_varkeywords = true;
        }
        Ok(())
    }

    fn add_param(&mut self, arg: &Arg) -> VisitResult {
        self.add_def(&arg.arg, SymbolFlags::PARAM, arg.range)
    }

    fn visit_ann_assign(
        &mut self,
        range: TextRange,
        target: &Expr,
        annotation: &Expr,
        value: Option<&Expr>,
        simple: bool,
    ) -> VisitResult {
        if let ExprKind::Name { id, .. } = &target.kind {
            let current = self.lookup(id);
            let at_module = self.current().index() == 0;
            if simple && !at_module {
                let message = if current.intersects(SymbolFlags::GLOBAL) {
                    Some(format!("annotated name '{id}' can't be global"))
                } else if current.intersects(SymbolFlags::NONLOCAL) {
                    Some(format!("annotated name '{id}' can't be nonlocal"))
                } else {
                    None
                };
                if let Some(message) = message {
                    return Err(error(message, range));
                }
            }
            if simple {
                self.add_def(id, SymbolFlags::ANNOT | SymbolFlags::LOCAL, target.range)?;
            }
            if value.is_some() {
                self.add_def(id, SymbolFlags::LOCAL, target.range)?;
            }
        } else {
            self.visit_expr(target)?;
        }
        self.visit_annotation(annotation)?;
        if let Some(value) = value {
            self.visit_expr(value)?;
        }
        Ok(())
    }

    /// `global a, b` (`is_global`) or `nonlocal a, b`.
    fn visit_declarations(
        &mut self,
        names: &[crate::ast::Identifier],
        range: TextRange,
        is_global: bool,
    ) -> VisitResult {
        let keyword = if is_global { "global" } else { "nonlocal" };
        for name in names {
            let current = self.lookup(name);
            let used =
                SymbolFlags::PARAM | SymbolFlags::LOCAL | SymbolFlags::USE | SymbolFlags::ANNOT;
            if current.intersects(used) {
                let message = if current.intersects(SymbolFlags::PARAM) {
                    format!("name '{name}' is parameter and {keyword}")
                } else if current.intersects(SymbolFlags::USE) {
                    format!("name '{name}' is used prior to {keyword} declaration")
                } else if current.intersects(SymbolFlags::ANNOT) {
                    format!("annotated name '{name}' can't be {keyword}")
                } else {
                    format!("name '{name}' is assigned to before {keyword} declaration")
                };
                return Err(error(message, range));
            }
            let flag = if is_global {
                SymbolFlags::GLOBAL
            } else {
                SymbolFlags::NONLOCAL
            };
            self.add_def(name, flag, range)?;
            self.record_directive(name, range);
        }
        Ok(())
    }

    /// `import a.b as c` binds `c`; `import a.b` binds `a`; `*` binds nothing
    /// and is only allowed in the module block.
    fn visit_alias(&mut self, alias: &Alias) -> VisitResult {
        let name = alias.asname.as_deref().unwrap_or(&alias.name);
        if name == "*" {
            if self.cur().kind != BlockKind::Module {
                return Err(error("import * only allowed at module level", alias.range));
            }
            return Ok(());
        }
        let bound = name.split('.').next().unwrap_or(name);
        self.add_def(bound, SymbolFlags::IMPORT, alias.range)
    }

    fn visit_handler(&mut self, handler: &ExceptHandler) -> VisitResult {
        if let Some(type_) = &handler.type_ {
            self.visit_expr(type_)?;
        }
        if let Some(name) = &handler.name {
            self.add_def(name, SymbolFlags::LOCAL, handler.range)?;
        }
        self.visit_stmts(&handler.body)
    }

    fn visit_match_case(&mut self, case: &MatchCase) -> VisitResult {
        self.visit_pattern(&case.pattern)?;
        if let Some(guard) = &case.guard {
            self.visit_expr(guard)?;
        }
        self.visit_stmts(&case.body)
    }

    fn visit_pattern(&mut self, pattern: &Pattern) -> VisitResult {
        self.descend(pattern.range)?;
        stacker::maybe_grow(64 * 1024, 2 * 1024 * 1024, || {
            self.visit_pattern_kind(pattern)
        })?;
        self.ascend();
        Ok(())
    }

    fn visit_patterns(&mut self, patterns: &[Pattern]) -> VisitResult {
        patterns.iter().try_for_each(|p| self.visit_pattern(p))
    }

    fn visit_pattern_kind(&mut self, pattern: &Pattern) -> VisitResult {
        let range = pattern.range;
        match &pattern.kind {
            PatternKind::MatchValue { value } => self.visit_expr(value),
            PatternKind::MatchSingleton { .. } => Ok(()),
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                self.visit_patterns(patterns)
            }
            PatternKind::MatchStar { name } => self.bind_capture(name.as_deref(), range),
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.visit_exprs(keys)?;
                self.visit_patterns(patterns)?;
                self.bind_capture(rest.as_deref(), range)
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.visit_expr(cls)?;
                self.visit_patterns(patterns)?;
                self.visit_patterns(kwd_patterns)
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(pattern) = pattern {
                    self.visit_pattern(pattern)?;
                }
                self.bind_capture(name.as_deref(), range)
            }
        }
    }

    fn bind_capture(&mut self, name: Option<&str>, range: TextRange) -> VisitResult {
        match name {
            Some(name) => self.add_def(name, SymbolFlags::LOCAL, range),
            None => Ok(()),
        }
    }
}
