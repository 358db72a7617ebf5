//! The text of the `symtable` reference printer (see `SymbolTable::dump`).
//!
//! For each block: `TYPE NAME LINENO`, then each symbol sorted by name with the
//! `is_*` predicates of `Lib/symtable.py` that hold for it, then the children.

use super::block::{Block, BlockId};
use super::symbol::{Scope, Symbol, SymbolFlags};
use super::SymbolTable;
use std::fmt::Write;

/// One `Symbol.is_*` predicate; the flag says whether the block is `top`.
type Predicate = fn(&Symbol, bool) -> bool;

/// The predicates in the order the reference printer lists them.
const PREDICATES: [(&str, Predicate); 10] = [
    ("parameter", |s, _| s.has(SymbolFlags::PARAM)),
    ("global", |s, module| {
        matches!(s.scope, Some(Scope::GlobalImplicit | Scope::GlobalExplicit))
            || (module && s.has(SymbolFlags::BOUND))
    }),
    ("declared_global", |s, _| {
        s.scope == Some(Scope::GlobalExplicit)
    }),
    ("nonlocal", |s, _| s.has(SymbolFlags::NONLOCAL)),
    ("local", |s, module| {
        matches!(s.scope, Some(Scope::Local | Scope::Cell)) || (module && s.has(SymbolFlags::BOUND))
    }),
    ("free", |s, _| s.scope == Some(Scope::Free)),
    ("imported", |s, _| s.has(SymbolFlags::IMPORT)),
    ("assigned", |s, _| s.has(SymbolFlags::LOCAL)),
    ("referenced", |s, _| s.has(SymbolFlags::USE)),
    ("annotated", |s, _| s.has(SymbolFlags::ANNOT)),
];

pub fn dump(table: &SymbolTable) -> String {
    let mut out = String::new();
    // An explicit stack instead of recursion: blocks can nest deeply.
    let mut pending = vec![BlockId(0)];
    while let Some(id) = pending.pop() {
        let Some(block) = table.blocks.get(id.index()) else {
            continue;
        };
        dump_block(block, &mut out);
        pending.extend(block.children.iter().rev());
    }
    out
}

fn dump_block(block: &Block, out: &mut String) {
    let _ = writeln!(
        out,
        "{} {} {}",
        block.kind.type_name(),
        block.name,
        block.lineno
    );
    // `symtable.py` treats any block named `top` as the module.
    let module = &*block.name == "top";
    let mut symbols: Vec<&Symbol> = block.symbols.iter().collect();
    symbols.sort_by(|a, b| a.name.cmp(&b.name));
    for symbol in symbols {
        let names: Vec<&str> = PREDICATES
            .iter()
            .filter(|(_, holds)| holds(symbol, module))
            .map(|(name, _)| *name)
            .collect();
        let _ = writeln!(out, "  {}: {}", symbol.name, names.join(" "));
    }
}
