//! Lists, tuples and string subscripts: building, indexing (inline bounds checks
//! with Python's negative indices), item assignment and deletion, slices, list
//! methods, unpacking, `len`, and the operators and comparisons of sequences.
//!
//! Elements live in 64-bit slots (runtime header, "Static type descriptors"): an
//! int slot is the tagged word, a float slot the bits of the double, a bool slot
//! 0 or 1, a pointer slot the address. `slot_of` and `value_of_slot` convert; reading
//! and writing an item of a `list[float]` is one load or store with no boxing.
//! Layouts: `kr_list` is {type, length, capacity, items}, `kr_tuple` is {type,
//! length, items[]}; a str, a list and a tuple all keep their length in word 1.

use super::function::{exc_kind, FunctionGen};
use super::tbaa::Access;
use super::values::{tag, Val};
use crate::error::{Error, Result};
use frontend::ast::{CmpOp, Operator};
use inkwell::values::{BasicMetadataValueEnum, BasicValue, BasicValueEnum, IntValue, PointerValue};
use inkwell::IntPredicate;
use typeinfer::ir::{Const, Operand, VarId};
use typeinfer::types::Type;

fn internal(what: &str) -> Error {
    Error::internal("?", what.to_string())
}

/// Bytes per item of a list's items array (`kr_list.width`): lists of bools hold
/// one byte per element, everything else one 64-bit slot.
pub(super) fn item_width(list: &Type) -> u64 {
    match list {
        Type::List(e) if **e == Type::Bool => 1,
        _ => 8,
    }
}

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    /// An operand's type as the current instruction sees it: in an operation that
    /// needs values, an optional operand is read as its `T` (see `operand`).
    pub(super) fn op_type(&self, op: &Operand) -> Type {
        let ty = self.f.operand_type(op);
        if self.unwrap {
            ty.strip_optional()
        } else {
            ty
        }
    }

    /// An operand's type as stored (`T | None` stays optional).
    pub(super) fn op_type_raw(&self, op: &Operand) -> Type {
        self.f.operand_type(op)
    }

    pub(super) fn tdesc(&mut self, ty: &Type) -> PointerValue<'ctx> {
        self.m.constants.tdesc(self.m.context, &self.m.module, ty)
    }

    fn i64_const(&self, v: i64) -> IntValue<'ctx> {
        self.m.context.i64_type().const_int(v as u64, true)
    }

    fn obj(&mut self, op: &Operand) -> Result<PointerValue<'ctx>> {
        match self.operand(op)? {
            Val::Obj(p) | Val::Str(p) => Ok(p),
            _ => Err(internal("a sequence operand that is not an object")),
        }
    }

    // ---- slots ------------------------------------------------------------------

    /// A value of type `ty` as a slot word.
    pub(super) fn slot_of(&mut self, v: Val<'ctx>, ty: &Type) -> Result<IntValue<'ctx>> {
        let i64_type = self.m.context.i64_type();
        let v = self.coerce(v, ty)?;
        Ok(match v {
            Val::None => i64_type.const_zero(),
            Val::Int(i) | Val::Raw(i) | Val::Opt(i) | Val::Dyn(i) => i,
            Val::Bool(b) => self.builder.build_int_z_extend(b, i64_type, "slot")?,
            Val::Float(d) => self
                .builder
                .build_bit_cast(d, i64_type, "slot")?
                .into_int_value(),
            Val::Str(p) | Val::Obj(p) => self.builder.build_ptr_to_int(p, i64_type, "slot")?,
        })
    }

    /// The slot word of `v` (of static type `from`) in a slot of type `to`,
    /// converted as `convert` does (boxed when `to` is `dyn`).
    pub(super) fn slot_for(
        &mut self,
        v: Val<'ctx>,
        from: &Type,
        to: &Type,
    ) -> Result<IntValue<'ctx>> {
        let v = self.convert(v, from, to)?;
        self.slot_of(v, to)
    }

    /// The value of type `ty` a slot word holds.
    pub(super) fn value_of_slot(&mut self, slot: IntValue<'ctx>, ty: &Type) -> Result<Val<'ctx>> {
        let context = self.m.context;
        Ok(match ty {
            Type::NoneType => Val::None,
            Type::Int => Val::Int(slot),
            Type::Bool => {
                let zero = context.i64_type().const_zero();
                Val::Bool(
                    self.builder
                        .build_int_compare(IntPredicate::NE, slot, zero, "bool")?,
                )
            }
            Type::Float => Val::Float(
                self.builder
                    .build_bit_cast(slot, context.f64_type(), "float")?
                    .into_float_value(),
            ),
            Type::Str => Val::Str(self.builder.build_int_to_ptr(
                slot,
                context.ptr_type(Default::default()),
                "str",
            )?),
            Type::List(_) | Type::Tuple(_) | Type::Dict(..) | Type::Set(_) => Val::Obj(
                self.builder
                    .build_int_to_ptr(slot, context.ptr_type(Default::default()), "obj")?,
            ),
            Type::I64 => Val::Raw(slot),
            Type::Optional(_) => Val::Opt(slot),
            Type::Dyn => Val::Dyn(slot),
            Type::Never | Type::Function(_) | Type::BuiltinFunction(_) => {
                return Err(internal("a slot of no representable type"))
            }
        })
    }

    /// The address of word `index` of an object.
    pub(super) fn word_ptr(
        &mut self,
        obj: PointerValue<'ctx>,
        index: u64,
    ) -> Result<PointerValue<'ctx>> {
        let i64_type = self.m.context.i64_type();
        // SAFETY (of the generated code): objects are at least `index + 1` words.
        Ok(unsafe {
            self.builder.build_in_bounds_gep(
                i64_type,
                obj,
                &[i64_type.const_int(index, false)],
                "word",
            )?
        })
    }

    /// The raw (untagged) length of a str, list or tuple.
    pub(super) fn raw_length(&mut self, obj: PointerValue<'ctx>) -> Result<IntValue<'ctx>> {
        let p = self.word_ptr(obj, 1)?;
        let length = self
            .builder
            .build_load(self.m.context.i64_type(), p, "length")?;
        self.tag_access(length.as_instruction_value(), Access::Header);
        Ok(length.into_int_value())
    }

    /// The items array of a list (reloaded after anything that may grow it), or
    /// the inline items of a tuple.
    pub(super) fn items(
        &mut self,
        obj: PointerValue<'ctx>,
        ty: &Type,
    ) -> Result<PointerValue<'ctx>> {
        match ty {
            Type::List(_) => {
                let p = self.word_ptr(obj, 3)?;
                let items = self.builder.build_load(
                    self.m.context.ptr_type(Default::default()),
                    p,
                    "items",
                )?;
                self.tag_access(items.as_instruction_value(), Access::Header);
                Ok(items.into_pointer_value())
            }
            _ => self.word_ptr(obj, 2),
        }
    }

    fn slot_ptr(
        &mut self,
        items: PointerValue<'ctx>,
        index: IntValue<'ctx>,
    ) -> Result<PointerValue<'ctx>> {
        let i64_type = self.m.context.i64_type();
        Ok(unsafe {
            self.builder
                .build_in_bounds_gep(i64_type, items, &[index], "slot.ptr")?
        })
    }

    fn load_slot(
        &mut self,
        items: PointerValue<'ctx>,
        index: IntValue<'ctx>,
    ) -> Result<IntValue<'ctx>> {
        let p = self.slot_ptr(items, index)?;
        let slot = self
            .builder
            .build_load(self.m.context.i64_type(), p, "slot")?;
        self.tag_access(slot.as_instruction_value(), Access::Slot);
        Ok(slot.into_int_value())
    }

    /// Where item `index` of a list's items is: lists of bools hold bytes
    /// (`kr_list.width` 1), every other list 64-bit slots.
    fn item_ptr(
        &mut self,
        items: PointerValue<'ctx>,
        index: IntValue<'ctx>,
        width: u64,
    ) -> Result<PointerValue<'ctx>> {
        if width == 8 {
            return self.slot_ptr(items, index);
        }
        let i8_type = self.m.context.i8_type();
        Ok(unsafe {
            self.builder
                .build_in_bounds_gep(i8_type, items, &[index], "byte.ptr")?
        })
    }

    /// The slot word at `p`, an item of a list of `width`-byte items.
    fn load_item_at(&mut self, p: PointerValue<'ctx>, width: u64) -> Result<IntValue<'ctx>> {
        let i64_type = self.m.context.i64_type();
        if width == 8 {
            let slot = self.builder.build_load(i64_type, p, "slot")?;
            self.tag_access(slot.as_instruction_value(), Access::Slot);
            return Ok(slot.into_int_value());
        }
        let i8_type = self.m.context.i8_type();
        let byte = self.builder.build_load(i8_type, p, "byte")?;
        self.tag_access(byte.as_instruction_value(), Access::Slot);
        Ok(self
            .builder
            .build_int_z_extend(byte.into_int_value(), i64_type, "slot")?)
    }

    /// Stores a slot word at `p` (see `load_item_at`).
    fn store_item_at(
        &mut self,
        p: PointerValue<'ctx>,
        slot: IntValue<'ctx>,
        width: u64,
    ) -> Result<()> {
        let store = if width == 8 {
            self.builder.build_store(p, slot)?
        } else {
            let i8_type = self.m.context.i8_type();
            let byte = self.builder.build_int_truncate(slot, i8_type, "byte")?;
            self.builder.build_store(p, byte)?
        };
        self.tag_access(Some(store), Access::Slot);
        Ok(())
    }

    /// Stores a slot word as item `index` of a list's items.
    fn store_item(
        &mut self,
        items: PointerValue<'ctx>,
        index: IntValue<'ctx>,
        slot: IntValue<'ctx>,
        list: &Type,
    ) -> Result<()> {
        let width = item_width(list);
        let p = self.item_ptr(items, index, width)?;
        self.store_item_at(p, slot, width)
    }

    /// Where item `index` (an int operand) of `items` (`length` of them, `width`
    /// bytes each) is, after Python's bounds check (IndexError(message)).
    ///
    /// The common case works on the tagged word itself: a small int `n` is the
    /// word `2n + 1`, so `0 <= n < length` is the one unsigned compare
    /// `word < 2 * length`, and the item is at byte `width * (word - 1) / 2`, which
    /// for 8-byte slots is the address mode `items - 4 + 4 * word`: no untagging.
    /// Big ints, negative indices and out-of-range ones take the general path,
    /// which checks them and joins with the word of the non-negative index.
    fn checked_item_ptr(
        &mut self,
        items: PointerValue<'ctx>,
        length: IntValue<'ctx>,
        index: &Operand,
        width: u64,
        message: &str,
    ) -> Result<PointerValue<'ctx>> {
        let iv = self.operand(index)?;
        let raw = match iv {
            Val::Raw(i) => Some(i),
            Val::Int(word) => self.raw_of_word.get(&word).copied(),
            _ => None,
        };
        if self.proven_inside {
            // A fast copy checked on entry that the index stays inside.
            if let Some(i) = raw {
                return self.item_ptr(items, i, width);
            }
            if let Val::Int(word) = self.coerce(iv, &Type::Int)? {
                return self.word_item_ptr(items, word, width);
            }
        }
        if let Some(i) = raw {
            return self.raw_checked_item_ptr(items, length, i, width, message);
        }
        let Val::Int(word) = self.coerce(iv, &Type::Int)? else {
            return Err(internal("an index that is not an int"));
        };
        let context = self.m.context;
        let i64_type = context.i64_type();
        let one = i64_type.const_int(1, false);
        let doubled = self.builder.build_left_shift(length, one, "length2")?;
        let below = self
            .builder
            .build_int_compare(IntPredicate::ULT, word, doubled, "inside")?;
        let small = self.is_small(word)?;
        if let Some(bail) = self.bail {
            // In a fast copy: negative, big or outside indices run again in the
            // ordinary copy.
            for cond in [small, below] {
                let next = context.append_basic_block(self.llvm, "index.fast");
                let cond = self.expect(cond, true)?;
                self.builder.build_conditional_branch(cond, next, bail)?;
                self.builder.position_at_end(next);
            }
            return self.word_item_ptr(items, word, width);
        }
        let general = context.append_basic_block(self.llvm, "index.general");
        let done = context.append_basic_block(self.llvm, "index.done");
        for cond in [small, below] {
            let next = context.append_basic_block(self.llvm, "index.fast");
            let cond = self.expect(cond, true)?;
            self.builder.build_conditional_branch(cond, next, general)?;
            self.builder.position_at_end(next);
        }
        let fast_end = self.current_block()?;
        self.builder.build_unconditional_branch(done)?;
        self.builder.position_at_end(general);
        let i = self.index_i64(Val::Int(word))?;
        let i = self.checked_index(i, length, message)?;
        let shifted = self.builder.build_left_shift(i, one, "")?;
        let checked = self.builder.build_or(shifted, one, "index.word")?;
        let general_end = self.current_block()?;
        self.builder.build_unconditional_branch(done)?;
        self.builder.position_at_end(done);
        let phi = self.builder.build_phi(i64_type, "index.word")?;
        phi.add_incoming(&[(&word, fast_end), (&checked, general_end)]);
        let word = phi.as_basic_value().into_int_value();
        self.word_item_ptr(items, word, width)
    }

    /// `checked_item_ptr` for an index that is a machine integer (a range
    /// counter): `0 <= i < length` is one unsigned compare of `i` itself, with no
    /// tagging for the check and untagging for the address.
    fn raw_checked_item_ptr(
        &mut self,
        items: PointerValue<'ctx>,
        length: IntValue<'ctx>,
        i: IntValue<'ctx>,
        width: u64,
        message: &str,
    ) -> Result<PointerValue<'ctx>> {
        let context = self.m.context;
        let inside = self
            .builder
            .build_int_compare(IntPredicate::ULT, i, length, "inside")?;
        let inside = self.expect(inside, true)?;
        if let Some(bail) = self.bail {
            let next = context.append_basic_block(self.llvm, "index.fast");
            self.builder.build_conditional_branch(inside, next, bail)?;
            self.builder.position_at_end(next);
            return self.item_ptr(items, i, width);
        }
        let fast = context.append_basic_block(self.llvm, "index.fast");
        let general = context.append_basic_block(self.llvm, "index.general");
        let done = context.append_basic_block(self.llvm, "index.done");
        self.builder
            .build_conditional_branch(inside, fast, general)?;
        self.builder.position_at_end(fast);
        self.builder.build_unconditional_branch(done)?;
        self.builder.position_at_end(general);
        let checked = self.checked_index(i, length, message)?;
        let general_end = self.current_block()?;
        self.builder.build_unconditional_branch(done)?;
        self.builder.position_at_end(done);
        let phi = self.builder.build_phi(context.i64_type(), "index")?;
        phi.add_incoming(&[(&i, fast), (&checked, general_end)]);
        self.item_ptr(items, phi.as_basic_value().into_int_value(), width)
    }

    /// The address of the item whose index is the small-int word `word`, known
    /// to be inside the list.
    fn word_item_ptr(
        &mut self,
        items: PointerValue<'ctx>,
        word: IntValue<'ctx>,
        width: u64,
    ) -> Result<PointerValue<'ctx>> {
        let context = self.m.context;
        let i64_type = context.i64_type();
        let one = i64_type.const_int(1, false);
        let i8_type = context.i8_type();
        if width != 8 {
            // Arithmetic: the word is non-negative here, and LLVM folds untagging a
            // tagged counter (`(2i + 1) >> 1` with `shl nsw`) back to the counter.
            let n = self.builder.build_right_shift(word, one, true, "index")?;
            return self.item_ptr(items, n, width);
        }
        let four = i64_type.const_int(4, false);
        let offset = self.builder.build_int_nuw_mul(word, four, "offset")?;
        let minus_four = i64_type.const_int((-4i64) as u64, true);
        let offset = self.builder.build_int_add(offset, minus_four, "offset")?;
        Ok(unsafe {
            self.builder
                .build_in_bounds_gep(i8_type, items, &[offset], "slot.ptr")?
        })
    }

    // ---- errors -----------------------------------------------------------------

    /// Raises `kind` with a constant message and continues in a fresh block.
    pub(super) fn raise_const(&mut self, kind: &str, message: &str) -> Result<()> {
        let kind = exc_kind(kind)?;
        let kind = self.m.context.i32_type().const_int(kind as u64, false);
        let text = self.str_constant(message.as_bytes(), message.chars().count());
        self.call_runtime("kr_raise_str", &[kind.into(), text.into()])?;
        self.branch_to_error()?;
        let dead = self.m.context.append_basic_block(self.llvm, "after.raise");
        self.builder.position_at_end(dead);
        Ok(())
    }

    /// Calls a runtime function whose last parameter is `bool *error`.
    pub(super) fn call_runtime_flagged(
        &mut self,
        name: &str,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Result<Option<BasicValueEnum<'ctx>>> {
        let i8_type = self.m.context.i8_type();
        self.builder.build_store(self.flag, i8_type.const_zero())?;
        let mut all = args.to_vec();
        all.push(self.flag.into());
        let result = self.call_runtime(name, &all)?;
        let flag = self
            .builder
            .build_load(i8_type, self.flag, "error")?
            .into_int_value();
        let failed = self.builder.build_int_compare(
            IntPredicate::NE,
            flag,
            i8_type.const_zero(),
            "failed",
        )?;
        self.branch_if_failed(failed)?;
        Ok(result)
    }

    /// Calls a runtime function that returns a pointer, NULL on failure.
    pub(super) fn call_runtime_ptr(
        &mut self,
        name: &str,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Result<PointerValue<'ctx>> {
        self.call_runtime_str(name, args)
    }

    /// Calls a runtime function that returns `bool`, false on failure.
    pub(super) fn call_runtime_ok(
        &mut self,
        name: &str,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Result<()> {
        let ok = self
            .call_runtime(name, args)?
            .ok_or_else(|| internal("a runtime function returns nothing"))?
            .into_int_value();
        let failed = self.builder.build_not(ok, "failed")?;
        self.branch_if_failed(failed)
    }

    // ---- indices ----------------------------------------------------------------

    /// An int (or bool) index as a plain i64: small ints inline, big ones through
    /// `kr_index_value` (IndexError when they do not fit 64 bits).
    pub(super) fn index_i64(&mut self, v: Val<'ctx>) -> Result<IntValue<'ctx>> {
        self.int_to_i64(v, "kr_index_value")
    }

    /// An int argument that CPython converts to a C ssize_t (`pop`, `insert`):
    /// OverflowError when it does not fit.
    pub(super) fn ssize_i64(&mut self, v: Val<'ctx>) -> Result<IntValue<'ctx>> {
        self.int_to_i64(v, "kr_ssize_value")
    }

    fn int_to_i64(&mut self, v: Val<'ctx>, convert_big: &str) -> Result<IntValue<'ctx>> {
        let context = self.m.context;
        let i64_type = context.i64_type();
        let Val::Int(word) = self.coerce(v, &Type::Int)? else {
            return Err(internal("an index that is not an int"));
        };
        if word.is_const() {
            if let Some(w) = word.get_sign_extended_constant() {
                if w & 1 == 1 {
                    return Ok(i64_type.const_int((w >> 1) as u64, true));
                }
            }
        }
        let one = i64_type.const_int(1, false);
        let is_small = self.is_small(word)?;
        let is_small = self.expect(is_small, true)?;
        let here = self.current_block()?;
        let big = context.append_basic_block(self.llvm, "index.big");
        let join = context.append_basic_block(self.llvm, "index");
        let small_value = self.builder.build_right_shift(word, one, true, "index")?;
        self.builder.build_conditional_branch(is_small, join, big)?;
        self.builder.position_at_end(big);
        let big_value = self
            .call_runtime_flagged(convert_big, &[word.into()])?
            .ok_or_else(|| internal("an index conversion returns nothing"))?
            .into_int_value();
        let big_end = self.current_block()?;
        self.builder.build_unconditional_branch(join)?;
        self.builder.position_at_end(join);
        let phi = self.builder.build_phi(i64_type, "index")?;
        phi.add_incoming(&[(&small_value, here), (&big_value, big_end)]);
        Ok(phi.as_basic_value().into_int_value())
    }

    /// `index` made non-negative against `length` and checked: IndexError(message)
    /// when outside `[0, length)`.
    fn checked_index(
        &mut self,
        index: IntValue<'ctx>,
        length: IntValue<'ctx>,
        message: &str,
    ) -> Result<IntValue<'ctx>> {
        // The common case, 0 <= index < length, costs one unsigned compare; a
        // negative index (counted from the end) or one out of range takes the
        // side path. Both stay below 2^62, so `index + length` cannot overflow.
        let inside = self
            .builder
            .build_int_compare(IntPredicate::ULT, index, length, "inside")?;
        let inside = self.expect(inside, true)?;
        let here = self
            .builder
            .get_insert_block()
            .ok_or_else(|| internal("no current block"))?;
        let from_end = self
            .m
            .context
            .append_basic_block(self.llvm, "index.from.end");
        let done = self.m.context.append_basic_block(self.llvm, "index.ok");
        self.builder
            .build_conditional_branch(inside, done, from_end)?;
        self.builder.position_at_end(from_end);
        let wrapped = self.builder.build_int_add(index, length, "wrapped")?;
        // One unsigned compare catches both ends.
        let outside =
            self.builder
                .build_int_compare(IntPredicate::UGE, wrapped, length, "outside")?;
        self.raise_if(outside, "KR_EXC_INDEX", message)?;
        let wrapped_end = self
            .builder
            .get_insert_block()
            .ok_or_else(|| internal("no current block"))?;
        self.builder.build_unconditional_branch(done)?;
        self.builder.position_at_end(done);
        let phi = self.builder.build_phi(self.m.context.i64_type(), "index")?;
        phi.add_incoming(&[(&index, here), (&wrapped, wrapped_end)]);
        Ok(phi.as_basic_value().into_int_value())
    }

    // ---- instructions -----------------------------------------------------------

    pub(super) fn build_list(&mut self, dst: VarId, items: &[Operand]) -> Result<()> {
        let ty = self.var_type(dst)?.clone();
        let Type::List(elem) = &ty else {
            return Err(internal("a list display of a non-list type"));
        };
        let desc = self.tdesc(elem);
        let n = self.i64_const(items.len() as i64);
        let list = self.call_runtime_ptr("kr_list_new", &[n.into(), desc.into()])?;
        if !items.is_empty() {
            let array = self.items(list, &ty)?;
            let mut slots = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let v = self.operand(item)?;
                let from = self.op_type(item);
                let slot = self.slot_for(v, &from, elem)?;
                let index = self.i64_const(i as i64);
                self.store_item(array, index, slot, &ty)?;
                slots.push(slot);
            }
            if **elem == Type::Int {
                self.note_int_list_built(list, &slots)?;
            }
        }
        self.store(dst, Val::Obj(list))
    }

    pub(super) fn build_tuple(&mut self, dst: VarId, items: &[Operand]) -> Result<()> {
        let ty = self.var_type(dst)?.clone();
        let Type::Tuple(types) = &ty else {
            return Err(internal("a tuple display of a non-tuple type"));
        };
        let n = self.i64_const(items.len() as i64);
        let tuple = self.call_runtime_ptr("kr_tuple_new", &[n.into()])?;
        let array = self.items(tuple, &ty)?;
        for (i, (item, t)) in items.iter().zip(types).enumerate() {
            let v = self.operand(item)?;
            let from = self.op_type(item);
            let slot = self.slot_for(v, &from, t)?;
            let index = self.i64_const(i as i64);
            let p = self.slot_ptr(array, index)?;
            let store = self.builder.build_store(p, slot)?;
            self.tag_access(Some(store), Access::Slot);
        }
        self.store(dst, Val::Obj(tuple))
    }

    pub(super) fn get_item(&mut self, dst: VarId, value: &Operand, index: &Operand) -> Result<()> {
        let container = self.op_type(value);
        if matches!(container, Type::Dict(..)) {
            return self.dict_get_item(dst, value, index);
        }
        let result_ty = self.var_type(dst)?.clone();
        if typeinfer::infer_containers::item_is_dynamic(&container, &self.op_type(index)) {
            let d = self.operand_dyn(value)?;
            let v = self.dyn_getitem(d, index)?;
            return self.store(dst, v);
        }
        match &container {
            Type::Str => {
                let s = self.obj(value)?;
                let i = self.operand(index)?;
                let Val::Int(i) = self.coerce(i, &Type::Int)? else {
                    return Err(internal("a str index that is not an int"));
                };
                let r = self.call_runtime_str("kr_str_getitem", &[s.into(), i.into()])?;
                self.store(dst, Val::Str(r))
            }
            Type::Tuple(types) => {
                let t = self.obj(value)?;
                let iv = self.operand(index)?;
                let Val::Int(word) = self.coerce(iv, &Type::Int)? else {
                    return Err(internal("a tuple index that is not an int"));
                };
                let constant = word
                    .get_sign_extended_constant()
                    .filter(|w| w & 1 == 1)
                    .map(|w| w >> 1);
                if let Some(c) = constant {
                    let n = types.len() as i64;
                    let position = if c < 0 { c + n } else { c };
                    if !(0..n).contains(&position) {
                        self.raise_const("KR_EXC_INDEX", "tuple index out of range")?;
                        return self.trap();
                    }
                    let element = &types[position as usize];
                    if *element == Type::Never {
                        // Building the tuple could not have finished.
                        return self.trap();
                    }
                    let array = self.items(t, &container)?;
                    let slot = self.load_slot(array, self.i64_const(position))?;
                    let v = self.value_of_slot(slot, element)?;
                    return self.store(dst, v);
                }
                if result_ty == Type::Never {
                    return self.trap();
                }
                if types.iter().any(|t| *t != result_ty) {
                    // Items of different representations: the runtime reads the
                    // item by its own type and boxes it.
                    let d = self.box_value(Val::Obj(t), &container)?;
                    let v = self.dyn_getitem(d, index)?;
                    return self.store(dst, v);
                }
                let length = self.i64_const(types.len() as i64);
                let array = self.items(t, &container)?;
                let p =
                    self.checked_item_ptr(array, length, index, 8, "tuple index out of range")?;
                let slot = self.load_item_at(p, 8)?;
                let v = self.value_of_slot(slot, &result_ty)?;
                self.store(dst, v)
            }
            Type::List(_) => {
                let width = item_width(&container);
                let p = self.list_item_ptr(value, index, &container, "list index out of range")?;
                if result_ty == Type::Never {
                    // Only an empty list has elements of no type: the check raised.
                    return self.trap();
                }
                let slot = self.load_item_at(p, width)?;
                if self.speculated_list(value) {
                    let yes = self.m.context.bool_type().const_int(1, false);
                    self.small_bits.insert(slot, yes);
                }
                let v = self.value_of_slot(slot, &result_ty)?;
                self.store(dst, v)
            }
            other => Err(internal(&format!("subscript of '{other}'"))),
        }
    }

    /// Where item `index` of list `value` is, checked (IndexError(message)), or
    /// the pointer an earlier access to the same item checked (`checked_items`).
    fn list_item_ptr(
        &mut self,
        value: &Operand,
        index: &Operand,
        list: &Type,
        message: &str,
    ) -> Result<PointerValue<'ctx>> {
        if let Some(p) = self.checked_item(value, index) {
            return Ok(p);
        }
        let l = self.obj(value)?;
        let length = self.raw_length(l)?;
        let array = self.items(l, list)?;
        let p = self.checked_item_ptr(array, length, index, item_width(list), message)?;
        self.remember_item(value, index, p);
        Ok(p)
    }

    pub(super) fn set_item(
        &mut self,
        value: &Operand,
        index: &Operand,
        item: &Operand,
    ) -> Result<()> {
        let container = self.op_type(value);
        if matches!(container, Type::Dict(..)) {
            return self.dict_set_item(value, index, item);
        }
        if container == Type::Dyn || self.op_type(index) == Type::Dyn {
            let c = self.operand_dyn(value)?;
            let i = self.operand_dyn(index)?;
            let x = self.operand_dyn(item)?;
            return self.call_runtime_ok("kr_dyn_setitem", &[c.into(), i.into(), x.into()]);
        }
        let Type::List(elem) = &container else {
            return Err(internal("item assignment on a non-list"));
        };
        let width = item_width(&container);
        let message = "list assignment index out of range";
        let p = self.list_item_ptr(value, index, &container, message)?;
        let v = self.operand_raw(item)?;
        let from = self.op_type_raw(item);
        let slot = self.slot_for(v, &from, elem)?;
        self.store_item_at(p, slot, width)?;
        if **elem == Type::Int {
            let list = self.obj(value)?;
            self.stored_small = Some(self.note_int_list_store(list, slot)?);
        }
        Ok(())
    }

    pub(super) fn del_item(&mut self, value: &Operand, index: &Operand) -> Result<()> {
        if matches!(self.op_type(value), Type::Dict(..)) {
            return self.dict_del_item(value, index);
        }
        if self.op_type(value) == Type::Dyn || self.op_type(index) == Type::Dyn {
            let c = self.operand_dyn(value)?;
            let i = self.operand_dyn(index)?;
            return self.call_runtime_ok("kr_dyn_delitem", &[c.into(), i.into()]);
        }
        let l = self.obj(value)?;
        let iv = self.operand(index)?;
        let i = self.index_i64(iv)?;
        self.call_runtime_ok("kr_list_del_item", &[l.into(), i.into()])
    }

    /// An int (or bool) operand as a tagged int word.
    pub(super) fn int_word(&mut self, op: &Operand) -> Result<IntValue<'ctx>> {
        let v = self.operand(op)?;
        match self.coerce(v, &Type::Int)? {
            Val::Int(i) => Ok(i),
            _ => Err(internal("an operand that is not an int")),
        }
    }

    /// List `l` (of type `ty`) extended by the items of the iterable `other`.
    fn extend_list(&mut self, l: PointerValue<'ctx>, ty: &Type, other: &Operand) -> Result<()> {
        let other_ty = self.op_type(other);
        match (&other_ty, ty) {
            (Type::List(e), Type::List(elem)) if e == elem || **e == Type::Never => {
                let other = self.obj(other)?;
                self.call_runtime("kr_list_extend", &[l.into(), other.into()])?;
            }
            // Items of another representation (or from a tuple or str) are
            // converted one by one, as `xs += other` does.
            _ => {
                let a = self.box_value(Val::Obj(l), ty)?;
                let b = self.operand_dyn(other)?;
                let add = self.m.context.i32_type().const_zero();
                self.call_runtime_value("kr_dyn_inplace", &[add.into(), a.into(), b.into()])?;
            }
        }
        Ok(())
    }

    /// `value[start:stop:step] = item`: the iterable's items are first copied into
    /// a new list of the target's item type (which also makes `xs[1:] = xs` read
    /// the items before they move), then replace the slice's.
    pub(super) fn set_slice(
        &mut self,
        value: &Operand,
        parts: [&Option<Operand>; 3],
        item: &Operand,
    ) -> Result<()> {
        let ty = self.op_type(value);
        let Type::List(elem) = &ty else {
            return Err(internal("a slice assignment to a non-list"));
        };
        let l = self.obj(value)?;
        let start = self.bound(parts[0])?;
        let stop = self.bound(parts[1])?;
        let step = self.bound(parts[2])?;
        let iterable = matches!(
            self.op_type(item),
            Type::List(_) | Type::Tuple(_) | Type::Str | Type::Dyn
        );
        if !iterable {
            return self.raise_const("KR_EXC_TYPE", "can only assign an iterable");
        }
        let desc = self.tdesc(elem);
        let zero = self.i64_const(0);
        let items = self.call_runtime_ptr("kr_list_new", &[zero.into(), desc.into()])?;
        self.extend_list(items, &ty, item)?;
        self.call_runtime_ok(
            "kr_list_set_slice",
            &[
                l.into(),
                start.into(),
                stop.into(),
                step.into(),
                items.into(),
            ],
        )
    }

    /// `del xs[start:stop:step]`.
    pub(super) fn del_slice(
        &mut self,
        value: &Operand,
        parts: [&Option<Operand>; 3],
    ) -> Result<()> {
        let l = self.obj(value)?;
        let start = self.bound(parts[0])?;
        let stop = self.bound(parts[1])?;
        let step = self.bound(parts[2])?;
        self.call_runtime_ok(
            "kr_list_del_slice",
            &[l.into(), start.into(), stop.into(), step.into()],
        )
    }

    /// A slice bound as the runtime takes it: the int word, or KR_ABSENT (0).
    pub(super) fn bound(&mut self, part: &Option<Operand>) -> Result<IntValue<'ctx>> {
        match part {
            None | Some(Operand::Const(Const::None)) => Ok(self.i64_const(0)),
            Some(op) => {
                let ty = self.op_type(op);
                if ty == Type::NoneType {
                    return Ok(self.i64_const(0));
                }
                if matches!(ty, Type::Float | Type::Str | Type::List(_) | Type::Tuple(_)) {
                    let message =
                        "slice indices must be integers or None or have an __index__ method";
                    self.raise_const("KR_EXC_TYPE", message)?;
                    return Ok(self.i64_const(0));
                }
                if let Type::Optional(_) = self.op_type_raw(op) {
                    let Val::Opt(word) = self.operand_raw(op)? else {
                        return Err(internal("an optional bound that is not a word"));
                    };
                    // An `int | None`: None is the absent bound.
                    let none = self.i64_const(super::values::NONE_WORD as i64);
                    let is_none = self.builder.build_int_compare(
                        inkwell::IntPredicate::EQ,
                        word,
                        none,
                        "bound.none",
                    )?;
                    let absent = self.i64_const(0);
                    return Ok(self
                        .builder
                        .build_select(is_none, absent, word, "bound")?
                        .into_int_value());
                }
                if ty == Type::Dyn {
                    let d = self.operand_dyn(op)?;
                    return Ok(self
                        .call_runtime_flagged("kr_dyn_slice_bound", &[d.into()])?
                        .ok_or_else(|| internal("kr_dyn_slice_bound returns nothing"))?
                        .into_int_value());
                }
                self.int_word(op)
            }
        }
    }

    pub(super) fn slice(
        &mut self,
        dst: VarId,
        value: &Operand,
        parts: [&Option<Operand>; 3],
    ) -> Result<()> {
        let container = self.op_type(value);
        if container == Type::Dyn {
            let d = self.operand_dyn(value)?;
            let mut words = Vec::new();
            for part in parts {
                words.push(match part {
                    Some(op) if self.op_type(op) != Type::NoneType => self.operand_dyn(op)?,
                    _ => self.i64_const(0), // KR_ABSENT
                });
            }
            let r = self.call_runtime_value(
                "kr_dyn_slice",
                &[d.into(), words[0].into(), words[1].into(), words[2].into()],
            )?;
            return self.store(dst, Val::Dyn(r));
        }
        let obj = self.obj(value)?;
        let start = self.bound(parts[0])?;
        let stop = self.bound(parts[1])?;
        let step = self.bound(parts[2])?;
        let result = match &container {
            Type::Str => Val::Str(self.call_runtime_str(
                "kr_str_slice",
                &[obj.into(), start.into(), stop.into(), step.into()],
            )?),
            Type::List(elem) => {
                let desc = self.tdesc(elem);
                Val::Obj(self.call_runtime_ptr(
                    "kr_list_slice",
                    &[
                        obj.into(),
                        start.into(),
                        stop.into(),
                        step.into(),
                        desc.into(),
                    ],
                )?)
            }
            Type::Tuple(_) => Val::Obj(self.call_runtime_ptr(
                "kr_tuple_slice",
                &[obj.into(), start.into(), stop.into(), step.into()],
            )?),
            other => return Err(internal(&format!("slice of '{other}'"))),
        };
        self.store(dst, result)
    }

    /// `len(x)` of a list, tuple or str, as a tagged int.
    pub(super) fn length(&mut self, value: &Operand) -> Result<Val<'ctx>> {
        let ty = self.op_type(value);
        if let Type::Tuple(ts) = &ty {
            return Ok(Val::Int(self.i64_const(tag(ts.len() as i64) as i64)));
        }
        let obj = self.obj(value)?;
        let n = self.raw_length(obj)?;
        Ok(Val::Int(self.tag_i64(n)?))
    }

    /// A non-negative i64 below 2^62 as a tagged int.
    pub(super) fn tag_i64(&mut self, n: IntValue<'ctx>) -> Result<IntValue<'ctx>> {
        let one = self.i64_const(1);
        let shifted = self.builder.build_left_shift(n, one, "")?;
        Ok(self.builder.build_or(shifted, one, "tagged")?)
    }

    pub(super) fn unpack_check(
        &mut self,
        value: &Operand,
        count: usize,
        at_least: bool,
    ) -> Result<()> {
        let ty = self.op_type(value);
        let expected = self.i64_const(count as i64);
        let got = match &ty {
            Type::Tuple(ts) => {
                if ts.len() == count || (at_least && ts.len() > count) {
                    return Ok(());
                }
                self.i64_const(ts.len() as i64)
            }
            Type::Str => {
                let s = self.obj(value)?;
                self.raw_length(s)?
            }
            Type::Dyn => {
                let d = self.operand_dyn(value)?;
                let n = self
                    .call_runtime("kr_dyn_unpack_length", &[d.into()])?
                    .ok_or_else(|| internal("kr_dyn_unpack_length returns nothing"))?
                    .into_int_value();
                let failed = self.builder.build_int_compare(
                    IntPredicate::SLT,
                    n,
                    self.i64_const(0),
                    "failed",
                )?;
                self.branch_if_failed(failed)?;
                n
            }
            _ => {
                let l = self.obj(value)?;
                self.raw_length(l)?
            }
        };
        let (mismatch, raise) = if at_least {
            (IntPredicate::SLT, "kr_raise_unpack_at_least")
        } else {
            (IntPredicate::NE, "kr_raise_unpack")
        };
        let wrong = self
            .builder
            .build_int_compare(mismatch, got, expected, "wrong")?;
        let wrong = self.expect(wrong, false)?;
        let fail = self.m.context.append_basic_block(self.llvm, "unpack.error");
        let ok = self.m.context.append_basic_block(self.llvm, "unpack.ok");
        self.builder.build_conditional_branch(wrong, fail, ok)?;
        self.builder.position_at_end(fail);
        self.call_runtime(raise, &[expected.into(), got.into()])?;
        self.branch_to_error()?;
        self.builder.position_at_end(ok);
        Ok(())
    }

    /// `list.method(args)`.
    pub(super) fn list_method(
        &mut self,
        dst: VarId,
        receiver: &Operand,
        method: &str,
        args: &[Operand],
        keywords: &[(Box<str>, Operand)],
    ) -> Result<()> {
        let ty = self.op_type(receiver);
        if ty == Type::Str {
            return self.str_method(dst, receiver, method, args, keywords);
        }
        if self.scalar_method(dst, receiver, method, args)? {
            return Ok(());
        }
        if matches!(ty, Type::Dict(..)) {
            return self.dict_method(dst, receiver, method, args);
        }
        if matches!(ty, Type::Set(_)) {
            return self.set_method(dst, receiver, method, args);
        }
        let Type::List(elem) = &ty else {
            return Err(self.unsupported(format!("methods of '{ty}'")));
        };
        let elem = (**elem).clone();
        let l = self.obj(receiver)?;
        let arg_slot = |g: &mut Self, k: usize| -> Result<(IntValue<'ctx>, PointerValue<'ctx>)> {
            let op = args
                .get(k)
                .ok_or_else(|| internal("missing method argument"))?;
            let t = g.op_type_raw(op);
            let v = g.operand_raw(op)?;
            let from = g.op_type_raw(op);
            let slot = g.slot_for(v, &from, &t)?;
            Ok((slot, g.tdesc(&t)))
        };
        let elem_desc = self.tdesc(&elem);
        let result = match method {
            "append" => {
                let v = self.operand_raw(&args[0])?;
                let from = self.op_type_raw(&args[0]);
                let slot = self.slot_for(v, &from, &elem)?;
                self.call_runtime("kr_list_append", &[l.into(), slot.into()])?;
                Val::None
            }
            "insert" => {
                let iv = self.operand(&args[0])?;
                let i = self.ssize_i64(iv)?;
                let v = self.operand_raw(&args[1])?;
                let from = self.op_type_raw(&args[1]);
                let slot = self.slot_for(v, &from, &elem)?;
                self.call_runtime("kr_list_insert", &[l.into(), i.into(), slot.into()])?;
                Val::None
            }
            "extend" => {
                self.extend_list(l, &ty, &args[0])?;
                Val::None
            }
            "pop" => {
                let i = match args.first() {
                    Some(op) => {
                        let iv = self.operand(op)?;
                        self.ssize_i64(iv)?
                    }
                    None => self.i64_const(-1),
                };
                let slot = self
                    .call_runtime_flagged("kr_list_pop", &[l.into(), i.into()])?
                    .ok_or_else(|| internal("kr_list_pop returns nothing"))?
                    .into_int_value();
                if elem == Type::Never {
                    return self.trap();
                }
                self.value_of_slot(slot, &elem)?
            }
            "index" if args.len() > 1 => {
                let (slot, desc) = arg_slot(self, 0)?;
                let start = self.int_word(&args[1])?;
                let stop = match args.get(2) {
                    Some(op) => self.int_word(op)?,
                    // Past any list's end.
                    None => self
                        .m
                        .context
                        .i64_type()
                        .const_int(super::values::tag(i64::MAX >> 2), false),
                };
                let i = self
                    .call_runtime_flagged(
                        "kr_list_index_in",
                        &[
                            l.into(),
                            elem_desc.into(),
                            slot.into(),
                            desc.into(),
                            start.into(),
                            stop.into(),
                        ],
                    )?
                    .ok_or_else(|| internal("kr_list_index_in returns nothing"))?
                    .into_int_value();
                Val::Int(self.tag_i64(i)?)
            }
            "index" => {
                let (slot, desc) = arg_slot(self, 0)?;
                let i = self
                    .call_runtime_flagged(
                        "kr_list_index",
                        &[l.into(), elem_desc.into(), slot.into(), desc.into()],
                    )?
                    .ok_or_else(|| internal("kr_list_index returns nothing"))?
                    .into_int_value();
                Val::Int(self.tag_i64(i)?)
            }
            "count" => {
                let (slot, desc) = arg_slot(self, 0)?;
                let n = self
                    .call_runtime_flagged(
                        "kr_list_count",
                        &[l.into(), elem_desc.into(), slot.into(), desc.into()],
                    )?
                    .ok_or_else(|| internal("kr_list_count returns nothing"))?
                    .into_int_value();
                Val::Int(self.tag_i64(n)?)
            }
            "remove" => {
                let (slot, desc) = arg_slot(self, 0)?;
                self.call_runtime_ok(
                    "kr_list_remove",
                    &[l.into(), elem_desc.into(), slot.into(), desc.into()],
                )?;
                Val::None
            }
            "sort" => {
                let reverse = match keywords.iter().find(|(k, _)| &**k == "reverse") {
                    Some((_, v)) => {
                        let v = self.operand(v)?;
                        self.truth(v)?
                    }
                    None => self.m.context.bool_type().const_zero(),
                };
                self.call_runtime_ok(
                    "kr_list_sort",
                    &[l.into(), elem_desc.into(), reverse.into()],
                )?;
                Val::None
            }
            "reverse" | "clear" => {
                let name = if method == "reverse" {
                    "kr_list_reverse"
                } else {
                    "kr_list_clear"
                };
                self.call_runtime(name, &[l.into()])?;
                Val::None
            }
            "copy" => {
                Val::Obj(self.call_runtime_ptr("kr_list_copy", &[l.into(), elem_desc.into()])?)
            }
            other => return Err(self.unsupported(format!("the list method {other}()"))),
        };
        self.store(dst, result)
    }

    /// `a op b` where an operand is a sequence (`+`, `*`); `None` if neither is.
    pub(super) fn sequence_binary(
        &mut self,
        op: Operator,
        lhs: &Operand,
        rhs: &Operand,
        result: &Type,
    ) -> Result<Option<Val<'ctx>>> {
        let (a_ty, b_ty) = (self.op_type(lhs), self.op_type(rhs));
        let is_seq = |t: &Type| matches!(t, Type::Str | Type::List(_) | Type::Tuple(_));
        if !is_seq(&a_ty) && !is_seq(&b_ty) {
            return Ok(None);
        }
        if a_ty == Type::Str && b_ty == Type::Str {
            return Ok(None); // concatenation of strs is the scalar path's
        }
        let (seq, count) = if is_seq(&a_ty) {
            (lhs, rhs)
        } else {
            (rhs, lhs)
        };
        let v = match (op, result) {
            (Operator::Add, Type::List(elem)) => {
                let a = self.obj(lhs)?;
                let b = self.obj(rhs)?;
                let desc = self.tdesc(elem);
                Val::Obj(
                    self.call_runtime_ptr("kr_list_concat", &[a.into(), b.into(), desc.into()])?,
                )
            }
            (Operator::Add, Type::Tuple(_)) => {
                let a = self.obj(lhs)?;
                let b = self.obj(rhs)?;
                Val::Obj(self.call_runtime_ptr("kr_tuple_concat", &[a.into(), b.into()])?)
            }
            (Operator::Mult, _) => {
                let s = self.obj(seq)?;
                let n = self.operand(count)?;
                let Val::Int(n) = self.coerce(n, &Type::Int)? else {
                    return Err(internal("a repeat count that is not an int"));
                };
                match result {
                    Type::Tuple(_) => {
                        Val::Obj(self.call_runtime_ptr("kr_tuple_repeat", &[s.into(), n.into()])?)
                    }
                    Type::Str => {
                        Val::Str(self.call_runtime_str("kr_str_repeat", &[s.into(), n.into()])?)
                    }
                    Type::List(elem) => {
                        let desc = self.tdesc(elem);
                        Val::Obj(self.call_runtime_ptr(
                            "kr_list_repeat",
                            &[s.into(), n.into(), desc.into()],
                        )?)
                    }
                    _ => return Err(internal("repeat of this type")),
                }
            }
            _ => return Err(internal("this operator on sequences")),
        };
        Ok(Some(v))
    }

    /// A comparison where an operand is a list or tuple, or `in` over one; `None`
    /// when the scalar path applies.
    pub(super) fn sequence_compare(
        &mut self,
        op: CmpOp,
        lhs: &Operand,
        rhs: &Operand,
    ) -> Result<Option<IntValue<'ctx>>> {
        let (a_ty, b_ty) = (self.op_type(lhs), self.op_type(rhs));
        let is_container = |t: &Type| {
            matches!(
                t,
                Type::List(_) | Type::Tuple(_) | Type::Dict(..) | Type::Set(_)
            )
        };
        if matches!(op, CmpOp::In | CmpOp::NotIn) && matches!(b_ty, Type::Dict(..) | Type::Set(_)) {
            let found = if matches!(b_ty, Type::Set(_)) {
                self.set_contains(lhs, rhs)?
            } else {
                self.dict_contains(lhs, rhs)?
            };
            return Ok(Some(if op == CmpOp::In {
                found
            } else {
                self.builder.build_not(found, "")?
            }));
        }
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            if !is_container(&b_ty) {
                return Ok(None);
            }
            // The needle may be None: it is compared as it is.
            let a_ty = self.op_type_raw(lhs);
            let seq = self.obj(rhs)?;
            let x = self.operand_raw(lhs)?;
            let x_slot = self.slot_of(x, &a_ty)?;
            let x_desc = self.tdesc(&a_ty);
            let seq_desc = match &b_ty {
                Type::List(e) => self.tdesc(e),
                _ => self.tdesc(&b_ty),
            };
            let name = if matches!(b_ty, Type::List(_)) {
                "kr_list_contains"
            } else {
                "kr_tuple_contains"
            };
            let found = self
                .call_runtime(
                    name,
                    &[seq.into(), seq_desc.into(), x_slot.into(), x_desc.into()],
                )?
                .ok_or_else(|| internal("contains returns nothing"))?
                .into_int_value();
            let found = self.tri_state(found)?;
            return Ok(Some(if op == CmpOp::In {
                found
            } else {
                self.builder.build_not(found, "")?
            }));
        }
        if !is_container(&a_ty) && !is_container(&b_ty) {
            return Ok(None);
        }
        if matches!(op, CmpOp::Is | CmpOp::IsNot) {
            // Identity: the same object (None is never a list or tuple).
            let same = match (self.operand(lhs)?, self.operand(rhs)?) {
                (Val::Obj(a), Val::Obj(b)) => {
                    let i64_type = self.m.context.i64_type();
                    let a = self.builder.build_ptr_to_int(a, i64_type, "")?;
                    let b = self.builder.build_ptr_to_int(b, i64_type, "")?;
                    self.builder
                        .build_int_compare(IntPredicate::EQ, a, b, "same")?
                }
                _ => self.m.context.bool_type().const_zero(),
            };
            return Ok(Some(if op == CmpOp::Is {
                same
            } else {
                self.builder.build_not(same, "")?
            }));
        }
        let a = self.operand(lhs)?;
        let a = self.slot_of(a, &a_ty)?;
        let b = self.operand(rhs)?;
        let b = self.slot_of(b, &b_ty)?;
        let da = self.tdesc(&a_ty);
        let db = self.tdesc(&b_ty);
        if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            let eq = self.slot_eq(a, da, b, db)?;
            return Ok(Some(if op == CmpOp::Eq {
                eq
            } else {
                self.builder.build_not(eq, "")?
            }));
        }
        let code = match op {
            CmpOp::Lt => 0,
            CmpOp::LtE => 1,
            CmpOp::Gt => 4,
            CmpOp::GtE => 5,
            _ => return Err(internal("this comparison of sequences")),
        };
        let code = self.m.context.i32_type().const_int(code, false);
        let r = self
            .call_runtime(
                "kr_slot_compare",
                &[a.into(), da.into(), b.into(), db.into(), code.into()],
            )?
            .ok_or_else(|| internal("kr_slot_compare returns nothing"))?
            .into_int_value();
        let zero = self.m.context.i32_type().const_zero();
        let failed = self
            .builder
            .build_int_compare(IntPredicate::SLT, r, zero, "failed")?;
        self.branch_if_failed(failed)?;
        Ok(Some(self.builder.build_int_compare(
            IntPredicate::SGT,
            r,
            zero,
            "cmp",
        )?))
    }

    /// `a == b` of two slots and their descriptors (`kr_slot_eq`), which fails
    /// only with RecursionError for containers nested too deep.
    pub(super) fn slot_eq(
        &mut self,
        a: IntValue<'ctx>,
        da: PointerValue<'ctx>,
        b: IntValue<'ctx>,
        db: PointerValue<'ctx>,
    ) -> Result<IntValue<'ctx>> {
        let r = self
            .call_runtime("kr_slot_eq", &[a.into(), da.into(), b.into(), db.into()])?
            .ok_or_else(|| internal("kr_slot_eq returns nothing"))?
            .into_int_value();
        self.tri_state(r)
    }

    /// A runtime answer 1 or 0 as a bool, after leaving for the error path on -1.
    pub(super) fn tri_state(&mut self, r: IntValue<'ctx>) -> Result<IntValue<'ctx>> {
        let zero = r.get_type().const_zero();
        let failed = self
            .builder
            .build_int_compare(IntPredicate::SLT, r, zero, "failed")?;
        self.branch_if_failed(failed)?;
        Ok(self
            .builder
            .build_int_compare(IntPredicate::NE, r, zero, "yes")?)
    }

    /// `str(x)` or `repr(x)` of a value of any representable type.
    pub(super) fn str_of_typed(
        &mut self,
        v: Val<'ctx>,
        ty: &Type,
        repr: bool,
    ) -> Result<PointerValue<'ctx>> {
        let slot = self.slot_of(v, ty)?;
        let desc = self.tdesc(ty);
        let name = if repr { "kr_slot_repr" } else { "kr_slot_str" };
        self.call_runtime_str(name, &[slot.into(), desc.into()])
    }
}
