//! The frames of a self tail call turned into a loop (`typeinfer::tail_calls`).
//!
//! Each iteration of such a loop is a Python frame. `InstKind::TailFrame` at the jump
//! counts it: the depth of the current iteration lives in a slot (mem2reg makes it
//! a phi), calls pass it on, and past the recursion limit the jump raises
//! RecursionError as the call would. An exception leaving the function at
//! iteration k adds, after the innermost frame's entry, k entries for the call
//! (`kr_traceback_add_repeated`), one per frame the iterations stand for.
//!
//! A function whose loop carries a sum takes its start as a tagged int after the
//! depth (`InstKind::InitialSum`): zero from a plain call, the caller's own sum
//! from `Call::plus`.

use super::function::FunctionGen;
use crate::error::{Error, Result};
use inkwell::values::{IntValue, PointerValue};
use typeinfer::ir::{Function, InstKind, VarId};

/// Whether `f` has a tail call turned into a loop.
pub fn has_tail_frame(f: &Function) -> bool {
    f.blocks.iter().any(|b| {
        b.insts
            .iter()
            .any(|i| matches!(i.kind, InstKind::TailFrame { .. }))
    })
}

/// Whether `f` takes the start of its tail sum from its caller.
pub fn takes_initial_sum(f: &Function) -> bool {
    f.blocks.first().is_some_and(|b| {
        b.insts
            .iter()
            .any(|i| matches!(i.kind, InstKind::InitialSum { .. }))
    })
}

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    /// The depth of the running frame, which calls pass to their callee: inside a
    /// comprehension lowering inlined, the function's depth plus the comprehension
    /// frames CPython would have pushed.
    pub(super) fn frame_depth(&mut self) -> Result<IntValue<'ctx>> {
        let i32_type = self.m.context.i32_type();
        let depth = match self.depth_slot {
            Some(slot) => self
                .builder
                .build_load(i32_type, slot, "frame.depth")?
                .into_int_value(),
            None => self
                .depth
                .ok_or_else(|| Error::internal("?", "a call before the frame is counted"))?,
        };
        let mut inlined = 0;
        let mut k = self.frame as usize;
        while let Some(frame) = k.checked_sub(1).and_then(|i| self.f.frames.get(i)) {
            inlined += 1;
            k = frame.parent as usize;
        }
        if inlined == 0 {
            return Ok(depth);
        }
        let inlined = i32_type.const_int(inlined, false);
        Ok(self
            .builder
            .build_int_add(depth, inlined, "inlined.depth")?)
    }

    /// The jump of a tail call: the next iteration is a new frame. Counts it
    /// (RecursionError past the limit) and forgets the named locals `forget`.
    pub(super) fn tail_frame(&mut self, forget: &[VarId]) -> Result<()> {
        let Some(slot) = self.depth_slot else {
            return Err(Error::internal("?", "a tail frame without its depth slot"));
        };
        let carets = self.caret_range.and_then(|r| (self.m.source.carets)(r));
        self.tail_site = Some((self.line, carets));
        let depth = self.frame_depth()?;
        let (next, raised) = self.count_frame(depth)?;
        let ok = self.current_block()?;
        self.builder.position_at_end(raised);
        // The call fails before its frame exists: this frame's entry is the last.
        self.branch_to_error()?;
        self.builder.position_at_end(ok);
        self.builder.build_store(slot, next)?;
        for v in forget {
            self.forget_local(*v)?;
        }
        Ok(())
    }

    /// Local `v` back to "not assigned": the zero word, or its flag cleared.
    fn forget_local(&mut self, v: VarId) -> Result<()> {
        let ty = self.var_type(v)?.clone();
        if let Some(Some(slot)) = self.slots.get(v.index()).copied() {
            if let Some(llvm_ty) = super::values::storage_type(self.m.context, &ty)? {
                self.builder.build_store(slot, llvm_ty.const_zero())?;
            }
        }
        if let Some(Some(flag)) = self.flags.get(v.index()).copied() {
            let bool_type = self.m.context.bool_type();
            self.builder.build_store(flag, bool_type.const_zero())?;
        }
        Ok(())
    }

    /// On the error path, after the innermost frame's entry: one entry per earlier
    /// iteration, each stopped at the tail call.
    pub(super) fn tail_traceback(
        &mut self,
        file: PointerValue<'ctx>,
        name: PointerValue<'ctx>,
    ) -> Result<()> {
        let (Some(slot), Some((line, carets)), Some(first)) =
            (self.depth_slot, self.tail_site.clone(), self.depth)
        else {
            return Ok(());
        };
        let context = self.m.context;
        let depth = self
            .builder
            .build_load(context.i32_type(), slot, "frame.depth")?
            .into_int_value();
        let count = self.builder.build_int_sub(depth, first, "tail.frames")?;
        let line = context.i32_type().const_int(line as u64, false);
        let carets = match carets {
            Some(text) => self.c_string(text.as_bytes()),
            None => context.ptr_type(Default::default()).const_null(),
        };
        self.call_runtime(
            "kr_traceback_add_repeated",
            &[
                file.into(),
                line.into(),
                name.into(),
                carets.into(),
                count.into(),
            ],
        )?;
        Ok(())
    }
}
