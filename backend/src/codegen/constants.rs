//! Constants that live in memory: `str` literals as statically allocated `kr_str`
//! objects (the layout of native-common: type, length in code points, size in bytes,
//! ascii flag, the UTF-8 bytes), NUL-terminated C strings for the runtime (file and
//! function names for tracebacks, print's default separators), and big int literals,
//! which are built once at start-up by `main` and kept in globals.
//!
//! Each is emitted once per module however often it is used.

use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::values::{BasicValue, GlobalValue, PointerValue};
use std::collections::HashMap;

#[derive(Default)]
pub struct Constants<'ctx> {
    strs: HashMap<Vec<u8>, GlobalValue<'ctx>>,
    c_strings: HashMap<Vec<u8>, GlobalValue<'ctx>>,
    big_index: HashMap<String, GlobalValue<'ctx>>,
    /// Type descriptors by the type's text (`tdesc`).
    pub(super) tdescs: HashMap<String, GlobalValue<'ctx>>,
    /// Decimal text and global of every big int literal, for `main` to initialise.
    pub big_ints: Vec<(String, GlobalValue<'ctx>)>,
}

impl<'ctx> Constants<'ctx> {
    /// A static `kr_str` holding `bytes` (UTF-8; WTF-8 for lone surrogates).
    pub fn kr_str(
        &mut self,
        context: &'ctx Context,
        module: &Module<'ctx>,
        bytes: &[u8],
        code_points: usize,
    ) -> PointerValue<'ctx> {
        if let Some(g) = self.strs.get(bytes) {
            return g.as_pointer_value();
        }
        let i64_type = context.i64_type();
        let ptr_type = context.ptr_type(Default::default());
        let data = context.const_string(bytes, true);
        let struct_type = context.struct_type(
            &[
                ptr_type.into(),
                i64_type.into(),
                i64_type.into(),
                i64_type.into(),
                data.get_type().into(),
            ],
            false,
        );
        let str_type_descriptor = match module.get_global("kr_str_type") {
            Some(g) => g,
            None => {
                let g = module.add_global(ptr_type, None, "kr_str_type");
                g.set_linkage(Linkage::External);
                g.set_constant(true);
                g
            }
        };
        let ascii = bytes.is_ascii();
        let value = struct_type.const_named_struct(&[
            str_type_descriptor.as_pointer_value().as_basic_value_enum(),
            i64_type
                .const_int(code_points as u64, false)
                .as_basic_value_enum(),
            i64_type
                .const_int(bytes.len() as u64, false)
                .as_basic_value_enum(),
            i64_type
                .const_int(ascii as u64, false)
                .as_basic_value_enum(),
            data.as_basic_value_enum(),
        ]);
        let g = module.add_global(struct_type, None, &format!("str.{}", self.strs.len()));
        g.set_linkage(Linkage::Private);
        g.set_constant(true);
        g.set_alignment(8);
        g.set_initializer(&value);
        self.strs.insert(bytes.to_vec(), g);
        g.as_pointer_value()
    }

    /// A NUL-terminated byte string (for the runtime's `const char *` parameters).
    pub fn c_string(
        &mut self,
        context: &'ctx Context,
        module: &Module<'ctx>,
        bytes: &[u8],
    ) -> PointerValue<'ctx> {
        if let Some(g) = self.c_strings.get(bytes) {
            return g.as_pointer_value();
        }
        let data = context.const_string(bytes, true);
        let g = module.add_global(
            data.get_type(),
            None,
            &format!("cstr.{}", self.c_strings.len()),
        );
        g.set_linkage(Linkage::Private);
        g.set_constant(true);
        g.set_unnamed_addr(true);
        g.set_initializer(&data);
        self.c_strings.insert(bytes.to_vec(), g);
        g.as_pointer_value()
    }

    /// The global that holds the big int with this hexadecimal text (`-` for a
    /// negative one, no prefix) once `main` has built it.
    pub fn big_int(
        &mut self,
        context: &'ctx Context,
        module: &Module<'ctx>,
        hex: &str,
    ) -> GlobalValue<'ctx> {
        if let Some(g) = self.big_index.get(hex) {
            return *g;
        }
        let i64_type = context.i64_type();
        let g = module.add_global(i64_type, None, &format!("bigint.{}", self.big_ints.len()));
        g.set_linkage(Linkage::Internal);
        g.set_initializer(&i64_type.const_zero());
        self.big_index.insert(hex.to_string(), g);
        self.big_ints.push((hex.to_string(), g));
        g
    }
}
