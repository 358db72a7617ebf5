//! `"template" % values` with a constant template, lowered like an f-string: each
//! `%` conversion becomes a `Format` with the equivalent format spec (`%-8.3f` is
//! `<8.3f`, `%05d` is `05d`, `%s` is `str()` right-aligned in its width), the text
//! between them constants, and one `JoinStr` joins the pieces.
//!
//! The values are a tuple display (`% (a, b)`) or one value, which inference checks
//! is not a tuple (`PercentArg`: Python would spread a tuple's items). Templates
//! with mapping keys (`%(name)s`), `*` widths, `%c`, precision on integer
//! conversions or a count of conversions different from the count of values are
//! formatted at run time instead (`compiles`; the runtime's kr_percent.c).

use super::fstring::constant_spec;
use super::FnLowering;
use crate::error::{Result, Unsupported};
use crate::ir::{Builtin, Const, InstKind, Operand, PercentKind};
use frontend::ast::{Expr, ExprKind, TextRange};
use frontend::pystr::PyStr;

#[derive(Debug, PartialEq)]
enum Piece {
    Text(String),
    Conversion {
        conversion: Option<char>,
        spec: String,
        kind: PercentKind,
        /// `%d` and friends take `int(value)`.
        truncate: bool,
    },
}

fn parse(template: &str) -> std::result::Result<Vec<Piece>, &'static str> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            text.push(c);
            continue;
        }
        if chars.peek() == Some(&'(') {
            return Err("'%(name)' conversions (they need a dict)");
        }
        let mut flags = String::new();
        while let Some(&f) = chars.peek() {
            if "-+ #0".contains(f) {
                flags.push(f);
                chars.next();
            } else {
                break;
            }
        }
        let mut width = String::new();
        while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
            width.push(d);
            chars.next();
        }
        let mut precision = None;
        if chars.peek() == Some(&'.') {
            chars.next();
            let mut p = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                p.push(d);
                chars.next();
            }
            precision = Some(if p.is_empty() { "0".to_string() } else { p });
        }
        if chars.peek() == Some(&'*') {
            return Err("'*' widths in a % format");
        }
        // Length modifiers are accepted and ignored, as Python does.
        while chars.peek().is_some_and(|c| "hlL".contains(*c)) {
            chars.next();
        }
        let Some(code) = chars.next() else {
            return Err("a % format that ends in the middle of a conversion");
        };
        if code == '%' {
            text.push('%');
            continue;
        }
        let left = flags.contains('-');
        let mut spec = String::new();
        let (conversion, kind, truncate, type_char) = match code {
            // `%a` is ascii(), which format() has no conversion for: the runtime
            // formats it.
            'a' => return Err("the %a conversion"),
            's' | 'r' => {
                // Strings are right-aligned in their width by % (format's default
                // for strings is left).
                spec.push(if left { '<' } else { '>' });
                (Some(code), PercentKind::Any, false, None)
            }
            'd' | 'i' | 'u' => (None, PercentKind::Number, true, Some('d')),
            'x' | 'X' | 'o' => (None, PercentKind::Integer, false, Some(code)),
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => (None, PercentKind::Number, false, Some(code)),
            'c' => return Err("the %c conversion"),
            _ => return Err("an unknown conversion in a % format"),
        };
        if type_char.is_some() {
            if left {
                spec.push('<');
            }
            if flags.contains('+') {
                spec.push('+');
            } else if flags.contains(' ') {
                spec.push(' ');
            }
            if flags.contains('#') {
                spec.push('#');
            }
            if flags.contains('0') && !left {
                spec.push('0');
            }
        }
        spec.push_str(&width);
        if let Some(p) = precision {
            if truncate || kind == PercentKind::Integer {
                return Err("a precision on an integer % conversion");
            }
            spec.push('.');
            spec.push_str(&p);
        }
        if let Some(t) = type_char {
            spec.push(t);
        }
        // `%s` without width or precision: the plain str().
        if conversion.is_some() && spec.len() == 1 {
            spec.clear();
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(std::mem::take(&mut text)));
        }
        pieces.push(Piece::Conversion {
            conversion,
            spec,
            kind,
            truncate,
        });
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(pieces)
}

