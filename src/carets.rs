//! The caret line CPython 3.11 prints under a traceback's source line
//! (`    print(xs[5])` / `          ~~^^^`), computed at compile time for the range of
//! the operation that failed.
//!
//! The rules are CPython's: the carets cover the failing expression; a binary
//! operation marks its operator with `^` and its operands with `~`, a subscript
//! marks `[...]` with `^` and the subscripted value with `~`; no line is printed when
//! plain carets would cover the whole source line but its indentation. Positions count
//! characters, and East Asian wide characters count twice, as a terminal shows them.
//! The segment is re-parsed to find the anchors, as CPython does.

use frontend::ast::{ExprKind, StmtKind, TextRange};
use frontend::SourceFile;

/// The caret line (without the 4-space margin CPython adds to every source line
/// and its carets), or `None` when CPython prints none.
pub fn caret_line(source: &SourceFile, range: TextRange) -> Option<String> {
    let text = &source.text;
    let lines = &source.lines;
    let first = lines.line(range.start);
    let line_start = lines.line_start(first) as usize;
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let line = text.get(line_start..line_end)?;
    let start = (range.start as usize).checked_sub(line_start)?;
    let same_line = lines.line(range.end) == first;
    let (end, anchors) = if same_line {
        let end = (range.end as usize).checked_sub(line_start)?;
        let segment = line.get(start..end)?;
        (end, anchors(segment))
    } else {
        (line.trim_end().len(), None)
    };
    let segment = line.get(start..end)?;
    // CPython reads lines with universal newlines and strips only the indentation:
    // trailing blanks count as part of the line.
    let stripped = line.strip_suffix('\r').unwrap_or(line).trim_start();
    let indent = line.len() - line.trim_start().len();
    let chars = |s: &str| s.chars().count();
    let spans_line = chars(segment) >= chars(stripped);
    let anchored = anchors.is_some_and(|(l, r)| r > l);
    if spans_line && !anchored {
        return None;
    }
    let mut out = " ".repeat(width(line.get(indent..start)?));
    match anchors {
        Some((left, right)) => {
            let (before, rest) = segment.split_at(left.min(segment.len()));
            let (operator, after) = rest.split_at((right - left).min(rest.len()));
            out.push_str(&"~".repeat(width(before)));
            out.push_str(&"^".repeat(width(operator)));
            out.push_str(&"~".repeat(width(after)));
        }
        None => out.push_str(&"^".repeat(width(segment))),
    }
    Some(out)
}

/// Byte offsets (within `segment`) of the part marked `^` when the segment is a
/// binary operation or a subscript.
fn anchors(segment: &str) -> Option<(usize, usize)> {
    let (_, module) = frontend::parse_bytes("<segment>", segment.as_bytes());
    let module = module.ok()?;
    let [statement] = &module.body[..] else {
        return None;
    };
    let StmtKind::Expr { value } = &statement.kind else {
        return None;
    };
    let bytes = segment.as_bytes();
    match &value.kind {
        ExprKind::BinOp { left, right, .. } => {
            // The operator is the first character after the left operand that is
            // neither space nor one of its closing parentheses (nor a comment).
            let right_start = right.range.start as usize;
            let mut anchor = left.range.end as usize;
            while anchor < right_start
                && bytes
                    .get(anchor)
                    .is_some_and(|&c| c.is_ascii_whitespace() || c == b')' || c == b'#')
            {
                anchor += 1;
            }
            let mut end = anchor + 1;
            // Two-character operators (`**`, `//`, `<<`...) are marked whole.
            if end < right_start && bytes.get(end).is_some_and(|c| !c.is_ascii_whitespace()) {
                end += 1;
            }
            Some((anchor, end))
        }
        ExprKind::Subscript {
            value: base, slice, ..
        } => {
            let mut left_anchor = base.range.end as usize;
            let mut right_anchor = slice.range.end as usize + 1;
            while bytes.get(left_anchor).is_some_and(|&c| c != b'[') {
                left_anchor += 1;
            }
            while bytes.get(right_anchor).is_some_and(|&c| c != b']') {
                right_anchor += 1;
            }
            if right_anchor < bytes.len() {
                right_anchor += 1;
            }
            Some((left_anchor, right_anchor.min(bytes.len())))
        }
        _ => None,
    }
}

/// Display columns of `s`: East Asian wide and fullwidth characters take two.
fn width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// The main blocks of East Asian Wide (W) and Fullwidth (F) characters.
fn is_wide(c: char) -> bool {
    matches!(
        c as u32,
        0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x1F300..=0x1F64F
            | 0x1F900..=0x1F9FF
            | 0x20000..=0x3FFFD
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn carets(line: &str, what: &str) -> Option<String> {
        let source = SourceFile::from_text("t.py", format!("{line}\n"));
        let start = line.find(what).expect("segment in line") as u32;
        caret_line(&source, TextRange::new(start, start + what.len() as u32))
    }

    #[test]
    fn binary_operations_mark_the_operator() {
        assert_eq!(
            carets("    return a ** b + 1", "a ** b").as_deref(),
            Some("       ~~^^~~")
        );
        assert_eq!(
            carets("x = (a) // b", "(a) // b").as_deref(),
            Some("    ~~~~^^~~")
        );
    }

    #[test]
    fn subscripts_mark_the_brackets() {
        assert_eq!(
            carets("print(xs[5])", "xs[5]").as_deref(),
            Some("      ~~^^^")
        );
    }

    #[test]
    fn a_segment_spanning_the_line_has_no_carets() {
        assert_eq!(carets("  f(x)", "f(x)"), None);
        assert_eq!(carets("y = f(x)", "f(x)").as_deref(), Some("    ^^^^"));
    }

    #[test]
    fn trailing_blanks_are_part_of_the_line() {
        assert_eq!(carets("  f(x) ", "f(x)").as_deref(), Some("^^^^"));
        assert_eq!(carets("f(x)\t", "f(x)").as_deref(), Some("^^^^"));
        // A CRLF line ends before its '\r', as universal newlines read it.
        assert_eq!(carets("f(x)\r", "f(x)"), None);
    }
}
