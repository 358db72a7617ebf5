//! Methods of `str` (`kr_str_methods.c` in the runtime): case mapping, strip,
//! split/join, searching, replacing, the `is...` predicates and padding. Optional
//! arguments the call leaves out are passed as NULL (a str) or the tagged -1 (a
//! count), as the runtime's signatures say.

use super::function::FunctionGen;
use super::values::{tag, Val};
use crate::error::{Error, Result};
use inkwell::values::{BasicMetadataValueEnum, PointerValue};
use typeinfer::ir::{Operand, VarId};
use typeinfer::types::Type;

fn internal(what: &str) -> Error {
    Error::internal("?", what.to_string())
}

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    /// A str operand, or NULL for an omitted argument or None.
    fn str_or_null(&mut self, op: Option<&Operand>) -> Result<PointerValue<'ctx>> {
        let null = self.m.context.ptr_type(Default::default()).const_null();
        let Some(op) = op else {
            return Ok(null);
        };
        match self.operand(op)? {
            Val::Str(s) => Ok(s),
            Val::None => Ok(null),
            _ => Err(internal("a str method argument that is not a str")),
        }
    }

    /// A tagged int operand, or the tagged -1 when omitted.
    fn int_or_minus_one(
        &mut self,
        op: Option<&Operand>,
    ) -> Result<inkwell::values::IntValue<'ctx>> {
        let i64_type = self.m.context.i64_type();
        let Some(op) = op else {
            return Ok(i64_type.const_int(tag(-1), true));
        };
        self.int_word(op)
    }

    /// A list of strs a method made, as the list type `dst` has.
    fn box_str_items(
        &mut self,
        dst: VarId,
        list: inkwell::values::PointerValue<'ctx>,
    ) -> Result<Val<'ctx>> {
        if let Type::List(wanted) = self.var_type(dst)?.clone() {
            self.box_items_for(list, &Type::Str, &wanted)?;
        }
        Ok(Val::Obj(list))
    }

    pub(super) fn str_method(
        &mut self,
        dst: VarId,
        receiver: &Operand,
        method: &str,
        args: &[Operand],
        keywords: &[(Box<str>, Operand)],
    ) -> Result<()> {
        let Val::Str(s) = self.operand(receiver)? else {
            return Err(internal("a str method on a non-str"));
        };
        let keyword = |name: &str| keywords.iter().find(|(k, _)| &**k == name).map(|(_, v)| v);
        let arg = |i: usize| args.get(i);
        let name = format!("kr_str_{method}");
        let result = match method {
            "upper" | "lower" | "capitalize" | "title" | "swapcase" => {
                Val::Str(self.call_runtime_str(&name, &[s.into()])?)
            }
            "strip" | "lstrip" | "rstrip" => {
                let chars = self.str_or_null(arg(0))?;
                Val::Str(self.call_runtime_str(&name, &[s.into(), chars.into()])?)
            }
            "split" | "rsplit" => {
                let sep = self.str_or_null(arg(0).or(keyword("sep")))?;
                let max = self.int_or_minus_one(arg(1).or(keyword("maxsplit")))?;
                let list = self.call_runtime_ptr(&name, &[s.into(), sep.into(), max.into()])?;
                self.box_str_items(dst, list)?
            }
            "splitlines" => {
                let keep = match arg(0) {
                    Some(op) => {
                        let v = self.operand(op)?;
                        self.truth(v)?
                    }
                    None => self.m.context.bool_type().const_zero(),
                };
                let list = self.call_runtime_ptr(&name, &[s.into(), keep.into()])?;
                self.box_str_items(dst, list)?
            }
            "join" => {
                let op = arg(0).ok_or_else(|| internal("join() without an argument"))?;
                let parts = match self.op_type(op) {
                    // The characters of a str.
                    Type::Str => {
                        let Val::Str(chars) = self.operand(op)? else {
                            return Err(internal("join() of a non-str"));
                        };
                        self.call_runtime_ptr("kr_list_from_str", &[chars.into()])?
                    }
                    Type::Tuple(ts) => {
                        // A tuple of strs: its slots are the same pointers a list holds.
                        let t = match self.operand(op)? {
                            Val::Obj(p) => p,
                            _ => return Err(internal("join() of a non-tuple")),
                        };
                        let ty = Type::Tuple(ts);
                        let items = self.items(t, &ty)?;
                        let n = self.raw_length(t)?;
                        let desc = self.tdesc(&Type::Str);
                        self.call_runtime_ptr(
                            "kr_list_from_slots",
                            &[items.into(), n.into(), desc.into()],
                        )?
                    }
                    _ => match self.operand(op)? {
                        Val::Obj(p) => p,
                        _ => return Err(internal("join() of a non-list")),
                    },
                };
                Val::Str(self.call_runtime_str("kr_str_join", &[s.into(), parts.into()])?)
            }
            // A tuple of prefixes: true if any matches (all strs, by type).
            "startswith" | "endswith"
                if matches!(arg(0).map(|op| self.op_type(op)), Some(Type::Tuple(_))) =>
            {
                let op = arg(0).ok_or_else(|| internal("startswith() without an argument"))?;
                let ty = self.op_type(op);
                let Type::Tuple(parts) = &ty else {
                    return Err(internal("startswith() of a non-tuple"));
                };
                let Val::Obj(t) = self.operand(op)? else {
                    return Err(internal("startswith() of a non-tuple"));
                };
                let start = self.bound(&arg(1).cloned())?;
                let end = self.bound(&arg(2).cloned())?;
                let items = self.items(t, &ty)?;
                let ptr_type = self.m.context.ptr_type(Default::default());
                let mut any = self.m.context.bool_type().const_zero();
                for k in 0..parts.len() {
                    let index = self.m.context.i64_type().const_int(k as u64, false);
                    // SAFETY of the GEP: k is below the tuple's static length.
                    let at = unsafe {
                        self.builder
                            .build_in_bounds_gep(ptr_type, items, &[index], "part")?
                    };
                    let part = self.builder.build_load(ptr_type, at, "part")?;
                    let hit = self
                        .call_runtime(
                            &format!("{name}_in"),
                            &[s.into(), part.into(), start.into(), end.into()],
                        )?
                        .ok_or_else(|| internal("a str predicate returns nothing"))?
                        .into_int_value();
                    any = self.builder.build_or(any, hit, "any")?;
                }
                Val::Bool(any)
            }
            // With start (and end): searched in s[start:end].
            "startswith" | "endswith" | "find" | "rfind" | "index" | "rindex" | "count"
                if args.len() > 1 =>
            {
                let sub = self.str_or_null(arg(0))?;
                let start = self.bound(&arg(1).cloned())?;
                let end = self.bound(&arg(2).cloned())?;
                let last = self
                    .m
                    .context
                    .bool_type()
                    .const_int(method.starts_with('r') as u64, false);
                let within: Vec<BasicMetadataValueEnum> =
                    vec![s.into(), sub.into(), start.into(), end.into()];
                let with_last: Vec<BasicMetadataValueEnum> =
                    vec![s.into(), sub.into(), start.into(), end.into(), last.into()];
                match method {
                    "startswith" | "endswith" => {
                        let b = self
                            .call_runtime(&format!("{name}_in"), &within)?
                            .ok_or_else(|| internal("a str predicate returns nothing"))?
                            .into_int_value();
                        Val::Bool(b)
                    }
                    "count" => Val::Int(self.call_runtime_value("kr_str_count_in", &within)?),
                    "find" | "rfind" => {
                        let i = self
                            .call_runtime("kr_str_find_in", &with_last)?
                            .ok_or_else(|| internal("a str search returns nothing"))?
                            .into_int_value();
                        Val::Int(i)
                    }
                    _ => Val::Int(self.call_runtime_value("kr_str_index_in", &with_last)?),
                }
            }
            "startswith" | "endswith" => {
                let other = self.str_or_null(arg(0))?;
                let b = self
                    .call_runtime(&name, &[s.into(), other.into()])?
                    .ok_or_else(|| internal("a str predicate returns nothing"))?
                    .into_int_value();
                Val::Bool(b)
            }
            "find" | "rfind" | "count" => {
                let sub = self.str_or_null(arg(0))?;
                let i = self
                    .call_runtime(&name, &[s.into(), sub.into()])?
                    .ok_or_else(|| internal("a str search returns nothing"))?
                    .into_int_value();
                Val::Int(i)
            }
            "index" | "rindex" => {
                let sub = self.str_or_null(arg(0))?;
                Val::Int(self.call_runtime_value(&name, &[s.into(), sub.into()])?)
            }
            "replace" => {
                let old = self.str_or_null(arg(0))?;
                let new = self.str_or_null(arg(1))?;
                let count = self.int_or_minus_one(arg(2))?;
                let args: [BasicMetadataValueEnum; 4] =
                    [s.into(), old.into(), new.into(), count.into()];
                Val::Str(self.call_runtime_str(&name, &args)?)
            }
            "isdigit" | "isdecimal" | "isnumeric" | "isalpha" | "isalnum" | "isspace"
            | "isupper" | "islower" | "istitle" | "isascii" => {
                let b = self
                    .call_runtime(&name, &[s.into()])?
                    .ok_or_else(|| internal("a str predicate returns nothing"))?
                    .into_int_value();
                Val::Bool(b)
            }
            "center" | "ljust" | "rjust" => {
                let width = self.int_or_minus_one(arg(0))?;
                let fill = self.str_or_null(arg(1))?;
                Val::Str(self.call_runtime_str(&name, &[s.into(), width.into(), fill.into()])?)
            }
            "zfill" => {
                let width = self.int_or_minus_one(arg(0))?;
                Val::Str(self.call_runtime_str(&name, &[s.into(), width.into()])?)
            }
            "partition" | "rpartition" => {
                let sep = self.str_or_null(arg(0))?;
                let last = self
                    .m
                    .context
                    .bool_type()
                    .const_int((method == "rpartition") as u64, false);
                let args: [BasicMetadataValueEnum; 3] = [s.into(), sep.into(), last.into()];
                Val::Obj(self.call_runtime_ptr("kr_str_partition", &args)?)
            }
            "removeprefix" | "removesuffix" => {
                let affix = self.str_or_null(arg(0))?;
                Val::Str(self.call_runtime_str(&name, &[s.into(), affix.into()])?)
            }
            other => return Err(self.unsupported(format!("the str method {other}()"))),
        };
        self.store(dst, result)
    }
}
