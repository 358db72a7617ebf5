//! Declarations of the C runtime's functions, with exactly the signatures of
//! `runtime-c/include/krait.h` and docs/native-common (the contract between generated
//! code and the runtime).
//!
//! Functions are declared on first use, so a module only names what it calls.
//! C's `bool` is `i1` with `zeroext` (as clang passes it), `kr_value` is `i64`,
//! `kr_exc_kind` and `int` are `i32`, every pointer is the opaque `ptr`.

use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::types::{BasicMetadataTypeEnum, FunctionType};
use inkwell::values::FunctionValue;

/// The parameter and result kinds a runtime signature is written in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum C {
    Void,
    Bool,
    I32,
    I64,
    F64,
    Ptr,
}

use C::*;

/// (name, result, parameters) of every runtime function generated code may call.
const SIGNATURES: &[(&str, C, &[C])] = &[
    ("kr_runtime_init", Void, &[]),
    ("kr_set_argv", Void, &[I32, Ptr]),
    ("kr_error_occurred", Bool, &[]),
    ("kr_traceback_add", Void, &[Ptr, I32, Ptr]),
    ("kr_traceback_add_at", Void, &[Ptr, I32, Ptr, Ptr]),
    (
        "kr_traceback_add_repeated",
        Void,
        &[Ptr, I32, Ptr, Ptr, I32],
    ),
    ("kr_exit_with_exception", Void, &[]),
    ("kr_flush_stdout", Void, &[]),
    ("kr_raise_str", I64, &[I32, Ptr]),
    ("kr_int_from_str", I64, &[Ptr, I64, I32]),
    ("kr_int_from_double", I64, &[F64]),
    ("kr_int_add", I64, &[I64, I64]),
    ("kr_int_from_overflow", I64, &[I64]),
    ("kr_int_sub", I64, &[I64, I64]),
    ("kr_int_mul", I64, &[I64, I64]),
    ("kr_int_floordiv", I64, &[I64, I64]),
    ("kr_int_mod", I64, &[I64, I64]),
    ("kr_int_and", I64, &[I64, I64]),
    ("kr_int_or", I64, &[I64, I64]),
    ("kr_int_xor", I64, &[I64, I64]),
    ("kr_int_lshift", I64, &[I64, I64]),
    ("kr_int_rshift", I64, &[I64, I64]),
    ("kr_int_pow", I64, &[I64, I64]),
    ("kr_int_neg", I64, &[I64]),
    ("kr_int_abs", I64, &[I64]),
    ("kr_int_invert", I64, &[I64]),
    ("kr_int_truediv", F64, &[I64, I64, Ptr]),
    ("kr_int_compare", I32, &[I64, I64]),
    ("kr_int_eq", Bool, &[I64, I64]),
    ("kr_int_compare_double", I32, &[I64, F64]),
    ("kr_int_to_double", F64, &[I64, Ptr]),
    ("kr_print_int", Bool, &[I64]),
    ("kr_print_float", Void, &[F64]),
    ("kr_print_bool", Void, &[Bool]),
    ("kr_print_none", Void, &[]),
    ("kr_print_str", Bool, &[Ptr]),
    ("kr_print_utf8", Void, &[Ptr, I64]),
    ("kr_print_done", Bool, &[]),
    ("kr_print_to_stderr", Void, &[]),
    ("kr_print_flush", Void, &[Bool]),
    ("kr_stream_write", I64, &[I32, Ptr]),
    ("kr_print_stderr_utf8", Void, &[Ptr, I64]),
    ("kr_dyn_box", I64, &[I64, Ptr]),
    ("kr_dyn_from_float", I64, &[F64]),
    ("kr_dyn_from_bool", I64, &[Bool]),
    ("kr_dyn_type_name", Ptr, &[I64]),
    ("kr_dyn_as_int", I64, &[I64]),
    ("kr_dyn_index", I64, &[I64]),
    ("kr_dyn_as_float", F64, &[I64, Ptr]),
    ("kr_dyn_as_str", Ptr, &[I64]),
    ("kr_dyn_as_list", Ptr, &[I64, Ptr]),
    ("kr_dyn_as_tuple", Ptr, &[I64, Ptr]),
    ("kr_dyn_as_dict", Ptr, &[I64, Ptr]),
    ("kr_dyn_binary", I64, &[I32, I64, I64]),
    ("kr_dyn_inplace", I64, &[I32, I64, I64]),
    ("kr_dyn_unary", I64, &[I32, I64]),
    ("kr_dyn_truth", I32, &[I64]),
    ("kr_dyn_is", Bool, &[I64, I64]),
    ("kr_dyn_compare", I32, &[I32, I64, I64]),
    ("kr_dyn_compare_specialised", I32, &[I32, I64, I64]),
    ("kr_dyn_contains", I32, &[I64, I64]),
    ("kr_dyn_repr", Ptr, &[I64]),
    ("kr_dyn_str", Ptr, &[I64]),
    ("kr_dyn_int", I64, &[I64]),
    ("kr_dyn_float", F64, &[I64, Ptr]),
    ("kr_dyn_len", I64, &[I64]),
    ("kr_dyn_unpack_length", I64, &[I64]),
    ("kr_dyn_iter_length", I64, &[I64]),
    ("kr_dyn_getitem", I64, &[I64, I64]),
    ("kr_dyn_sum", I64, &[I64, I64]),
    ("kr_dyn_slice", I64, &[I64, I64, I64, I64]),
    ("kr_dyn_slice_bound", I64, &[I64, Ptr]),
    ("kr_dyn_setitem", Bool, &[I64, I64, I64]),
    ("kr_dyn_delitem", Bool, &[I64, I64]),
    ("kr_dyn_format", Ptr, &[I64, Ptr]),
    ("kr_dyn_abs", I64, &[I64]),
    ("kr_dyn_type", Ptr, &[I64]),
    ("kr_range_len", I64, &[I64, I64, I64]),
    ("kr_range_contains", I32, &[I64, I64, I64, I64]),
    ("kr_range_contains_float", I32, &[I64, I64, I64, F64]),
    ("kr_range_contains_dyn", I32, &[I64, I64, I64, I64]),
    ("kr_float_floordiv", F64, &[F64, F64, Ptr]),
    ("kr_float_mod", F64, &[F64, F64, Ptr]),
    ("kr_float_div", F64, &[F64, F64, Ptr]),
    ("kr_float_pow", F64, &[F64, F64, Ptr]),
    ("kr_int_from_kr_str", I64, &[Ptr]),
    ("kr_int_from_kr_str_base", I64, &[Ptr, I64]),
    ("kr_float_from_kr_str", F64, &[Ptr, Ptr]),
    ("kr_str_eq", Bool, &[Ptr, Ptr]),
    ("kr_str_compare", I32, &[Ptr, Ptr]),
    ("kr_str_contains", Bool, &[Ptr, Ptr]),
    ("kr_str_concat", Ptr, &[Ptr, Ptr]),
    ("kr_str_append", Ptr, &[Ptr, Ptr, Bool]),
    ("kr_str_from_utf8", Ptr, &[Ptr, I64]),
    ("kr_int_to_str", Ptr, &[I64, I32, Ptr]),
    ("kr_float_repr", I64, &[F64, Ptr]),
    ("kr_str_of_int", Ptr, &[I64]),
    ("kr_str_of_float", Ptr, &[F64]),
    ("kr_str_of_bool", Ptr, &[Bool]),
    ("kr_str_of_none", Ptr, &[]),
    ("kr_str_repr_str", Ptr, &[Ptr]),
    ("kr_str_len", I64, &[Ptr]),
    ("kr_sys_exit_int", Void, &[I64]),
    ("kr_sys_exit_str", Void, &[Ptr]),
    ("kr_sys_exit_none", Void, &[]),
    ("kr_sys_exit_dyn", Void, &[I64]),
    ("kr_time_time", F64, &[]),
    ("kr_time_perf_counter", F64, &[]),
    ("kr_math_sqrt", F64, &[F64, Ptr]),
    ("kr_math_exp", F64, &[F64, Ptr]),
    ("kr_math_log", F64, &[F64, Ptr]),
    ("kr_math_log2", F64, &[F64, Ptr]),
    ("kr_math_log10", F64, &[F64, Ptr]),
    ("kr_math_sin", F64, &[F64, Ptr]),
    ("kr_math_cos", F64, &[F64, Ptr]),
    ("kr_math_tan", F64, &[F64, Ptr]),
    ("kr_math_asin", F64, &[F64, Ptr]),
    ("kr_math_acos", F64, &[F64, Ptr]),
    ("kr_math_atan", F64, &[F64, Ptr]),
    ("kr_math_sinh", F64, &[F64, Ptr]),
    ("kr_math_cosh", F64, &[F64, Ptr]),
    ("kr_math_tanh", F64, &[F64, Ptr]),
    ("kr_math_fabs", F64, &[F64, Ptr]),
    ("kr_math_expm1", F64, &[F64, Ptr]),
    ("kr_math_log1p", F64, &[F64, Ptr]),
    ("kr_math_asinh", F64, &[F64, Ptr]),
    ("kr_math_acosh", F64, &[F64, Ptr]),
    ("kr_math_atanh", F64, &[F64, Ptr]),
    ("kr_math_cbrt", F64, &[F64, Ptr]),
    ("kr_math_exp2", F64, &[F64, Ptr]),
    ("kr_math_radians", F64, &[F64, Ptr]),
    ("kr_math_degrees", F64, &[F64, Ptr]),
    ("kr_math_log_base", F64, &[F64, F64, Ptr]),
    ("kr_math_log_int", F64, &[I64, I32, Ptr]),
    ("kr_math_log_quotient", F64, &[F64, F64, Ptr]),
    ("kr_math_atan2", F64, &[F64, F64, Ptr]),
    ("kr_math_hypot", F64, &[F64, F64, Ptr]),
    ("kr_math_copysign", F64, &[F64, F64, Ptr]),
    ("kr_math_fmod", F64, &[F64, F64, Ptr]),
    ("kr_math_pow", F64, &[F64, F64, Ptr]),
    ("kr_math_floor", I64, &[F64]),
    ("kr_math_ceil", I64, &[F64]),
    ("kr_math_trunc", I64, &[F64]),
    // Sequences (kr_tdesc.c, kr_slice.c, kr_list.c, kr_tuple.c, kr_builtins.c)
    ("kr_slot_repr", Ptr, &[I64, Ptr]),
    ("kr_slot_str", Ptr, &[I64, Ptr]),
    ("kr_slot_eq", I32, &[I64, Ptr, I64, Ptr]),
    ("kr_slot_compare", I32, &[I64, Ptr, I64, Ptr, I32]),
    ("kr_index_value", I64, &[I64, Ptr]),
    ("kr_ssize_value", I64, &[I64, Ptr]),
    ("kr_list_new", Ptr, &[I64, Ptr]),
    ("kr_list_append", Void, &[Ptr, I64]),
    ("kr_list_pop", I64, &[Ptr, I64, Ptr]),
    ("kr_list_insert", Void, &[Ptr, I64, I64]),
    ("kr_list_index", I64, &[Ptr, Ptr, I64, Ptr, Ptr]),
    (
        "kr_list_index_in",
        I64,
        &[Ptr, Ptr, I64, Ptr, I64, I64, Ptr],
    ),
    ("kr_list_count", I64, &[Ptr, Ptr, I64, Ptr, Ptr]),
    ("kr_list_contains", I32, &[Ptr, Ptr, I64, Ptr]),
    ("kr_list_remove", Bool, &[Ptr, Ptr, I64, Ptr]),
    ("kr_list_sort", Bool, &[Ptr, Ptr, Bool]),
    ("kr_list_reverse", Void, &[Ptr]),
    ("kr_list_clear", Void, &[Ptr]),
    ("kr_list_extend", Void, &[Ptr, Ptr]),
    ("kr_list_copy", Ptr, &[Ptr, Ptr]),
    ("kr_list_concat", Ptr, &[Ptr, Ptr, Ptr]),
    ("kr_list_repeat", Ptr, &[Ptr, I64, Ptr]),
    ("kr_list_slice", Ptr, &[Ptr, I64, I64, I64, Ptr]),
    ("kr_list_del_item", Bool, &[Ptr, I64]),
    ("kr_list_del_slice", Bool, &[Ptr, I64, I64, I64]),
    ("kr_list_set_slice", Bool, &[Ptr, I64, I64, I64, Ptr]),
    ("kr_list_from_str", Ptr, &[Ptr]),
    ("kr_list_from_slots", Ptr, &[Ptr, I64, Ptr]),
    ("kr_list_box_items", Void, &[Ptr, Ptr]),
    ("kr_tuple_new", Ptr, &[I64]),
    ("kr_tuple_concat", Ptr, &[Ptr, Ptr]),
    ("kr_tuple_slice", Ptr, &[Ptr, I64, I64, I64]),
    ("kr_tuple_repeat", Ptr, &[Ptr, I64]),
    ("kr_tuple_contains", I32, &[Ptr, Ptr, I64, Ptr]),
    ("kr_raise_unpack", I64, &[I64, I64]),
    ("kr_raise_unpack_at_least", I64, &[I64, I64]),
    ("kr_sum_int_slots", I64, &[Ptr, I64, I64, I32, I64]),
    (
        "kr_sum_float_slots",
        F64,
        &[Ptr, I64, I64, I32, F64, Bool, Ptr],
    ),
    ("kr_sum_float_end", F64, &[F64, Bool, Ptr]),
    ("kr_list_reserve", Bool, &[Ptr, I64]),
    ("kr_seq_minmax", I64, &[Ptr, I64, I64, Ptr, Bool, Ptr]),
    ("kr_seq_any", Bool, &[Ptr, I64, I64, Ptr]),
    ("kr_seq_all", Bool, &[Ptr, I64, I64, Ptr]),
    ("kr_sys_argv", Ptr, &[]),
    // str operations and formatting (kr_str_ops.c, kr_format.c)
    ("kr_str_getitem", Ptr, &[Ptr, I64]),
    ("kr_str_slice", Ptr, &[Ptr, I64, I64, I64]),
    ("kr_str_repeat", Ptr, &[Ptr, I64]),
    ("kr_str_ord", I64, &[Ptr]),
    ("kr_str_chr", Ptr, &[I64]),
    ("kr_str_join_array", Ptr, &[Ptr, I64]),
    ("kr_format_int", Ptr, &[I64, Ptr]),
    ("kr_format_float", Ptr, &[F64, Ptr]),
    ("kr_format_str", Ptr, &[Ptr, Ptr]),
    ("kr_format_bool", Ptr, &[Bool, Ptr]),
    ("kr_int_to_base_str", Ptr, &[I64, I32]),
    // str methods (kr_str_methods.c)
    ("kr_str_upper", Ptr, &[Ptr]),
    ("kr_str_lower", Ptr, &[Ptr]),
    ("kr_str_capitalize", Ptr, &[Ptr]),
    ("kr_str_title", Ptr, &[Ptr]),
    ("kr_str_swapcase", Ptr, &[Ptr]),
    ("kr_str_strip", Ptr, &[Ptr, Ptr]),
    ("kr_str_lstrip", Ptr, &[Ptr, Ptr]),
    ("kr_str_rstrip", Ptr, &[Ptr, Ptr]),
    ("kr_str_split", Ptr, &[Ptr, Ptr, I64]),
    ("kr_str_rsplit", Ptr, &[Ptr, Ptr, I64]),
    ("kr_str_splitlines", Ptr, &[Ptr, Bool]),
    ("kr_str_join", Ptr, &[Ptr, Ptr]),
    ("kr_str_startswith", Bool, &[Ptr, Ptr]),
    ("kr_str_endswith", Bool, &[Ptr, Ptr]),
    ("kr_str_find", I64, &[Ptr, Ptr]),
    ("kr_str_find_in", I64, &[Ptr, Ptr, I64, I64, Bool]),
    ("kr_str_index_in", I64, &[Ptr, Ptr, I64, I64, Bool]),
    ("kr_str_count_in", I64, &[Ptr, Ptr, I64, I64]),
    ("kr_str_startswith_in", Bool, &[Ptr, Ptr, I64, I64]),
    ("kr_str_endswith_in", Bool, &[Ptr, Ptr, I64, I64]),
    ("kr_str_rfind", I64, &[Ptr, Ptr]),
    ("kr_str_index", I64, &[Ptr, Ptr]),
    ("kr_str_rindex", I64, &[Ptr, Ptr]),
    ("kr_str_count", I64, &[Ptr, Ptr]),
    ("kr_str_replace", Ptr, &[Ptr, Ptr, Ptr, I64]),
    ("kr_str_isdigit", Bool, &[Ptr]),
    ("kr_str_isdecimal", Bool, &[Ptr]),
    ("kr_str_isnumeric", Bool, &[Ptr]),
    ("kr_str_isalpha", Bool, &[Ptr]),
    ("kr_str_isalnum", Bool, &[Ptr]),
    ("kr_str_isspace", Bool, &[Ptr]),
    ("kr_str_isupper", Bool, &[Ptr]),
    ("kr_str_islower", Bool, &[Ptr]),
    ("kr_str_istitle", Bool, &[Ptr]),
    ("kr_str_center", Ptr, &[Ptr, I64, Ptr]),
    ("kr_str_ljust", Ptr, &[Ptr, I64, Ptr]),
    ("kr_str_rjust", Ptr, &[Ptr, I64, Ptr]),
    ("kr_str_zfill", Ptr, &[Ptr, I64]),
    ("kr_str_partition", Ptr, &[Ptr, Ptr, Bool]),
    ("kr_str_removeprefix", Ptr, &[Ptr, Ptr]),
    ("kr_str_removesuffix", Ptr, &[Ptr, Ptr]),
    ("kr_str_isascii", Bool, &[Ptr]),
    ("kr_list_sort_by_keys", Bool, &[Ptr, Ptr, Ptr, Bool]),
    // Dicts (kr_dict.c)
    ("kr_dict_new", Ptr, &[I64]),
    ("kr_dict_getitem", I64, &[Ptr, Ptr, I64, Ptr, Ptr]),
    ("kr_dict_setitem", Bool, &[Ptr, Ptr, I64, Ptr, I64]),
    ("kr_dict_delitem", Bool, &[Ptr, Ptr, I64, Ptr]),
    ("kr_dict_contains", I32, &[Ptr, Ptr, I64, Ptr]),
    ("kr_dict_get_slot", I32, &[Ptr, Ptr, I64, Ptr, Ptr]),
    ("kr_dict_pop_slot", I32, &[Ptr, Ptr, I64, Ptr, Ptr]),
    ("kr_dict_pop_required", I64, &[Ptr, Ptr, I64, Ptr, Ptr]),
    ("kr_dict_setdefault", I64, &[Ptr, Ptr, I64, Ptr, I64, Ptr]),
    ("kr_dict_update", Bool, &[Ptr, Ptr, Ptr, Ptr]),
    ("kr_dict_clear", Void, &[Ptr]),
    ("kr_dict_copy", Ptr, &[Ptr]),
    ("kr_dict_keys", Ptr, &[Ptr, Ptr]),
    ("kr_dict_values", Ptr, &[Ptr, Ptr]),
    ("kr_dict_items", Ptr, &[Ptr, Ptr, Ptr]),
    // Sets (kr_set.c)
    ("kr_set_new", Ptr, &[]),
    ("kr_set_add", Bool, &[Ptr, Ptr, I64, Ptr]),
    ("kr_set_contains", I32, &[Ptr, Ptr, I64, Ptr]),
    ("kr_set_remove", Bool, &[Ptr, Ptr, I64, Ptr]),
    ("kr_set_discard", Bool, &[Ptr, Ptr, I64, Ptr]),
    ("kr_set_pop", I64, &[Ptr, Ptr]),
    ("kr_set_clear", Void, &[Ptr]),
    ("kr_set_copy", Ptr, &[Ptr]),
    ("kr_set_from_items", Ptr, &[Ptr, I64, I64, Ptr, Ptr]),
    ("kr_set_from_constants", Ptr, &[Ptr, I64, I64, Ptr, Ptr]),
    ("kr_set_add_items", Bool, &[Ptr, Ptr, Ptr, I64, I64, Ptr]),
    ("kr_set_update_dict", Bool, &[Ptr, Ptr, Ptr, Ptr]),
    ("kr_set_to_list", Ptr, &[Ptr, Ptr]),
    ("kr_set_union", Ptr, &[Ptr, Ptr, Ptr]),
    ("kr_set_intersection", Ptr, &[Ptr, Ptr, Ptr]),
    ("kr_set_difference", Ptr, &[Ptr, Ptr, Ptr]),
    ("kr_set_symmetric_difference", Ptr, &[Ptr, Ptr, Ptr]),
    ("kr_set_update", Bool, &[Ptr, Ptr, Ptr]),
    ("kr_set_intersection_update", Bool, &[Ptr, Ptr, Ptr]),
    ("kr_set_difference_update", Bool, &[Ptr, Ptr, Ptr]),
    ("kr_set_symmetric_difference_update", Bool, &[Ptr, Ptr, Ptr]),
    ("kr_set_issubset", I32, &[Ptr, Ptr, Ptr]),
    ("kr_set_isdisjoint", I32, &[Ptr, Ptr, Ptr]),
    ("kr_dyn_as_set", Ptr, &[I64, Ptr]),
    ("kr_int_bit_length", I64, &[I64]),
    ("kr_int_bit_count", I64, &[I64]),
    ("kr_float_is_integer", Bool, &[F64]),
    ("kr_tuple_count", I64, &[Ptr, Ptr, I64, Ptr, Ptr]),
    ("kr_tuple_index", I64, &[Ptr, Ptr, I64, Ptr, Ptr]),
    // Number builtins (kr_number.c, kr_int.c, kr_float.c)
    ("kr_float_round_int", I64, &[F64]),
    ("kr_float_round", F64, &[F64, I64, Ptr]),
    ("kr_int_round", I64, &[I64, I64]),
    ("kr_int_powmod", I64, &[I64, I64, I64]),
    ("kr_float_divmod", F64, &[F64, F64, Ptr, Ptr]),
    ("kr_math_gcd", I64, &[I64, I64]),
    ("kr_math_lcm", I64, &[I64, I64]),
    ("kr_math_isqrt", I64, &[I64]),
    ("kr_math_factorial", I64, &[I64]),
    ("kr_math_comb", I64, &[I64, I64]),
    ("kr_math_perm", I64, &[I64, I64]),
    ("kr_math_isclose", Bool, &[F64, F64, F64, F64, Ptr]),
];

