//! A block: one namespace (module, class body, function, lambda or comprehension)
//! with its symbols in the order they were first seen.

use super::symbol::{Scope, Symbol, SymbolFlags};
use crate::ast::TextRange;
use std::collections::HashMap;

/// Index of a block in `SymbolTable::blocks`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockId(pub u32);

impl BlockId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What kind of namespace a block is; `symtable`'s `get_type()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Module,
    Class,
    /// `def`, `lambda` and the four comprehensions.
    Function,
    /// The throw-away block that holds an annotation under
    /// `from __future__ import annotations` (the annotation becomes a string, so
    /// its names bind nothing). Never a child of another block, never resolved.
    Annotation,
}

impl BlockKind {
    /// The word `symtable.SymbolTable.get_type()` returns.
    pub fn type_name(self) -> &'static str {
        match self {
            BlockKind::Module => "module",
            BlockKind::Class => "class",
            BlockKind::Function | BlockKind::Annotation => "function",
        }
    }
}

/// Which comprehension a function block implements, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComprehensionKind {
    List,
    Set,
    Dict,
    Generator,
}

impl ComprehensionKind {
    /// CPython's block name for it: `listcomp`, `setcomp`, `dictcomp`, `genexpr`.
    pub fn block_name(self) -> &'static str {
        match self {
            ComprehensionKind::List => "listcomp",
            ComprehensionKind::Set => "setcomp",
            ComprehensionKind::Dict => "dictcomp",
            ComprehensionKind::Generator => "genexpr",
        }
    }

    /// How the `'yield' inside ...` error names it.
    pub fn description(self) -> &'static str {
        match self {
            ComprehensionKind::List => "list comprehension",
            ComprehensionKind::Set => "set comprehension",
            ComprehensionKind::Dict => "dict comprehension",
            ComprehensionKind::Generator => "generator expression",
        }
    }
}

/// One namespace and everything later stages need to compile it.
#[derive(Clone, Debug)]
pub struct Block {
    pub kind: BlockKind,
    /// `top` for the module, the `def`/`class` name, `lambda`, `listcomp`, ...
    pub name: Box<str>,
    /// The line of the `def`/`class` keyword (not of a decorator), of the lambda
    /// or comprehension expression; 0 for the module.
    pub lineno: u32,
    /// The range of the AST node that opened the block (the whole statement for
    /// `def`/`class`, the expression for lambdas and comprehensions); use
    /// `SymbolTable::block_for` to go from a node to its block.
    pub range: TextRange,
    pub parent: Option<BlockId>,
    /// Nested blocks in the order CPython creates them (see `builder`).
    pub children: Vec<BlockId>,
    /// Symbols in first-seen order (the order CPython's dict keeps).
    pub symbols: Vec<Symbol>,
    index: HashMap<Box<str>, usize>,
    /// Parameter names in declaration order: positional-only, positional,
    /// keyword-only, then `*args` and `**kwargs` (CPython's `co_varnames` prefix).
    pub varnames: Vec<Box<str>>,
    pub comprehension: Option<ComprehensionKind>,
    /// Inside a function, class or comprehension (not directly in the module).
    pub nested: bool,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub has_varargs: bool,
    pub has_varkeywords: bool,
    /// A `return` with a value appears directly in this block.
    pub returns_value: bool,
    /// The block has free variables of its own.
    pub has_free: bool,
    /// Some nested block has free variables.
    pub child_free: bool,
    /// A class whose methods use `__class__` (or `super`): it needs the implicit
    /// `__class__` cell.
    pub needs_class_closure: bool,
    /// `global`/`nonlocal` declarations (and walrus re-bindings) as
    /// (mangled name, range of the statement), to place resolver errors.
    pub(crate) directives: Vec<(Box<str>, TextRange)>,
}

impl Block {
    pub(crate) fn new(kind: BlockKind, name: &str, lineno: u32, range: TextRange) -> Block {
        Block {
            kind,
            name: name.into(),
            lineno,
            range,
            parent: None,
            children: Vec::new(),
            symbols: Vec::new(),
            index: HashMap::new(),
            varnames: Vec::new(),
            comprehension: None,
            nested: false,
            is_generator: false,
            is_coroutine: false,
            has_varargs: false,
            has_varkeywords: false,
            returns_value: false,
            has_free: false,
            child_free: false,
            needs_class_closure: false,
            directives: Vec::new(),
        }
    }

    /// The symbol of a (mangled) name, if the block mentions it.
    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).and_then(|&i| self.symbols.get(i))
    }

    /// The raw flags of a name; empty if the block does not mention it.
    pub fn flags_of(&self, name: &str) -> SymbolFlags {
        self.lookup(name).map_or(SymbolFlags::empty(), |s| s.flags)
    }

    /// Sets a name's flags, adding the symbol at the end if it is new.
    pub(crate) fn set_flags(&mut self, name: &str, flags: SymbolFlags) {
        match self.index.get(name) {
            Some(&i) => {
                if let Some(symbol) = self.symbols.get_mut(i) {
                    symbol.flags = flags;
                }
            }
            None => self.push_symbol(name, flags, None),
        }
    }

    pub(crate) fn push_symbol(&mut self, name: &str, flags: SymbolFlags, scope: Option<Scope>) {
        self.index.insert(name.into(), self.symbols.len());
        self.symbols.push(Symbol {
            name: name.into(),
            flags,
            scope,
        });
    }

    pub(crate) fn symbol_mut(&mut self, name: &str) -> Option<&mut Symbol> {
        let i = *self.index.get(name)?;
        self.symbols.get_mut(i)
    }

    /// Names this block stores in cells because nested blocks capture them,
    /// in first-seen order. The compiler allocates one cell for each.
    pub fn cell_names(&self) -> impl Iterator<Item = &str> {
        self.names_in(Scope::Cell)
    }

    /// Names this block reads from its closure (free variables), in first-seen
    /// order; the enclosing function passes a cell for each.
    pub fn free_names(&self) -> impl Iterator<Item = &str> {
        self.names_in(Scope::Free)
    }

    fn names_in(&self, scope: Scope) -> impl Iterator<Item = &str> {
        self.symbols
            .iter()
            .filter(move |s| s.scope == Some(scope))
            .map(|s| &*s.name)
    }
}
