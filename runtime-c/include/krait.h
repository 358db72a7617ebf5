/*
** krait.h: the public header of krait's C runtime.
**
** Every public symbol has the prefix 'kr_'. Generated code and the runtime agree on
** the two conventions below; everything else builds on them.
**
** 1. Values. Every Python value fits one 64-bit word, a 'kr_value':
**      ...xxxxxxx1   a small int: the value is the word shifted right by one
**                    (arithmetic), so small ints span [-2^62, 2^62 - 1];
**      ...xxxxxx00   a pointer to a GC object whose first word is its 'kr_type'.
**    Ints outside the small range are 'kr_bigint' objects (GMP), and a big int object
**    never holds a value that fits the small range, so two ints are equal exactly when
**    their words are equal or both are big ints with equal values. Code whose types are
**    known keeps floats and bools unboxed (double, _Bool) and uses kr_value only for
**    ints and objects.
**
** 2. Errors. A function that can fail returns a value that cannot be a result:
**    KR_ERROR (0, which is neither a small int nor a valid pointer) for kr_value
**    results, and a documented sentinel plus kr_error_occurred() for unboxed ones.
**    The exception itself is in per-thread state (kr_exc.c). The caller tests the
**    result and propagates; the no-error path is one predictable branch.
*/
#ifndef krait_h
#define krait_h

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* {====================================================================
** Values
** ===================================================================== */

typedef uint64_t kr_value;

#define KR_ERROR ((kr_value)0)
#define KR_SMALL_MIN (-((int64_t)1 << 62))
#define KR_SMALL_MAX (((int64_t)1 << 62) - 1)

/* The type descriptor every GC object points to first. */
typedef struct kr_type {
  const char *name; /* Python's class name, e.g. "int" */
} kr_type;

typedef struct kr_object {
  const kr_type *type;
} kr_object;

static inline bool kr_is_small(kr_value v) { return (v & 1) != 0; }
static inline int64_t kr_small_value(kr_value v) { return (int64_t)v >> 1; }
static inline bool kr_fits_small(int64_t i) { return i >= KR_SMALL_MIN && i <= KR_SMALL_MAX; }
/* Only for i with kr_fits_small(i). */
static inline kr_value kr_small(int64_t i) { return ((uint64_t)i << 1) | 1; }
static inline kr_object *kr_as_object(kr_value v) { return (kr_object *)(uintptr_t)v; }

/* }==================================================================== */

/* {====================================================================
** Memory (kr_gc.c): Boehm GC; GMP allocates through it too.
** ===================================================================== */

/* Must run before any other kr_ function; idempotent. */
void kr_runtime_init(void);
void *kr_alloc(size_t size);        /* zeroed, may contain pointers */
void *kr_alloc_atomic(size_t size); /* not zeroed, never scanned for pointers */
/* kr_alloc_atomic, or NULL when the collector cannot find the memory. */
void *kr_try_alloc_atomic(size_t size);
const char *kr_runtime_version(void);

/* }==================================================================== */

/* {====================================================================
** Exceptions (kr_exc.c)
** ===================================================================== */

/* The built-in exception classes the runtime raises itself. */
typedef enum kr_exc_kind {
  KR_EXC_NONE = 0,
  KR_EXC_ZERO_DIVISION,
  KR_EXC_OVERFLOW,
  KR_EXC_VALUE,
  KR_EXC_TYPE,
  KR_EXC_INDEX,
  KR_EXC_MEMORY,
  KR_EXC_ASSERTION,
  KR_EXC_RECURSION,
  KR_EXC_RUNTIME,
  KR_EXC_NOT_IMPLEMENTED,
  KR_EXC_NAME,
  KR_EXC_UNBOUND_LOCAL,
  KR_EXC_KEY,
  KR_EXC_ATTRIBUTE,
  KR_EXC_UNICODE_ENCODE,
  KR_EXC_EXCEPTION, /* plain 'Exception' */
  KR_EXC_OS,
  KR_EXC_BROKEN_PIPE,
} kr_exc_kind;

/* Sets the current exception; always returns KR_ERROR for 'return kr_raise(...)'. */
kr_value kr_raise(kr_exc_kind kind, const char *message);
/* The same with a 'str' message (NULL or empty: the class name alone is printed). */
struct kr_str;
kr_value kr_raise_str(kr_exc_kind kind, const struct kr_str *message);
bool kr_error_occurred(void);
kr_exc_kind kr_error_kind(void);
const char *kr_error_message(void);
const char *kr_exc_kind_name(kr_exc_kind kind);
void kr_error_clear(void);

/* }==================================================================== */

/* {====================================================================
** Ints (kr_int.c): exact, arbitrary precision, Python semantics and messages.
** Each returns KR_ERROR with an exception set on failure.
** ===================================================================== */

kr_value kr_int_from_i64(int64_t i);
/* Parses like int(text, base); base 0 means "from the prefix", as Python. */
kr_value kr_int_from_str(const char *text, size_t len, int base);
/* int(x) for a float: truncates; OverflowError for inf, ValueError for nan. */
kr_value kr_int_from_double(double d);

kr_value kr_int_add(kr_value a, kr_value b);
/* The int whose tagged word overflowed to 'wrapped' in an inline add or subtract of
** two small ints: the true word is wrapped -/+ 2^64 (the opposite sign of the wrapped
** one), so the value is wrapped >> 1 -/+ 2^63. Lets compiled code drop its operands
** once the inline operation is done. */
kr_value kr_int_from_overflow(int64_t wrapped);
kr_value kr_int_sub(kr_value a, kr_value b);
kr_value kr_int_mul(kr_value a, kr_value b);
kr_value kr_int_floordiv(kr_value a, kr_value b);
kr_value kr_int_mod(kr_value a, kr_value b);
kr_value kr_int_neg(kr_value a);
kr_value kr_int_abs(kr_value a);
/* n.bit_length() and n.bit_count() (never fail). */
kr_value kr_int_bit_length(kr_value n);
kr_value kr_int_bit_count(kr_value n);
kr_value kr_int_invert(kr_value a);
kr_value kr_int_and(kr_value a, kr_value b);
kr_value kr_int_or(kr_value a, kr_value b);
kr_value kr_int_xor(kr_value a, kr_value b);
kr_value kr_int_lshift(kr_value a, kr_value b);
kr_value kr_int_rshift(kr_value a, kr_value b);
/* a ** b for b >= 0 (a negative b is the caller's float path). */
kr_value kr_int_pow(kr_value a, kr_value b);
/* pow(a, b, m), negative b allowed when a is invertible modulo m. */
kr_value kr_int_powmod(kr_value a, kr_value b, kr_value m);
/* a / b, correctly rounded; sets *error and returns -1.0 on failure. */
double kr_int_truediv(kr_value a, kr_value b, bool *error);

/* -1, 0 or 1. */
int kr_int_compare(kr_value a, kr_value b);
bool kr_int_eq(kr_value a, kr_value b);
/* Exact comparison with a float, as Python's int/float comparisons: -1, 0, 1, or 2
** when d is nan (unordered). */
int kr_int_compare_double(kr_value a, double d);
/* float(a), correctly rounded (half to even); OverflowError when too large. */
double kr_int_to_double(kr_value a, bool *error);
/* a as m * 2**exponent with 0.5 <= |m| < 1 (m correctly rounded; 0 for 0), for
** ints of any size: CPython's _PyLong_Frexp. */
double kr_int_frexp(kr_value a, long *exponent);
/* hash(a), Python's: a modulo 2**61 - 1, with -1 mapped to -2. */
int64_t kr_int_hash(kr_value a);
bool kr_int_is_zero(kr_value a);
int kr_int_sign(kr_value a);
/* Fits int64_t? Then stores it. */
bool kr_int_to_i64(kr_value a, int64_t *out);

/* Text: decimal for base 10, with Python's prefixes ('0x', '0o', '0b') otherwise.
** Returns a NUL-terminated GC string and its length. */
const char *kr_int_to_str(kr_value a, int base, size_t *len);

/* }==================================================================== */

/* {====================================================================
** Floats (kr_float.c): Python semantics, results and messages. Functions with a
** 'bool *error' parameter set it (and the exception) on failure and return -1.0.
** ===================================================================== */

double kr_float_div(double a, double b, bool *error);      /* a / b */
double kr_float_floordiv(double a, double b, bool *error); /* a // b */
double kr_float_mod(double a, double b, bool *error);      /* a % b */
/* divmod(a, b): returns a // b and stores a % b in *mod. */
double kr_float_divmod(double a, double b, double *mod, bool *error);
double kr_float_pow(double a, double b, bool *error); /* a ** b, libm pow */
/* repr(d) into buf (at least KR_FLOAT_REPR_SIZE bytes), NUL-terminated; returns the
** length. Shortest digits that round-trip, laid out as CPython does. */
#define KR_FLOAT_REPR_SIZE 32
size_t kr_float_repr(double d, char *buf);
kr_value kr_float_to_int(double d); /* int(d), as kr_int_from_double */
double kr_float_abs(double d);

/* }==================================================================== */

/* {====================================================================
** Strings (kr_str.c): immutable, UTF-8 (WTF-8 for lone surrogates), with the
** code-point length and an all-ASCII flag cached. 'data' holds 'size' bytes; the
** runtime's own strings also put a NUL after them, constants need not.
** ===================================================================== */

typedef struct kr_str {
  const kr_type *type; /* &kr_str_type */
  int64_t length;      /* code points */
  int64_t size;        /* bytes in data */
  int64_t ascii;       /* 1 when every byte is < 0x80 (then length == size) */
  char data[];
} kr_str;

extern const kr_type kr_str_type;

/* A string of 'size' bytes (NUL after them) for the runtime's own builders to fill,
** whose code-point length and ASCII flag the caller already knows. */
kr_str *kr_str_alloc(int64_t size, int64_t length, bool ascii);
/* The same, or NULL with MemoryError set when the memory cannot be had (for results
** whose size the program chose: s * n, s.center(n)...). */
kr_str *kr_str_try_alloc(int64_t size, int64_t length, bool ascii);
/* A new string from UTF-8 bytes (copied); never fails. */
kr_str *kr_str_from_utf8(const char *text, size_t size);
kr_value kr_int_from_kr_str(const kr_str *s);              /* int(s) */
kr_value kr_int_from_kr_str_base(const kr_str *s, kr_value base); /* int(s, base) */
double kr_float_from_kr_str(const kr_str *s, bool *error); /* float(s) */
bool kr_str_eq(const kr_str *a, const kr_str *b);
int kr_str_compare(const kr_str *a, const kr_str *b); /* -1, 0, 1 in code point order */
bool kr_str_contains(const kr_str *haystack, const kr_str *needle);
/* a + b for `s += t` where the variable s holds the only reference to a when
** 'owned' (a string this function made): a grows in place while its block has room.
** Otherwise a new string with room to spare. NULL with MemoryError. */
kr_str *kr_str_append(kr_str *a, const kr_str *b, bool owned);
kr_str *kr_str_concat(const kr_str *a, const kr_str *b);
/* repr(s) as a NUL-terminated GC string, as CPython quotes and escapes it. */
const char *kr_str_repr(const kr_str *s, size_t *len);
/* str() and repr() of the native scalar types as new strings. The int one fails
** (NULL, ValueError) past 4300 decimal digits, as CPython does. */
kr_str *kr_str_of_int(kr_value v);
kr_str *kr_str_of_float(double d); /* str(d) == repr(d) */
kr_str *kr_str_of_bool(bool b);
kr_str *kr_str_of_none(void);
kr_str *kr_str_repr_str(const kr_str *s); /* repr(s) */
kr_value kr_str_len(const kr_str *s);     /* len(s): code points, as a small int */

/* }==================================================================== */

/* {====================================================================
** The math module (kr_math.c): float functions with CPython's error rules.
** Doubles come back with 'error' set (and an exception raised) on failure.
** ===================================================================== */

double kr_math_sqrt(double x, bool *error);
double kr_math_exp(double x, bool *error);
double kr_math_log(double x, bool *error);
double kr_math_log2(double x, bool *error);
double kr_math_log10(double x, bool *error);
double kr_math_sin(double x, bool *error);
double kr_math_cos(double x, bool *error);
double kr_math_tan(double x, bool *error);
double kr_math_asin(double x, bool *error);
double kr_math_acos(double x, bool *error);
double kr_math_atan(double x, bool *error);
double kr_math_sinh(double x, bool *error);
double kr_math_cosh(double x, bool *error);
double kr_math_tanh(double x, bool *error);
double kr_math_fabs(double x, bool *error);
double kr_math_expm1(double x, bool *error);
double kr_math_log1p(double x, bool *error);
double kr_math_asinh(double x, bool *error);
double kr_math_acosh(double x, bool *error);
double kr_math_atanh(double x, bool *error);
double kr_math_cbrt(double x, bool *error);
double kr_math_exp2(double x, bool *error);
double kr_math_radians(double x, bool *error);
double kr_math_degrees(double x, bool *error);
double kr_math_log_base(double x, double base, bool *error);
/* math.log (which 0), log2 (1) or log10 (2) of an int of any size, as CPython's
** loghelper: ints beyond the double range are taken as m * 2**e. */
double kr_math_log_int(kr_value x, int which, bool *error);
/* log(x, base) from the two logs: ZeroDivisionError when the base's is 0. */
double kr_math_log_quotient(double num, double den, bool *error);
double kr_math_atan2(double y, double x, bool *error);
double kr_math_hypot(double x, double y, bool *error);
double kr_math_copysign(double x, double y, bool *error);
double kr_math_fmod(double x, double y, bool *error);
double kr_math_pow(double x, double y, bool *error);
kr_value kr_math_floor(double x); /* KR_ERROR for nan and infinities */
kr_value kr_math_ceil(double x);
kr_value kr_math_trunc(double x);

/* }==================================================================== */

/* {====================================================================
** sys and time (kr_sys.c)
** ===================================================================== */

_Noreturn void kr_sys_exit_int(kr_value status); /* sys.exit(n) */
_Noreturn void kr_sys_exit_str(const kr_str *message); /* sys.exit("msg"): stderr, 1 */
_Noreturn void kr_sys_exit_none(void);           /* sys.exit() */
_Noreturn void kr_sys_exit_dyn(kr_value status); /* any other value, as CPython */
double kr_time_time(void);                       /* time.time() */
double kr_time_perf_counter(void);               /* time.perf_counter() */

/* }==================================================================== */

/* {====================================================================
** Static type descriptors (kr_tdesc.c). Containers hold 64-bit *slots* whose meaning
** depends on the element type, which the compiler knows statically: an int slot is a
** kr_value, a float slot the bits of a double, a bool slot 0 or 1, a None slot 0, a
** str/list/tuple/dict/set slot a pointer. (A list of bools stores its items as bytes, but every
** function passes and returns them as slots; see "Lists".) Generated code passes a descriptor of the static
** type (emitted as a constant) wherever the runtime must interpret slots generically:
** repr, equality, ordering, sorting, searching, hashing.
** ===================================================================== */

typedef enum kr_tkind {
  KR_T_NEVER = 0, /* no value can exist (the elements of an always-empty list) */
  KR_T_NONE,
  KR_T_BOOL,
  KR_T_INT,
  KR_T_FLOAT,
  KR_T_STR,
  KR_T_LIST,  /* count == 1, items[0] is the element type */
  KR_T_TUPLE, /* count == number of elements, items[i] their types */
  KR_T_OPTIONAL, /* 'T | None': count == 1, items[0] is T; None is the slot KR_NONE_WORD */
  KR_T_DYN,      /* any value, as a dyn word (see "Dynamic values") */
  KR_T_DICT,     /* count == 2: items[0] is the key type, items[1] the value type */
  KR_T_SET,      /* count == 1, items[0] is the element type */
} kr_tkind;

/* None in a slot of an optional type (neither a tagged int nor a valid pointer). */
#define KR_NONE_WORD ((kr_slot)2)


typedef struct kr_tdesc {
  int32_t kind; /* a kr_tkind */
  int32_t count;
  const struct kr_tdesc *const *items;
} kr_tdesc;

typedef uint64_t kr_slot;
/* The descriptor of the value in slot x of type t: for an optional type, None's or
** the inner type's; otherwise t itself. */
const kr_tdesc *kr_tdesc_resolve(kr_slot x, const kr_tdesc *t);

/* Comparison operators, in CPython's order. */
typedef enum kr_cmp_op { KR_LT = 0, KR_LE, KR_EQ, KR_NE, KR_GT, KR_GE } kr_cmp_op;

/* repr(x) and str(x) of a slot of type t. NULL with an exception set only when an int
** is too long to convert (ValueError past 4300 digits). */
struct kr_str *kr_slot_repr(kr_slot x, const kr_tdesc *t);
struct kr_str *kr_slot_str(kr_slot x, const kr_tdesc *t);
/* a == b for values of (possibly different) types ta and tb, with Python's rules:
** int/float/bool compare numerically (exactly), containers element-wise, values of
** unrelated types are unequal. 1 or 0, or -1 with RecursionError set ("maximum
** recursion depth exceeded in comparison") for containers nested too deep. */
int kr_slot_eq(kr_slot a, const kr_tdesc *ta, kr_slot b, const kr_tdesc *tb);
/* Around the comparisons made by a builtin function or method (list.index, min...):
** CPython counts the call itself as one level of recursion, inside which they nest. */
void kr_comparing_call_enter(void);
void kr_comparing_call_leave(void);
/* a OP b: 1 or 0, or -1 with TypeError set when the values are not ordered, worded
** as CPython: "'<' not supported between instances of 'list' and 'int'" (or with
** kr_slot_eq's RecursionError). Sequences
** compare lexicographically (first unequal element by ==, then OP on it, else the
** lengths). */
int kr_slot_compare(kr_slot a, const kr_tdesc *ta, kr_slot b, const kr_tdesc *tb, kr_cmp_op op);
/* Python's type name of a descriptor ("int", "list", "NoneType"...). */
const char *kr_tdesc_name(const kr_tdesc *t);
/* hash(x) is kr_slot_hash, declared with the dicts (kr_dict.c). */

/* }==================================================================== */

/* {====================================================================
** Indices and slices (kr_slice.c)
** ===================================================================== */

/* An int used as an index: its value, or IndexError "cannot fit 'int' into an
** index-sized integer" (sets *error) when it does not fit 64 bits. */
int64_t kr_index_value(kr_value i, bool *error);
/* An int passed to a method that takes an index (list.pop, list.insert): its value, or
** OverflowError "Python int too large to convert to C ssize_t" (sets *error). */
int64_t kr_ssize_value(kr_value i, bool *error);
/* The slice start:stop:step over a sequence of 'length' items, as
** slice.indices(): KR_ABSENT for an omitted bound (None); big ints clamp. Stores the
** normalised start and step and returns the number of items selected; -1 with
** ValueError "slice step cannot be zero". */
#define KR_ABSENT ((kr_value)0)
int64_t kr_slice_indices(kr_value start, kr_value stop, kr_value step, int64_t length,
                         int64_t *out_start, int64_t *out_step);

/* }==================================================================== */

/* {====================================================================
** Lists (kr_list.c). 'items' holds 'length' items of 'capacity', each 'width' bytes:
** a list made with a KR_T_BOOL element descriptor stores one byte (0 or 1) per item
** (width 1, so a sieve over 2M flags takes 2 MB, not 16), every other list one 64-bit
** slot (width 8). 'items' is reallocated as the list grows, so generated code reloads
** it after any call that may append. At every function boundary items are slots (a
** bool is the slot 0 or 1); functions without a descriptor go by 'width'. Element
** descriptors say how to interpret slots (and whether the GC must scan them).
** Functions that fail set an exception and return NULL / -1 / false as documented.
** ===================================================================== */

typedef struct kr_list {
  const kr_type *type; /* &kr_list_type; word offsets 0..5 are fixed for codegen */
  int64_t length;
  int64_t capacity; /* in items */
  void *items;      /* kr_slot[capacity] (width 8) or uint8_t[capacity] (width 1) */
  int64_t width;    /* bytes per item: 1 for list[bool], 8 otherwise */
  /* 1 when every item is certainly a small int (an empty list included), else 0.
  ** Every writer of items keeps it: storing anything else clears it, and only
  ** code that knows all items are small sets it. Generated code reads it to run
  ** loops over lists of ints without testing each item's tag. */
  int64_t small_only;
} kr_list;

extern const kr_type kr_list_type;

/* A list of 'length' zero items (callers fill them) whose width follows elem (1 for
** KR_T_BOOL); items are scanned by the GC unless elem is float, bool or None. */
kr_list *kr_list_new(int64_t length, const kr_tdesc *elem);
/* l[i] and l[i] = x for an index already checked to be in [0, len(l)) (for the
** runtime's own use and tests; generated code indexes 'items' itself). */
kr_slot kr_list_get(const kr_list *l, int64_t i);
void kr_list_set(kr_list *l, int64_t i, kr_slot x);
void kr_list_append(kr_list *l, kr_slot x);
/* l.pop(index); IndexError "pop from empty list" / "pop index out of range". */
kr_slot kr_list_pop(kr_list *l, int64_t index, bool *error);
void kr_list_insert(kr_list *l, int64_t index, kr_slot x); /* index clamped as Python */
/* l.index(x): ValueError "<repr(x)> is not in list" (sets *error). */
int64_t kr_list_index(const kr_list *l, const kr_tdesc *elem, kr_slot x, const kr_tdesc *tx,
                      bool *error);
/* l.count(x); and x in l: 1 or 0. Both fail (count sets *error, contains returns -1)
** only with kr_slot_eq's RecursionError. */
/* l.index(x, start, stop): the search within l[start:stop] (int bounds, as slices
** clamp them); errors as kr_list_index. */
int64_t kr_list_index_in(const kr_list *l, const kr_tdesc *elem, kr_slot x, const kr_tdesc *tx,
                         kr_value start, kr_value stop, bool *error);
int64_t kr_list_count(const kr_list *l, const kr_tdesc *elem, kr_slot x, const kr_tdesc *tx,
                      bool *error);
int kr_list_contains(const kr_list *l, const kr_tdesc *elem, kr_slot x, const kr_tdesc *tx);
/* l.remove(x): ValueError "list.remove(x): x not in list"; false on error. */
bool kr_list_remove(kr_list *l, const kr_tdesc *elem, kr_slot x, const kr_tdesc *tx);
/* l.sort(reverse=...): stable; false with TypeError when elements are not ordered. */
bool kr_list_sort(kr_list *l, const kr_tdesc *elem, bool reverse);
/* l.sort(key=..., reverse=...) once the keys are computed: 'keys' holds each item's
** key, in order (ValueError "list modified during sort" if its length differs). */
bool kr_list_sort_by_keys(kr_list *l, const kr_list *keys, const kr_tdesc *key_elem,
                          bool reverse);
void kr_list_reverse(kr_list *l);
void kr_list_clear(kr_list *l);
/* Room for n more items (a Python int), allocated now: false with MemoryError when
** they cannot be had (list(range(n)) fails at once, as CPython's does). */
bool kr_list_reserve(kr_list *l, kr_value n);
void kr_list_extend(kr_list *l, const kr_list *other); /* l may be other */
kr_list *kr_list_copy(const kr_list *l, const kr_tdesc *elem);
kr_list *kr_list_concat(const kr_list *a, const kr_list *b, const kr_tdesc *elem);
/* l * n (n <= 0 gives []); MemoryError when the size overflows. */
kr_list *kr_list_repeat(const kr_list *l, kr_value n, const kr_tdesc *elem);
/* l[start:stop:step] (KR_ABSENT for omitted parts). */
kr_list *kr_list_slice(const kr_list *l, kr_value start, kr_value stop, kr_value step,
                       const kr_tdesc *elem);
/* del l[index]: IndexError "list assignment index out of range"; false on error. */
bool kr_list_del_item(kr_list *l, int64_t index);
/* del l[start:stop:step]; false on error. */
bool kr_list_del_slice(kr_list *l, kr_value start, kr_value stop, kr_value step);
/* l[start:stop:step] = src, src a list of l's item representation (never l itself:
** the caller copies). A simple slice (no step, or 1) is replaced and l resized; an
** extended one must select exactly src->length items (ValueError otherwise). */
bool kr_list_set_slice(kr_list *l, kr_value start, kr_value stop, kr_value step,
                       const kr_list *src);
/* list(s) of a str: one 1-character string per code point. */
kr_list *kr_list_from_str(const struct kr_str *s);

/* }==================================================================== */

/* {====================================================================
** Tuples (kr_tuple.c): immutable, slots inline.
** ===================================================================== */

typedef struct kr_tuple {
  const kr_type *type; /* &kr_tuple_type */
  int64_t length;
  kr_slot items[];
} kr_tuple;

extern const kr_type kr_tuple_type;

/* A tuple of 'length' zero slots for the caller to fill before anyone sees it. */
kr_tuple *kr_tuple_new(int64_t length);
kr_tuple *kr_tuple_concat(const kr_tuple *a, const kr_tuple *b);
kr_tuple *kr_tuple_slice(const kr_tuple *t, kr_value start, kr_value stop, kr_value step);
kr_tuple *kr_tuple_repeat(const kr_tuple *t, kr_value n);

/* }==================================================================== */

/* {====================================================================
** Dicts (kr_dict.c): insertion-ordered hash tables with CPython's semantics. Keys and
** values are slots; every function takes 'dd', the descriptor of the dict's static
** type (KR_T_DICT: key type dd->items[0], value type dd->items[1]). A key passed in to
** look up ('key') may have another static type than the dict's keys (d[1.0] on a
** dict[int, str]) and comes with its own descriptor 'tk'; keys are equal by
** kr_slot_eq(stored, dd->items[0], key, tk), which may fail (RecursionError). Hashing
** a list, dict or set key is TypeError "unhashable type: 'list'"; a missing key is
** KeyError whose message is repr(key) (so a traceback ends "KeyError: 'x'").
** Functions with 'bool *error' set it (with the exception) on failure.
** ===================================================================== */

/* One entry, in insertion order. A deleted entry has hash KR_DICT_DELETED (which
** kr_slot_hash never returns) and zero key and value, so the collector sees no stale
** reference; it is dropped when the table is next rebuilt. */
#define KR_DICT_DELETED ((int64_t)-1)
typedef struct kr_dict_entry {
  int64_t hash;
  kr_slot key;
  kr_slot value;
} kr_dict_entry;

typedef struct kr_dict {
  const kr_type *type; /* &kr_dict_type */
  int64_t length;      /* live entries: generated code reads this word (offset 1) for len() */
  int64_t used;        /* entries[0, used) were written, deleted ones included */
  int64_t usable;      /* new keys that fit before the table is rebuilt */
  int64_t capacity;    /* entries allocated (2/3 of the index cells) */
  kr_dict_entry *entries; /* NULL while nothing was ever stored (or after clear()) */
  int64_t mask;        /* index cells - 1 (a power of two); 0 without entries */
  /* Open addressing over the entries (CPython's probe sequence): each cell holds an
  ** entry number, -1 for never used or -2 for a deleted entry's; int32_t cells, or
  ** int64_t when there are more than 2**31. */
  void *index;
} kr_dict;

extern const kr_type kr_dict_type; /* name "dict" */

/* hash(x) for a slot of type t, Python's for numbers (ints, floats and bools that are
** equal hash equal: hash(1) == hash(1.0) == hash(True), modulus 2**61 - 1) and tuples
** (CPython's xxHash-style combination); strings hash their UTF-8 bytes; None is
** CPython 3.12's constant. Never -1. TypeError "unhashable type: 'list'" (or 'dict',
** 'set') sets *error. */
int64_t kr_slot_hash(kr_slot x, const kr_tdesc *t, bool *error);
/* Whether a stored key or set element a (type ta) equals a probe b (type tb): 1, 0,
** or -1 with an exception; kr_slot_eq with the common int and str cases inline. */
int kr_slot_key_eq(kr_slot a, const kr_tdesc *ta, kr_slot b, const kr_tdesc *tb);

/* An empty dict with room for size_hint entries before it grows (0: none yet). */
kr_dict *kr_dict_new(int64_t size_hint);
/* d[key]: the value, or *error with KeyError (or a hashing/comparison error). */
kr_slot kr_dict_getitem(kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk,
                        bool *error);
/* d.get(): true and *value when key is present; false (*value untouched) when it is
** absent, or when hashing or a comparison failed (then *error is set too). */
bool kr_dict_lookup(kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk,
                    kr_slot *value, bool *error);
/* d[key] = value; false with an exception. A new key is stored as given, so 'key'
** must be a slot of the dict's key type (tk then describes it, e.g. equal to
** dd->items[0]); an existing equal key keeps its first object, only the value is
** replaced (d[1] = 'a'; d[1.0] = 'b' gives {1: 'b'}). */
bool kr_dict_setitem(kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk,
                     kr_slot value);
/* del d[key]: KeyError when absent; false on failure. */
bool kr_dict_delitem(kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk);
/* key in d: 1 or 0, or -1 with an exception. */
int kr_dict_contains(kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk);
/* d.pop(key) (KeyError when absent) or d.pop(key, default_value) ('has_default', a
** slot of the value type). As CPython, an empty dict does not hash the key:
** {}.pop([1], 0) is 0. */
kr_slot kr_dict_pop(kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk,
                    bool has_default, kr_slot default_value, bool *error);
/* The same as tri-states for generated code that supplies the default itself: 1 with
** *value when key is present, 0 when it is absent (*value untouched), -1 with an
** exception. kr_dict_get_slot is d.get(key[, default]); kr_dict_pop_slot is
** d.pop(key, default), which removes the entry it finds (and on an empty dict
** answers 0 without hashing the key, as kr_dict_pop). */
int kr_dict_get_slot(kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk,
                     kr_slot *value);
int kr_dict_pop_slot(kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk,
                     kr_slot *value);
/* d.pop(key) without a default: kr_dict_pop with has_default false. */
kr_slot kr_dict_pop_required(kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk,
                             bool *error);
/* d.setdefault(key, default_value): the value, stored first when key is absent (key
** then of the dict's key type, as for kr_dict_setitem). */
kr_slot kr_dict_setdefault(kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk,
                           kr_slot default_value, bool *error);
/* d.popitem(): the last entry as a new tuple (key, value), of type tuple[K, V];
** NULL with KeyError 'popitem(): dictionary is empty' (quoted, as CPython prints it). */
kr_tuple *kr_dict_popitem(kr_dict *d);
/* list(d.keys()), list(d.values()) and list(d.items()): new lists in insertion order
** (snapshots). The items are tuples (key, value) and 'pair' is their descriptor,
** tuple[K, V], the list's element descriptor. */
kr_list *kr_dict_keys(const kr_dict *d, const kr_tdesc *dd);
kr_list *kr_dict_values(const kr_dict *d, const kr_tdesc *dd);
kr_list *kr_dict_items(const kr_dict *d, const kr_tdesc *dd, const kr_tdesc *pair);
/* Walks the live entries in insertion order: *position starts at 0; false at the
** end, else true with the entry's key and value (either pointer may be NULL) and
** *position moved past it. Storing new keys while walking may rebuild the table. */
bool kr_dict_next(const kr_dict *d, int64_t *position, kr_slot *key, kr_slot *value);
kr_dict *kr_dict_copy(const kr_dict *d); /* d.copy(): the same types, compacted */
void kr_dict_clear(kr_dict *d);
/* d.update(other), other's keys and values of od's types: each is converted to d's
** (boxed into a dyn key or value type, None into an optional one) and stored as
** kr_dict_setitem does. False with an exception (a comparison failed). */
bool kr_dict_update(kr_dict *d, const kr_tdesc *dd, const kr_dict *other, const kr_tdesc *od);
/* a == b for two dicts: the same length and every key of a in b with an equal value,
** in any order. 1, 0 or -1 with an exception. kr_slot_eq calls it and counts the
** nesting (RecursionError for dicts nested too deep): call that instead. */
int kr_dict_eq(const kr_dict *a, const kr_tdesc *ta, const kr_dict *b, const kr_tdesc *tb);

/* }==================================================================== */

/* {====================================================================
** Sets (kr_set.c): CPython 3.11's set, table and all, so that a set's iteration order
** (its repr, loops over it, pop()) is python3's for the same operations on ints,
** floats, bools and tuples of them (whose hashes are CPython's; strs hash differently,
** and CPython randomises theirs anyway; None hashes as in CPython 3.12, since 3.11
** hashes its address). Elements are slots; every function takes 'sd', the descriptor
** of the set's static type (KR_T_SET: element type sd->items[0]); a value to look up
** may have another static type than the elements (1.0 in a set[int]) and comes with
** its own descriptor 'tx'; elements are equal by kr_slot_eq, which may fail
** (RecursionError for tuples nested too deep). A list, dict or set to add is TypeError
** "unhashable type: 'list'"; a set to look up (x in s, s.remove(x), s.discard(x)) is
** merely absent, as CPython looks up frozenset(x) then. Functions returning a set or
** bool give NULL / false with an exception on failure, int ones -1.
**
** Orders follow CPython's algorithms, so the compiler must call the function that
** matches what CPython runs:
**   set(), set comprehensions, {a, b} with any non-constant item or at most two items,
**     set(list / tuple / str / range...), s.update(list): kr_set_new + kr_set_add (or
**     kr_set_add_items / kr_set_from_items), items in order;
**   {c1, c2, c3, ...} of three or more constants (after CPython's constant folding:
**     -1, (1, 2), 2**8 are constants): kr_set_copy(kr_set_from_constants(...)), as
**     CPython copies a frozenset constant; `for x in {c1, ...}` and comprehensions over
**     such a display (any number of constants) walk the frozenset itself:
**     kr_set_from_constants without the copy;
**   set(s) and s.copy(): kr_set_copy (a merge into a new set, whose table may be
**     larger than s's: the order can differ from s's); set(d) of a dict:
**     kr_set_from_dict (the keys of d.keys() are an iterable: kr_set_from_items);
**   a | b, a & b, a - b, a ^ b of two sets and their in-place forms: the functions
**     below; with a list or tuple instead of b (the methods): union = kr_set_copy then
**     kr_set_add_items; intersection = kr_set_intersection_items; difference =
**     kr_set_copy then kr_set_discard_items; difference_update = kr_set_discard_items;
**     symmetric_difference(items) = kr_set_from_items(items) updated in place by
**     kr_set_symmetric_difference_update with s; symmetric_difference_update(items) =
**     kr_set_symmetric_difference_update(s, kr_set_from_items(items)).
** Loops may walk a snapshot (kr_set_to_list); CPython raises RuntimeError "Set changed
** size during iteration" when the length differs from the start at any step, which the
** caller checks (kr_set_next walks the live table, as CPython's iterator does).
** ===================================================================== */

/* One table entry: a live element and its hash, or a free entry, whose hash is
** KR_SET_FREE (which kr_slot_hash never returns) and whose key is KR_SET_UNUSED for
** an entry never used (probes stop there) or 0 for a deleted one (probes go on). */
#define KR_SET_FREE ((int64_t)-1)
#define KR_SET_UNUSED (~(kr_slot)0)
typedef struct kr_set_entry {
  int64_t hash;
  kr_slot key;
} kr_set_entry;

typedef struct kr_set {
  const kr_type *type; /* &kr_set_type */
  int64_t length;      /* live elements: generated code reads this word (offset 1) for len() */
  int64_t fill;        /* live and deleted entries */
  int64_t mask;        /* entries - 1, a power of two minus one (at least 7) */
  int64_t finger;      /* where pop() starts looking */
  kr_set_entry *table; /* mask + 1 entries; NULL while empty and unused (8 unused entries) */
} kr_set;

extern const kr_type kr_set_type; /* name "set" */

kr_set *kr_set_new(void); /* set() */
/* s.add(x): x must be a slot of the element type, or become one by boxing into dyn
** (tx not dyn, the element type dyn) or None into an optional; an equal element
** already there stays (s = {1}; s.add(1.0) keeps 1). False with an exception. */
bool kr_set_add(kr_set *s, const kr_tdesc *sd, kr_slot x, const kr_tdesc *tx);
/* x in s: 1 or 0, or -1 with an exception. */
int kr_set_contains(kr_set *s, const kr_tdesc *sd, kr_slot x, const kr_tdesc *tx);
/* s.remove(x): KeyError whose message is repr(x) when x is absent. */
bool kr_set_remove(kr_set *s, const kr_tdesc *sd, kr_slot x, const kr_tdesc *tx);
bool kr_set_discard(kr_set *s, const kr_tdesc *sd, kr_slot x, const kr_tdesc *tx);
/* s.pop(): CPython's choice (the first live entry from a finger that follows the last
** one popped); KeyError 'pop from an empty set' (quoted, as CPython prints it). */
kr_slot kr_set_pop(kr_set *s, bool *error);
void kr_set_clear(kr_set *s);
kr_set *kr_set_copy(const kr_set *s); /* s.copy(), set(s): never fails */
/* s.update(items) for the n items of a list or tuple ('width' as for the builtins
** below: 1 for a list of bools, 8 otherwise), each of static type elem and added in
** order (converted as kr_set_add does); set(items) is the same into a new set. */
bool kr_set_add_items(kr_set *s, const kr_tdesc *sd, const void *items, int64_t n,
                      int64_t width, const kr_tdesc *elem);
kr_set *kr_set_from_items(const void *items, int64_t n, int64_t width, const kr_tdesc *sd,
                          const kr_tdesc *elem);
/* The frozenset constant CPython's compiler makes of a display of constants (see
** above): the items added in order, then that set's elements added in its order to
** a new one. */
kr_set *kr_set_from_constants(const void *items, int64_t n, int64_t width, const kr_tdesc *sd,
                              const kr_tdesc *elem);
/* s.difference_update(items): each discarded in order, then CPython's resize when
** more than a quarter of the table is deleted entries. */
bool kr_set_discard_items(kr_set *s, const kr_tdesc *sd, const void *items, int64_t n,
                          int64_t width, const kr_tdesc *elem);
/* s.intersection(items): the items found in s, in the items' order (the first of
** equal ones), into a new set. */
kr_set *kr_set_intersection_items(const kr_set *s, const kr_tdesc *sd, const void *items,
                                  int64_t n, int64_t width, const kr_tdesc *elem);
/* set(d) and s.update(d) for a dict d of type dd: its keys with their stored hashes
** after one resize for all of them, as CPython does for a dict. */
kr_set *kr_set_from_dict(const kr_dict *d, const kr_tdesc *dd, const kr_tdesc *sd);
bool kr_set_update_dict(kr_set *s, const kr_tdesc *sd, const kr_dict *d, const kr_tdesc *dd);
/* list(s) in iteration order, a new list of the element type (a snapshot: loops walk
** it). */
kr_list *kr_set_to_list(const kr_set *s, const kr_tdesc *sd);
/* Walks the live elements in iteration order: *position starts at 0; false at the
** end, else true with the element in *x and *position moved past it. */
bool kr_set_next(const kr_set *s, int64_t *position, kr_slot *x);
/* a | b, a & b, a - b, a ^ b: new sets; a and b of the same static type sd (either may
** be the other). */
kr_set *kr_set_union(const kr_set *a, const kr_set *b, const kr_tdesc *sd);
kr_set *kr_set_intersection(const kr_set *a, const kr_set *b, const kr_tdesc *sd);
kr_set *kr_set_difference(const kr_set *a, const kr_set *b, const kr_tdesc *sd);
kr_set *kr_set_symmetric_difference(const kr_set *a, const kr_set *b, const kr_tdesc *sd);
/* a |= b, a &= b, a -= b, a ^= b (and update, intersection_update, difference_update,
** symmetric_difference_update with a set), in place. */
bool kr_set_update(kr_set *a, const kr_set *b, const kr_tdesc *sd);
bool kr_set_intersection_update(kr_set *a, const kr_set *b, const kr_tdesc *sd);
bool kr_set_difference_update(kr_set *a, const kr_set *b, const kr_tdesc *sd);
bool kr_set_symmetric_difference_update(kr_set *a, const kr_set *b, const kr_tdesc *sd);
/* a <= b (a.issubset(b)), a >= b, a.isdisjoint(b): 1, 0 or -1 with an exception. */
int kr_set_issubset(const kr_set *a, const kr_set *b, const kr_tdesc *sd);
int kr_set_issuperset(const kr_set *a, const kr_set *b, const kr_tdesc *sd);
int kr_set_isdisjoint(const kr_set *a, const kr_set *b, const kr_tdesc *sd);
/* a == b and a OP b (subset tests) for sets of types ta and tb (set descriptors):
** 1, 0, or -1 with an exception. kr_slot_eq and kr_slot_compare call them and count
** the nesting: call those for values that may be nested. */
int kr_set_eq(const kr_set *a, const kr_tdesc *ta, const kr_set *b, const kr_tdesc *tb);
int kr_set_compare(const kr_set *a, const kr_tdesc *ta, const kr_set *b, const kr_tdesc *tb,
                   kr_cmp_op op);

/* }==================================================================== */

/* {====================================================================
** Builtins over sequences of slots (kr_builtins.c): 'items' and 'n' are a list's or
** tuple's items and length, 'width' the bytes per item (a list's 'width': 1 for bytes,
** 8 for slots; always 8 for a tuple), 'elem' (or 'kind') the static element type.
** ===================================================================== */

/* ValueError "too many values to unpack (expected N)" or "not enough values to
** unpack (expected N, got M)"; returns KR_ERROR. */
kr_value kr_raise_unpack(int64_t expected, int64_t got);
/* For a starred target: "not enough values to unpack (expected at least N, got M)". */
kr_value kr_raise_unpack_at_least(int64_t expected, int64_t got);
bool kr_slot_truth(kr_slot x, const kr_tdesc *t);
/* sum() of int or bool slots ('kind' is KR_T_INT or KR_T_BOOL). */
kr_value kr_sum_int_slots(const void *items, int64_t n, int64_t width, int32_t kind,
                          kr_value start);
/* sum() with a float result; 'start_is_int' when the start was an int (then an empty
** sequence is reported as unsupported: Python's result would be that int). */
double kr_sum_float_slots(const void *items, int64_t n, int64_t width, int32_t kind,
                          double start, bool start_is_int, bool *error);
/* The end of a float sum() run as a loop: 'total', or the error above when no item
** came after an int start ('empty_from_int'). */
double kr_sum_float_end(double total, bool empty_from_int, bool *error);
/* min()/max() of one sequence: ValueError "max() arg is an empty sequence". */
kr_slot kr_seq_minmax(const void *items, int64_t n, int64_t width, const kr_tdesc *elem,
                      bool is_max, bool *error);
bool kr_seq_any(const void *items, int64_t n, int64_t width, const kr_tdesc *elem);
bool kr_seq_all(const void *items, int64_t n, int64_t width, const kr_tdesc *elem);
/* list(t) of a tuple's items: 'items' are n 8-byte slots; the result has elem's width. */
kr_list *kr_list_from_slots(const kr_slot *items, int64_t n, const kr_tdesc *elem);
/* The items of a fresh list of 8-byte slots, each of type 'from', boxed as dyn
** values in place: an operation built the list with its own element type where
** static typing wants list[dyn]. */
void kr_list_box_items(kr_list *l, const kr_tdesc *from);
/* x in t, for a tuple whose elements may differ in type: 1 or 0, or -1 with
** kr_slot_eq's RecursionError. */
int kr_tuple_contains(const kr_tuple *t, const kr_tdesc *tuple_desc, kr_slot x,
                      const kr_tdesc *tx);
/* t.count(x) and t.index(x), as kr_list_count/kr_list_index: *error set on failure
** (index: ValueError "tuple.index(x): x not in tuple"). */
int64_t kr_tuple_count(const kr_tuple *t, const kr_tdesc *tuple_desc, kr_slot x,
                       const kr_tdesc *tx, bool *error);
int64_t kr_tuple_index(const kr_tuple *t, const kr_tdesc *tuple_desc, kr_slot x,
                       const kr_tdesc *tx, bool *error);

/* }==================================================================== */

/* {====================================================================
** More of str (kr_str_ops.c) and formatting (kr_format.c)
** ===================================================================== */

/* s[i] for an index already checked and normalised to [0, len(s)). */
struct kr_str *kr_str_char_at(const struct kr_str *s, int64_t index);
/* s[i] with Python's negative indices; IndexError "string index out of range". */
struct kr_str *kr_str_getitem(const struct kr_str *s, kr_value index);
struct kr_str *kr_str_slice(const struct kr_str *s, kr_value start, kr_value stop, kr_value step);
/* s * n (n <= 0 gives ""); OverflowError "repeated string is too long" as CPython. */
struct kr_str *kr_str_repeat(const struct kr_str *s, kr_value n);
/* ord(s): TypeError "ord() expected a character, but string of length N found". */
kr_value kr_str_ord(const struct kr_str *s);
/* chr(i): ValueError "chr() arg not in range(0x110000)". */
struct kr_str *kr_str_chr(kr_value i);
/* Joins n strings (f-strings, str.join). */
struct kr_str *kr_str_join_array(struct kr_str *const *parts, int64_t n);
/* format(x, spec) with the format mini-language of int, float, str; NULL with
** ValueError for a bad spec, worded as CPython ("Invalid format specifier '...' for
** object of type 'int'", "Unknown format code 'd' for object of type 'float'"...). */
struct kr_str *kr_format_int(kr_value x, const struct kr_str *spec);
struct kr_str *kr_format_float(double x, const struct kr_str *spec);
struct kr_str *kr_format_str(const struct kr_str *x, const struct kr_str *spec);
struct kr_str *kr_format_bool(bool x, const struct kr_str *spec); /* "" gives str(x), else as the int 0/1 */
/* hex(i), oct(i), bin(i): '-0x1f' etc. */
struct kr_str *kr_int_to_base_str(kr_value i, int base);

/* }==================================================================== */

/* {====================================================================
** Number builtins (kr_number.c)
** ===================================================================== */

/* round(x) of a float: an int, half to even; OverflowError / ValueError for inf/nan
** ("cannot convert float infinity to integer", "cannot convert float NaN to integer"). */
kr_value kr_float_round_int(double x);
/* x.is_integer(): finite with no fraction. */
bool kr_float_is_integer(double x);
/* round(x, n) of a float, correctly rounded as CPython (half-even on the decimal value). */
double kr_float_round(double x, kr_value ndigits, bool *error);
/* round(i, n) of an int (n may be negative: round(1234, -2) == 1200, half-even). */
kr_value kr_int_round(kr_value i, kr_value ndigits);
/* math's integer functions, with CPython's errors ("isqrt() argument must be
** nonnegative", "factorial() not defined for negative values", ...). */
kr_value kr_math_gcd(kr_value a, kr_value b);
kr_value kr_math_lcm(kr_value a, kr_value b);
kr_value kr_math_isqrt(kr_value n);
kr_value kr_math_factorial(kr_value n);
kr_value kr_math_comb(kr_value n, kr_value k);
kr_value kr_math_perm(kr_value n, kr_value k);
/* math.isclose(a, b, rel_tol=rel, abs_tol=abs): ValueError "tolerances must be
** non-negative" (sets *error). */
bool kr_math_isclose(double a, double b, double rel, double abs, bool *error);

/* }==================================================================== */

/* {====================================================================
** sys.argv (kr_argv.c): a list[str] made once from the command line (decoded as
** CPython does with the UTF-8 locale and surrogateescape).
** ===================================================================== */

kr_list *kr_sys_argv(void);

/* }==================================================================== */

/* {====================================================================
** Output (kr_io.c): stdout is buffered (line-buffered on a terminal) and flushed at
** exit and before anything is written to stderr, so the two interleave as in CPython.
** ===================================================================== */

bool kr_print_int(kr_value v); /* str(v); false + ValueError over 4300 digits */
void kr_print_float(double d); /* repr(d) */
void kr_print_bool(bool b);
void kr_print_none(void);
/* False with UnicodeEncodeError (nothing written) when s has lone surrogates. */
bool kr_print_str(const kr_str *s);
void kr_print_utf8(const char *text, size_t len); /* raw bytes, e.g. " " and "\n" */
/* Text to stderr after flushing stdout (warnings, tracebacks, sys.exit messages),
** lone surrogates backslash-escaped as CPython's stderr does. */
void kr_print_stderr_utf8(const char *text, size_t len);
void kr_flush_stdout(void);
/* After each print(): false with OSError or BrokenPipeError set when writing stdout
** failed since the last call. */
bool kr_print_done(void);
/* print(..., file=sys.stderr): what is printed until kr_print_done() goes to stderr. */
void kr_print_to_stderr(void);
/* print(..., flush=f): stdout written out when f. */
void kr_print_flush(bool flush);
/* sys.stdout.write(s) (fd 1) or sys.stderr.write(s) (fd 2): len(s), or KR_ERROR when
** writing stdout failed (OSError) or s has lone surrogates (UnicodeEncodeError). */
kr_value kr_stream_write(int32_t fd, const struct kr_str *s);

/* }==================================================================== */

/* {====================================================================
** Tracebacks (kr_traceback.c) and the process (kr_argv.c)
** ===================================================================== */

/* Records that the current exception passed through 'function' at 'line' of 'file';
** called innermost frame first, as the exception propagates out. */
void kr_traceback_add(const char *file, int line, const char *function);
/* The same with the caret line printed under the source line (without CPython's
** 4-space margin; NULL for none). */
void kr_traceback_add_at(const char *file, int line, const char *function, const char *carets);
/* 'count' entries of one place: the frames of a self-recursive function that
** generated code runs as iterations of a loop (each stopped at the same call). */
void kr_traceback_add_repeated(const char *file, int line, const char *function,
                               const char *carets, int count);
/* Forgets the frames (kr_raise and kr_error_clear do this). */
void kr_traceback_clear(void);
/* CPython's report of the current exception ("Traceback (most recent call last):",
** frames, "Name: message") as a NUL-terminated GC string. */
const char *kr_format_exception(size_t *len);
/* Flushes stdout, prints kr_format_exception() to stderr and exits with status 1. */
_Noreturn void kr_exit_with_exception(void);

/* Keeps the command line for sys.argv; also initialises the runtime. */
void kr_set_argv(int argc, char **argv);
int kr_argc(void);
char **kr_argv(void);

/* }==================================================================== */

/* {====================================================================
** str methods (kr_str_methods.c): Python 3.11's semantics and messages. Results are
** new strings/lists (or the argument itself when nothing changes: strings are
** immutable); NULL (or KR_ERROR for kr_value) with an exception set on failure.
** Integer arguments (maxsplit, count, width) are tagged ints; one beyond 64 bits is
** OverflowError "Python int too large to convert to C ssize_t", as in CPython.
** ===================================================================== */

/* Full case mappings: 'ß'.upper() == 'SS'; lower() knows the final sigma. */
struct kr_str *kr_str_upper(const struct kr_str *s);
struct kr_str *kr_str_lower(const struct kr_str *s);
struct kr_str *kr_str_capitalize(const struct kr_str *s);
struct kr_str *kr_str_title(const struct kr_str *s);
struct kr_str *kr_str_swapcase(const struct kr_str *s);
/* chars NULL: Python's whitespace. */
struct kr_str *kr_str_strip(const struct kr_str *s, const struct kr_str *chars);
struct kr_str *kr_str_lstrip(const struct kr_str *s, const struct kr_str *chars);
struct kr_str *kr_str_rstrip(const struct kr_str *s, const struct kr_str *chars);
/* sep NULL: split on runs of whitespace; maxsplit is a tagged int (-1: no limit);
** ValueError "empty separator". Returns a list[str]. */
kr_list *kr_str_split(const struct kr_str *s, const struct kr_str *sep, kr_value maxsplit);
kr_list *kr_str_rsplit(const struct kr_str *s, const struct kr_str *sep, kr_value maxsplit);
kr_list *kr_str_splitlines(const struct kr_str *s, bool keepends);
/* sep.join(parts) for a list[str] ('parts' items are kr_str pointers). */
struct kr_str *kr_str_join(const struct kr_str *sep, const kr_list *parts);
bool kr_str_startswith(const struct kr_str *s, const struct kr_str *prefix);
bool kr_str_endswith(const struct kr_str *s, const struct kr_str *suffix);
/* Code point indices, tagged ints; -1 when absent. index/rindex: ValueError
** "substring not found". */
/* The same with start and end arguments (KR_ABSENT when omitted or None), searched
** in s[start:end] as CPython's methods do; 'last' for rfind/rindex. */
kr_value kr_str_find_in(const struct kr_str *s, const struct kr_str *sub, kr_value start,
                        kr_value end, bool last);
kr_value kr_str_index_in(const struct kr_str *s, const struct kr_str *sub, kr_value start,
                         kr_value end, bool last);
kr_value kr_str_count_in(const struct kr_str *s, const struct kr_str *sub, kr_value start,
                         kr_value end);
bool kr_str_startswith_in(const struct kr_str *s, const struct kr_str *prefix, kr_value start,
                          kr_value end);
bool kr_str_endswith_in(const struct kr_str *s, const struct kr_str *suffix, kr_value start,
                        kr_value end);
kr_value kr_str_find(const struct kr_str *s, const struct kr_str *sub);
kr_value kr_str_rfind(const struct kr_str *s, const struct kr_str *sub);
kr_value kr_str_index(const struct kr_str *s, const struct kr_str *sub);
kr_value kr_str_rindex(const struct kr_str *s, const struct kr_str *sub);
kr_value kr_str_count(const struct kr_str *s, const struct kr_str *sub);
/* count: tagged int, -1 for all. */
struct kr_str *kr_str_replace(const struct kr_str *s, const struct kr_str *old,
                              const struct kr_str *new_, kr_value count);
bool kr_str_isdigit(const struct kr_str *s);
bool kr_str_isdecimal(const struct kr_str *s);
bool kr_str_isnumeric(const struct kr_str *s);
bool kr_str_isalpha(const struct kr_str *s);
bool kr_str_isalnum(const struct kr_str *s);
bool kr_str_isspace(const struct kr_str *s);
bool kr_str_isupper(const struct kr_str *s);
bool kr_str_islower(const struct kr_str *s);
bool kr_str_istitle(const struct kr_str *s);
/* width: tagged int; fill NULL = ' '; TypeError "The fill character must be exactly
** one character long". */
struct kr_str *kr_str_center(const struct kr_str *s, kr_value width, const struct kr_str *fill);
struct kr_str *kr_str_ljust(const struct kr_str *s, kr_value width, const struct kr_str *fill);
struct kr_str *kr_str_rjust(const struct kr_str *s, kr_value width, const struct kr_str *fill);
struct kr_str *kr_str_zfill(const struct kr_str *s, kr_value width);
/* s.partition(sep), or s.rpartition(sep) when 'last': a tuple of three strs; NULL
** with ValueError "empty separator". */
struct kr_tuple *kr_str_partition(const struct kr_str *s, const struct kr_str *sep, bool last);
struct kr_str *kr_str_removeprefix(const struct kr_str *s, const struct kr_str *prefix);
struct kr_str *kr_str_removesuffix(const struct kr_str *s, const struct kr_str *suffix);
bool kr_str_isascii(const struct kr_str *s);

/* }==================================================================== */

/* {====================================================================
** Dynamic values (kr_dyn.c). A variable whose static type is 'dyn' holds a *dyn
** word*, a kr_value that carries its own type:
**   low bit 1      a small int, as everywhere;
**   otherwise      a pointer to a kr_box, whose 't' is a concrete descriptor (NONE,
**                  BOOL, INT, FLOAT, STR, LIST, TUPLE, DICT or SET; never OPTIONAL, NEVER
**                  or DYN) and 'v' the value as a slot of that type: a big int's
**                  kr_value (a small int is never boxed), a double's bits, a str, list,
**                  tuple, dict or set pointer (whose descriptor says how to read its slots).
** None, True and False are three static boxes, so boxing them never allocates and
** 'is' can compare words. A slot of descriptor KR_T_DYN holds a dyn word: list[dyn]
** is a LIST descriptor whose item is a DYN descriptor, and every generic slot
** function (repr, ==, ordering, sort, search, truth, min/max) accepts it.
** Functions returning kr_value give KR_ERROR (0) with an exception set on failure.
** ===================================================================== */

typedef struct kr_box {
  const kr_type *type; /* &kr_box_type */
  const kr_tdesc *t;   /* concrete: never OPTIONAL, NEVER or DYN */
  kr_slot v;
} kr_box;

extern const kr_type kr_box_type;
extern const kr_box kr_box_none, kr_box_true, kr_box_false;
#define KR_DYN_NONE ((kr_value)(uintptr_t)&kr_box_none)
#define KR_DYN_TRUE ((kr_value)(uintptr_t)&kr_box_true)
#define KR_DYN_FALSE ((kr_value)(uintptr_t)&kr_box_false)

/* Descriptors for the values the runtime creates (compared by structure, never by
** address). */
extern const kr_tdesc kr_tdesc_none, kr_tdesc_bool, kr_tdesc_int, kr_tdesc_float,
    kr_tdesc_str, kr_tdesc_dyn, kr_tdesc_list_dyn, kr_tdesc_list_int, kr_tdesc_list_float,
    kr_tdesc_list_str;

/* The concrete descriptor of the value in slot *x of type t: OPTIONAL resolves (as
** kr_tdesc_resolve) and DYN unboxes, updating *x to the unboxed slot. */
const kr_tdesc *kr_tdesc_unwrap(kr_slot *x, const kr_tdesc *t);
/* Structural equality of two descriptors. */
bool kr_tdesc_equal(const kr_tdesc *a, const kr_tdesc *b);

/* Boxing never fails: OPTIONAL resolves (None gives the None box), DYN is the
** identity, a small int stays unboxed, a big int, float, str, list, tuple, dict or set gets
** a box. */
kr_value kr_dyn_box(kr_slot x, const kr_tdesc *t);
kr_value kr_dyn_from_float(double d);
kr_value kr_dyn_from_bool(bool b);
kr_value kr_dyn_from_str(const struct kr_str *s);
/* template % values (kr_percent.c): printf-style formatting with CPython's rules;
** values is a tuple of the values or one value (dyn). A str (dyn) or KR_ERROR. */
kr_value kr_str_percent(const struct kr_str *template, kr_value values);
/* The value's concrete descriptor and slot (a small int: &kr_tdesc_int and d itself). */
const kr_tdesc *kr_dyn_type(kr_value d);
kr_slot kr_dyn_slot(kr_value d);
/* a is b: the same word, or boxes of the same kind holding the same slot (one
** object boxed twice; numbers, which have no identity here, by value). */
bool kr_dyn_is(kr_value a, kr_value b);
const char *kr_dyn_type_name(kr_value d); /* "int", "float", "NoneType", ... */

/* Checked unboxing to a static type; TypeError "expected int, got 'str'" on a
** mismatch. A bool is accepted as the int 0/1 and as the float 0.0/1.0; an int as a
** float converts like float(x) (OverflowError "int too large to convert to float"). */
kr_value kr_dyn_as_int(kr_value d);
/* operator.index(d): an int, or a bool as 0 or 1; anything else is CPython's
** TypeError "'float' object cannot be interpreted as an integer". */
kr_value kr_dyn_index(kr_value d);
double kr_dyn_as_float(kr_value d, bool *error);
int kr_dyn_as_bool(kr_value d); /* the truth value, 0 or 1 */
struct kr_str *kr_dyn_as_str(kr_value d);
/* A list whose element descriptor equals want's (or an empty list[Never]) is returned
** as is (lists are mutable and shared: never converted). A tuple is returned as is when
** its descriptor equals want, else converted item by item when every item fits
** (boxed into dyn items, unboxed from dyn items). */
kr_list *kr_dyn_as_list(kr_value d, const kr_tdesc *want);
kr_tuple *kr_dyn_as_tuple(kr_value d, const kr_tdesc *want);
/* A dict is returned as is when its descriptor equals want's (or it is an empty
** dict[Never, ...]); never converted, as lists. */
kr_dict *kr_dyn_as_dict(kr_value d, const kr_tdesc *want);
/* The same for a set (an empty set[Never] fits any set type). */
kr_set *kr_dyn_as_set(kr_value d, const kr_tdesc *want);

typedef enum kr_binop {
  KR_ADD, KR_SUB, KR_MUL, KR_TRUEDIV, KR_FLOORDIV, KR_MOD, KR_POW,
  KR_LSHIFT, KR_RSHIFT, KR_BITAND, KR_BITOR, KR_BITXOR,
} kr_binop;

/* a OP b with Python 3.11's results and TypeError texts over None, bool, int, float,
** str, list, tuple, dict and set (a | b of two dicts: a new dict, of their type when they
** share it, else a dict[dyn, dyn]; a | b, a & b, a ^ b of two sets likewise a set of
** their type or a set[dyn], a - b one of a's type). */
kr_value kr_dyn_binary(kr_binop op, kr_value a, kr_value b);
/* a OP= b: 'list +=' extends a in place (with any list, tuple or str) and returns a,
** 'list *=' repeats it in place, 'dict |=' updates it (NotImplementedError when b's
** keys or values do not fit a's types), 'set |= &= -= ^=' update a set (the same
** error when b's elements may be stored and do not fit a's element type); otherwise as
** kr_dyn_binary (messages say "+="). */
kr_value kr_dyn_inplace(kr_binop op, kr_value a, kr_value b);
/* The set operations (kr_set.c) for sets of different static types ta and tb (set
** descriptors), op KR_BITOR, KR_BITAND, KR_SUB or KR_BITXOR, as the functions of the
** same names with one descriptor: a new set of type tr, or a updated in place; the
** elements stored are converted to the result's element type (boxed into dyn, None
** into an optional), so they must fit it. */
kr_set *kr_set_binary(kr_binop op, const kr_set *a, const kr_tdesc *ta, const kr_set *b,
                      const kr_tdesc *tb, const kr_tdesc *tr);
bool kr_set_inplace(kr_binop op, kr_set *a, const kr_tdesc *ta, const kr_set *b,
                    const kr_tdesc *tb);
/* op: 0 '-', 1 '+', 2 '~'; TypeError "bad operand type for unary -: 'str'". */
kr_value kr_dyn_unary(int op, kr_value a);
int kr_dyn_truth(kr_value a); /* 0 or 1 */
/* a OP b: 0/1, or -1 with TypeError set. */
int kr_dyn_compare(kr_cmp_op op, kr_value a, kr_value b);
/* 1 when CPython 3.11 compares a and b tested by a branch on a specialised path,
** which skips the recursion check (two ints below 2^30 in magnitude, two floats,
** == and != of two strs), else 0. */
int kr_dyn_compare_specialised(kr_cmp_op op, kr_value a, kr_value b);
/* x in container (str, list, tuple, dict, set): 0/1, or -1 with TypeError set (a
** dict or set: "unhashable type: 'list'"). */
int kr_dyn_contains(kr_value container, kr_value x);
struct kr_str *kr_dyn_repr(kr_value a); /* NULL only past 4300 int digits */
struct kr_str *kr_dyn_str(kr_value a);
/* format(a, spec) (f-strings): the int/float/str/bool mini-languages; other types
** accept only an empty spec (TypeError "unsupported format string passed to
** list.__format__"). */
struct kr_str *kr_dyn_format(kr_value a, const struct kr_str *spec);
kr_value kr_dyn_abs(kr_value a); /* abs(a); TypeError "bad operand type for abs(): 'str'" */
kr_value kr_dyn_int(kr_value a);                 /* int(a) */
double kr_dyn_float(kr_value a, bool *error);    /* float(a) */
int64_t kr_dyn_len(kr_value a);                  /* len(a); -1 with TypeError */
/* The number of items `x, y = a` unpacks (str, list, tuple); -1 with TypeError
** "cannot unpack non-iterable int object" for the others (NotImplementedError for a
** dict or set, which loops cannot index). */
int64_t kr_dyn_unpack_length(kr_value a);
/* The length of a str, list or tuple a loop walks; -1 with TypeError "'int' object
** is not iterable" for the others (NotImplementedError for a dict or set). */
int64_t kr_dyn_iter_length(kr_value a);
/* a[index], a dyn result; a dict looks index up (KeyError). */
kr_value kr_dyn_getitem(kr_value a, kr_value index);
/* a[start:stop:step] of a str, list or tuple; the bounds are dyn words (None or an
** int or bool) or KR_ABSENT; TypeError "slice indices must be integers or None or
** have an __index__ method", ValueError "slice step cannot be zero". */
kr_value kr_dyn_slice(kr_value a, kr_value start, kr_value stop, kr_value step);
/* A dyn slice bound of a statically typed slice: KR_ABSENT for None, the int word
** otherwise; *error with the TypeError of kr_dyn_slice for other types. */
kr_value kr_dyn_slice_bound(kr_value bound, bool *error);
/* a[index] = x for a list: false with CPython's TypeError/IndexError, or
** NotImplementedError when x's type does not fit the list's (non-dyn) element type.
** For a dict, x must fit the value type and index the key type (or equal a key
** already there, whose value is then replaced). */
bool kr_dyn_setitem(kr_value a, kr_value index, kr_value x);
bool kr_dyn_delitem(kr_value a, kr_value index); /* del a[index] (a dict: KeyError) */
/* sum(seq, start) of a str, list or tuple, by repeated dyn '+'; TypeError "sum()
** can't sum strings [use ''.join(seq) instead]" for a str start. */
kr_value kr_dyn_sum(kr_value seq, kr_value start);

/* }==================================================================== */

/* {====================================================================
** Ranges (kr_range.c): len() and `in` of range(start, stop, step) from its bounds
** (exact ints). ValueError "range() arg 3 must not be zero" for a zero step.
** ===================================================================== */

kr_value kr_range_len(kr_value start, kr_value stop, kr_value step);
/* x in range(...) for an int x: 0/1, or -1 with the exception set. */
int kr_range_contains(kr_value start, kr_value stop, kr_value step, kr_value x);
/* The same for a float x (equal to one of the range's ints). */
int kr_range_contains_float(kr_value start, kr_value stop, kr_value step, double x);
/* The same for a dyn word (of any type: only numbers can be found). */
int kr_range_contains_dyn(kr_value start, kr_value stop, kr_value step, kr_value x);

/* }==================================================================== */

#endif
