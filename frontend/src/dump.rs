//! `ast.dump`-compatible printing of the AST.
//!
//! `dump_module` produces exactly the text of CPython 3.11's `ast.dump(tree)` (or
//! `ast.dump(tree, include_attributes=True)`): fields in ASDL order, optional fields
//! that are `None` left out, list fields always printed, constants and identifiers
//! printed with Python's `repr` (`crate::pyrepr`), and the four position attributes
//! appended on the nodes that have them in CPython (stmt, expr, excepthandler, arg,
//! keyword, alias, pattern). The Rust AST's `is_async`/`is_star` flags become the
//! separate CPython classes (`AsyncFunctionDef`, `TryStar`, ...).
//!
//! Everything is appended to one `String`; no node allocates its own text, because
//! the differential tests print the whole standard library with this.

use crate::ast::*;
use crate::pyrepr;
use crate::source::LineIndex;
use std::fmt::Write;

/// Exactly `ast.dump(tree)`, or with `include_attributes`,
/// `ast.dump(tree, include_attributes=True)`.
/// Below this much free stack, a recursive step continues on a fresh segment.
const STACK_RED_ZONE: usize = 64 * 1024;
/// Size of each extra stack segment.
const STACK_SEGMENT: usize = 2 * 1024 * 1024;

pub fn dump_module(module: &Module, lines: &LineIndex, include_attributes: bool) -> String {
    let mut printer = Printer {
        out: String::with_capacity(4096),
        lines,
        include_attributes,
        depth: 0,
    };
    let mut f = printer.open("Module");
    printer.key(&mut f, "body");
    printer.stmts(&module.body);
    // krait never collects type comments, so this is always empty, as in
    // `ast.parse` without `type_comments=True`.
    printer.key(&mut f, "type_ignores");
    printer.out.push_str("[]");
    printer.close(f, None);
    printer.out
}

/// Deeper trees than this are not printed in full (the cut-off subtree prints as
/// `...`). The parser rejects, as CPython does, any tree deeper than about 3000
/// nodes, so this only keeps the printer's recursion bounded on hand-built trees.
/// A level costs about 1 KiB of stack in a debug build, so 4000 levels fit in the
/// 8 MiB main thread.
const MAX_DEPTH: u32 = 4_000;

struct Printer<'a> {
    out: String,
    lines: &'a LineIndex,
    include_attributes: bool,
    /// How many nodes are open; bounded by `MAX_DEPTH`.
    depth: u32,
}

/// The state of the node being printed: whether a field was written yet (so the
/// next one needs a `, ` separator).
struct Fields {
    first: bool,
}

