//! `PyStr`: the value of a Python `str` constant.
//!
//! Python strings are sequences of code points and may contain lone surrogates
//! (`"\ud800"`), which a Rust `String` cannot hold. `PyStr` stores WTF-8: UTF-8 in
//! which a surrogate code point is encoded like any other three-byte code point.
//! A `PyStr` without surrogates is plain UTF-8 and `as_str` returns it.

use std::fmt;

#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct PyStr {
    bytes: Vec<u8>,
}

impl PyStr {
    pub fn new() -> Self {
        PyStr { bytes: Vec::new() }
    }

    pub fn push_str(&mut self, s: &str) {
        self.bytes.extend_from_slice(s.as_bytes());
    }

    pub fn push_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.bytes
            .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }

    /// Appends any code point in `0..=0x10FFFF`, surrogates included.
    pub fn push_code_point(&mut self, cp: u32) {
        assert!(cp <= 0x10FFFF, "code point {cp:#x} out of range");
        match char::from_u32(cp) {
            Some(c) => self.push_char(c),
            None => {
                // A surrogate: the generalised UTF-8 three-byte form.
                self.bytes.push(0xE0 | (cp >> 12) as u8);
                self.bytes.push(0x80 | ((cp >> 6) & 0x3F) as u8);
                self.bytes.push(0x80 | (cp & 0x3F) as u8);
            }
        }
    }

    pub fn push_pystr(&mut self, other: &PyStr) {
        self.bytes.extend_from_slice(&other.bytes);
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The string as UTF-8, or `None` when it contains a lone surrogate.
    pub fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.bytes).ok()
    }

    /// The WTF-8 bytes.
    pub fn as_wtf8(&self) -> &[u8] {
        &self.bytes
    }

    /// The code points, in order.
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints {
            bytes: &self.bytes,
            pos: 0,
        }
    }

    /// The number of code points (Python's `len`).
    pub fn len_code_points(&self) -> usize {
        self.bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
    }
}

impl From<&str> for PyStr {
    fn from(s: &str) -> Self {
        PyStr {
            bytes: s.as_bytes().to_vec(),
        }
    }
}

impl From<String> for PyStr {
    fn from(s: String) -> Self {
        PyStr {
            bytes: s.into_bytes(),
        }
    }
}

impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PyStr({:?})", String::from_utf8_lossy(&self.bytes))
    }
}

/// Iterator over the code points of a `PyStr`.
pub struct CodePoints<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let b = &self.bytes[self.pos..];
        let first = *b.first()? as u32;
        let (cp, len) = if first < 0x80 {
            (first, 1)
        } else if first < 0xE0 {
            (((first & 0x1F) << 6) | (b[1] as u32 & 0x3F), 2)
        } else if first < 0xF0 {
            (
                ((first & 0x0F) << 12) | ((b[1] as u32 & 0x3F) << 6) | (b[2] as u32 & 0x3F),
                3,
            )
        } else {
            (
                ((first & 0x07) << 18)
                    | ((b[1] as u32 & 0x3F) << 12)
                    | ((b[2] as u32 & 0x3F) << 6)
                    | (b[3] as u32 & 0x3F),
                4,
            )
        };
        self.pos += len;
        Some(cp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrogates_round_trip() {
        let mut s = PyStr::from("a");
        s.push_code_point(0xD800);
        s.push_char('é');
        assert_eq!(s.as_str(), None);
        assert_eq!(
            s.code_points().collect::<Vec<_>>(),
            vec![0x61, 0xD800, 0xE9]
        );
        assert_eq!(s.len_code_points(), 3);
    }

    #[test]
    fn plain_utf8_is_a_str() {
        let s = PyStr::from("héllo");
        assert_eq!(s.as_str(), Some("héllo"));
        assert_eq!(s.len_code_points(), 5);
    }
}
