//! krait's middle end.
//!
//! This crate will own the lowering of the AST to a control-flow graph of simple
//! three-address instructions, the type lattice, type inference and the decision of
//! what falls back to CPython bytecode (see `../shared/DESIGN.md`).
//!
//! Nothing is implemented yet: the crate exists so that the dependency direction
//! `frontend <- typeinfer <- backend <- krait` is fixed from the start.
