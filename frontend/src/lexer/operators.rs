//! Operators and delimiters other than brackets: the longest match among
//! Python's one-, two- and three-character operators.

use crate::token::TokenKind;

/// Scans the operator at `*pos`, or returns `None` when no operator starts
/// there (`$`, `?`, a lone `!`, a backtick, control characters...).
///
/// `<>` is not an operator in Python 3 (PEP 401 aside); CPython's tokenizer
/// produces it as one token which the parser then rejects, so it is scanned as
/// `NotEqual` spanning two characters: the parser must check the text `!=`.
pub(crate) fn scan_operator(bytes: &[u8], pos: &mut usize, end: usize) -> Option<TokenKind> {
    use TokenKind::*;
    let at = |i: usize| -> u8 {
        if *pos + i < end {
            bytes.get(*pos + i).copied().unwrap_or(0)
        } else {
            0
        }
    };
    let (c1, c2, c3) = (at(0), at(1), at(2));
    let (kind, len) = match (c1, c2, c3) {
        (b'*', b'*', b'=') => (DoubleStarEqual, 3),
        (b'.', b'.', b'.') => (Ellipsis, 3),
        (b'/', b'/', b'=') => (DoubleSlashEqual, 3),
        (b'<', b'<', b'=') => (LeftShiftEqual, 3),
        (b'>', b'>', b'=') => (RightShiftEqual, 3),
        (b'!', b'=', _) => (NotEqual, 2),
        (b'%', b'=', _) => (PercentEqual, 2),
        (b'&', b'=', _) => (AmperEqual, 2),
        (b'*', b'*', _) => (DoubleStar, 2),
        (b'*', b'=', _) => (StarEqual, 2),
        (b'+', b'=', _) => (PlusEqual, 2),
        (b'-', b'=', _) => (MinEqual, 2),
        (b'-', b'>', _) => (RArrow, 2),
        (b'/', b'/', _) => (DoubleSlash, 2),
        (b'/', b'=', _) => (SlashEqual, 2),
        (b':', b'=', _) => (ColonEqual, 2),
        (b'<', b'<', _) => (LeftShift, 2),
        (b'<', b'=', _) => (LessEqual, 2),
        (b'<', b'>', _) => (NotEqual, 2),
        (b'=', b'=', _) => (EqEqual, 2),
        (b'>', b'=', _) => (GreaterEqual, 2),
        (b'>', b'>', _) => (RightShift, 2),
        (b'@', b'=', _) => (AtEqual, 2),
        (b'^', b'=', _) => (CircumflexEqual, 2),
        (b'|', b'=', _) => (VBarEqual, 2),
        (b'%', _, _) => (Percent, 1),
        (b'&', _, _) => (Amper, 1),
        (b'*', _, _) => (Star, 1),
        (b'+', _, _) => (Plus, 1),
        (b',', _, _) => (Comma, 1),
        (b'-', _, _) => (Minus, 1),
        (b'.', _, _) => (Dot, 1),
        (b'/', _, _) => (Slash, 1),
        (b':', _, _) => (Colon, 1),
        (b';', _, _) => (Semi, 1),
        (b'<', _, _) => (Less, 1),
        (b'=', _, _) => (Equal, 1),
        (b'>', _, _) => (Greater, 1),
        (b'@', _, _) => (At, 1),
        (b'^', _, _) => (Circumflex, 1),
        (b'|', _, _) => (VBar, 1),
        (b'~', _, _) => (Tilde, 1),
        _ => return Option::None,
    };
    *pos += len;
    Some(kind)
}
