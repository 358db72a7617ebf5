//! `"template".format(...)` with a constant template, lowered like the f-string
//! it is equivalent to: the template is parsed at compile time into literal text
//! and replacement fields (`{}`, `{0}`, `{name}`, each with an optional `!r`/`!s`/`!a`
//! conversion and a format spec), each field becomes a `Format` of the argument it
//! names, and the pieces one `JoinStr`. Templates this does not cover (attribute or
//! index lookups in a field, nested fields in a spec, malformed braces) are
//! reported, never guessed.

use super::fstring::constant_spec;
use super::FnLowering;
use crate::error::{Result, Unsupported};
use crate::ir::{Const, Operand};
use frontend::ast::{Expr, Keyword, TextRange};
use frontend::pystr::PyStr;

/// One piece of a parsed template.
#[derive(Debug, PartialEq)]
enum Piece {
    Text(String),
    Field {
        /// Positional index (explicit or automatic) or keyword name.
        arg: FieldRef,
        conversion: Option<char>,
        spec: String,
    },
}

#[derive(Debug, PartialEq)]
enum FieldRef {
    Index(usize),
    Name(String),
}

/// Parses a `str.format` template; `Err` names what is not supported.
fn parse_template(template: &str) -> std::result::Result<Vec<Piece>, &'static str> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = template.chars().peekable();
    let mut next_auto = 0usize;
    let (mut auto, mut manual) = (false, false);
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '}' => return Err("a single '}' in a format string"),
            '{' => {
                let mut field = String::new();
                let mut closed = false;
                for d in chars.by_ref() {
                    match d {
                        '}' => {
                            closed = true;
                            break;
                        }
                        '{' => return Err("nested replacement fields in a format string"),
                        other => field.push(other),
                    }
                }
                if !closed {
                    return Err("a '{' without its '}' in a format string");
                }
                let (head, spec) = match field.split_once(':') {
                    Some((h, s)) => (h.to_string(), s.to_string()),
                    None => (field.clone(), String::new()),
                };
                let (name, conversion) = match head.split_once('!') {
                    Some((n, c)) => {
                        let conv = match c {
                            "r" => 'r',
                            "s" => 's',
                            "a" => 'a',
                            _ => return Err("an unknown conversion in a format string"),
                        };
                        (n.to_string(), Some(conv))
                    }
                    None => (head, None),
                };
                if name.contains(['.', '[']) {
                    return Err("attribute or index lookups in a format string");
                }
                let arg = if name.is_empty() {
                    auto = true;
                    next_auto += 1;
                    FieldRef::Index(next_auto - 1)
                } else if let Ok(i) = name.parse::<usize>() {
                    manual = true;
                    FieldRef::Index(i)
                } else {
                    FieldRef::Name(name)
                };
                if auto && manual {
                    return Err("a format string that mixes automatic and manual field numbers");
                }
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(Piece::Field {
                    arg,
                    conversion,
                    spec,
                });
            }
            other => text.push(other),
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(pieces)
}

impl FnLowering<'_> {
    /// `template.format(args, keywords)` for a constant `template`.
    pub(super) fn format_method(
        &mut self,
        template: &PyStr,
        args: &[Expr],
        keywords: &[Keyword],
        range: TextRange,
    ) -> Result<Operand> {
        let Some(text) = template.as_str() else {
            return Err(Unsupported::new(
                "a format string with lone surrogates",
                range,
            ));
        };
        let pieces = parse_template(text).map_err(|what| Unsupported::new(what, range))?;
        // Python evaluates every argument first, whether the template uses it or not.
        let mut positional = Vec::new();
        for a in args {
            if super::stmt::is_starred(a) {
                return Err(Unsupported::new("*args in a format() call", a.range));
            }
            let v = self.expr(a)?;
            positional.push(Operand::Var(self.fb.copy_to_temp(v, a.range)));
        }
        let mut named = Vec::new();
        for k in keywords {
            let Some(name) = &k.arg else {
                return Err(Unsupported::new("**kwargs in a format() call", k.range));
            };
            let v = self.expr(&k.value)?;
            named.push((
                name.to_string(),
                Operand::Var(self.fb.copy_to_temp(v, k.range)),
            ));
        }
        let mut parts = Vec::new();
        for piece in pieces {
            match piece {
                Piece::Text(t) => parts.push(Operand::Const(Const::Str(t.as_str().into()))),
                Piece::Field {
                    arg,
                    conversion,
                    spec,
                } => {
                    let value = match &arg {
                        FieldRef::Index(i) => positional.get(*i).cloned(),
                        FieldRef::Name(n) => {
                            named.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone())
                        }
                    };
                    let Some(value) = value else {
                        // IndexError / KeyError in Python: reported rather than raised.
                        return Err(Unsupported::new(
                            "a format() field without its argument",
                            range,
                        ));
                    };
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

    #[test]
    fn templates_parse_into_text_and_fields() {
        let pieces = parse_template("{} + {{x}} = {0!r:>5}").err();
        assert_eq!(
            pieces,
            Some("a format string that mixes automatic and manual field numbers")
        );
        let pieces = parse_template("a{}b{name:.2f}").unwrap();
        assert_eq!(
            pieces,
            vec![
                Piece::Text("a".into()),
                Piece::Field {
                    arg: FieldRef::Index(0),
                    conversion: None,
                    spec: String::new()
                },
                Piece::Text("b".into()),
                Piece::Field {
                    arg: FieldRef::Name("name".into()),
                    conversion: None,
                    spec: ".2f".into()
                },
            ]
        );
        assert_eq!(
            parse_template("{{}}").unwrap(),
            vec![Piece::Text("{}".into())]
        );
        assert!(parse_template("{0.real}").is_err());
        assert!(parse_template("{:{width}}").is_err());
        assert!(parse_template("}").is_err());
    }
}