/// Functions that never return: calls to them end a block with `unreachable`.
const NORETURN: &[&str] = &[
    "kr_exit_with_exception",
    "kr_sys_exit_int",
    "kr_sys_exit_str",
    "kr_sys_exit_none",
    "kr_sys_exit_dyn",
];

/// LLVM's `memory(...)` effects of runtime functions that touch nothing generated
/// code can see except through their pointer arguments (an object's inline data,
/// an out-parameter): allocation, the exception state, GMP and stdout are memory
/// the program cannot access. Knowing this, LLVM keeps values such as a list's
/// length in registers across cold calls in a loop. Encoding: two bits (read 1,
/// write 2) per location, argument memory first, then inaccessible memory.
/// Functions not listed (lists, slot walks) may touch any memory.
const INACCESSIBLE: u64 = 3 << 2;
const ARGS_READ: u64 = 1 | INACCESSIBLE;
const ARGS_READ_WRITE: u64 = 3 | INACCESSIBLE;

fn memory_effects(name: &str) -> Option<u64> {
    Some(match name {
        "kr_error_occurred" => 1 << 2,
        "kr_int_add"
        | "kr_int_from_overflow"
        | "kr_int_sub"
        | "kr_int_mul"
        | "kr_int_floordiv"
        | "kr_int_mod"
        | "kr_int_and"
        | "kr_int_or"
        | "kr_int_xor"
        | "kr_int_lshift"
        | "kr_int_rshift"
        | "kr_int_pow"
        | "kr_int_neg"
        | "kr_int_abs"
        | "kr_int_invert"
        | "kr_int_powmod"
        | "kr_int_compare"
        | "kr_int_eq"
        | "kr_int_compare_double"
        | "kr_int_from_double"
        | "kr_math_floor"
        | "kr_math_ceil"
        | "kr_math_trunc"
        | "kr_str_of_int"
        | "kr_str_of_float"
        | "kr_str_of_bool"
        | "kr_str_of_none"
        | "kr_float_round_int"
        | "kr_int_round"
        | "kr_str_chr"
        | "kr_int_to_base_str"
        | "kr_raise_unpack"
        | "kr_print_int"
        | "kr_print_float"
        | "kr_print_bool"
        | "kr_print_none" => INACCESSIBLE,
        "kr_str_eq"
        | "kr_str_compare"
        | "kr_str_contains"
        | "kr_str_concat"
        | "kr_str_repr_str"
        | "kr_str_len"
        | "kr_int_from_kr_str"
        | "kr_str_getitem"
        | "kr_str_slice"
        | "kr_str_repeat"
        | "kr_str_ord"
        | "kr_format_int"
        | "kr_format_float"
        | "kr_format_str"
        | "kr_format_bool"
        | "kr_raise_str"
        | "kr_print_str"
        | "kr_print_utf8"
        | "kr_traceback_add"
        | "kr_traceback_add_at"
        | "kr_traceback_add_repeated"
        | "kr_str_from_utf8" => ARGS_READ,
        "kr_int_truediv"
        | "kr_int_to_double"
        | "kr_float_div"
        | "kr_float_floordiv"
        | "kr_float_mod"
        | "kr_float_pow"
        | "kr_float_divmod"
        | "kr_index_value"
        | "kr_dyn_slice_bound"
        | "kr_ssize_value"
        | "kr_float_round"
        | "kr_float_from_kr_str"
        | "kr_int_to_str"
        | "kr_float_repr" => ARGS_READ_WRITE,
        n if n.starts_with("kr_math_") => ARGS_READ_WRITE,
        _ => return None,
    })
}

