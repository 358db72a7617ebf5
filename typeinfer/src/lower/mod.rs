//! Lowering: AST + scopes -> one CFG template per function (docs/typeinfer.md, 1).
//!
//! Module-level `def`s become functions called directly; names bound at module
//! level (or declared `global` and assigned in a function) become globals; the
//! module body becomes the function `<module>`. Anything outside the native subset
//! is reported as `Unsupported` with the construct's range.

mod callables;
mod consume;
mod containers;
mod dicts;
mod expr;
mod format_method;
mod fstring;
mod function;
mod iterate;
mod percent_format;
mod stmt;

use crate::error::{Result, Unsupported};
use crate::ir::{Const, FuncId, Function, Global, GlobalId, Program};
use crate::native::{Member, NativeModule};
use crate::types::Type;
use frontend::ast::{self, Expr, ExprKind, Module, Stmt, StmtKind};
use frontend::scopes::{self, Scope, SymbolTable};
use frontend::SourceFile;
use function::FunctionBuilder;
use std::collections::HashMap;

/// What every function's lowering can look up: functions, globals, scopes.
struct ProgramContext<'a> {
    scopes: &'a SymbolTable,
    functions: HashMap<Box<str>, FuncId>,
    globals: HashMap<Box<str>, GlobalId>,
    /// Parameters of each function by `FuncId`, to match call arguments.
    signatures: Vec<Signature>,
    /// Names bound by module-level imports of native modules.
    imports: HashMap<Box<str>, Imported>,
    /// Globals no code ever binds (reading one raises NameError).
    unbound: std::collections::HashSet<Box<str>>,
    /// When some code comes before an `import`: per imported name, a global the
    /// `import` statement sets, which every use of the name reads first, so that a
    /// use before the import raises NameError as in Python. Empty in the usual
    /// layout (imports first), where no use can come before them.
    import_flags: HashMap<Box<str>, GlobalId>,
    /// The lambdas met so far, to lower after the `def`s: the one at index k is
    /// function `first_lambda + k`.
    lambdas: std::cell::RefCell<Vec<Expr>>,
    first_lambda: u32,
}

/// What an imported name stands for.
#[derive(Clone, Debug)]
enum Imported {
    /// `import math` (or `import math as m`).
    Module(crate::native::NativeModule),
    /// `from math import sqrt`.
    Function(crate::ir::Builtin),
    /// `from math import pi`.
    Constant(Const),
    /// `from sys import argv`.
    Value(crate::ir::Builtin),
    /// `import typing` or a name from it: for annotations only.
    Typing,
}

/// A function's parameter names (positional ones first, then keyword-only ones)
/// and each one's constant default.
struct Signature {
    params: Vec<Box<str>>,
    /// How many of `params` a call may pass by position.
    positional: usize,
    defaults: Vec<Option<Const>>,
}

/// Lowers a parsed module to CFG templates.
pub fn lower_module(module: &Module, scopes: &SymbolTable, _file: &SourceFile) -> Result<Program> {
    let defs = collect_functions(module)?;
    let mut cx = ProgramContext {
        scopes,
        functions: HashMap::new(),
        globals: HashMap::new(),
        signatures: vec![Signature {
            params: Vec::new(),
            positional: 0,
            defaults: Vec::new(),
        }],
        imports: collect_imports(module)?,
        unbound: std::collections::HashSet::new(),
        import_flags: HashMap::new(),
        lambdas: std::cell::RefCell::new(Vec::new()),
        first_lambda: defs.len() as u32 + 1,
    };
    for (i, def) in defs.iter().enumerate() {
        cx.functions.insert(def.name.clone(), FuncId(i as u32 + 1));
        cx.signatures.push(signature(&def.args)?);
    }
    let (mut globals, unbound) = collect_globals(scopes, &cx.functions, &cx.imports);
    cx.unbound = unbound;
    for (i, name) in globals.iter().enumerate() {
        cx.globals.insert(name.clone(), GlobalId(i as u32));
    }
    if !imports_come_first(module) {
        let mut names: Vec<&Box<str>> = cx.imports.keys().collect();
        names.sort();
        for name in names {
            cx.import_flags
                .insert(name.clone(), GlobalId(globals.len() as u32));
            globals.push(name.clone());
        }
    }

    let main = FnLowering::new(&cx, scopes.top(), "<module>", true)
        .lower_body(&module.body, module_range(module))?;
    let mut functions = vec![main];
    for (def, range) in defs.iter().zip(def_ranges(module)) {
        functions.push(lower_def(&cx, def, range)?);
    }
    // Lowering a lambda may meet more of them.
    let mut k = 0;
    while let Some(lambda) = cx.lambdas.borrow().get(k).cloned() {
        functions.push(lower_lambda(&cx, &lambda)?);
        k += 1;
    }
    let template_names = functions.iter().map(|f| f.name.clone()).collect();
    Ok(Program {
        functions,
        template_names,
        imports: import_names(module),
        globals: globals
            .into_iter()
            .map(|name| Global {
                name,
                ty: Type::Never,
            })
            .collect(),
        main: FuncId(0),
        specialised: false,
    })
}

