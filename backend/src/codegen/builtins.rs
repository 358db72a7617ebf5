//! The builtins of the native subset: print(sep=, end=), abs, int, float, bool,
//! min, max, str, repr, len, and the float functions of `math`. Arguments are already evaluated operands with known types.

use super::function::FunctionGen;
use super::values::Val;
use crate::error::{Error, Result};
use frontend::ast::CmpOp;
use inkwell::intrinsics::Intrinsic;
use inkwell::FloatPredicate;
use typeinfer::ir::{Builtin, Operand};
use typeinfer::native::{MathFn, MathResult};
use typeinfer::types::Type;

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    pub fn builtin(
        &mut self,
        builtin: Builtin,
        args: &[Operand],
        keywords: &[(Box<str>, Operand)],
    ) -> Result<Val<'ctx>> {
        let mut values = Vec::with_capacity(args.len());
        for a in args {
            let v = self.operand(a)?;
            // Lists and tuples take part in print/str/repr as their text.
            let v = match v {
                // sys.exit() tells None, ints and the rest apart at run time.
                Val::Opt(_) | Val::Float(_) if builtin == Builtin::SysExit => {
                    let ty = self.op_type(a);
                    Val::Dyn(self.box_value(v, &ty)?)
                }
                Val::Opt(_) if builtin == Builtin::Bool => {
                    let ty = self.op_type(a);
                    Val::Bool(self.optional_truth(v, &ty)?)
                }
                // A list or tuple is true when not empty, not by its text.
                Val::Obj(_) if builtin == Builtin::Bool => v,
                Val::Obj(_) | Val::Opt(_) => {
                    let ty = self.op_type(a);
                    Val::Str(self.str_of_typed(v, &ty, builtin == Builtin::Repr)?)
                }
                v => v,
            };
            values.push(v);
        }
        if !matches!(builtin, Builtin::Print | Builtin::Math(MathFn::Isclose))
            && !keywords.is_empty()
        {
            return Err(self.unsupported(format!("keyword arguments to {}()", builtin.name())));
        }
        let first = || {
            values.first().copied().ok_or_else(|| {
                Error::internal("?", format!("{}() without arguments", builtin.name()))
            })
        };
        if values.is_empty() {
            // int(), float(), bool(), str(): the zero value.
            let context = self.m.context;
            match builtin {
                Builtin::Int => return Ok(Val::Int(context.i64_type().const_int(1, false))),
                Builtin::Float => return Ok(Val::Float(context.f64_type().const_zero())),
                Builtin::Bool => return Ok(Val::Bool(context.bool_type().const_zero())),
                Builtin::Str => return Ok(Val::Str(self.str_constant(b"", 0))),
                _ => {}
            }
        }
        if let (Builtin::Int, [Val::Str(s), base]) = (builtin, values.as_slice()) {
            let Val::Int(base) = self.coerce(*base, &Type::Int)? else {
                return Err(Error::internal("?", "int() base is not an int"));
            };
            let v =
                self.call_runtime_value("kr_int_from_kr_str_base", &[(*s).into(), base.into()])?;
            return Ok(Val::Int(v));
        }
        match builtin {
            Builtin::RangeLen | Builtin::RangeContains => self.range_builtin(builtin, &values),
            Builtin::RangeStep => {
                let Val::Int(step) = self.coerce(first()?, &Type::Int)? else {
                    return Err(Error::internal("?", "a range step that is not an int"));
                };
                // Zero is the small int 0; a big int is never zero.
                let zero = self
                    .m
                    .context
                    .i64_type()
                    .const_int(super::values::tag(0), false);
                let is_zero = self.builder.build_int_compare(
                    inkwell::IntPredicate::EQ,
                    step,
                    zero,
                    "zero.step",
                )?;
                self.raise_if(is_zero, "KR_EXC_VALUE", "range() arg 3 must not be zero")?;
                Ok(Val::Int(step))
            }
            Builtin::Print => self.print(&values, keywords),
            Builtin::StreamWrite | Builtin::StreamFlush => {
                let fd = match args.first() {
                    Some(Operand::Const(typeinfer::ir::Const::Int(frontend::ast::Int::Small(
                        fd,
                    )))) => *fd,
                    _ => return Err(Error::internal("?", "a stream that is not 1 or 2")),
                };
                let fd_value = self.m.context.i32_type().const_int(fd as u64, false);
                if builtin == Builtin::StreamFlush {
                    let flush = self
                        .m
                        .context
                        .bool_type()
                        .const_int((fd == 1) as u64, false);
                    self.call_runtime("kr_print_flush", &[flush.into()])?;
                    return Ok(Val::None);
                }
                let Some(Val::Str(s)) = values.get(1).copied() else {
                    return Err(Error::internal("?", "write() of a non-str"));
                };
                Ok(Val::Int(self.call_runtime_value(
                    "kr_stream_write",
                    &[fd_value.into(), s.into()],
                )?))
            }
            Builtin::Bool => {
                let v = first()?;
                Ok(Val::Bool(self.truth(v)?))
            }
            Builtin::Abs => match first()? {
                Val::Float(d) => {
                    let f64_type = self.m.context.f64_type();
                    let fabs = Intrinsic::find("llvm.fabs")
                        .and_then(|i| i.get_declaration(&self.m.module, &[f64_type.into()]))
                        .ok_or_else(|| Error::internal("?", "llvm.fabs is missing"))?;
                    let r = self
                        .builder
                        .build_call(fabs, &[d.into()], "")?
                        .try_as_basic_value()
                        .basic()
                        .ok_or_else(|| Error::internal("?", "llvm.fabs returned nothing"))?;
                    Ok(Val::Float(r.into_float_value()))
                }
                v => {
                    let Val::Int(i) = self.coerce(v, &Type::Int)? else {
                        return Err(Error::internal("?", "abs() of a non-number"));
                    };
                    Ok(Val::Int(self.int_abs(i)?))
                }
            },
            Builtin::Int => match first()? {
                Val::Float(d) => Ok(Val::Int(
                    self.call_runtime_value("kr_int_from_double", &[d.into()])?,
                )),
                Val::Str(s) => Ok(Val::Int(
                    self.call_runtime_value("kr_int_from_kr_str", &[s.into()])?,
                )),
                // kr_dyn_int gives a dyn value (the same word for a small int, a
                // box for a big one): unboxed, not taken for the int word itself.
                Val::Dyn(d) => {
                    let r = self.call_runtime_value("kr_dyn_int", &[d.into()])?;
                    self.unbox(r, &Type::Int)
                }
                v => self.coerce(v, &Type::Int),
            },
            Builtin::Float => match first()? {
                Val::Str(s) => Ok(Val::Float(
                    self.call_runtime_double("kr_float_from_kr_str", &[s.into()])?,
                )),
                Val::Dyn(d) => Ok(Val::Float(
                    self.call_runtime_double("kr_dyn_float", &[d.into()])?,
                )),
                v => self.coerce(v, &Type::Float),
            },
            Builtin::Str | Builtin::Repr => {
                let s = match first()? {
                    Val::Int(i) => self.call_runtime_str("kr_str_of_int", &[i.into()])?,
                    Val::Float(d) => self.call_runtime_str("kr_str_of_float", &[d.into()])?,
                    Val::Bool(b) => self.call_runtime_str("kr_str_of_bool", &[b.into()])?,
                    Val::None => self.call_runtime_str("kr_str_of_none", &[])?,
                    Val::Str(s) if builtin == Builtin::Str => s,
                    // A list, tuple or optional was turned into its text above.
                    Val::Str(s)
                        if matches!(
                            self.op_type(&args[0]),
                            Type::List(_)
                                | Type::Tuple(_)
                                | Type::Dict(..)
                                | Type::Set(_)
                                | Type::Optional(_)
                        ) =>
                    {
                        s
                    }
                    Val::Str(s) => self.call_runtime_str("kr_str_repr_str", &[s.into()])?,
                    Val::Dyn(d) => self.dyn_text(d, builtin == Builtin::Repr)?,
                    Val::Obj(_) | Val::Raw(_) | Val::Opt(_) => {
                        return Err(Error::internal("?", "str() of an object or counter"))
                    }
                };
                Ok(Val::Str(s))
            }
            Builtin::Math(MathFn::Isclose) => self.isclose(&values, keywords),
            Builtin::Math(f) => self.math(f, &values),
            Builtin::SysExit => {
                match values.first().copied() {
                    None | Some(Val::None) => self.call_runtime("kr_sys_exit_none", &[])?,
                    Some(Val::Str(s)) => self.call_runtime("kr_sys_exit_str", &[s.into()])?,
                    Some(Val::Dyn(d)) => self.call_runtime("kr_sys_exit_dyn", &[d.into()])?,
                    Some(v) => {
                        let Val::Int(i) = self.coerce(v, &Type::Int)? else {
                            return Err(Error::internal("?", "sys.exit() of a non-int"));
                        };
                        self.call_runtime("kr_sys_exit_int", &[i.into()])?
                    }
                };
                // The call does not return; the block still needs a successor.
                Ok(Val::None)
            }
            Builtin::TimeTime | Builtin::TimePerfCounter => {
                let name = if builtin == Builtin::TimeTime {
                    "kr_time_time"
                } else {
                    "kr_time_perf_counter"
                };
                let d = self
                    .call_runtime(name, &[])?
                    .ok_or_else(|| Error::internal("?", format!("{name} returns nothing")))?;
                Ok(Val::Float(d.into_float_value()))
            }
            Builtin::Len => Err(Error::internal("?", "len() is a sequence builtin")),
            Builtin::Min | Builtin::Max => {
                // Python keeps the first of equal items and replaces the best so far
                // only when `item < best` (min) or `item > best` (max).
                let op = if builtin == Builtin::Min {
                    CmpOp::Lt
                } else {
                    CmpOp::Gt
                };
                let mut best = first()?;
                for item in values.iter().skip(1) {
                    let better = self.compare(op, *item, best)?;
                    best = match (item.basic(), best.basic()) {
                        (Some(i), Some(b)) => {
                            let chosen = self.builder.build_select(better, i, b, "")?;
                            Val::from_basic(&val_type(item), Some(chosen))?
                        }
                        _ => best,
                    };
                }
                Ok(best)
            }
            other => Err(Error::internal(
                "?",
                format!("the builtin {}() reached the scalar path", other.name()),
            )),
        }
    }

    /// `len(range(...))` and `x in range(...)` from the bounds (ints), by the
    /// runtime's arithmetic. A value that is neither a number nor a bool is never
    /// equal to a range's int: not found.
    fn range_builtin(&mut self, builtin: Builtin, values: &[Val<'ctx>]) -> Result<Val<'ctx>> {
        let mut bounds = Vec::new();
        for v in values.iter().take(3) {
            let Val::Int(i) = self.coerce(*v, &Type::Int)? else {
                return Err(Error::internal("?", "a range bound that is not an int"));
            };
            bounds.push(i);
        }
        let [start, stop, step] = bounds[..] else {
            return Err(Error::internal("?", "range() without three bounds"));
        };
        if builtin == Builtin::RangeLen {
            let n =
                self.call_runtime_value("kr_range_len", &[start.into(), stop.into(), step.into()])?;
            return Ok(Val::Int(n));
        }
        let (name, x): (&str, inkwell::values::BasicMetadataValueEnum) = match values.get(3) {
            Some(Val::Float(d)) => ("kr_range_contains_float", (*d).into()),
            Some(Val::Dyn(d)) => ("kr_range_contains_dyn", (*d).into()),
            Some(v @ (Val::Int(_) | Val::Bool(_))) => {
                let Val::Int(i) = self.coerce(*v, &Type::Int)? else {
                    return Err(Error::internal("?", "an int that is not an int"));
                };
                ("kr_range_contains", i.into())
            }
            _ => return Ok(Val::Bool(self.m.context.bool_type().const_zero())),
        };
        let r = self
            .call_runtime(name, &[start.into(), stop.into(), step.into(), x])?
            .ok_or_else(|| Error::internal("?", format!("{name} returns nothing")))?
            .into_int_value();
        let i32_type = self.m.context.i32_type();
        let failed = self.builder.build_int_compare(
            inkwell::IntPredicate::SLT,
            r,
            i32_type.const_zero(),
            "failed",
        )?;
        self.branch_if_failed(failed)?;
        Ok(Val::Bool(self.builder.build_int_compare(
            inkwell::IntPredicate::NE,
            r,
            i32_type.const_zero(),
            "found",
        )?))
    }

    /// `math.isclose(a, b, rel_tol=1e-09, abs_tol=0.0)`.
    fn isclose(
        &mut self,
        values: &[Val<'ctx>],
        keywords: &[(Box<str>, Operand)],
    ) -> Result<Val<'ctx>> {
        let f64_type = self.m.context.f64_type();
        let mut rel = f64_type.const_float(1e-09);
        let mut abs = f64_type.const_float(0.0);
        for (name, value) in keywords {
            let v = self.operand(value)?;
            let Val::Float(d) = self.coerce(v, &Type::Float)? else {
                return Err(Error::internal("?", "isclose() tolerance is not a number"));
            };
            if &**name == "rel_tol" {
                rel = d;
            } else {
                abs = d;
            }
        }
        let mut floats = Vec::new();
        for v in values {
            let Val::Float(d) = self.coerce(*v, &Type::Float)? else {
                return Err(Error::internal("?", "isclose() argument is not a number"));
            };
            floats.push(d);
        }
        let [a, b] = floats[..] else {
            return Err(Error::internal("?", "isclose() takes two numbers"));
        };
        let close = self
            .call_runtime_flagged(
                "kr_math_isclose",
                &[a.into(), b.into(), rel.into(), abs.into()],
            )?
            .ok_or_else(|| Error::internal("?", "kr_math_isclose returns nothing"))?
            .into_int_value();
        Ok(Val::Bool(close))
    }

    pub fn unsupported(&self, what: String) -> Error {
        Error::Unsupported(typeinfer::Unsupported::new(what, self.range))
    }

    /// `print(*values, sep=sep, end=end)`; `None` for sep or end means the default.
    fn print(
        &mut self,
        values: &[Val<'ctx>],
        keywords: &[(Box<str>, Operand)],
    ) -> Result<Val<'ctx>> {
        let mut sep = None;
        let mut end = None;
        let mut flush = None;
        for (name, value) in keywords {
            let v = self.operand(value)?;
            match &**name {
                // The stream's file descriptor, a constant (`lower` checked it).
                "file" => {
                    let stderr =
                        Operand::Const(typeinfer::ir::Const::Int(frontend::ast::Int::Small(2)));
                    if *value == stderr {
                        self.call_runtime("kr_print_to_stderr", &[])?;
                    }
                    continue;
                }
                "flush" => {
                    flush = Some(self.truth(v)?);
                    continue;
                }
                _ => {}
            }
            let text = match v {
                Val::Str(p) => Some(p),
                Val::None => None,
                _ => {
                    return Err(
                        self.unsupported(format!("print() with {name}= that is not a str or None"))
                    )
                }
            };
            match &**name {
                "sep" => sep = text,
                "end" => end = text,
                other => return Err(self.unsupported(format!("print() with the keyword {other}="))),
            }
        }
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                self.print_text(sep, b" ")?;
            }
            self.print_value(*v)?;
        }
        self.print_text(end, b"\n")?;
        if let Some(flush) = flush {
            self.call_runtime("kr_print_flush", &[flush.into()])?;
        }
        // A write to stdout that failed is raised by the print() that made it.
        let ok = self
            .call_runtime("kr_print_done", &[])?
            .ok_or_else(|| Error::internal("?", "kr_print_done returns nothing"))?
            .into_int_value();
        let failed = self.builder.build_not(ok, "failed")?;
        self.branch_if_failed(failed)?;
        Ok(Val::None)
    }

    fn print_text(
        &mut self,
        text: Option<inkwell::values::PointerValue<'ctx>>,
        default: &[u8],
    ) -> Result<()> {
        match text {
            Some(p) => self.print_str(p)?,
            None => {
                let p = self.c_string(default);
                let len = self
                    .m
                    .context
                    .i64_type()
                    .const_int(default.len() as u64, false);
                self.call_runtime("kr_print_utf8", &[p.into(), len.into()])?;
            }
        }
        Ok(())
    }

    /// Writes a str (refused, UnicodeEncodeError, when it has lone surrogates).
    fn print_str(&mut self, s: inkwell::values::PointerValue<'ctx>) -> Result<()> {
        let ok = self
            .call_runtime("kr_print_str", &[s.into()])?
            .ok_or_else(|| Error::internal("?", "kr_print_str returns nothing"))?
            .into_int_value();
        let failed = self.builder.build_not(ok, "failed")?;
        self.branch_if_failed(failed)
    }

    fn print_value(&mut self, v: Val<'ctx>) -> Result<()> {
        match v {
            Val::None => {
                self.call_runtime("kr_print_none", &[])?;
            }
            Val::Bool(b) => {
                self.call_runtime("kr_print_bool", &[b.into()])?;
            }
            Val::Float(d) => {
                self.call_runtime("kr_print_float", &[d.into()])?;
            }
            Val::Str(s) | Val::Obj(s) => self.print_str(s)?,
            Val::Dyn(d) => {
                let s = self.dyn_text(d, false)?;
                self.print_str(s)?;
            }
            Val::Raw(_) | Val::Opt(_) => {
                return Err(Error::internal("?", "printing a counter or an optional"))
            }
            Val::Int(i) => {
                let ok = self
                    .call_runtime("kr_print_int", &[i.into()])?
                    .ok_or_else(|| Error::internal("?", "kr_print_int returns nothing"))?
                    .into_int_value();
                let failed = self.builder.build_not(ok, "failed")?;
                self.branch_if_failed(failed)?;
            }
        }
        Ok(())
    }
}

