//! Tokens: what the lexer hands the parser.
//!
//! A token is a kind and a byte range; its text is sliced from the source when
//! needed (names, numbers, strings). Hard keywords have their own kinds; soft
//! keywords (`match`, `case`, `_`) are `Name`s, as in CPython's tokenizer. Comments
//! and non-logical newlines (CPython's `NL`) are dropped by the lexer.

use crate::ast::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub range: TextRange,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    // Leaves whose text carries the value.
    Name,
    /// An integer literal (decimal, hex, octal or binary, underscores allowed).
    Int,
    Float,
    /// An imaginary literal such as `1j` or `1.5e3J`.
    Imaginary,
    /// One string or bytes literal including its prefix and quotes; f-strings too.
    String,

    // Layout.
    Newline,
    Indent,
    Dedent,
    EndOfFile,

    // Hard keywords.
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,

    // Operators and delimiters.
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    VBar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    RArrow,
    Ellipsis,
    ColonEqual,
}

impl TokenKind {
    /// The hard keyword spelled `text`, if any.
    pub fn keyword(text: &str) -> Option<TokenKind> {
        use TokenKind::*;
        Some(match text {
            "False" => False,
            "None" => None,
            "True" => True,
            "and" => And,
            "as" => As,
            "assert" => Assert,
            "async" => Async,
            "await" => Await,
            "break" => Break,
            "class" => Class,
            "continue" => Continue,
            "def" => Def,
            "del" => Del,
            "elif" => Elif,
            "else" => Else,
            "except" => Except,
            "finally" => Finally,
            "for" => For,
            "from" => From,
            "global" => Global,
            "if" => If,
            "import" => Import,
            "in" => In,
            "is" => Is,
            "lambda" => Lambda,
            "nonlocal" => Nonlocal,
            "not" => Not,
            "or" => Or,
            "pass" => Pass,
            "raise" => Raise,
            "return" => Return,
            "try" => Try,
            "while" => While,
            "with" => With,
            "yield" => Yield,
            _ => return Option::None,
        })
    }

    pub fn is_keyword(self) -> bool {
        use TokenKind::*;
        matches!(
            self,
            False
                | None
                | True
                | And
                | As
                | Assert
                | Async
                | Await
                | Break
                | Class
                | Continue
                | Def
                | Del
                | Elif
                | Else
                | Except
                | Finally
                | For
                | From
                | Global
                | If
                | Import
                | In
                | Is
                | Lambda
                | Nonlocal
                | Not
                | Or
                | Pass
                | Raise
                | Return
                | Try
                | While
                | With
                | Yield
        )
    }
}