fn module_range(module: &Module) -> ast::TextRange {
    match (module.body.first(), module.body.last()) {
        (Some(a), Some(b)) => a.range.cover(b.range),
        _ => ast::TextRange::default(),
    }
}

/// The module-level `def` statements, each name defined once.
fn collect_functions(module: &Module) -> Result<Vec<&ast::FunctionDef>> {
    let mut seen: HashMap<&str, ()> = HashMap::new();
    let mut defs = Vec::new();
    for stmt in &module.body {
        if let StmtKind::FunctionDef(def) = &stmt.kind {
            if def.is_async {
                return Err(Unsupported::new("async functions", stmt.range));
            }
            if !def.decorator_list.is_empty() {
                return Err(Unsupported::new("decorators", def.decorator_list[0].range));
            }
            if seen.insert(&def.name, ()).is_some() {
                return Err(Unsupported::new(
                    format!("function '{}' is defined twice", def.name),
                    stmt.range,
                ));
            }
            defs.push(&**def);
        }
    }
    Ok(defs)
}

fn def_ranges(module: &Module) -> impl Iterator<Item = ast::TextRange> + '_ {
    module.body.iter().filter_map(|s| match s.kind {
        StmtKind::FunctionDef(_) => Some(s.range),
        _ => None,
    })
}

/// Whether every `import` of the module comes before any other statement (a
/// docstring aside): then no code can use an imported name before its import.
fn imports_come_first(module: &Module) -> bool {
    let mut code_seen = false;
    for (i, stmt) in module.body.iter().enumerate() {
        match &stmt.kind {
            StmtKind::Import { .. } | StmtKind::ImportFrom { .. } => {
                if code_seen {
                    return false;
                }
            }
            StmtKind::Expr { value }
                if i == 0 && matches!(value.kind, ExprKind::Constant { .. }) => {}
            _ => code_seen = true,
        }
    }
    true
}

/// The names module-level imports bind, in source order.
fn import_names(module: &Module) -> Vec<Box<str>> {
    let mut names: Vec<Box<str>> = Vec::new();
    for stmt in &module.body {
        let aliases = match &stmt.kind {
            StmtKind::ImportFrom {
                module: Some(m), ..
            } if &**m == "__future__" => continue,
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => names,
            _ => continue,
        };
        for alias in aliases {
            let bound = alias.asname.as_ref().unwrap_or(&alias.name);
            if !names.contains(bound) {
                names.push(bound.clone());
            }
        }
    }
    names
}

