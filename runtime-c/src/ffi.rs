//! Rust declarations of the runtime's C functions (see `include/krait.h`).

use std::ffi::c_char;

/// A Python value in one 64-bit word: a small int (low bit 1) or a GC object pointer.
pub type KrValue = u64;

/// The error sentinel a failing function returns; the exception is in `kr_error_*`.
pub const KR_ERROR: KrValue = 0;

extern "C" {
    pub fn kr_runtime_init();
    pub fn kr_runtime_version() -> *const c_char;

    pub fn kr_error_occurred() -> bool;
    pub fn kr_error_kind() -> i32;
    pub fn kr_error_message() -> *const c_char;
    pub fn kr_exc_kind_name(kind: i32) -> *const c_char;
    pub fn kr_error_clear();

    pub fn kr_int_from_i64(i: i64) -> KrValue;
    pub fn kr_int_from_str(text: *const c_char, len: usize, base: i32) -> KrValue;
    pub fn kr_int_from_double(d: f64) -> KrValue;
    pub fn kr_int_add(a: KrValue, b: KrValue) -> KrValue;
    pub fn kr_int_sub(a: KrValue, b: KrValue) -> KrValue;
    pub fn kr_int_mul(a: KrValue, b: KrValue) -> KrValue;
    pub fn kr_int_floordiv(a: KrValue, b: KrValue) -> KrValue;
    pub fn kr_int_mod(a: KrValue, b: KrValue) -> KrValue;
    pub fn kr_int_neg(a: KrValue) -> KrValue;
    pub fn kr_int_abs(a: KrValue) -> KrValue;
    pub fn kr_int_invert(a: KrValue) -> KrValue;
    pub fn kr_int_and(a: KrValue, b: KrValue) -> KrValue;
    pub fn kr_int_or(a: KrValue, b: KrValue) -> KrValue;
    pub fn kr_int_xor(a: KrValue, b: KrValue) -> KrValue;
    pub fn kr_int_lshift(a: KrValue, b: KrValue) -> KrValue;
    pub fn kr_int_rshift(a: KrValue, b: KrValue) -> KrValue;
    pub fn kr_int_pow(a: KrValue, b: KrValue) -> KrValue;
    pub fn kr_int_powmod(a: KrValue, b: KrValue, m: KrValue) -> KrValue;
    pub fn kr_int_truediv(a: KrValue, b: KrValue, error: *mut bool) -> f64;
    pub fn kr_int_compare(a: KrValue, b: KrValue) -> i32;
    pub fn kr_int_eq(a: KrValue, b: KrValue) -> bool;
    pub fn kr_int_compare_double(a: KrValue, d: f64) -> i32;
    pub fn kr_int_to_double(a: KrValue, error: *mut bool) -> f64;
    pub fn kr_int_hash(a: KrValue) -> i64;
    pub fn kr_int_to_str(a: KrValue, base: i32, len: *mut usize) -> *const c_char;
}

/// The layout of a `kr_str` (see `include/krait.h`); `data` follows the header.
#[repr(C)]
pub struct KrStr {
    pub type_: *const std::ffi::c_void,
    pub length: i64,
    pub size: i64,
    pub ascii: i64,
}

extern "C" {
    pub fn kr_raise_str(kind: i32, message: *const KrStr) -> KrValue;
    pub fn kr_raise(kind: i32, message: *const c_char) -> KrValue;

    pub fn kr_float_div(a: f64, b: f64, error: *mut bool) -> f64;
    pub fn kr_float_floordiv(a: f64, b: f64, error: *mut bool) -> f64;
    pub fn kr_float_mod(a: f64, b: f64, error: *mut bool) -> f64;
    pub fn kr_float_divmod(a: f64, b: f64, modulo: *mut f64, error: *mut bool) -> f64;
    pub fn kr_float_pow(a: f64, b: f64, error: *mut bool) -> f64;
    pub fn kr_float_repr(d: f64, buf: *mut c_char) -> usize;
    pub fn kr_float_to_int(d: f64) -> KrValue;
    pub fn kr_float_abs(d: f64) -> f64;

    pub fn kr_str_from_utf8(text: *const c_char, size: usize) -> *mut KrStr;
    pub fn kr_int_from_kr_str(s: *const KrStr) -> KrValue;
    pub fn kr_float_from_kr_str(s: *const KrStr, error: *mut bool) -> f64;
    pub fn kr_str_eq(a: *const KrStr, b: *const KrStr) -> bool;
    pub fn kr_str_compare(a: *const KrStr, b: *const KrStr) -> i32;
    pub fn kr_str_contains(haystack: *const KrStr, needle: *const KrStr) -> bool;
    pub fn kr_str_concat(a: *const KrStr, b: *const KrStr) -> *mut KrStr;
    pub fn kr_str_repr(s: *const KrStr, len: *mut usize) -> *const c_char;

    pub fn kr_print_int(v: KrValue) -> bool;
    pub fn kr_print_float(d: f64);
    pub fn kr_print_bool(b: bool);
    pub fn kr_print_none();
    pub fn kr_print_str(s: *const KrStr) -> bool;
    pub fn kr_print_utf8(text: *const c_char, len: usize);
    pub fn kr_flush_stdout();

    pub fn kr_traceback_add(file: *const c_char, line: i32, function: *const c_char);
    pub fn kr_traceback_clear();
    pub fn kr_format_exception(len: *mut usize) -> *const c_char;
    pub fn kr_exit_with_exception() -> !;
    pub fn kr_set_argv(argc: i32, argv: *mut *mut c_char);
    pub fn kr_argc() -> i32;
}