impl Printer<'_> {
    /// Starts a node: `Name(`.
    fn open(&mut self, class: &str) -> Fields {
        self.depth += 1;
        self.out.push_str(class);
        self.out.push('(');
        Fields { first: true }
    }

    /// Starts a field: `, name=` (no comma for the first one).
    fn key(&mut self, fields: &mut Fields, name: &str) {
        if !fields.first {
            self.out.push_str(", ");
        }
        fields.first = false;
        self.out.push_str(name);
        self.out.push('=');
    }

    /// Ends a node, with its position attributes when it has some and they are wanted.
    fn close(&mut self, fields: Fields, range: Option<TextRange>) {
        if let (Some(range), true) = (range, self.include_attributes) {
            if !fields.first {
                self.out.push_str(", ");
            }
            let (line, col, end_line, end_col) = self.lines.position(range);
            let _ = write!(
                self.out,
                "lineno={line}, col_offset={col}, end_lineno={end_line}, end_col_offset={end_col}"
            );
        }
        self.out.push(')');
        self.depth -= 1;
    }

    /// A node without fields or attributes: `Load()`, `Add()`, `Pass()`-like.
    fn unit(&mut self, class: &str) {
        self.out.push_str(class);
        self.out.push_str("()");
    }

    /// True (and prints a marker) when the tree is too deep to print further.
    fn too_deep(&mut self) -> bool {
        if self.depth >= MAX_DEPTH {
            self.out.push_str("...");
            true
        } else {
            false
        }
    }

    fn int(&mut self, value: impl std::fmt::Display) {
        let _ = write!(self.out, "{value}");
    }

    fn bool_int(&mut self, value: bool) {
        self.out.push(if value { '1' } else { '0' });
    }

    fn ident(&mut self, name: &str) {
        pyrepr::write_text_repr(&mut self.out, name);
    }

    fn idents(&mut self, names: &[Identifier]) {
        self.list(names, |p, name| p.ident(name));
    }

    /// `[a, b, c]`, each element printed by `item`.
    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Self, &T)) {
        self.out.push('[');
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            item(self, x);
        }
        self.out.push(']');
    }

    /// A `name=value` field that is left out when `value` is `None`.
    fn opt_field<T: ?Sized>(
        &mut self,
        fields: &mut Fields,
        name: &str,
        value: Option<&T>,
        print: impl FnOnce(&mut Self, &T),
    ) {
        if let Some(value) = value {
            self.key(fields, name);
            print(self, value);
        }
    }

    fn opt_expr_field(&mut self, fields: &mut Fields, name: &str, value: Option<&Expr>) {
        self.opt_field(fields, name, value, Self::expr);
    }

    fn opt_ident_field(&mut self, fields: &mut Fields, name: &str, value: Option<&Identifier>) {
        self.opt_field(fields, name, value.map(|s| &**s), Self::ident);
    }

    fn expr_field(&mut self, fields: &mut Fields, name: &str, value: &Expr) {
        self.key(fields, name);
        self.expr(value);
    }

    fn exprs_field(&mut self, fields: &mut Fields, name: &str, values: &[Expr]) {
        self.key(fields, name);
        self.exprs(values);
    }

    fn stmts_field(&mut self, fields: &mut Fields, name: &str, body: &[Stmt]) {
        self.key(fields, name);
        self.stmts(body);
    }

    fn exprs(&mut self, values: &[Expr]) {
        self.list(values, Self::expr);
    }

    /// A list whose entries may be `None` (`Dict.keys`, `arguments.kw_defaults`).
    fn opt_exprs(&mut self, values: &[Option<Expr>]) {
        self.list(values, |p, value| match value {
            Some(e) => p.expr(e),
            None => p.out.push_str("None"),
        });
    }

    fn stmts(&mut self, body: &[Stmt]) {
        self.list(body, Self::stmt);
    }

    // ----- statements -----

    fn stmt(&mut self, stmt: &Stmt) {
        // Deep (but valid) nesting must not overflow a small thread stack.
        stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || self.stmt_here(stmt))
    }

    fn stmt_here(&mut self, stmt: &Stmt) {
        if self.too_deep() {
            return;
        }
        let range = Some(stmt.range);
        let fields = match &stmt.kind {
            StmtKind::FunctionDef(def) => self.function_def(def),
            StmtKind::ClassDef(def) => self.class_def(def),
            StmtKind::Return { value } => {
                let mut f = self.open("Return");
                self.opt_expr_field(&mut f, "value", value.as_ref());
                f
            }
            StmtKind::Delete { targets } => {
                let mut f = self.open("Delete");
                self.exprs_field(&mut f, "targets", targets);
                f
            }
            StmtKind::Assign { targets, value } => {
                let mut f = self.open("Assign");
                self.exprs_field(&mut f, "targets", targets);
                self.expr_field(&mut f, "value", value);
                f
            }
            StmtKind::AugAssign { target, op, value } => {
                let mut f = self.open("AugAssign");
                self.expr_field(&mut f, "target", target);
                self.key(&mut f, "op");
                self.operator(*op);
                self.expr_field(&mut f, "value", value);
                f
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                let mut f = self.open("AnnAssign");
                self.expr_field(&mut f, "target", target);
                self.expr_field(&mut f, "annotation", annotation);
                self.opt_expr_field(&mut f, "value", value.as_ref());
                self.key(&mut f, "simple");
                self.bool_int(*simple);
                f
            }
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => {
                let mut f = self.open(if *is_async { "AsyncFor" } else { "For" });
                self.expr_field(&mut f, "target", target);
                self.expr_field(&mut f, "iter", iter);
                self.stmts_field(&mut f, "body", body);
                self.stmts_field(&mut f, "orelse", orelse);
                f
            }
            StmtKind::While { test, body, orelse } => {
                let mut f = self.open("While");
                self.expr_field(&mut f, "test", test);
                self.stmts_field(&mut f, "body", body);
                self.stmts_field(&mut f, "orelse", orelse);
                f
            }
            StmtKind::If { test, body, orelse } => {
                let mut f = self.open("If");
                self.expr_field(&mut f, "test", test);
                self.stmts_field(&mut f, "body", body);
                self.stmts_field(&mut f, "orelse", orelse);
                f
            }
            StmtKind::With {
                is_async,
                items,
                body,
            } => {
                let mut f = self.open(if *is_async { "AsyncWith" } else { "With" });
                self.key(&mut f, "items");
                self.list(items, Self::with_item);
                self.stmts_field(&mut f, "body", body);
                f
            }
            StmtKind::Match { subject, cases } => {
                let mut f = self.open("Match");
                self.expr_field(&mut f, "subject", subject);
                self.key(&mut f, "cases");
                self.list(cases, Self::match_case);
                f
            }
            StmtKind::Raise { exc, cause } => {
                let mut f = self.open("Raise");
                self.opt_expr_field(&mut f, "exc", exc.as_ref());
                self.opt_expr_field(&mut f, "cause", cause.as_ref());
                f
            }
            StmtKind::Try {
                is_star,
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                let mut f = self.open(if *is_star { "TryStar" } else { "Try" });
                self.stmts_field(&mut f, "body", body);
                self.key(&mut f, "handlers");
                self.list(handlers, Self::except_handler);
                self.stmts_field(&mut f, "orelse", orelse);
                self.stmts_field(&mut f, "finalbody", finalbody);
                f
            }
            StmtKind::Assert { test, msg } => {
                let mut f = self.open("Assert");
                self.expr_field(&mut f, "test", test);
                self.opt_expr_field(&mut f, "msg", msg.as_ref());
                f
            }
            StmtKind::Import { names } => {
                let mut f = self.open("Import");
                self.key(&mut f, "names");
                self.list(names, Self::alias);
                f
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                let mut f = self.open("ImportFrom");
                self.opt_ident_field(&mut f, "module", module.as_ref());
                self.key(&mut f, "names");
                self.list(names, Self::alias);
                self.key(&mut f, "level");
                self.int(level);
                f
            }
            StmtKind::Global { names } => {
                let mut f = self.open("Global");
                self.key(&mut f, "names");
                self.idents(names);
                f
            }
            StmtKind::Nonlocal { names } => {
                let mut f = self.open("Nonlocal");
                self.key(&mut f, "names");
                self.idents(names);
                f
            }
            StmtKind::Expr { value } => {
                let mut f = self.open("Expr");
                self.expr_field(&mut f, "value", value);
                f
            }
            StmtKind::Pass => self.open("Pass"),
            StmtKind::Break => self.open("Break"),
            StmtKind::Continue => self.open("Continue"),
        };
        self.close(fields, range);
    }

    fn function_def(&mut self, def: &FunctionDef) -> Fields {
        let class = if def.is_async {
            "AsyncFunctionDef"
        } else {
            "FunctionDef"
        };
        let mut f = self.open(class);
        self.key(&mut f, "name");
        self.ident(&def.name);
        self.key(&mut f, "args");
        self.arguments(&def.args);
        self.stmts_field(&mut f, "body", &def.body);
        self.exprs_field(&mut f, "decorator_list", &def.decorator_list);
        self.opt_expr_field(&mut f, "returns", def.returns.as_ref());
        f
    }

    fn class_def(&mut self, def: &ClassDef) -> Fields {
        let mut f = self.open("ClassDef");
        self.key(&mut f, "name");
        self.ident(&def.name);
        self.exprs_field(&mut f, "bases", &def.bases);
        self.key(&mut f, "keywords");
        self.list(&def.keywords, Self::keyword);
        self.stmts_field(&mut f, "body", &def.body);
        self.exprs_field(&mut f, "decorator_list", &def.decorator_list);
        f
    }

    // ----- expressions -----

    fn expr(&mut self, expr: &Expr) {
        // Deep (but valid) nesting must not overflow a small thread stack.
        stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || self.expr_here(expr))
    }

    fn expr_here(&mut self, expr: &Expr) {
        if self.too_deep() {
            return;
        }
        let fields = match &expr.kind {
            ExprKind::BoolOp { op, values } => {
                let mut f = self.open("BoolOp");
                self.key(&mut f, "op");
                self.unit(match op {
                    BoolOp::And => "And",
                    BoolOp::Or => "Or",
                });
                self.exprs_field(&mut f, "values", values);
                f
            }
            ExprKind::NamedExpr { target, value } => {
                let mut f = self.open("NamedExpr");
                self.expr_field(&mut f, "target", target);
                self.expr_field(&mut f, "value", value);
                f
            }
            ExprKind::BinOp { left, op, right } => {
                let mut f = self.open("BinOp");
                self.expr_field(&mut f, "left", left);
                self.key(&mut f, "op");
                self.operator(*op);
                self.expr_field(&mut f, "right", right);
                f
            }
            ExprKind::UnaryOp { op, operand } => {
                let mut f = self.open("UnaryOp");
                self.key(&mut f, "op");
                self.unit(match op {
                    UnaryOp::Invert => "Invert",
                    UnaryOp::Not => "Not",
                    UnaryOp::UAdd => "UAdd",
                    UnaryOp::USub => "USub",
                });
                self.expr_field(&mut f, "operand", operand);
                f
            }
            ExprKind::Lambda { args, body } => {
                let mut f = self.open("Lambda");
                self.key(&mut f, "args");
                self.arguments(args);
                self.expr_field(&mut f, "body", body);
                f
            }
            ExprKind::IfExp { test, body, orelse } => {
                let mut f = self.open("IfExp");
                self.expr_field(&mut f, "test", test);
                self.expr_field(&mut f, "body", body);
                self.expr_field(&mut f, "orelse", orelse);
                f
            }
            ExprKind::Dict { keys, values } => {
                let mut f = self.open("Dict");
                self.key(&mut f, "keys");
                self.opt_exprs(keys);
                self.exprs_field(&mut f, "values", values);
                f
            }
            ExprKind::Set { elts } => {
                let mut f = self.open("Set");
                self.exprs_field(&mut f, "elts", elts);
                f
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension_expr("ListComp", elt, generators)
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension_expr("SetComp", elt, generators)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension_expr("GeneratorExp", elt, generators)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                let mut f = self.open("DictComp");
                self.expr_field(&mut f, "key", key);
                self.expr_field(&mut f, "value", value);
                self.key(&mut f, "generators");
                self.list(generators, Self::comprehension);
                f
            }
            ExprKind::Await { value } => {
                let mut f = self.open("Await");
                self.expr_field(&mut f, "value", value);
                f
            }
            ExprKind::Yield { value } => {
                let mut f = self.open("Yield");
                self.opt_expr_field(&mut f, "value", value.as_deref());
                f
            }
            ExprKind::YieldFrom { value } => {
                let mut f = self.open("YieldFrom");
                self.expr_field(&mut f, "value", value);
                f
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let mut f = self.open("Compare");
                self.expr_field(&mut f, "left", left);
                self.key(&mut f, "ops");
                self.list(ops, |p, op| p.cmp_op(*op));
                self.exprs_field(&mut f, "comparators", comparators);
                f
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                let mut f = self.open("Call");
                self.expr_field(&mut f, "func", func);
                self.exprs_field(&mut f, "args", args);
                self.key(&mut f, "keywords");
                self.list(keywords, Self::keyword);
                f
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                let mut f = self.open("FormattedValue");
                self.expr_field(&mut f, "value", value);
                self.key(&mut f, "conversion");
                self.int(conversion.code());
                self.opt_expr_field(&mut f, "format_spec", format_spec.as_deref());
                f
            }
            ExprKind::JoinedStr { values } => {
                let mut f = self.open("JoinedStr");
                self.exprs_field(&mut f, "values", values);
                f
            }
            ExprKind::Constant { value, kind } => {
                let mut f = self.open("Constant");
                self.key(&mut f, "value");
                pyrepr::write_constant_repr(&mut self.out, value);
                self.opt_field(&mut f, "kind", kind.as_deref(), Self::ident);
                f
            }
            ExprKind::Attribute { value, attr, ctx } => {
                let mut f = self.open("Attribute");
                self.expr_field(&mut f, "value", value);
                self.key(&mut f, "attr");
                self.ident(attr);
                self.ctx_field(&mut f, *ctx);
                f
            }
            ExprKind::Subscript { value, slice, ctx } => {
                let mut f = self.open("Subscript");
                self.expr_field(&mut f, "value", value);
                self.expr_field(&mut f, "slice", slice);
                self.ctx_field(&mut f, *ctx);
                f
            }
            ExprKind::Starred { value, ctx } => {
                let mut f = self.open("Starred");
                self.expr_field(&mut f, "value", value);
                self.ctx_field(&mut f, *ctx);
                f
            }
            ExprKind::Name { id, ctx } => {
                let mut f = self.open("Name");
                self.key(&mut f, "id");
                self.ident(id);
                self.ctx_field(&mut f, *ctx);
                f
            }
            ExprKind::List { elts, ctx } => {
                let mut f = self.open("List");
                self.exprs_field(&mut f, "elts", elts);
                self.ctx_field(&mut f, *ctx);
                f
            }
            ExprKind::Tuple { elts, ctx } => {
                let mut f = self.open("Tuple");
                self.exprs_field(&mut f, "elts", elts);
                self.ctx_field(&mut f, *ctx);
                f
            }
            ExprKind::Slice { lower, upper, step } => {
                let mut f = self.open("Slice");
                self.opt_expr_field(&mut f, "lower", lower.as_deref());
                self.opt_expr_field(&mut f, "upper", upper.as_deref());
                self.opt_expr_field(&mut f, "step", step.as_deref());
                f
            }
        };
        self.close(fields, Some(expr.range));
    }

    fn comprehension_expr(
        &mut self,
        class: &str,
        elt: &Expr,
        generators: &[Comprehension],
    ) -> Fields {
        let mut f = self.open(class);
        self.expr_field(&mut f, "elt", elt);
        self.key(&mut f, "generators");
        self.list(generators, Self::comprehension);
        f
    }

    fn ctx_field(&mut self, fields: &mut Fields, ctx: ExprContext) {
        self.key(fields, "ctx");
        self.unit(match ctx {
            ExprContext::Load => "Load",
            ExprContext::Store => "Store",
            ExprContext::Del => "Del",
        });
    }

    fn operator(&mut self, op: Operator) {
        self.unit(match op {
            Operator::Add => "Add",
            Operator::Sub => "Sub",
            Operator::Mult => "Mult",
            Operator::MatMult => "MatMult",
            Operator::Div => "Div",
            Operator::Mod => "Mod",
            Operator::Pow => "Pow",
            Operator::LShift => "LShift",
            Operator::RShift => "RShift",
            Operator::BitOr => "BitOr",
            Operator::BitXor => "BitXor",
            Operator::BitAnd => "BitAnd",
            Operator::FloorDiv => "FloorDiv",
        });
    }

    fn cmp_op(&mut self, op: CmpOp) {
        self.unit(match op {
            CmpOp::Eq => "Eq",
            CmpOp::NotEq => "NotEq",
            CmpOp::Lt => "Lt",
            CmpOp::LtE => "LtE",
            CmpOp::Gt => "Gt",
            CmpOp::GtE => "GtE",
            CmpOp::Is => "Is",
            CmpOp::IsNot => "IsNot",
            CmpOp::In => "In",
            CmpOp::NotIn => "NotIn",
        });
    }

    // ----- the smaller node types -----

    fn comprehension(&mut self, comp: &Comprehension) {
        let mut f = self.open("comprehension");
        self.expr_field(&mut f, "target", &comp.target);
        self.expr_field(&mut f, "iter", &comp.iter);
        self.exprs_field(&mut f, "ifs", &comp.ifs);
        self.key(&mut f, "is_async");
        self.bool_int(comp.is_async);
        self.close(f, None);
    }

    fn except_handler(&mut self, handler: &ExceptHandler) {
        let mut f = self.open("ExceptHandler");
        self.opt_expr_field(&mut f, "type", handler.type_.as_ref());
        self.opt_ident_field(&mut f, "name", handler.name.as_ref());
        self.stmts_field(&mut f, "body", &handler.body);
        self.close(f, Some(handler.range));
    }

    fn arguments(&mut self, args: &Arguments) {
        let mut f = self.open("arguments");
        self.key(&mut f, "posonlyargs");
        self.list(&args.posonlyargs, Self::arg);
        self.key(&mut f, "args");
        self.list(&args.args, Self::arg);
        self.opt_field(&mut f, "vararg", args.vararg.as_ref(), Self::arg);
        self.key(&mut f, "kwonlyargs");
        self.list(&args.kwonlyargs, Self::arg);
        self.key(&mut f, "kw_defaults");
        self.opt_exprs(&args.kw_defaults);
        self.opt_field(&mut f, "kwarg", args.kwarg.as_ref(), Self::arg);
        self.exprs_field(&mut f, "defaults", &args.defaults);
        self.close(f, None);
    }

    fn arg(&mut self, arg: &Arg) {
        let mut f = self.open("arg");
        self.key(&mut f, "arg");
        self.ident(&arg.arg);
        self.opt_expr_field(&mut f, "annotation", arg.annotation.as_ref());
        self.close(f, Some(arg.range));
    }

    fn keyword(&mut self, keyword: &Keyword) {
        let mut f = self.open("keyword");
        self.opt_ident_field(&mut f, "arg", keyword.arg.as_ref());
        self.expr_field(&mut f, "value", &keyword.value);
        self.close(f, Some(keyword.range));
    }

    fn alias(&mut self, alias: &Alias) {
        let mut f = self.open("alias");
        self.key(&mut f, "name");
        self.ident(&alias.name);
        self.opt_ident_field(&mut f, "asname", alias.asname.as_ref());
        self.close(f, Some(alias.range));
    }

    fn with_item(&mut self, item: &WithItem) {
        let mut f = self.open("withitem");
        self.expr_field(&mut f, "context_expr", &item.context_expr);
        self.opt_expr_field(&mut f, "optional_vars", item.optional_vars.as_ref());
        self.close(f, None);
    }

    fn match_case(&mut self, case: &MatchCase) {
        let mut f = self.open("match_case");
        self.key(&mut f, "pattern");
        self.pattern(&case.pattern);
        self.opt_expr_field(&mut f, "guard", case.guard.as_ref());
        self.stmts_field(&mut f, "body", &case.body);
        self.close(f, None);
    }

    fn patterns_field(&mut self, fields: &mut Fields, name: &str, patterns: &[Pattern]) {
        self.key(fields, name);
        self.list(patterns, Self::pattern);
    }

    fn pattern(&mut self, pattern: &Pattern) {
        // Deep (but valid) nesting must not overflow a small thread stack.
        stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || self.pattern_here(pattern))
    }

    fn pattern_here(&mut self, pattern: &Pattern) {
        if self.too_deep() {
            return;
        }
        let fields = match &pattern.kind {
            PatternKind::MatchValue { value } => {
                let mut f = self.open("MatchValue");
                self.expr_field(&mut f, "value", value);
                f
            }
            PatternKind::MatchSingleton { value } => {
                let mut f = self.open("MatchSingleton");
                self.key(&mut f, "value");
                pyrepr::write_constant_repr(&mut self.out, value);
                f
            }
            PatternKind::MatchSequence { patterns } => {
                let mut f = self.open("MatchSequence");
                self.patterns_field(&mut f, "patterns", patterns);
                f
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                let mut f = self.open("MatchMapping");
                self.exprs_field(&mut f, "keys", keys);
                self.patterns_field(&mut f, "patterns", patterns);
                self.opt_ident_field(&mut f, "rest", rest.as_ref());
                f
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                let mut f = self.open("MatchClass");
                self.expr_field(&mut f, "cls", cls);
                self.patterns_field(&mut f, "patterns", patterns);
                self.key(&mut f, "kwd_attrs");
                self.idents(kwd_attrs);
                self.patterns_field(&mut f, "kwd_patterns", kwd_patterns);
                f
            }
            PatternKind::MatchStar { name } => {
                let mut f = self.open("MatchStar");
                self.opt_ident_field(&mut f, "name", name.as_ref());
                f
            }
            PatternKind::MatchAs { pattern, name } => {
                let mut f = self.open("MatchAs");
                self.opt_field(&mut f, "pattern", pattern.as_deref(), Self::pattern);
                self.opt_ident_field(&mut f, "name", name.as_ref());
                f
            }
            PatternKind::MatchOr { patterns } => {
                let mut f = self.open("MatchOr");
                self.patterns_field(&mut f, "patterns", patterns);
                f
            }
        };
        self.close(fields, Some(pattern.range));
    }
}