/// The names module-level `import` statements bind. Only native modules can be
/// imported today; anything else is reported.
fn collect_imports(module: &Module) -> Result<HashMap<Box<str>, Imported>> {
    let mut imports = HashMap::new();
    for stmt in &module.body {
        match &stmt.kind {
            StmtKind::Import { names } => {
                for alias in names {
                    if &*alias.name == "typing" {
                        let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                        imports.insert(bound.clone(), Imported::Typing);
                        continue;
                    }
                    let Some(m) = NativeModule::from_name(&alias.name) else {
                        return Err(Unsupported::new(
                            format!("the module '{}'", alias.name),
                            alias.range,
                        ));
                    };
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    imports.insert(bound.clone(), Imported::Module(m));
                }
            }
            StmtKind::ImportFrom {
                module: Some(name),
                names,
                level: 0,
            } if NativeModule::from_name(name).is_some() => {
                let Some(m) = NativeModule::from_name(name) else {
                    continue;
                };
                for alias in names {
                    let imported = match crate::native::member(m, &alias.name) {
                        Some(Member::Function(b)) => Imported::Function(b),
                        Some(Member::Constant(c)) => Imported::Constant(c),
                        Some(Member::Value(b)) => Imported::Value(b),
                        None => {
                            return Err(Unsupported::new(
                                format!("'{}' from the {} module", alias.name, m.name()),
                                alias.range,
                            ))
                        }
                    };
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    imports.insert(bound.clone(), imported);
                }
            }
            // Compiler directives: the parser checked the feature names, and
            // annotations are never evaluated here anyway.
            StmtKind::ImportFrom {
                module: Some(name),
                level: 0,
                ..
            } if &**name == "__future__" => {}
            StmtKind::ImportFrom {
                module: Some(name),
                names,
                level: 0,
            } if &**name == "typing" => {
                for alias in names {
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    imports.insert(bound.clone(), Imported::Typing);
                }
            }
            StmtKind::ImportFrom { module, .. } => {
                let name = module.as_deref().unwrap_or(".");
                return Err(Unsupported::new(format!("the module '{name}'"), stmt.range));
            }
            _ => {}
        }
    }
    Ok(imports)
}

/// Module-level variables: names bound in the module body, and names declared
/// `global` and bound in a function. Function names are not variables.
fn collect_globals(
    scopes: &SymbolTable,
    functions: &HashMap<Box<str>, FuncId>,
    imports: &HashMap<Box<str>, Imported>,
) -> (Vec<Box<str>>, std::collections::HashSet<Box<str>>) {
    let mut names: Vec<Box<str>> = Vec::new();
    let add = |names: &mut Vec<Box<str>>, name: &str| {
        if !functions.contains_key(name)
            && !imports.contains_key(name)
            && !names.iter().any(|n| &**n == name)
        {
            names.push(name.into());
        }
    };
    for symbol in &scopes.top().symbols {
        if symbol.has(scopes::SymbolFlags::BOUND) {
            add(&mut names, &symbol.name);
        }
    }
    for block in &scopes.blocks[1..] {
        for symbol in &block.symbols {
            if symbol.scope == Some(Scope::GlobalExplicit) && symbol.has(scopes::SymbolFlags::LOCAL)
            {
                add(&mut names, &symbol.name);
            }
        }
    }
    // A name no scope binds and that is not a builtin is a module global nothing
    // assigns: reading it raises NameError at run time, as in Python.
    let bound = names.len();
    for block in &scopes.blocks {
        for symbol in &block.symbols {
            let global = matches!(
                symbol.scope,
                Some(Scope::GlobalImplicit) | Some(Scope::GlobalExplicit)
            );
            if global
                && symbol.has(scopes::SymbolFlags::USE)
                && !frontend::builtins::NAMES.contains(&&*symbol.name)
            {
                add(&mut names, &symbol.name);
            }
        }
    }
    let unbound = names[bound..].iter().cloned().collect();
    (names, unbound)
}

fn lower_def(
    cx: &ProgramContext,
    def: &ast::FunctionDef,
    range: ast::TextRange,
) -> Result<Function> {
    let block_id = cx
        .scopes
        .block_for(range)
        .ok_or_else(|| Unsupported::new("function without a symbol table", range))?;
    let block = cx
        .scopes
        .block(block_id)
        .ok_or_else(|| Unsupported::new("function without a symbol table", range))?;
    let args = &def.args;
    if let Some(a) = args.vararg.as_ref().or(args.kwarg.as_ref()) {
        return Err(Unsupported::new("*args and **kwargs parameters", a.range));
    }
    let mut lowering = FnLowering::new(cx, block, &def.name, false);
    lowering.declare_params(args)?;
    if let Some(returns) = &def.returns {
        lowering.fb.func.return_annotation = Some(annotation_type(returns)?);
    }
    lowering.lower_body(&def.body, range)
}

/// A lambda without free variables, as a function `<lambda>` returning its body.
fn lower_lambda(cx: &ProgramContext, lambda: &Expr) -> Result<Function> {
    let ExprKind::Lambda { args, body } = &lambda.kind else {
        return Err(Unsupported::new("a lambda", lambda.range));
    };
    let block = cx
        .scopes
        .block_for(lambda.range)
        .and_then(|id| cx.scopes.block(id))
        .ok_or_else(|| Unsupported::new("lambda without a symbol table", lambda.range))?;
    let mut lowering = FnLowering::new(cx, block, "<lambda>", false);
    lowering.declare_params(args)?;
    lowering.lower_lambda_body(body, lambda.range)
}

