//! Type-based alias information for the memory generated code touches itself: the
//! header words of strs, lists and tuples (length, items pointer) and the element
//! slots. A store into a slot can never change a header, so tagging the two kinds
//! of access lets LLVM keep a list's length and items pointer in registers across
//! `xs[i] = v` in a loop instead of reloading them after every store. Accesses
//! without a tag (the runtime's, calls) still alias everything.

use super::function::FunctionGen;
use inkwell::values::{BasicMetadataValueEnum, InstructionValue};

/// Which kind of memory an access touches.
#[derive(Clone, Copy)]
pub enum Access {
    /// A word of an object's header.
    Header,
    /// An element slot of a list or tuple.
    Slot,
}

impl<'ctx> FunctionGen<'_, 'ctx, '_> {
    /// Attaches the TBAA tag of `access` to a load or store.
    pub(super) fn tag_access(&self, inst: Option<InstructionValue<'ctx>>, access: Access) {
        let Some(inst) = inst else {
            return;
        };
        let context = self.m.context;
        let root = context.metadata_node(&[context.metadata_string("krait tbaa").into()]);
        let name = match access {
            Access::Header => "object header",
            Access::Slot => "element slot",
        };
        let zero: BasicMetadataValueEnum = context.i64_type().const_zero().into();
        let scalar =
            context.metadata_node(&[context.metadata_string(name).into(), root.into(), zero]);
        let tag = context.metadata_node(&[scalar.into(), scalar.into(), zero]);
        let _ = inst.set_metadata(tag, context.get_kind_id("tbaa"));
    }
}