/// A container slot: a 64-bit word whose meaning comes from its static type (see
/// "Static type descriptors" in the header).
pub type KrSlot = u64;

/// None in a slot of an optional type.
pub const KR_NONE_WORD: KrSlot = 2;

/// A static type descriptor (`kr_tdesc`); `kind` is one of [`tkind`].
#[repr(C)]
pub struct KrTdesc {
    pub kind: i32,
    pub count: i32,
    pub items: *const *const KrTdesc,
}

/// Type kinds (`kr_tkind`), as numbered in the header.
pub mod tkind {
    pub const NEVER: i32 = 0;
    pub const NONE: i32 = 1;
    pub const BOOL: i32 = 2;
    pub const INT: i32 = 3;
    pub const FLOAT: i32 = 4;
    pub const STR: i32 = 5;
    pub const LIST: i32 = 6;
    pub const TUPLE: i32 = 7;
    pub const OPTIONAL: i32 = 8;
    pub const DYN: i32 = 9;
    /// `dict[K, V]`: count 2, items[0] the key type, items[1] the value type.
    pub const DICT: i32 = 10;
    /// `set[T]`: count 1, items[0] the element type.
    pub const SET: i32 = 11;
}

/// The layout of a `kr_dict` (see `include/krait.h`); `length` is `len(d)`.
#[repr(C)]
pub struct KrDict {
    pub type_: *const std::ffi::c_void,
    pub length: i64,
    pub used: i64,
    pub usable: i64,
    pub capacity: i64,
    pub entries: *mut std::ffi::c_void,
    pub mask: i64,
    pub index: *mut std::ffi::c_void,
}

