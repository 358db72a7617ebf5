//! krait's backend: LLVM IR through inkwell (LLVM 19), optimisation, object emission
//! and linking.
//!
//! Code generation does not exist yet. What exists is the link to LLVM itself, so that
//! the krait binary reports the LLVM it was actually built against.

/// The version (major, minor, patch) of the LLVM library krait is linked with.
pub fn llvm_version() -> (u32, u32, u32) {
    inkwell::support::get_llvm_version()
}