#[cfg(test)]
mod tests {
    //! Hand-built trees (the parser is tested against CPython elsewhere); every
    //! expected string was printed by CPython 3.11.7's `ast.dump`.

    use super::*;

    fn r(start: u32, end: u32) -> TextRange {
        TextRange::new(start, end)
    }

    fn name(id: &str, ctx: ExprContext, range: TextRange) -> Expr {
        Expr {
            range,
            kind: ExprKind::Name { id: id.into(), ctx },
        }
    }

    fn int(value: i64, range: TextRange) -> Expr {
        Expr {
            range,
            kind: ExprKind::Constant {
                value: Constant::Int(Int::Small(value)),
                kind: None,
            },
        }
    }

    fn stmt(kind: StmtKind, range: TextRange) -> Stmt {
        Stmt { range, kind }
    }

    fn dump(source: &str, body: Vec<Stmt>, attributes: bool) -> String {
        dump_module(&Module { body }, &LineIndex::new(source), attributes)
    }

    #[test]
    fn fieldless_statements_with_and_without_attributes() {
        let source = "pass\nreturn\n";
        let body = || {
            vec![
                stmt(StmtKind::Pass, r(0, 4)),
                stmt(StmtKind::Return { value: None }, r(5, 11)),
            ]
        };
        assert_eq!(
            dump(source, body(), false),
            "Module(body=[Pass(), Return()], type_ignores=[])"
        );
        assert_eq!(
            dump(source, body(), true),
            "Module(body=[Pass(lineno=1, col_offset=0, end_lineno=1, end_col_offset=4), \
             Return(lineno=2, col_offset=0, end_lineno=2, end_col_offset=6)], type_ignores=[])"
        );
    }