/// Runtime functions that always return a newly made list.
const FRESH_LISTS: &[&str] = &[
    "kr_list_new",
    "kr_list_copy",
    "kr_list_concat",
    "kr_list_repeat",
    "kr_list_slice",
    "kr_list_from_str",
    "kr_list_from_slots",
];

/// The header size of the object a runtime function returns (kr_list: type,
/// length, capacity, items, width, small_only; kr_tuple: type, length), for
/// `dereferenceable_or_null`.
fn object_header_bytes(name: &str) -> Option<u64> {
    match name {
        "kr_list_new" | "kr_list_copy" | "kr_list_concat" | "kr_list_repeat" | "kr_list_slice"
        | "kr_list_from_str" | "kr_list_from_slots" | "kr_sys_argv" => Some(48),
        "kr_tuple_new" | "kr_tuple_concat" | "kr_tuple_slice" | "kr_tuple_repeat" => Some(16),
        _ => None,
    }
}

fn fn_type<'ctx>(context: &'ctx Context, result: C, params: &[C]) -> FunctionType<'ctx> {
    let param_types: Vec<BasicMetadataTypeEnum> = params
        .iter()
        .map(|p| match p {
            Bool => context.bool_type().into(),
            I32 => context.i32_type().into(),
            I64 | Void => context.i64_type().into(),
            F64 => context.f64_type().into(),
            Ptr => context.ptr_type(Default::default()).into(),
        })
        .collect();
    match result {
        Void => context.void_type().fn_type(&param_types, false),
        Bool => context.bool_type().fn_type(&param_types, false),
        I32 => context.i32_type().fn_type(&param_types, false),
        I64 => context.i64_type().fn_type(&param_types, false),
        F64 => context.f64_type().fn_type(&param_types, false),
        Ptr => context
            .ptr_type(Default::default())
            .fn_type(&param_types, false),
    }
}

