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
use super::builder::error;
use super::symbol::{Scope, SymbolFlags};
use crate::ast::TextRange;
use crate::diagnostic::SyntaxError;
use std::collections::HashSet;

type NameSet = HashSet<Box<str>>;

/// Resolves every block reachable from the module block (id 0).
///
/// Depth-first over the block tree with an explicit stack (blocks can nest
/// thousands deep): a block's own names are decided on the way down, its cells
/// and pass-through free names on the way up, once all its children are done.
pub fn resolve(blocks: &mut [Block]) -> Result<(), Box<SyntaxError>> {
    let mut stack = vec![Pending::start(blocks, BlockId(0), None, NameSet::new())?];
    while let Some(top) = stack.last_mut() {
        let next_child = blocks[top.id.index()].children.get(top.next_child).copied();
        if let Some(child) = next_child {
            top.next_child += 1;
            // Each child gets its own copies of what its parent makes visible.
            let bound = Some(top.analysis.child_bound.clone());
            let global = top.analysis.child_global.clone();
            let pending = Pending::start(blocks, child, bound, global)?;
            stack.push(pending);
            continue;
        }
        let Some(mut done) = stack.pop() else {
            break;
        };
        finish_block(&mut blocks[done.id.index()], done.analysis, &mut done.free);
        if let Some(parent) = stack.last_mut() {
            parent.analysis.children_free.extend(done.free);
            let child = &blocks[done.id.index()];
            if child.has_free || child.child_free {
                blocks[parent.id.index()].child_free = true;
            }
        }
    }
    Ok(())
}

/// A block whose own names are decided but whose children are not all done.
struct Pending {
    id: BlockId,
    analysis: BlockAnalysis,
    /// Index of the next child to resolve.
    next_child: usize,
    /// The names this block needs from its enclosing blocks.
    free: NameSet,
}

impl Pending {
    fn start(
        blocks: &mut [Block],
        id: BlockId,
        bound: Option<NameSet>,
        mut global: NameSet,
    ) -> Result<Pending, Box<SyntaxError>> {
        let mut free = NameSet::new();
        let analysis = decide_names(&mut blocks[id.index()], bound, &mut free, &mut global)?;
        Ok(Pending {
            id,
            analysis,
            next_child: 0,
            free,
        })
    }
}

/// One block's analysis between deciding its names and finishing it.
struct BlockAnalysis {
    /// What the block received from its parent; `None` for the module.
    bound: Option<NameSet>,
    /// The scope decided for each of the block's own symbols, in order.
    scopes: Vec<Scope>,
    /// Names bound in enclosing functions, as the children see them.
    child_bound: NameSet,
    /// Names declared global, as the children see them.
    child_global: NameSet,
    /// Names the children need from outside.
    children_free: NameSet,
}

/// Decides the block's own names and what its children will see.
fn decide_names(
    block: &mut Block,
    mut bound: Option<NameSet>,
    free: &mut NameSet,
    global: &mut NameSet,
) -> Result<BlockAnalysis, Box<SyntaxError>> {
    let kind = block.kind;
    let mut local = NameSet::new();
    let mut child_global = NameSet::new();
    let mut child_bound = NameSet::new();

    if kind == BlockKind::Class {
        // Captured before the class's own names are decided: the class body's
        // bindings are not visible to the functions inside it.
        child_global.extend(global.iter().cloned());
        if let Some(bound) = &bound {
            child_bound.extend(bound.iter().cloned());
        }
    }

    let names: Vec<(Box<str>, SymbolFlags)> = block
        .symbols
        .iter()
        .map(|s| (s.name.clone(), s.flags))
        .collect();
    let mut scopes = Vec::with_capacity(names.len());
    for (name, flags) in names {
        let mut context = NameContext {
            bound: bound.as_mut(),
            local: &mut local,
            free: &mut *free,
            global: &mut *global,
        };
        scopes.push(analyze_name(block, &name, flags, &mut context)?);
    }

    if kind == BlockKind::Class {
        child_bound.insert("__class__".into());
    } else {
        if kind == BlockKind::Function {
            child_bound.extend(local);
        }
        if let Some(bound) = &bound {
            child_bound.extend(bound.iter().cloned());
        }
        child_global.extend(global.iter().cloned());
    }
    Ok(BlockAnalysis {
        bound,
        scopes,
        child_bound,
        child_global,
        children_free: NameSet::new(),
    })
}

/// Turns captured locals into cells, records the scopes, and reports the names
/// still needed from outside to the parent.
fn finish_block(block: &mut Block, analysis: BlockAnalysis, free: &mut NameSet) {
    let BlockAnalysis {
        bound,
        mut scopes,
        children_free: mut new_free,
        ..
    } = analysis;
    match block.kind {
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
) -> Result<Scope, Box<SyntaxError>> {
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
fn at_directive(block: &Block, name: &str, message: String) -> Box<SyntaxError> {
    let range = block
        .directives
        .iter()
        .find(|(n, _)| &**n == name)
        .map_or(TextRange::default(), |(_, r)| *r);
    error(message, range)
}