    #[test]
    fn import_from_without_module() {
        let source = "from . import (a as b, c)";
        let alias = |name: &str, asname: Option<&str>, range| Alias {
            range,
            name: name.into(),
            asname: asname.map(Into::into),
        };
        let body = vec![stmt(
            StmtKind::ImportFrom {
                module: None,
                names: vec![
                    alias("a", Some("b"), r(15, 21)),
                    alias("c", None, r(23, 24)),
                ],
                level: 1,
            },
            r(0, 25),
        )];
        assert_eq!(
            dump(source, body, true),
            "Module(body=[ImportFrom(names=[alias(name='a', asname='b', lineno=1, col_offset=15, \
             end_lineno=1, end_col_offset=21), alias(name='c', lineno=1, col_offset=23, \
             end_lineno=1, end_col_offset=24)], level=1, lineno=1, col_offset=0, end_lineno=1, \
             end_col_offset=25)], type_ignores=[])"
        );
    }

    #[test]
    fn none_entries_in_lists() {
        // `{**a, 1: b}` and `def f(*, a, b=1): pass`
        let dict = Expr {
            range: r(0, 11),
            kind: ExprKind::Dict {
                keys: vec![None, Some(int(1, r(6, 7)))],
                values: vec![
                    name("a", ExprContext::Load, r(3, 4)),
                    name("b", ExprContext::Load, r(9, 10)),
                ],
            },
        };
        let body = vec![stmt(StmtKind::Expr { value: dict }, r(0, 11))];
        assert_eq!(
            dump("{**a, 1: b}", body, false),
            "Module(body=[Expr(value=Dict(keys=[None, Constant(value=1)], values=[Name(id='a', \
             ctx=Load()), Name(id='b', ctx=Load())]))], type_ignores=[])"
        );

        let arg = |name: &str, range| Arg {
            range,
            arg: name.into(),
            annotation: None,
        };
        let def = FunctionDef {
            is_async: false,
            name: "f".into(),
            args: Arguments {
                kwonlyargs: vec![arg("a", r(9, 10)), arg("b", r(12, 13))],
                kw_defaults: vec![None, Some(int(1, r(14, 15)))],
                ..Arguments::default()
            },
            body: vec![stmt(StmtKind::Pass, r(18, 22))],
            decorator_list: vec![],
            returns: None,
        };
        let body = vec![stmt(StmtKind::FunctionDef(Box::new(def)), r(0, 22))];
        assert_eq!(
            dump("def f(*, a, b=1): pass", body, true),
            "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], \
             kwonlyargs=[arg(arg='a', lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), \
             arg(arg='b', lineno=1, col_offset=12, end_lineno=1, end_col_offset=13)], \
             kw_defaults=[None, Constant(value=1, lineno=1, col_offset=14, end_lineno=1, \
             end_col_offset=15)], defaults=[]), body=[Pass(lineno=1, col_offset=18, end_lineno=1, \
             end_col_offset=22)], decorator_list=[], lineno=1, col_offset=0, end_lineno=1, \
             end_col_offset=22)], type_ignores=[])"
        );
    }