// Lists and tuples are passed as untyped pointers here (`kr_list *`, `kr_tuple *`).
extern "C" {
    pub fn kr_slot_repr(x: KrSlot, t: *const KrTdesc) -> *mut KrStr;
    pub fn kr_slot_str(x: KrSlot, t: *const KrTdesc) -> *mut KrStr;
    pub fn kr_slot_eq(a: KrSlot, ta: *const KrTdesc, b: KrSlot, tb: *const KrTdesc) -> i32;
    pub fn kr_slot_compare(
        a: KrSlot,
        ta: *const KrTdesc,
        b: KrSlot,
        tb: *const KrTdesc,
        op: i32,
    ) -> i32;
    pub fn kr_slot_hash(x: KrSlot, t: *const KrTdesc, error: *mut bool) -> i64;

    pub fn kr_dict_new(size_hint: i64) -> *mut KrDict;
    pub fn kr_dict_getitem(
        d: *mut KrDict,
        dd: *const KrTdesc,
        key: KrSlot,
        tk: *const KrTdesc,
        error: *mut bool,
    ) -> KrSlot;
    pub fn kr_dict_lookup(
        d: *mut KrDict,
        dd: *const KrTdesc,
        key: KrSlot,
        tk: *const KrTdesc,
        value: *mut KrSlot,
        error: *mut bool,
    ) -> bool;
    pub fn kr_dict_setitem(
        d: *mut KrDict,
        dd: *const KrTdesc,
        key: KrSlot,
        tk: *const KrTdesc,
        value: KrSlot,
    ) -> bool;
    pub fn kr_dict_delitem(
        d: *mut KrDict,
        dd: *const KrTdesc,
        key: KrSlot,
        tk: *const KrTdesc,
    ) -> bool;
    pub fn kr_dict_contains(
        d: *mut KrDict,
        dd: *const KrTdesc,
        key: KrSlot,
        tk: *const KrTdesc,
    ) -> i32;
    pub fn kr_dict_pop(
        d: *mut KrDict,
        dd: *const KrTdesc,
        key: KrSlot,
        tk: *const KrTdesc,
        has_default: bool,
        default_value: KrSlot,
        error: *mut bool,
    ) -> KrSlot;
    pub fn kr_dict_get_slot(
        d: *mut KrDict,
        dd: *const KrTdesc,
        key: KrSlot,
        tk: *const KrTdesc,
        value: *mut KrSlot,
    ) -> i32;
    pub fn kr_dict_pop_slot(
        d: *mut KrDict,
        dd: *const KrTdesc,
        key: KrSlot,
        tk: *const KrTdesc,
        value: *mut KrSlot,
    ) -> i32;
    pub fn kr_dict_pop_required(
        d: *mut KrDict,
        dd: *const KrTdesc,
        key: KrSlot,
        tk: *const KrTdesc,
        error: *mut bool,
    ) -> KrSlot;
    pub fn kr_dict_setdefault(
        d: *mut KrDict,
        dd: *const KrTdesc,
        key: KrSlot,
        tk: *const KrTdesc,
        default_value: KrSlot,
        error: *mut bool,
    ) -> KrSlot;
    /// A `kr_tuple *`, or null with KeyError.
    pub fn kr_dict_popitem(d: *mut KrDict) -> *mut std::ffi::c_void;
    /// New `kr_list *`s.
    pub fn kr_dict_keys(d: *const KrDict, dd: *const KrTdesc) -> *mut std::ffi::c_void;
    pub fn kr_dict_values(d: *const KrDict, dd: *const KrTdesc) -> *mut std::ffi::c_void;
    pub fn kr_dict_items(
        d: *const KrDict,
        dd: *const KrTdesc,
        pair: *const KrTdesc,
    ) -> *mut std::ffi::c_void;
    pub fn kr_dict_next(
        d: *const KrDict,
        position: *mut i64,
        key: *mut KrSlot,
        value: *mut KrSlot,
    ) -> bool;
    pub fn kr_dict_copy(d: *const KrDict) -> *mut KrDict;
    pub fn kr_dict_clear(d: *mut KrDict);
    pub fn kr_dict_update(
        d: *mut KrDict,
        dd: *const KrTdesc,
        other: *const KrDict,
        od: *const KrTdesc,
    ) -> bool;
    pub fn kr_dict_eq(
        a: *const KrDict,
        ta: *const KrTdesc,
        b: *const KrDict,
        tb: *const KrTdesc,
    ) -> i32;
}

/// The layout of a `kr_set` (see `include/krait.h`); `length` is `len(s)`.
#[repr(C)]
pub struct KrSet {
    pub type_: *const std::ffi::c_void,
    pub length: i64,
    pub fill: i64,
    pub mask: i64,
    pub finger: i64,
    pub table: *mut std::ffi::c_void,
}

