//! Lowering f-strings: each replacement field becomes a `Format` (conversion, then
//! `format(value, spec)`), and the pieces are joined by one `JoinStr`. A format
//! spec with fields of its own (`f"{x:{width}}"`) is an f-string lowered the same way.

use super::FnLowering;
use crate::error::{Result, Unsupported};
use crate::ir::{Const, InstKind, Operand};
use frontend::ast::{Constant, Conversion, Expr, ExprKind, TextRange};

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
                    let dst = self.fb.temp();
                    self.fb.emit(
                        InstKind::Format {
                            dst,
                            value: x,
                            conversion,
                            spec,
                        },
                        v.range,
                    );
                    parts.push(Operand::Var(dst));
                }
                _ => return Err(Unsupported::new("this part of an f-string", v.range)),
            }
        }
        if let [Operand::Const(c)] = &parts[..] {
            return Ok(Operand::Const(c.clone()));
        }
        let dst = self.fb.temp();
        self.fb.emit(InstKind::JoinStr { dst, parts }, range);
        Ok(Operand::Var(dst))
    }
}