fn signature(args: &ast::Arguments) -> Result<Signature> {
    let positional: Vec<&ast::Arg> = args.posonlyargs.iter().chain(&args.args).collect();
    let constant = |default: &Expr| {
        expr::signed_constant(default).unwrap_or_else(|| {
            Err(Unsupported::new(
                "parameter defaults that are not constants",
                default.range,
            ))
        })
    };
    // Positional defaults belong to the last positional parameters.
    let mut defaults: Vec<Option<Const>> =
        vec![None; positional.len() - args.defaults.len().min(positional.len())];
    for default in &args.defaults {
        defaults.push(Some(constant(default)?));
    }
    for default in &args.kw_defaults {
        defaults.push(default.as_ref().map(constant).transpose()?);
    }
    let params = positional
        .iter()
        .chain(args.kwonlyargs.iter().collect::<Vec<_>>().iter())
        .map(|a| a.arg.clone())
        .collect();
    Ok(Signature {
        params,
        positional: positional.len(),
        defaults,
    })
}

/// The type an annotation names. Annotations do not decide types (docs/typeinfer.md,
/// "Seeds"), but a program that writes them must compile: every annotation built
/// from builtin classes is accepted (`list[float]`, `tuple[int, str]`,
/// `dict[str, int]`, `int | None`, `"Forward"` strings), giving its type where the
/// native subset has one and `dyn` (any value) otherwise. A name that is not a
/// builtin class is reported: Python evaluates annotations of parameters and
/// module variables, so an unknown one could be a NameError.
pub(crate) fn annotation_type(e: &Expr) -> Result<Type> {
    if let Some(name) = typing_name(e) {
        return match name {
            "List" => Ok(Type::List(Box::new(Type::Dyn))),
            "Dict" => Ok(Type::Dict(Box::new(Type::Dyn), Box::new(Type::Dyn))),
            _ if TYPING_NAMES.contains(&name) => Ok(Type::Dyn),
            _ => Err(Unsupported::new(
                format!("the annotation 'typing.{name}'"),
                e.range,
            )),
        };
    }
    match &e.kind {
        ExprKind::Name { id, .. } => match &**id {
            "int" => Ok(Type::Int),
            "float" => Ok(Type::Float),
            "bool" => Ok(Type::Bool),
            "str" => Ok(Type::Str),
            "None" => Ok(Type::NoneType),
            "list" => Ok(Type::List(Box::new(Type::Dyn))),
            "dict" => Ok(Type::Dict(Box::new(Type::Dyn), Box::new(Type::Dyn))),
            "tuple" | "set" | "frozenset" | "object" | "complex" | "bytes" | "bytearray"
            | "range" | "type" => Ok(Type::Dyn),
            _ => Err(Unsupported::new(format!("the annotation '{id}'"), e.range)),
        },
        ExprKind::Constant { value, .. } => match value {
            ast::Constant::None => Ok(Type::NoneType),
            // A string annotation is a forward reference, never evaluated here.
            ast::Constant::Str(_) => Ok(Type::Dyn),
            _ => Err(Unsupported::new("this kind of annotation", e.range)),
        },
        ExprKind::Subscript { value, slice, .. } => {
            let id = match (&value.kind, typing_name(value)) {
                (_, Some(name)) => name,
                (ExprKind::Name { id, .. }, None) => &**id,
                _ => return Err(Unsupported::new("this kind of annotation", e.range)),
            };
            let args: Vec<&Expr> = match &slice.kind {
                ExprKind::Tuple { elts, .. } => elts.iter().collect(),
                _ => vec![&**slice],
            };
            // `tuple[int, ...]`: any length.
            let any_length = args.iter().any(|a| {
                matches!(
                    a.kind,
                    ExprKind::Constant {
                        value: ast::Constant::Ellipsis,
                        ..
                    }
                )
            });
            let types = args
                .iter()
                .filter(|a| {
                    !matches!(
                        a.kind,
                        ExprKind::Constant {
                            value: ast::Constant::Ellipsis,
                            ..
                        }
                    )
                })
                .map(|a| annotation_type(a))
                .collect::<Result<Vec<_>>>()?;
            match (id, types.as_slice()) {
                ("list" | "List", [item]) => Ok(Type::List(Box::new(item.clone()))),
                ("dict" | "Dict", [k, v]) => {
                    Ok(Type::Dict(Box::new(k.clone()), Box::new(v.clone())))
                }
                ("tuple" | "Tuple", _) if !any_length => Ok(Type::Tuple(types)),
                ("Optional", [t]) => Ok(t.join(&Type::NoneType)),
                ("Union", [first, rest @ ..]) => {
                    Ok(rest.iter().fold(first.clone(), |a, b| a.join(b)))
                }
                ("Final" | "ClassVar", [t]) => Ok(t.clone()),
                ("tuple" | "dict" | "set" | "frozenset" | "type", _) => Ok(Type::Dyn),
                (name, _) if TYPING_NAMES.contains(&name) => Ok(Type::Dyn),
                _ => Err(Unsupported::new("this kind of annotation", e.range)),
            }
        }
        ExprKind::BinOp {
            left,
            op: ast::Operator::BitOr,
            right,
        } => {
            // The lattice's join: `int | None` is an optional, `int | str` dyn.
            Ok(annotation_type(left)?.join(&annotation_type(right)?))
        }
        _ => Err(Unsupported::new("this kind of annotation", e.range)),
    }
}