// Lists and dicts are passed as untyped pointers here (`kr_list *`, `kr_dict *`).
extern "C" {
    pub fn kr_set_new() -> *mut KrSet;
    pub fn kr_set_add(s: *mut KrSet, sd: *const KrTdesc, x: KrSlot, tx: *const KrTdesc) -> bool;
    pub fn kr_set_contains(s: *mut KrSet, sd: *const KrTdesc, x: KrSlot, tx: *const KrTdesc)
        -> i32;
    pub fn kr_set_remove(s: *mut KrSet, sd: *const KrTdesc, x: KrSlot, tx: *const KrTdesc) -> bool;
    pub fn kr_set_discard(s: *mut KrSet, sd: *const KrTdesc, x: KrSlot, tx: *const KrTdesc)
        -> bool;
    pub fn kr_set_pop(s: *mut KrSet, error: *mut bool) -> KrSlot;
    pub fn kr_set_clear(s: *mut KrSet);
    pub fn kr_set_copy(s: *const KrSet) -> *mut KrSet;
    pub fn kr_set_add_items(
        s: *mut KrSet,
        sd: *const KrTdesc,
        items: *const std::ffi::c_void,
        n: i64,
        width: i64,
        elem: *const KrTdesc,
    ) -> bool;
    pub fn kr_set_from_items(
        items: *const std::ffi::c_void,
        n: i64,
        width: i64,
        sd: *const KrTdesc,
        elem: *const KrTdesc,
    ) -> *mut KrSet;
    pub fn kr_set_from_constants(
        items: *const std::ffi::c_void,
        n: i64,
        width: i64,
        sd: *const KrTdesc,
        elem: *const KrTdesc,
    ) -> *mut KrSet;
    pub fn kr_set_discard_items(
        s: *mut KrSet,
        sd: *const KrTdesc,
        items: *const std::ffi::c_void,
        n: i64,
        width: i64,
        elem: *const KrTdesc,
    ) -> bool;
    pub fn kr_set_intersection_items(
        s: *const KrSet,
        sd: *const KrTdesc,
        items: *const std::ffi::c_void,
        n: i64,
        width: i64,
        elem: *const KrTdesc,
    ) -> *mut KrSet;
    pub fn kr_set_from_dict(d: *const KrDict, dd: *const KrTdesc, sd: *const KrTdesc)
        -> *mut KrSet;
    pub fn kr_set_update_dict(
        s: *mut KrSet,
        sd: *const KrTdesc,
        d: *const KrDict,
        dd: *const KrTdesc,
    ) -> bool;
    /// A new `kr_list *`.
    pub fn kr_set_to_list(s: *const KrSet, sd: *const KrTdesc) -> *mut std::ffi::c_void;
    pub fn kr_set_next(s: *const KrSet, position: *mut i64, x: *mut KrSlot) -> bool;
    pub fn kr_set_union(a: *const KrSet, b: *const KrSet, sd: *const KrTdesc) -> *mut KrSet;
    pub fn kr_set_intersection(a: *const KrSet, b: *const KrSet, sd: *const KrTdesc) -> *mut KrSet;
    pub fn kr_set_difference(a: *const KrSet, b: *const KrSet, sd: *const KrTdesc) -> *mut KrSet;
    pub fn kr_set_symmetric_difference(
        a: *const KrSet,
        b: *const KrSet,
        sd: *const KrTdesc,
    ) -> *mut KrSet;
    pub fn kr_set_update(a: *mut KrSet, b: *const KrSet, sd: *const KrTdesc) -> bool;
    pub fn kr_set_intersection_update(a: *mut KrSet, b: *const KrSet, sd: *const KrTdesc) -> bool;
    pub fn kr_set_difference_update(a: *mut KrSet, b: *const KrSet, sd: *const KrTdesc) -> bool;
    pub fn kr_set_symmetric_difference_update(
        a: *mut KrSet,
        b: *const KrSet,
        sd: *const KrTdesc,
    ) -> bool;
    pub fn kr_set_issubset(a: *const KrSet, b: *const KrSet, sd: *const KrTdesc) -> i32;
    pub fn kr_set_issuperset(a: *const KrSet, b: *const KrSet, sd: *const KrTdesc) -> i32;
    pub fn kr_set_isdisjoint(a: *const KrSet, b: *const KrSet, sd: *const KrTdesc) -> i32;
    pub fn kr_set_eq(
        a: *const KrSet,
        ta: *const KrTdesc,
        b: *const KrSet,
        tb: *const KrTdesc,
    ) -> i32;
    pub fn kr_set_compare(
        a: *const KrSet,
        ta: *const KrTdesc,
        b: *const KrSet,
        tb: *const KrTdesc,
        op: i32,
    ) -> i32;
    /// `op` is a `kr_binop`: 10 `|`, 9 `&`, 1 `-`, 11 `^`.
    pub fn kr_set_binary(
        op: i32,
        a: *const KrSet,
        ta: *const KrTdesc,
        b: *const KrSet,
        tb: *const KrTdesc,
        tr: *const KrTdesc,
    ) -> *mut KrSet;
    pub fn kr_set_inplace(
        op: i32,
        a: *mut KrSet,
        ta: *const KrTdesc,
        b: *const KrSet,
        tb: *const KrTdesc,
    ) -> bool;
}

/// The size of `kr_float_repr`'s buffer.
pub const KR_FLOAT_REPR_SIZE: usize = 32;

/// Exception kinds (`kr_exc_kind`), as numbered in the header.
pub mod exc {
    pub const NONE: i32 = 0;
    pub const ZERO_DIVISION: i32 = 1;
    pub const OVERFLOW: i32 = 2;
    pub const VALUE: i32 = 3;
    pub const TYPE: i32 = 4;
    pub const INDEX: i32 = 5;
    pub const MEMORY: i32 = 6;
    pub const ASSERTION: i32 = 7;
    pub const RECURSION: i32 = 8;
    pub const RUNTIME: i32 = 9;
    pub const NOT_IMPLEMENTED: i32 = 10;
    pub const NAME: i32 = 11;
    pub const UNBOUND_LOCAL: i32 = 12;
    pub const KEY: i32 = 13;
    pub const ATTRIBUTE: i32 = 14;
    pub const UNICODE_ENCODE: i32 = 15;
    pub const EXCEPTION: i32 = 16;
    pub const OS: i32 = 17;
    pub const BROKEN_PIPE: i32 = 18;
}
