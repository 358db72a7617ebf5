//! Lowering f-strings: each replacement field becomes a `Format` (conversion, then
//! `format(value, spec)`), and the pieces are joined by one `JoinStr`. A format
//! spec with fields of its own (`f"{x:{width}}"`) is an f-string lowered the same way.

use super::FnLowering;
use crate::error::{Result, Unsupported};
use crate::ir::{Const, InstKind, Operand};
use frontend::ast::{Constant, Conversion, Expr, ExprKind, TextRange};

/// A format spec written in a template, as an operand (`None` when empty).
pub(super) fn constant_spec(spec: &str) -> Option<Operand> {
    (!spec.is_empty()).then(|| Operand::Const(Const::Str(spec.into())))
}

impl FnLowering<'_> {
    /// An f-string (`JoinedStr`) as a `str` operand.
    pub(super) fn joined_str(&mut self, values: &[Expr], range: TextRange) -> Result<Operand> {
        let mut parts = Vec::new();
        for v in values {
            match &v.kind {
                ExprKind::Constant {
                    value: Constant::Str(s),
                    ..
                } => parts.push(Operand::Const(Const::Str(s.clone()))),
                ExprKind::FormattedValue {
                    value,
                    conversion,
                    format_spec,
                } => {
                    let x = self.expr(value)?;
                    let x = Operand::Var(self.fb.copy_to_temp(x, value.range));
                    let spec = match format_spec {
                        Some(spec) => match &spec.kind {
                            ExprKind::JoinedStr { values } => {
                                Some(self.joined_str(values, spec.range)?)
                            }
                            _ => return Err(Unsupported::new("this format spec", spec.range)),
                        },
                        None => None,
                    };
                    let conversion = match conversion {
                        Conversion::None => None,
                        Conversion::Str => Some('s'),
                        Conversion::Repr => Some('r'),
                        Conversion::Ascii => Some('a'),
                    };
                    parts.push(self.format_piece(x, true, conversion, spec, range));
                }
                _ => return Err(Unsupported::new("this part of an f-string", v.range)),
            }
        }
        if let [Operand::Const(c)] = &parts[..] {
            return Ok(Operand::Const(c.clone()));
        }
        Ok(self.join_pieces(parts, range))
    }

    /// One replacement field: `format(conversion(value), spec)` into a temporary
    /// (shared with `str.format` and `%` templates, which lower to the same).
    pub(super) fn format_piece(
        &mut self,
        value: Operand,
        fstring: bool,
        conversion: Option<char>,
        spec: Option<Operand>,
        range: TextRange,
    ) -> Operand {
        let dst = self.fb.temp();
        self.fb.emit(
            InstKind::Format {
                dst,
                value,
                fstring,
                conversion,
                spec,
            },
            range,
        );
        Operand::Var(dst)
    }

    /// `''.join(parts)` into a temporary.
    pub(super) fn join_pieces(&mut self, parts: Vec<Operand>, range: TextRange) -> Operand {
        let dst = self.fb.temp();
        self.fb.emit(InstKind::JoinStr { dst, parts }, range);
        Operand::Var(dst)
    }
}