/// The names of `typing` annotations may use (`Optional[int]`, `List[str]`...):
/// those krait has no type for are `dyn`.
const TYPING_NAMES: &[&str] = &[
    "Any",
    "Callable",
    "ClassVar",
    "Collection",
    "Deque",
    "DefaultDict",
    "Dict",
    "Final",
    "FrozenSet",
    "Generator",
    "Hashable",
    "Iterable",
    "Iterator",
    "List",
    "Literal",
    "Mapping",
    "MutableMapping",
    "MutableSequence",
    "MutableSet",
    "NoReturn",
    "Optional",
    "Sequence",
    "Set",
    "SupportsFloat",
    "SupportsInt",
    "Tuple",
    "Type",
    "Union",
];

/// The `typing` name an annotation expression names (`List`, or `typing.List`):
/// the names `typing` exports, by their usual spelling. A program that defines a
/// name of its own like these would be refused anyway (classes, type aliases).
fn typing_name(e: &Expr) -> Option<&str> {
    let name = match &e.kind {
        ExprKind::Name { id, .. } => &**id,
        ExprKind::Attribute { value, attr, .. } if matches!(&value.kind, ExprKind::Name { id, .. } if &**id == "typing") => {
            &**attr
        }
        _ => return None,
    };
    TYPING_NAMES.contains(&name).then_some(name)
}

/// The lowering of one function (or of the module body).
struct FnLowering<'a> {
    cx: &'a ProgramContext<'a>,
    block: &'a scopes::Block,
    fb: FunctionBuilder,
    /// The module body: its bound names are globals, not locals.
    is_module: bool,
    /// The comprehensions being lowered, innermost last: their scopes and the
    /// number that keeps their variables apart from the function's.
    comprehensions: Vec<(&'a scopes::Block, u32)>,
    /// Comprehensions lowered so far in this function.
    comprehension_count: u32,
    /// True while lowering the general version of a range loop (`iterate`).
    general_ranges: bool,
}

/// Where a name lives, as seen from the function being lowered.
enum NameRef {
    /// A variable of the function being lowered, by its key in the builder (the
    /// name, or for a comprehension's own variable the name and the comprehension's
    /// number).
    Local(Box<str>),
    Global(GlobalId),
    Function(FuncId),
    Builtin(crate::ir::Builtin),
    Exception(crate::ir::ExcClass),
    /// `import math`: only its attributes can be used.
    Module(crate::native::NativeModule),
    Constant(Const),
    /// A value computed by a builtin without arguments (`sys.argv`).
    Value(crate::ir::Builtin),
    Undefined,
}

impl<'a> FnLowering<'a> {
    fn new(
        cx: &'a ProgramContext<'a>,
        block: &'a scopes::Block,
        name: &str,
        is_module: bool,
    ) -> Self {
        FnLowering {
            cx,
            block,
            fb: FunctionBuilder::new(name, ast::TextRange::default()),
            is_module,
            comprehensions: Vec::new(),
            comprehension_count: 0,
            general_ranges: false,
        }
    }

