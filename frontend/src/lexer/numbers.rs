//! Number literals: finding where they end and rejecting malformed ones with
//! CPython 3.11's messages and positions. Values come later (`literal`).
//!
//! Error positions: CPython reports `offset` = the tokenizer's cursor column,
//! which designates the character *before* the cursor; each error below is
//! placed on that character.

use super::scanner::range;
use super::LexError;
use crate::token::TokenKind;

/// Scans a number starting at `*pos` (a digit, or `.` before a digit).
pub(crate) fn scan_number(
    bytes: &[u8],
    pos: &mut usize,
    end: usize,
) -> Result<TokenKind, LexError> {
    let mut scan = NumberScan {
        bytes,
        i: *pos,
        end: end.min(bytes.len()),
        start: *pos,
        is_float: false,
    };
    let kind = scan.number()?;
    *pos = scan.i;
    Ok(kind)
}

struct NumberScan<'a> {
    bytes: &'a [u8],
    i: usize,
    end: usize,
    start: usize,
    is_float: bool,
}

fn error_at(at: usize, message: impl Into<String>) -> LexError {
    LexError::raised(message, range(at, at))
}

impl NumberScan<'_> {
    /// The byte at `i`, or 0 past the end (0 is no digit and no name character).
    fn at(&self, i: usize) -> u8 {
        if i < self.end {
            self.bytes.get(i).copied().unwrap_or(0)
        } else {
            0
        }
    }

    fn cur(&self) -> u8 {
        self.at(self.i)
    }

    fn number(&mut self) -> Result<TokenKind, LexError> {
        match (self.cur(), self.at(self.i + 1).to_ascii_lowercase()) {
            (b'.', _) => {
                self.i += 1;
                self.fraction()
            }
            (b'0', b'x') => self.radix(16, "hexadecimal"),
            (b'0', b'o') => self.radix(8, "octal"),
            (b'0', b'b') => self.radix(2, "binary"),
            (b'0', _) => self.leading_zero(),
            _ => {
                self.decimal_tail()?;
                self.after_integer_part()
            }
        }
    }

    /// Digits with single underscores between them.
    fn decimal_tail(&mut self) -> Result<(), LexError> {
        loop {
            while self.cur().is_ascii_digit() {
                self.i += 1;
            }
            if self.cur() != b'_' {
                return Ok(());
            }
            if !self.at(self.i + 1).is_ascii_digit() {
                return Err(error_at(self.i, "invalid decimal literal"));
            }
            self.i += 1;
        }
    }

    /// `0x`, `0o`, `0b` literals; underscores may follow the prefix.
    fn radix(&mut self, radix: u32, name: &str) -> Result<TokenKind, LexError> {
        self.i += 2;
        let in_radix = |c: u8| (c as char).is_digit(radix);
        loop {
            if self.cur() == b'_' {
                self.i += 1;
            }
            let c = self.cur();
            if !in_radix(c) {
                if radix != 16 && c.is_ascii_digit() {
                    return Err(self.invalid_digit(c, name));
                }
                return Err(error_at(self.i - 1, format!("invalid {name} literal")));
            }
            while in_radix(self.cur()) {
                self.i += 1;
            }
            if self.cur() != b'_' {
                break;
            }
        }
        let c = self.cur();
        if radix != 16 && c.is_ascii_digit() {
            return Err(self.invalid_digit(c, name));
        }
        self.verify_end(name)?;
        Ok(TokenKind::Int)
    }

    fn invalid_digit(&self, c: u8, name: &str) -> LexError {
        error_at(
            self.i,
            format!("invalid digit '{}' in {name} literal", c as char),
        )
    }

    /// A decimal literal starting with `0`: only zeros are allowed, unless it
    /// turns out to be a float or imaginary number.
    fn leading_zero(&mut self) -> Result<TokenKind, LexError> {
        self.i += 1;
        loop {
            if self.cur() == b'_' {
                self.i += 1;
                if !self.cur().is_ascii_digit() {
                    return Err(error_at(self.i - 1, "invalid decimal literal"));
                }
            }
            if self.cur() != b'0' {
                break;
            }
            self.i += 1;
        }
        let zeros_end = self.i;
        let nonzero = self.cur().is_ascii_digit();
        if nonzero {
            self.decimal_tail()?;
        }
        match self.cur() {
            b'.' | b'e' | b'E' | b'j' | b'J' => self.after_integer_part(),
            _ if nonzero => Err(LexError::raised(
                "leading zeros in decimal integer literals are not permitted; \
                 use an 0o prefix for octal integers",
                range(self.start, zeros_end),
            )),
            _ => {
                self.verify_end("decimal")?;
                Ok(TokenKind::Int)
            }
        }
    }

    /// After the digits before a possible `.`.
    fn after_integer_part(&mut self) -> Result<TokenKind, LexError> {
        if self.cur() == b'.' {
            self.i += 1;
            return self.fraction();
        }
        self.exponent_and_suffix()
    }

    /// After the `.`: optional digits, then exponent and `j`.
    fn fraction(&mut self) -> Result<TokenKind, LexError> {
        self.is_float = true;
        if self.cur().is_ascii_digit() {
            self.decimal_tail()?;
        }
        self.exponent_and_suffix()
    }

    fn exponent_and_suffix(&mut self) -> Result<TokenKind, LexError> {
        if matches!(self.cur(), b'e' | b'E') {
            let e_at = self.i;
            self.i += 1;
            if matches!(self.cur(), b'+' | b'-') {
                self.i += 1;
                if !self.cur().is_ascii_digit() {
                    return Err(error_at(self.i - 1, "invalid decimal literal"));
                }
            } else if !self.cur().is_ascii_digit() {
                // Not an exponent: the number ends before the `e`, which may
                // start a keyword (`1else`).
                self.i = e_at;
                self.verify_end("decimal")?;
                return Ok(self.int_or_float());
            }
            self.is_float = true;
            self.decimal_tail()?;
        }
        if matches!(self.cur(), b'j' | b'J') {
            self.i += 1;
            self.verify_end("imaginary")?;
            return Ok(TokenKind::Imaginary);
        }
        self.verify_end("decimal")?;
        Ok(self.int_or_float())
    }

    fn int_or_float(&self) -> TokenKind {
        if self.is_float {
            TokenKind::Float
        } else {
            TokenKind::Int
        }
    }

    /// CPython's `verify_end_of_number`: a number may not run into a name,
    /// except into the keywords valid code can have there (`1if x else y`,
    /// `0x1for`; CPython only warns about those).
    fn verify_end(&self, kind: &str) -> Result<(), LexError> {
        let c = self.cur();
        let follows = |s: &[u8]| self.bytes.get(self.i + 1..self.i + 1 + s.len()) == Some(s);
        let keyword_follows = match c {
            b'a' => follows(b"nd"),
            b'e' => follows(b"lse"),
            b'f' => follows(b"or"),
            b'i' => matches!(self.at(self.i + 1), b'f' | b'n' | b's'),
            b'o' => follows(b"r"),
            b'n' => follows(b"ot"),
            _ => false,
        };
        if keyword_follows {
            return Ok(());
        }
        // Only ASCII: a non-ASCII character ends the number and is judged as
        // the next token (CPython 3.11 checks `c < 128`).
        if c.is_ascii_alphanumeric() || c == b'_' {
            return Err(error_at(self.i - 1, format!("invalid {kind} literal")));
        }
        Ok(())
    }
}
