//! The parser's window on literal decoding: names, numbers and string bodies.
//!
//! The lexer owns the decoders (`lexer::literal`); this file adapts them to what
//! the parser needs, so the rest of the parser does not depend on their exact
//! signatures.

use crate::ast::{Constant, Identifier};
use crate::lexer::literal as lex;
use crate::pystr::PyStr;
use crate::token::TokenKind;

/// What a string token's prefix says.
pub(crate) type Prefix = lex::StringPrefix;

/// A string token taken apart: its prefix and where its body is, relative to the
/// token's start.
#[derive(Clone, Copy, Debug)]
pub(crate) struct StringParts {
    pub prefix: Prefix,
    pub body_start: usize,
    pub body_end: usize,
}

/// A name as the AST stores it: NFKC-normalised when not ASCII (PEP 3131).
pub(crate) fn identifier(text: &str) -> Identifier {
    crate::lexer::normalize_identifier(text).into()
}

/// The value of a number token.
pub(crate) fn number(text: &str, kind: TokenKind) -> Constant {
    lex::parse_number(text, kind)
}

/// Splits a string token into prefix and body.
pub(crate) fn split_string(text: &str) -> StringParts {
    let (prefix, body, _quote_len) = lex::split_string_token(text);
    StringParts {
        prefix,
        body_start: body.start as usize,
        body_end: body.end as usize,
    }
}

/// Decodes a `str` literal's body; the error is CPython's message.
pub(crate) fn decode_str(body: &str, raw: bool) -> Result<PyStr, String> {
    lex::decode_str(body, raw).map_err(|e| e.message)
}

/// Decodes a `bytes` literal's body.
pub(crate) fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, String> {
    lex::decode_bytes(body, raw).map_err(|e| e.message)
}

/// Tokens of an f-string field's expression, lexed in place (absolute ranges,
/// as if inside parentheses).
pub(crate) fn expression_tokens(src: &str, range: crate::ast::TextRange) -> crate::lexer::Lexed {
    crate::lexer::tokenize_expression(src, range)
}