    #[test]
    fn folded_variants_get_cpython_class_names() {
        // try:\n  pass\nexcept* E:\n  pass
        let source = "try:\n  pass\nexcept* E:\n  pass";
        let handler = ExceptHandler {
            range: r(12, 29),
            type_: Some(name("E", ExprContext::Load, r(20, 21))),
            name: None,
            body: vec![stmt(StmtKind::Pass, r(25, 29))],
        };
        let body = vec![stmt(
            StmtKind::Try {
                is_star: true,
                body: vec![stmt(StmtKind::Pass, r(7, 11))],
                handlers: vec![handler],
                orelse: vec![],
                finalbody: vec![],
            },
            r(0, 29),
        )];
        assert_eq!(
            dump(source, body, false),
            "Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', \
             ctx=Load()), body=[Pass()])], orelse=[], finalbody=[])], type_ignores=[])"
        );
    }

    #[test]
    fn constants_kinds_and_global_names() {
        let source = "u\"x\"\nglobal a, b";
        let constant = Expr {
            range: r(0, 4),
            kind: ExprKind::Constant {
                value: Constant::Str("x".into()),
                kind: Some("u".into()),
            },
        };
        let body = vec![
            stmt(StmtKind::Expr { value: constant }, r(0, 4)),
            stmt(
                StmtKind::Global {
                    names: vec!["a".into(), "b".into()],
                },
                r(5, 16),
            ),
        ];
        assert_eq!(
            dump(source, body, true),
            "Module(body=[Expr(value=Constant(value='x', kind='u', lineno=1, col_offset=0, \
             end_lineno=1, end_col_offset=4), lineno=1, col_offset=0, end_lineno=1, \
             end_col_offset=4), Global(names=['a', 'b'], lineno=2, col_offset=0, end_lineno=2, \
             end_col_offset=11)], type_ignores=[])"
        );
    }

