//! krait's frontend: everything between the bytes of a `.py` file and a checked AST.
//!
//! It owns source decoding and spans (`source`), tokens and the lexer (`token`,
//! `lexer`), the parser (`parser`) producing the AST (`ast`) that mirrors CPython
//! 3.11's `ast` module node for node, `ast.dump`-compatible printing (`dump`,
//! `pyrepr`), symbol tables (`scopes`) and syntax errors rendered with
//! codespan-reporting (`diagnostic`). It knows nothing about types or LLVM.
//!
//! Pipeline: `SourceFile::decode` -> `lexer::tokenize` -> `parser::parse_module`
//! -> `scopes::SymbolTable::build`.

pub mod ast;
pub mod builtins;
pub mod compile_checks;
pub mod diagnostic;
pub mod dump;
pub mod lexer;
pub mod parser;
pub mod pyrepr;
pub mod pystr;
pub mod scopes;
pub mod source;
pub mod token;
pub mod unicode_tables;

pub use diagnostic::{ErrorKind, SyntaxError};
pub use source::SourceFile;

/// Decodes and parses one file's bytes: the whole frontend up to the AST.
pub fn parse_bytes(name: &str, bytes: &[u8]) -> (SourceFile, Result<ast::Module, SyntaxError>) {
    let (file, decode_error) = SourceFile::decode(name, bytes);
    if let Some(error) = decode_error {
        return (file, Err(error));
    }
    let result = parser::parse_module(&file);
    (file, result)
}
