//! Static type descriptors (`kr_tdesc` in the runtime header): constant globals that
//! tell the runtime how to read the 64-bit slots of a list or tuple whose element
//! types the compiler knows (repr, equality, ordering, sorting). One global per
//! distinct type, nested types pointing at their parts.

use super::constants::Constants;
use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::values::{BasicValue, PointerValue};
use typeinfer::types::Type;

/// `kr_tkind` of the runtime header.
pub(super) fn kind(ty: &Type) -> u64 {
    ty.runtime_kind()
}

impl<'ctx> Constants<'ctx> {
    /// The descriptor of `ty`, emitted on first use.
    pub fn tdesc(
        &mut self,
        context: &'ctx Context,
        module: &Module<'ctx>,
        ty: &Type,
    ) -> PointerValue<'ctx> {
        let key = ty.to_string();
        if let Some(g) = self.tdescs.get(&key) {
            return g.as_pointer_value();
        }
        let parts: Vec<Type> = match ty {
            Type::List(t) | Type::Optional(t) | Type::Set(t) => vec![(**t).clone()],
            Type::Tuple(ts) => ts.clone(),
            Type::Dict(k, v) => vec![(**k).clone(), (**v).clone()],
            _ => Vec::new(),
        };
        let part_ptrs: Vec<PointerValue> = parts
            .iter()
            .map(|p| self.tdesc(context, module, p))
            .collect();
        let ptr_type = context.ptr_type(Default::default());
        let i32_type = context.i32_type();
        let items = if part_ptrs.is_empty() {
            ptr_type.const_null()
        } else {
            let array = ptr_type.const_array(&part_ptrs);
            let g = module.add_global(
                array.get_type(),
                None,
                &format!("tdesc.items.{}", self.tdescs.len()),
            );
            g.set_linkage(Linkage::Private);
            g.set_constant(true);
            g.set_initializer(&array);
            g.as_pointer_value()
        };
        let struct_type =
            context.struct_type(&[i32_type.into(), i32_type.into(), ptr_type.into()], false);
        let value = struct_type.const_named_struct(&[
            i32_type.const_int(kind(ty), false).as_basic_value_enum(),
            i32_type
                .const_int(parts.len() as u64, false)
                .as_basic_value_enum(),
            items.as_basic_value_enum(),
        ]);
        let g = module.add_global(struct_type, None, &format!("tdesc.{}", self.tdescs.len()));
        g.set_linkage(Linkage::Private);
        g.set_constant(true);
        g.set_initializer(&value);
        self.tdescs.insert(key, g);
        g.as_pointer_value()
    }
}
