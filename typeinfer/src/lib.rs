//! krait's middle end: the intermediate representation, lowering and type inference.
//!
//! It owns the lowering of the AST (with its scopes) to control-flow graphs of
//! three-address instructions (`ir`, `lower`), the type lattice (`types`), inference
//! with specialisation per argument types (`infer`), printing of every stage
//! (`print`), and the decision of what is outside the native subset (`error`).
//! It knows nothing about LLVM. The design is in docs/typeinfer.md.

pub mod call_values;
pub mod callgraph;
pub mod error;
pub mod infer;
pub mod infer_containers;
pub mod ir;
pub mod lower;
pub mod native;
pub mod print;
pub mod tail_calls;
pub mod types;

pub use error::Unsupported;

use frontend::scopes::SymbolTable;
use frontend::SourceFile;

/// The middle end in one call: lower a parsed, scoped module and infer its types.
pub fn compile(
    module: &frontend::ast::Module,
    scopes: &SymbolTable,
    file: &SourceFile,
) -> Result<ir::Program, Unsupported> {
    let templates = lower::lower_module(module, scopes, file)?;
    specialise(&templates)
}

/// Inference, then the rewrites that need its types (self tail calls as loops).
pub fn specialise(templates: &ir::Program) -> Result<ir::Program, Unsupported> {
    let mut program = infer::infer(templates)?;
    tail_calls::rewrite_program(&mut program);
    Ok(program)
}

/// Parses, scopes and compiles `source` (unit tests of the passes).
#[cfg(test)]
pub(crate) fn compile_source(source: &str) -> ir::Program {
    let (file, module) = frontend::parse_bytes("t.py", source.as_bytes());
    let module = module.expect("parses");
    let scopes = SymbolTable::build(&module, &file).expect("scopes");
    compile(&module, &scopes, &file).expect("compiles")
}