    fn lower_body(mut self, body: &[Stmt], range: ast::TextRange) -> Result<Function> {
        self.fb.func.range = range;
        for stmt in body {
            self.stmt(stmt)?;
        }
        let end = ast::TextRange::new(range.end, range.end);
        Ok(self.fb.finish(end))
    }

    /// The parameters of the function being lowered (of a `def` or lambda), with
    /// their constant defaults and annotations.
    fn declare_params(&mut self, args: &ast::Arguments) -> Result<()> {
        let signature = signature(args)?;
        self.fb.func.defaults = signature.defaults;
        self.fb.func.positional = signature.positional;
        for arg in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            let var = self.fb.local(&arg.arg);
            if let Some(annotation) = &arg.annotation {
                self.fb.func.vars[var.index()].annotation = Some(annotation_type(annotation)?);
            }
            self.fb.func.params.push(var);
        }
        Ok(())
    }

    /// A lambda's body: the function returns its value.
    fn lower_lambda_body(mut self, body: &Expr, range: ast::TextRange) -> Result<Function> {
        self.fb.func.range = range;
        let v = self.expr(body)?;
        self.fb
            .terminate(crate::ir::Terminator::Return(v), body.range);
        let end = ast::TextRange::new(range.end, range.end);
        Ok(self.fb.finish(end))
    }

    fn resolve(&mut self, name: &str, range: ast::TextRange) -> Result<NameRef> {
        let resolved = self.lookup(name, range)?;
        if let Some(&global) = self.cx.import_flags.get(name) {
            if matches!(
                resolved,
                NameRef::Module(_) | NameRef::Builtin(_) | NameRef::Constant(_) | NameRef::Value(_)
            ) {
                // A use of an imported name: NameError if the import has not run.
                let dst = self.fb.temp();
                self.fb
                    .emit(crate::ir::InstKind::LoadGlobal { dst, global }, range);
            }
        }
        Ok(resolved)
    }

    /// What `name` refers to, without emitting anything (`resolve` also checks
    /// that an imported name's import has run).
    fn lookup(&self, name: &str, range: ast::TextRange) -> Result<NameRef> {
        // Comprehensions are inlined: their own variables are locals of the
        // enclosing function under a private key; what they take from the enclosing
        // function (free there, a cell here) is that function's local.
        for (block, number) in self.comprehensions.iter().rev() {
            match block.lookup(name).and_then(|s| s.scope) {
                Some(Scope::Local) | Some(Scope::Cell) => {
                    return Ok(NameRef::Local(format!("{name}.{number}").into()))
                }
                Some(Scope::Free) => continue,
                _ => break,
            }
        }
        let scope = self.block.lookup(name).and_then(|s| s.scope);
        match scope {
            // Nested functions and lambdas are reported where they are defined, so
            // a cell here is captured by comprehensions only, which are inlined.
            Some(Scope::Local) | Some(Scope::Cell) if !self.is_module => {
                Ok(NameRef::Local(name.into()))
            }
            Some(Scope::Free) => Err(Unsupported::new(
                "closures (nested functions capturing variables)",
                range,
            )),
            _ => {
                if let Some(imported) = self.cx.imports.get(name) {
                    Ok(match imported {
                        Imported::Module(m) => NameRef::Module(*m),
                        Imported::Function(b) => NameRef::Builtin(*b),
                        Imported::Constant(c) => NameRef::Constant(c.clone()),
                        Imported::Value(b) => NameRef::Value(*b),
                        Imported::Typing => {
                            return Err(Unsupported::new(
                                format!("'{name}' from typing used outside an annotation"),
                                range,
                            ))
                        }
                    })
                } else if let Some(&g) = self.cx.globals.get(name) {
                    Ok(NameRef::Global(g))
                } else if let Some(&f) = self.cx.functions.get(name) {
                    Ok(NameRef::Function(f))
                } else if let Some(b) = crate::ir::Builtin::from_name(name) {
                    Ok(NameRef::Builtin(b))
                } else if let Some(e) = crate::ir::ExcClass::from_name(name) {
                    Ok(NameRef::Exception(e))
                } else if name == "__name__" {
                    // The program runs as the main module.
                    Ok(NameRef::Constant(Const::Str("__main__".into())))
                } else {
                    Ok(NameRef::Undefined)
                }
            }
        }
    }
}
