//! One name in one block: the raw facts gathered while walking the AST (flags)
//! and the scope the resolver decides for it.
//!
//! The flag bits and their meanings follow CPython 3.11's `symtable.h`, so that the
//! `symtable`-style dump can be computed from them exactly as `Lib/symtable.py`
//! computes it.

use std::ops::{BitOr, BitOrAssign};

/// The raw facts about a name in one block, as a bit set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SymbolFlags(pub u16);

impl SymbolFlags {
    /// `global NAME` in this block (or a walrus in a comprehension reaching a
    /// `global` name); on the module block, also any `global NAME` anywhere.
    pub const GLOBAL: SymbolFlags = SymbolFlags(1);
    /// Assigned (stored or deleted) in this block.
    pub const LOCAL: SymbolFlags = SymbolFlags(2);
    /// A parameter (including a comprehension's implicit `.0`).
    pub const PARAM: SymbolFlags = SymbolFlags(4);
    /// `nonlocal NAME` in this block (or a comprehension's walrus target).
    pub const NONLOCAL: SymbolFlags = SymbolFlags(8);
    /// Read (loaded) in this block.
    pub const USE: SymbolFlags = SymbolFlags(16);
    /// Free in a nested block; CPython keeps the bit but 3.11 never sets it.
    pub const FREE: SymbolFlags = SymbolFlags(32);
    /// A class-level binding whose name is also free in a method: the method
    /// must not see the class binding, so the class also passes the outer cell.
    pub const FREE_CLASS: SymbolFlags = SymbolFlags(64);
    /// Bound by an `import` statement.
    pub const IMPORT: SymbolFlags = SymbolFlags(128);
    /// Target of an annotated assignment `NAME: annotation`.
    pub const ANNOT: SymbolFlags = SymbolFlags(256);
    /// Iteration variable of a comprehension (checked against walrus targets).
    pub const COMP_ITER: SymbolFlags = SymbolFlags(512);

    /// Any binding in this block: assignment, parameter or import.
    pub const BOUND: SymbolFlags = SymbolFlags(2 | 4 | 128);

    pub const fn empty() -> SymbolFlags {
        SymbolFlags(0)
    }

    /// True if any of the bits of `other` are set.
    pub const fn intersects(self, other: SymbolFlags) -> bool {
        self.0 & other.0 != 0
    }
}

impl BitOr for SymbolFlags {
    type Output = SymbolFlags;
    fn bitor(self, rhs: SymbolFlags) -> SymbolFlags {
        SymbolFlags(self.0 | rhs.0)
    }
}

impl BitOrAssign for SymbolFlags {
    fn bitor_assign(&mut self, rhs: SymbolFlags) {
        self.0 |= rhs.0;
    }
}

/// Where a name lives at run time, as the resolver decides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// A plain local of this block (fast local in a function, a namespace entry
    /// in a module or class).
    Local,
    /// Declared `global` (or global in an enclosing function's declaration).
    GlobalExplicit,
    /// Not bound in any enclosing function: a module global or a builtin.
    GlobalImplicit,
    /// Bound in an enclosing function; reached through a closure cell.
    Free,
    /// Local to this function but captured by a nested block: stored in a cell.
    Cell,
}

/// One name in one block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    /// The name after private-name mangling (`__x` in class `C` is `_C__x`).
    pub name: Box<str>,
    pub flags: SymbolFlags,
    /// Decided by the resolver; `None` only in blocks it never visits (the
    /// annotation blocks of `from __future__ import annotations`).
    pub scope: Option<Scope>,
}

impl Symbol {
    pub fn has(&self, flags: SymbolFlags) -> bool {
        self.flags.intersects(flags)
    }
}