    #[test]
    fn patterns_without_fields() {
        // match x:\n  case _: pass
        let source = "match x:\n  case _: pass";
        let case = MatchCase {
            pattern: Pattern {
                range: r(16, 17),
                kind: PatternKind::MatchAs {
                    pattern: None,
                    name: None,
                },
            },
            guard: None,
            body: vec![stmt(StmtKind::Pass, r(19, 23))],
        };
        let body = vec![stmt(
            StmtKind::Match {
                subject: name("x", ExprContext::Load, r(6, 7)),
                cases: vec![case],
            },
            r(0, 23),
        )];
        assert_eq!(
            dump(source, body, true),
            "Module(body=[Match(subject=Name(id='x', ctx=Load(), lineno=1, col_offset=6, \
             end_lineno=1, end_col_offset=7), cases=[match_case(pattern=MatchAs(lineno=2, \
             col_offset=7, end_lineno=2, end_col_offset=8), body=[Pass(lineno=2, col_offset=10, \
             end_lineno=2, end_col_offset=14)])], lineno=1, col_offset=0, end_lineno=2, \
             end_col_offset=14)], type_ignores=[])"
        );
    }

    #[test]
    fn very_deep_trees_are_cut_off_instead_of_overflowing() {
        let mut expr = int(1, r(0, 1));
        for _ in 0..(MAX_DEPTH + 10) {
            expr = Expr {
                range: r(0, 1),
                kind: ExprKind::UnaryOp {
                    op: UnaryOp::USub,
                    operand: Box::new(expr),
                },
            };
        }
        let body = vec![stmt(StmtKind::Expr { value: expr }, r(0, 1))];
        // Run on a thread with a large stack: only the cut-off is under test here.
        let text = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || dump("1", body, false))
            .expect("spawn")
            .join()
            .expect("no panic");
        assert!(text.contains("operand=..."));
        assert!(text.ends_with("))], type_ignores=[])"));
    }
}