fn enum_attribute(context: &Context, name: &str) -> Attribute {
    context.create_enum_attribute(Attribute::get_named_enum_kind_id(name), 0)
}

/// The declaration of runtime function `name` in `module`, added on first use;
/// `None` if `name` is not part of the runtime contract.
pub fn declare<'ctx>(
    context: &'ctx Context,
    module: &Module<'ctx>,
    name: &str,
) -> Option<FunctionValue<'ctx>> {
    if let Some(f) = module.get_function(name) {
        return Some(f);
    }
    let (_, result, params) = SIGNATURES.iter().find(|(n, _, _)| *n == name)?;
    let function = module.add_function(
        name,
        fn_type(context, *result, params),
        Some(Linkage::External),
    );
    // The runtime is C: it never unwinds, so callers need no unwind tables.
    function.add_attribute(AttributeLoc::Function, enum_attribute(context, "nounwind"));
    if let Some(effects) = memory_effects(name) {
        let memory =
            context.create_enum_attribute(Attribute::get_named_enum_kind_id("memory"), effects);
        function.add_attribute(AttributeLoc::Function, memory);
    }
    if let Some(bytes) = object_header_bytes(name) {
        // The object (or NULL on failure): its header can be read speculatively,
        // which lets LLVM hoist header loads out of loops.
        let attribute = context.create_enum_attribute(
            Attribute::get_named_enum_kind_id("dereferenceable_or_null"),
            bytes,
        );
        function.add_attribute(AttributeLoc::Return, attribute);
        // GC objects are 8-byte aligned; with the size above this lets header
        // loads be speculated (hoisted out of loops whose body may not run).
        let align = context.create_enum_attribute(Attribute::get_named_enum_kind_id("align"), 8);
        function.add_attribute(AttributeLoc::Return, align);
        if FRESH_LISTS.contains(&name) {
            // A new object, like malloc's (tuples may be shared, sys.argv is one
            // list): lets LLVM know no other pointer reaches it.
            function.add_attribute(AttributeLoc::Return, enum_attribute(context, "noalias"));
        }
    }
    if NORETURN.contains(&name) {
        function.add_attribute(AttributeLoc::Function, enum_attribute(context, "noreturn"));
    }
    let zeroext = enum_attribute(context, "zeroext");
    if *result == Bool {
        function.add_attribute(AttributeLoc::Return, zeroext);
    }
    for (i, p) in params.iter().enumerate() {
        if *p == Bool {
            function.add_attribute(AttributeLoc::Param(i as u32), zeroext);
        }
    }
    Some(function)
}
