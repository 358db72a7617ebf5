//! The second pass: decide each name's scope (local, global, free or cell).
//!
//! Blocks are resolved top-down. Each block receives the names bound in
//! enclosing function blocks (`bound`) and the names declared global above it
//! (`global`); it decides its own names, then resolves its children with what
//! it makes visible to them, and collects the names its children need from
//! outside (`free`). A local that a child needs becomes a cell; a free name the
//! block does not bind itself is passed through as free. Class bodies are not
//! visible to their methods: a class passes down what it received, plus the
//! implicit `__class__` cell.

use super::block::{Block, BlockId, BlockKind};
use super::symbol::{Scope, SymbolFlags};
use crate::ast::TextRange;
use crate::diagnostic::SyntaxError;
use std::collections::HashSet;

type NameSet = HashSet<Box<str>>;

/// Resolves every block reachable from the module block (id 0).
pub fn resolve(blocks: &mut [Block]) -> Result<(), SyntaxError> {
    let mut free = NameSet::new();
    let mut global = NameSet::new();
    analyze_block(blocks, BlockId(0), None, &mut free, &mut global)
}

fn analyze_block(
    blocks: &mut [Block],
    id: BlockId,
    mut bound: Option<NameSet>,
    free: &mut NameSet,
    global: &mut NameSet,
) -> Result<(), SyntaxError> {
    let kind = blocks[id.index()].kind;
    let mut local = NameSet::new();
    let mut new_global = NameSet::new();
    let mut new_bound = NameSet::new();
    let mut new_free = NameSet::new();

    if kind == BlockKind::Class {
        // Captured before the class's own names are decided: the class body's
        // bindings are not visible to the functions inside it.
        new_global.extend(global.iter().cloned());
        if let Some(bound) = &bound {
            new_bound.extend(bound.iter().cloned());
        }
    }

    let mut scopes = Vec::with_capacity(blocks[id.index()].symbols.len());
    {
        let block = &mut blocks[id.index()];
        let names: Vec<(Box<str>, SymbolFlags)> = block
            .symbols
            .iter()
            .map(|s| (s.name.clone(), s.flags))
            .collect();
        for (name, flags) in names {
            let mut context = NameContext {
                bound: bound.as_mut(),
                local: &mut local,
                free: &mut *free,
                global: &mut *global,
            };
            scopes.push(analyze_name(block, &name, flags, &mut context)?);
        }
    }

    if kind == BlockKind::Class {
        new_bound.insert("__class__".into());
    } else {
        if kind == BlockKind::Function {
            new_bound.extend(local.iter().cloned());
        }
        if let Some(bound) = &bound {
            new_bound.extend(bound.iter().cloned());
        }
        new_global.extend(global.iter().cloned());
    }

    let mut all_free = NameSet::new();
    let children = blocks[id.index()].children.clone();
    for child in children {
        let mut child_free = new_free.clone();
        let mut child_global = new_global.clone();
        analyze_block(
            blocks,
            child,
            Some(new_bound.clone()),
            &mut child_free,
            &mut child_global,
        )?;
        all_free.extend(child_free);
        let child_block = &blocks[child.index()];
        if child_block.has_free || child_block.child_free {
            blocks[id.index()].child_free = true;
        }
    }
    new_free.extend(all_free);

    let block = &mut blocks[id.index()];
    match kind {
        BlockKind::Function => analyze_cells(block, &mut scopes, &mut new_free),
        BlockKind::Class => {
            if new_free.remove("__class__") {
                block.needs_class_closure = true;
            }
        }
        BlockKind::Module | BlockKind::Annotation => {}
    }
    update_symbols(block, &scopes, bound.as_ref(), &new_free);
    free.extend(new_free);
    Ok(())
}

/// The sets one block's names are decided against.
struct NameContext<'a> {
    /// Names bound in enclosing functions; `None` for the module.
    bound: Option<&'a mut NameSet>,
    /// Names this block binds (filled here).
    local: &'a mut NameSet,
    /// Names this block needs from enclosing functions (filled here).
    free: &'a mut NameSet,
    /// Names declared global in enclosing blocks (updated here).
    global: &'a mut NameSet,
}

fn analyze_name(
    block: &mut Block,
    name: &str,
    flags: SymbolFlags,
    context: &mut NameContext,
) -> Result<Scope, SyntaxError> {
    if flags.intersects(SymbolFlags::GLOBAL) {
        if flags.intersects(SymbolFlags::NONLOCAL) {
            return Err(at_directive(
                block,
                name,
                format!("name '{name}' is nonlocal and global"),
            ));
        }
        context.global.insert(name.into());
        if let Some(bound) = context.bound.as_deref_mut() {
            bound.remove(name);
        }
        return Ok(Scope::GlobalExplicit);
    }
    if flags.intersects(SymbolFlags::NONLOCAL) {
        let Some(bound) = context.bound.as_deref() else {
            return Err(at_directive(
                block,
                name,
                "nonlocal declaration not allowed at module level".to_string(),
            ));
        };
        if !bound.contains(name) {
            return Err(at_directive(
                block,
                name,
                format!("no binding for nonlocal '{name}' found"),
            ));
        }
        block.has_free = true;
        context.free.insert(name.into());
        return Ok(Scope::Free);
    }
    if flags.intersects(SymbolFlags::BOUND) {
        context.local.insert(name.into());
        context.global.remove(name);
        return Ok(Scope::Local);
    }
    if context.bound.as_deref().is_some_and(|b| b.contains(name)) {
        block.has_free = true;
        context.free.insert(name.into());
        return Ok(Scope::Free);
    }
    if block.nested {
        block.has_free = true;
    }
    Ok(Scope::GlobalImplicit)
}

/// Locals of a function that a nested block needs become cells; they are then
/// satisfied here and no longer free for the enclosing blocks.
fn analyze_cells(block: &Block, scopes: &mut [Scope], free: &mut NameSet) {
    for (symbol, scope) in block.symbols.iter().zip(scopes.iter_mut()) {
        if *scope == Scope::Local && free.remove(&*symbol.name) {
            *scope = Scope::Cell;
        }
    }
}

/// Stores the decided scopes, and adds the names children need that this block
/// only passes through (they are free here too, unless they are globals).
fn update_symbols(block: &mut Block, scopes: &[Scope], bound: Option<&NameSet>, free: &NameSet) {
    for (symbol, scope) in block.symbols.iter_mut().zip(scopes) {
        symbol.scope = Some(*scope);
    }
    let is_class = block.kind == BlockKind::Class;
    // Sorted so that symbols added here come out in the same order every run.
    let mut names: Vec<&Box<str>> = free.iter().collect();
    names.sort();
    for name in names {
        if let Some(symbol) = block.symbol_mut(name) {
            // A method's free name that the class also binds: the class must
            // provide the outer cell as well as its own binding.
            if is_class && symbol.has(SymbolFlags::BOUND | SymbolFlags::GLOBAL) {
                symbol.flags |= SymbolFlags::FREE_CLASS;
            }
            continue;
        }
        if bound.is_some_and(|b| !b.contains(&**name)) {
            continue;
        }
        block.push_symbol(name, SymbolFlags::empty(), Some(Scope::Free));
    }
}

/// Errors about a declaration point at the (first) declaration of that name.
fn at_directive(block: &Block, name: &str, message: String) -> SyntaxError {
    let range = block
        .directives
        .iter()
        .find(|(n, _)| &**n == name)
        .map_or(TextRange::default(), |(_, r)| *r);
    SyntaxError::syntax(message, range)
}
