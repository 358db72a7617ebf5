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