/// Whether `template % values` compiles into format() calls: a template `parse`
/// takes whose conversions match the values one for one. Any other (`*` widths,
/// `%c`, a precision on `%d`, mapping keys, too few or too many values) is left to
/// the runtime's formatter (kr_percent.c), which also raises CPython's errors.
pub(super) fn compiles(template: &PyStr, values: &Expr) -> bool {
    let Some(pieces) = template.as_str().and_then(|t| parse(t).ok()) else {
        return false;
    };
    let conversions = pieces
        .iter()
        .filter(|p| matches!(p, Piece::Conversion { .. }))
        .count();
    let given = match &values.kind {
        ExprKind::Tuple { elts, .. } if elts.iter().any(super::stmt::is_starred) => return false,
        ExprKind::Tuple { elts, .. } => elts.len(),
        _ => 1,
    };
    conversions == given
}

impl FnLowering<'_> {
    /// `template % values` for a constant `template` that `compiles`.
    pub(super) fn percent_format(
        &mut self,
        template: &PyStr,
        values: &Expr,
        range: TextRange,
    ) -> Result<Operand> {
        let Some(text) = template.as_str() else {
            return Err(Unsupported::new("a % format with lone surrogates", range));
        };
        let pieces = parse(text).map_err(|what| Unsupported::new(what, range))?;
        let single = !matches!(values.kind, ExprKind::Tuple { .. });
        let mut args = Vec::new();
        match &values.kind {
            ExprKind::Tuple { elts, .. } => {
                for e in elts {
                    if super::stmt::is_starred(e) {
                        return Err(Unsupported::new("starred values in a % format", e.range));
                    }
                    let v = self.expr(e)?;
                    args.push(Operand::Var(self.fb.copy_to_temp(v, e.range)));
                }
            }
            _ => {
                let v = self.expr(values)?;
                args.push(Operand::Var(self.fb.copy_to_temp(v, values.range)));
            }
        }
        let conversions = pieces
            .iter()
            .filter(|p| matches!(p, Piece::Conversion { .. }))
            .count();
        if conversions != args.len() {
            // TypeError in Python ("not enough arguments" / "not all arguments
            // converted"): reported rather than raised.
            return Err(Unsupported::new(
                "a % format whose conversions do not match its values",
                range,
            ));
        }
        let mut args = args.into_iter();
        let mut parts = Vec::new();
        for piece in pieces {
            match piece {
                Piece::Text(t) => parts.push(Operand::Const(Const::Str(t.as_str().into()))),
                Piece::Conversion {
                    conversion,
                    spec,
                    kind,
                    truncate,
                } => {
                    let Some(mut value) = args.next() else {
                        return Err(Unsupported::new("a % format without its value", range));
                    };
                    // The value's type is checked during inference.
                    let checked = self.fb.temp();
                    let kind = match kind {
                        PercentKind::Any if single => PercentKind::Lone,
                        _ if truncate => PercentKind::Truncated,
                        other => other,
                    };
                    self.fb.emit(
                        InstKind::CallBuiltin {
                            dst: checked,
                            builtin: Builtin::PercentArg(kind),
                            args: vec![value],
                            keywords: Vec::new(),
                        },
                        range,
                    );
                    value = Operand::Var(checked);
                    let spec = constant_spec(&spec);
                    parts.push(self.format_piece(value, false, conversion, spec, range));
                }
            }
        }
        Ok(self.join_pieces(parts, range))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn specs(template: &str) -> Vec<(Option<char>, String)> {
        parse(template)
            .unwrap()
            .into_iter()
            .filter_map(|p| match p {
                Piece::Conversion {
                    conversion, spec, ..
                } => Some((conversion, spec)),
                Piece::Text(_) => None,
            })
            .collect()
    }

    #[test]
    fn conversions_become_format_specs() {
        assert_eq!(
            specs("%d %5d %-5d %05d %+.2f %8.3e %x %#o %s %10s %-4s %.2s %r %%"),
            vec![
                (None, "d".to_string()),
                (None, "5d".into()),
                (None, "<5d".into()),
                (None, "05d".into()),
                (None, "+.2f".into()),
                (None, "8.3e".into()),
                (None, "x".into()),
                (None, "#o".into()),
                (Some('s'), String::new()),
                (Some('s'), ">10".into()),
                (Some('s'), "<4".into()),
                (Some('s'), ">.2".into()),
                (Some('r'), String::new()),
            ]
        );
        assert!(parse("%(x)s").is_err());
        assert!(parse("%*d").is_err());
        assert!(parse("%.3d").is_err());
        assert!(parse("%").is_err());
    }
}