fn val_type(v: &Val) -> Type {
    match v {
        Val::None => Type::NoneType,
        Val::Bool(_) => Type::Bool,
        Val::Int(_) => Type::Int,
        Val::Float(_) => Type::Float,
        Val::Str(_) | Val::Obj(_) => Type::Str,
        Val::Raw(_) => Type::I64,
        Val::Opt(_) => Type::Never,
        Val::Dyn(_) => Type::Dyn,
    }
}

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    /// A `math` function: floats through the runtime (CPython's error rules), the
    /// float predicates inline, `floor`/`ceil`/`trunc` of an int as the int itself.
    /// An int argument as `operator.index()` takes it: a dyn value that is not
    /// an int raises "'float' object cannot be interpreted as an integer".
    pub(super) fn index_value(&mut self, v: Val<'ctx>) -> Result<inkwell::values::IntValue<'ctx>> {
        if let Val::Dyn(d) = v {
            return self.call_runtime_value("kr_dyn_index", &[d.into()]);
        }
        let Val::Int(i) = self.coerce(v, &Type::Int)? else {
            return Err(Error::internal("?", "an int argument that is not an int"));
        };
        Ok(i)
    }

    fn math(&mut self, f: MathFn, values: &[Val<'ctx>]) -> Result<Val<'ctx>> {
        let arg = |i: usize| {
            values.get(i).copied().ok_or_else(|| {
                Error::internal("?", format!("math.{}() argument missing", f.name()))
            })
        };
        match f.result() {
            MathResult::IntOfInts => {
                let mut ints = Vec::new();
                for v in values {
                    ints.push(self.index_value(*v)?);
                }
                let (name, args): (&str, Vec<inkwell::values::BasicMetadataValueEnum<'ctx>>) =
                    match (f, ints.as_slice()) {
                        (MathFn::Gcd, [a, b]) => ("kr_math_gcd", vec![(*a).into(), (*b).into()]),
                        (MathFn::Lcm, [a, b]) => ("kr_math_lcm", vec![(*a).into(), (*b).into()]),
                        (MathFn::Comb, [a, b]) => ("kr_math_comb", vec![(*a).into(), (*b).into()]),
                        (MathFn::Perm, [a, b]) => ("kr_math_perm", vec![(*a).into(), (*b).into()]),
                        (MathFn::Perm, [a]) => {
                            // perm(n) is perm(n, None): KR_ABSENT.
                            let absent = self.m.context.i64_type().const_zero();
                            ("kr_math_perm", vec![(*a).into(), absent.into()])
                        }
                        (MathFn::Isqrt, [a]) => ("kr_math_isqrt", vec![(*a).into()]),
                        (MathFn::Factorial, [a]) => ("kr_math_factorial", vec![(*a).into()]),
                        _ => return Err(Error::internal("?", format!("math.{}", f.name()))),
                    };
                Ok(Val::Int(self.call_runtime_value(name, &args)?))
            }
            MathResult::Int => {
                let d = match arg(0)? {
                    Val::Float(d) => d,
                    v => return self.coerce(v, &Type::Int),
                };
                let name = match f {
                    MathFn::Floor => "kr_math_floor",
                    MathFn::Ceil => "kr_math_ceil",
                    _ => "kr_math_trunc",
                };
                Ok(Val::Int(self.call_runtime_value(name, &[d.into()])?))
            }
            MathResult::Bool => {
                let bool_type = self.m.context.bool_type();
                let Val::Float(d) = arg(0)? else {
                    // An int is never nan or infinite.
                    return Ok(Val::Bool(
                        bool_type.const_int((f == MathFn::Isfinite) as u64, false),
                    ));
                };
                let inf = self.m.context.f64_type().const_float(f64::INFINITY);
                let minus_inf = self.m.context.f64_type().const_float(f64::NEG_INFINITY);
                let b = &self.builder;
                let r = match f {
                    MathFn::Isnan => b.build_float_compare(FloatPredicate::UNO, d, d, "isnan")?,
                    MathFn::Isinf => {
                        let pos = b.build_float_compare(FloatPredicate::OEQ, d, inf, "")?;
                        let neg = b.build_float_compare(FloatPredicate::OEQ, d, minus_inf, "")?;
                        b.build_or(pos, neg, "isinf")?
                    }
                    _ => {
                        let above = b.build_float_compare(FloatPredicate::OGT, d, minus_inf, "")?;
                        let below = b.build_float_compare(FloatPredicate::OLT, d, inf, "")?;
                        b.build_and(above, below, "isfinite")?
                    }
                };
                Ok(Val::Bool(r))
            }
            MathResult::Float
                if matches!(f, MathFn::Log | MathFn::Log2 | MathFn::Log10)
                    && values.iter().any(|v| matches!(v, Val::Int(_))) =>
            {
                // An int argument may be beyond the double range, which CPython's
                // logs accept (`math.log10(10**400)` is 400.0).
                let which = match f {
                    MathFn::Log2 => 1,
                    MathFn::Log10 => 2,
                    _ => 0,
                };
                let mut logs = Vec::new();
                for v in values {
                    let log = match v {
                        Val::Int(x) => {
                            let which = self.m.context.i32_type().const_int(which, false);
                            self.call_runtime_double(
                                "kr_math_log_int",
                                &[(*x).into(), which.into()],
                            )?
                        }
                        v => {
                            let Val::Float(d) = self.coerce(*v, &Type::Float)? else {
                                return Err(Error::internal("?", "math argument is not a float"));
                            };
                            let name =
                                ["kr_math_log", "kr_math_log2", "kr_math_log10"][which as usize];
                            self.call_runtime_double(name, &[d.into()])?
                        }
                    };
                    logs.push(log);
                }
                let log = match logs.as_slice() {
                    [num, den] => self.call_runtime_double(
                        "kr_math_log_quotient",
                        &[(*num).into(), (*den).into()],
                    )?,
                    _ => logs[0],
                };
                Ok(Val::Float(log))
            }
            MathResult::Float => {
                let mut args: Vec<inkwell::values::BasicMetadataValueEnum<'ctx>> = Vec::new();
                for v in values {
                    let Val::Float(d) = self.coerce(*v, &Type::Float)? else {
                        return Err(Error::internal("?", "math argument is not a float"));
                    };
                    args.push(d.into());
                }
                let name = match f {
                    MathFn::Log if args.len() == 2 => "kr_math_log_base",
                    MathFn::Sqrt => "kr_math_sqrt",
                    MathFn::Exp => "kr_math_exp",
                    MathFn::Log => "kr_math_log",
                    MathFn::Log2 => "kr_math_log2",
                    MathFn::Log10 => "kr_math_log10",
                    MathFn::Sin => "kr_math_sin",
                    MathFn::Cos => "kr_math_cos",
                    MathFn::Tan => "kr_math_tan",
                    MathFn::Asin => "kr_math_asin",
                    MathFn::Acos => "kr_math_acos",
                    MathFn::Atan => "kr_math_atan",
                    MathFn::Sinh => "kr_math_sinh",
                    MathFn::Cosh => "kr_math_cosh",
                    MathFn::Tanh => "kr_math_tanh",
                    MathFn::Fabs => "kr_math_fabs",
                    MathFn::Expm1 => "kr_math_expm1",
                    MathFn::Log1p => "kr_math_log1p",
                    MathFn::Asinh => "kr_math_asinh",
                    MathFn::Acosh => "kr_math_acosh",
                    MathFn::Atanh => "kr_math_atanh",
                    MathFn::Cbrt => "kr_math_cbrt",
                    MathFn::Exp2 => "kr_math_exp2",
                    MathFn::Radians => "kr_math_radians",
                    MathFn::Degrees => "kr_math_degrees",
                    MathFn::Atan2 => "kr_math_atan2",
                    MathFn::Hypot => "kr_math_hypot",
                    MathFn::Copysign => "kr_math_copysign",
                    MathFn::Fmod => "kr_math_fmod",
                    MathFn::Pow => "kr_math_pow",
                    _ => return Err(Error::internal("?", format!("math.{}", f.name()))),
                };
                Ok(Val::Float(self.call_runtime_double(name, &args)?))
            }
        }
    }
}
