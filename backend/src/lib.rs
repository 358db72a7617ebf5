//! krait's backend: LLVM IR through inkwell (LLVM 19), optimisation, object emission
//! and linking.
//!
//! `compile` turns a specialised program into LLVM IR text, assembly or an object
//! file (`codegen` generates and verifies, `target` optimises and emits); `link`
//! makes an executable from the object with the system C compiler. The backend never
//! reads source text: what tracebacks need (file name, line of an offset) comes in
//! a `SourceInfo`.

pub mod abi;
pub mod codegen;
pub mod error;
pub mod link;
mod split_phis;
pub mod suggest;
pub mod target;

pub use codegen::SourceInfo;
pub use error::{Error, Result};
pub use target::OptLevel;

use inkwell::context::Context;
use inkwell::targets::FileType;

/// The version (major, minor, patch) of the LLVM library krait is linked with.
pub fn llvm_version() -> (u32, u32, u32) {
    inkwell::support::get_llvm_version()
}

/// What `compile` produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emit {
    /// Optimised LLVM IR, as text.
    LlvmIr,
    /// Assembly for the host.
    Asm,
    /// An object file for the host.
    Object,
}

/// Generates, verifies, optimises and emits code for a specialised program.
pub fn compile(
    program: &typeinfer::ir::Program,
    source: &SourceInfo,
    level: OptLevel,
    emit: Emit,
) -> Result<Vec<u8>> {
    let context = Context::create();
    let module = codegen::generate(&context, program, source)?;
    let machine = target::host_machine(level)?;
    target::optimise(&module, &machine, level)?;
    match emit {
        Emit::LlvmIr => Ok(module.print_to_string().to_bytes().to_vec()),
        Emit::Asm => target::emit(&module, &machine, FileType::Assembly),
        Emit::Object => target::emit(&module, &machine, FileType::Object),
    }
}
