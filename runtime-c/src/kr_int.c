/*
** kr_int.c: Python's int. Small ints live in the value word (see krait.h); larger
** ones are 'kr_bigint' objects holding a GMP integer. Every operation has a small-int
** fast path and a GMP slow path, and every result is normalised: a value that fits
** the small range is always returned as a small int.
**
** Semantics and messages are CPython 3.11's: floor division and modulo round toward
** minus infinity, shifts and bit operations act on two's complement, true division and
** conversion to float are correctly rounded, and decimal conversion is limited to
** 4300 digits (sys.int_info.default_max_str_digits).
*/
#include "krait.h"

#include <gmp.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct kr_bigint {
  const kr_type *type;
  mpz_t z;
} kr_bigint;

static const kr_type int_type = {"int"};

/* CPython 3.11's default limit on decimal digits in int <-> str conversions. */
#define MAX_STR_DIGITS 4300

/* The hash modulus, 2**61 - 1 (sys.hash_info.modulus). */
#define HASH_MODULUS ((uint64_t)0x1FFFFFFFFFFFFFFF)

/* {====================================================================
** Operands and results
** ===================================================================== */

/* A read-only GMP view of an int value; small ints are expanded into 'tmp'. */
typedef struct operand {
  mpz_t tmp;
  mpz_srcptr z;
  bool owns_tmp;
} operand;

static void operand_init(operand *op, kr_value v) {
  if (kr_is_small(v)) {
    mpz_init_set_si(op->tmp, kr_small_value(v));
    op->z = op->tmp;
    op->owns_tmp = true;
  } else {
    op->z = ((const kr_bigint *)kr_as_object(v))->z;
    op->owns_tmp = false;
  }
}

static void operand_clear(operand *op) {
  if (op->owns_tmp) mpz_clear(op->tmp);
}

/* Takes ownership of 'z' (leaves it cleared) and returns the normalised value. */
static kr_value from_mpz(mpz_t z) {
  if (mpz_fits_slong_p(z)) {
    long v = mpz_get_si(z);
    if (kr_fits_small(v)) {
      mpz_clear(z);
      return kr_small(v);
    }
  }
  kr_bigint *b = kr_alloc(sizeof *b);
  b->type = &int_type;
  mpz_init(b->z);
  mpz_swap(b->z, z);
  mpz_clear(z);
  return (kr_value)(uintptr_t)b;
}

kr_value kr_int_from_i64(int64_t i) {
  if (kr_fits_small(i)) return kr_small(i);
  mpz_t z;
  mpz_init_set_si(z, i);
  return from_mpz(z);
}

kr_value kr_int_from_overflow(int64_t wrapped) {
  mpz_t z;
  mpz_init_set_si(z, wrapped >> 1);
  if (wrapped < 0) {
    mpz_add_ui(z, z, 1UL << 63);
  } else {
    mpz_sub_ui(z, z, 1UL << 63);
  }
  return from_mpz(z);
}

bool kr_int_to_i64(kr_value a, int64_t *out) {
  if (kr_is_small(a)) {
    *out = kr_small_value(a);
    return true;
  }
  mpz_srcptr z = ((const kr_bigint *)kr_as_object(a))->z;
  if (!mpz_fits_slong_p(z)) return false;
  *out = mpz_get_si(z);
  return true;
}

typedef void (*mpz_binary)(mpz_ptr, mpz_srcptr, mpz_srcptr);

static kr_value slow_binary(kr_value a, kr_value b, mpz_binary f) {
  operand x, y;
  operand_init(&x, a);
  operand_init(&y, b);
  mpz_t r;
  mpz_init(r);
  f(r, x.z, y.z);
  operand_clear(&x);
  operand_clear(&y);
  return from_mpz(r);
}

/* }==================================================================== */

/* {====================================================================
** Arithmetic
** ===================================================================== */

kr_value kr_int_add(kr_value a, kr_value b) {
  if (kr_is_small(a) && kr_is_small(b)) {
    /* Two 63-bit values cannot overflow 64 bits. */
    return kr_int_from_i64(kr_small_value(a) + kr_small_value(b));
  }
  return slow_binary(a, b, mpz_add);
}

kr_value kr_int_sub(kr_value a, kr_value b) {
  if (kr_is_small(a) && kr_is_small(b)) {
    return kr_int_from_i64(kr_small_value(a) - kr_small_value(b));
  }
  return slow_binary(a, b, mpz_sub);
}

kr_value kr_int_mul(kr_value a, kr_value b) {
  if (kr_is_small(a) && kr_is_small(b)) {
    int64_t r;
    if (!__builtin_mul_overflow(kr_small_value(a), kr_small_value(b), &r)) {
      return kr_int_from_i64(r);
    }
  }
  return slow_binary(a, b, mpz_mul);
}

kr_value kr_int_floordiv(kr_value a, kr_value b) {
  if (kr_int_is_zero(b)) {
    return kr_raise(KR_EXC_ZERO_DIVISION, "integer division or modulo by zero");
  }
  if (kr_is_small(a) && kr_is_small(b)) {
    int64_t x = kr_small_value(a), y = kr_small_value(b);
    int64_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) q -= 1;
    return kr_int_from_i64(q);
  }
  return slow_binary(a, b, mpz_fdiv_q);
}

kr_value kr_int_mod(kr_value a, kr_value b) {
  if (kr_int_is_zero(b)) return kr_raise(KR_EXC_ZERO_DIVISION, "integer modulo by zero");
  if (kr_is_small(a) && kr_is_small(b)) {
    int64_t x = kr_small_value(a), y = kr_small_value(b);
    int64_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return kr_small(r);
  }
  return slow_binary(a, b, mpz_fdiv_r);
}

kr_value kr_int_neg(kr_value a) {
  if (kr_is_small(a)) return kr_int_from_i64(-kr_small_value(a));
  operand x;
  operand_init(&x, a);
  mpz_t r;
  mpz_init(r);
  mpz_neg(r, x.z);
  return from_mpz(r);
}

kr_value kr_int_abs(kr_value a) { return kr_int_sign(a) < 0 ? kr_int_neg(a) : a; }

kr_value kr_int_invert(kr_value a) {
  if (kr_is_small(a)) return kr_small(~kr_small_value(a));
  operand x;
  operand_init(&x, a);
  mpz_t r;
  mpz_init(r);
  mpz_com(r, x.z);
  return from_mpz(r);
}

kr_value kr_int_and(kr_value a, kr_value b) {
  if (kr_is_small(a) && kr_is_small(b)) return kr_small(kr_small_value(a) & kr_small_value(b));
  return slow_binary(a, b, mpz_and);
}

kr_value kr_int_or(kr_value a, kr_value b) {
  if (kr_is_small(a) && kr_is_small(b)) return kr_small(kr_small_value(a) | kr_small_value(b));
  return slow_binary(a, b, mpz_ior);
}

kr_value kr_int_xor(kr_value a, kr_value b) {
  if (kr_is_small(a) && kr_is_small(b)) return kr_small(kr_small_value(a) ^ kr_small_value(b));
  return slow_binary(a, b, mpz_xor);
}

/* A shift count as an unsigned long, or an error: negative counts are ValueError;
** counts too large to represent set *huge. */
static bool shift_count(kr_value b, unsigned long *count, bool *huge) {
  *huge = false;
  if (kr_int_sign(b) < 0) {
    kr_raise(KR_EXC_VALUE, "negative shift count");
    return false;
  }
  int64_t n;
  if (!kr_int_to_i64(b, &n) || n > (int64_t)(1L << 40)) {
    *huge = true;
    return true;
  }
  *count = (unsigned long)n;
  return true;
}

/* Results beyond this many bits are a MemoryError: GMP aborts the process past
** about 2^37 bits, and CPython's allocation of such an int would fail or take
** gigabytes. */
#define MAX_RESULT_BITS ((uint64_t)1 << 36)

/* The number of bits of |v|. */
static uint64_t magnitude_bits(kr_value v) {
  operand x;
  operand_init(&x, v);
  uint64_t bits = mpz_sizeinbase(x.z, 2);
  operand_clear(&x);
  return bits;
}

/* The error of a != 0 shifted left by a count too large to compute. CPython sizes
** the result in 30-bit digits (a word shift of more than PY_SSIZE_T_MAX / 4 digits
** is clipped to that) and refuses more than MAX_LONG_DIGITS with OverflowError;
** below that the allocation itself fails, a MemoryError. */
static kr_value huge_lshift_error(kr_value a, kr_value b) {
  const unsigned long digit_bits = 30;
  const uint64_t max_digits = ((uint64_t)INT64_MAX - 24) / 4;
  const uint64_t clip = (uint64_t)INT64_MAX / 4;
  operand x, y;
  operand_init(&x, a);
  operand_init(&y, b);
  mpz_t q;
  mpz_init(q);
  unsigned long rem = mpz_fdiv_q_ui(q, y.z, digit_bits);
  uint64_t wordshift = clip;
  if (mpz_cmp_ui(q, clip) < 0) {
    wordshift = mpz_get_ui(q);
  } else {
    rem = 0;
  }
  uint64_t size = (mpz_sizeinbase(x.z, 2) + digit_bits - 1) / digit_bits;
  mpz_clear(q);
  operand_clear(&x);
  operand_clear(&y);
  if (size + wordshift + (rem != 0) > max_digits)
    return kr_raise(KR_EXC_OVERFLOW, "too many digits in integer");
  return kr_raise(KR_EXC_MEMORY, "");
}

kr_value kr_int_lshift(kr_value a, kr_value b) {
  unsigned long n;
  bool huge;
  if (!shift_count(b, &n, &huge)) return KR_ERROR;
  if (kr_int_is_zero(a)) return kr_small(0);
  if (huge) return huge_lshift_error(a, b);
  if (kr_is_small(a) && n < 62) {
    int64_t x = kr_small_value(a);
    /* Exact when shifting back recovers x and the result stays in range. */
    int64_t r = (int64_t)((uint64_t)x << n);
    if ((r >> n) == x) return kr_int_from_i64(r);
  }
  if (magnitude_bits(a) + n > MAX_RESULT_BITS) return kr_raise(KR_EXC_MEMORY, "");
  operand x;
  operand_init(&x, a);
  mpz_t r;
  mpz_init(r);
  mpz_mul_2exp(r, x.z, n);
  operand_clear(&x);
  return from_mpz(r);
}

kr_value kr_int_rshift(kr_value a, kr_value b) {
  unsigned long n;
  bool huge;
  if (!shift_count(b, &n, &huge)) return KR_ERROR;
  if (huge) return kr_small(kr_int_sign(a) < 0 ? -1 : 0);
  if (kr_is_small(a)) {
    int64_t x = kr_small_value(a);
    return kr_small(n >= 63 ? (x < 0 ? -1 : 0) : (x >> n));
  }
  operand x;
  operand_init(&x, a);
  mpz_t r;
  mpz_init(r);
  mpz_fdiv_q_2exp(r, x.z, n);
  operand_clear(&x);
  return from_mpz(r);
}

kr_value kr_int_pow(kr_value a, kr_value b) {
  if (kr_int_sign(b) < 0) {
    /* Python's answer is a float; code typed int ** int as an int cannot hold it.
    ** (Constant negative exponents are typed float and never get here.) */
    return kr_raise(KR_EXC_NOT_IMPLEMENTED,
                    "krait does not support int ** int with a negative exponent that is "
                    "not a constant yet (the result is a float)");
  }
  int64_t base;
  if (kr_int_to_i64(a, &base) && base >= -1 && base <= 1) {
    if (base != -1) return (base == 0 && kr_int_is_zero(b)) ? kr_small(1) : a;
    return kr_int_is_zero(kr_int_and(b, kr_small(1))) ? kr_small(1) : kr_small(-1);
  }
  int64_t n;
  if (!kr_int_to_i64(b, &n)) return kr_raise(KR_EXC_MEMORY, "");
  /* |a| >= 2, so the result has at least (bits(a) - 1) * n bits. */
  if ((uint64_t)n > MAX_RESULT_BITS / (magnitude_bits(a) - 1)) return kr_raise(KR_EXC_MEMORY, "");
  operand x;
  operand_init(&x, a);
  mpz_t r;
  mpz_init(r);
  mpz_pow_ui(r, x.z, (unsigned long)n);
  operand_clear(&x);
  return from_mpz(r);
}

kr_value kr_int_powmod(kr_value a, kr_value b, kr_value m) {
  if (kr_int_is_zero(m)) return kr_raise(KR_EXC_VALUE, "pow() 3rd argument cannot be 0");
  operand x, y, mod;
  operand_init(&x, a);
  operand_init(&y, b);
  operand_init(&mod, m);
  mpz_t r, base, absmod;
  mpz_inits(r, base, absmod, NULL);
  mpz_abs(absmod, mod.z);
  mpz_set(base, x.z);
  kr_value result = KR_ERROR;
  if (mpz_sgn(y.z) < 0) {
    /* A negative exponent means the modular inverse (Python 3.8+). */
    if (mpz_invert(base, base, absmod) == 0) {
      kr_raise(KR_EXC_VALUE, "base is not invertible for the given modulus");
      goto done;
    }
    mpz_t e;
    mpz_init(e);
    mpz_neg(e, y.z);
    mpz_powm(r, base, e, absmod);
    mpz_clear(e);
  } else {
    mpz_powm(r, base, y.z, absmod);
  }
  /* The result takes the sign of the modulus, like '%'. */
  if (mpz_sgn(mod.z) < 0 && mpz_sgn(r) != 0) mpz_add(r, r, mod.z);
  result = from_mpz(r);
done:
  operand_clear(&x);
  operand_clear(&y);
  operand_clear(&mod);
  mpz_clear(base);
  mpz_clear(absmod);
  return result;
}

/* }==================================================================== */

/* {====================================================================
** Conversion to float, true division
** ===================================================================== */

/* The double nearest to q * 2**e (q > 0), rounding half to even. When 'inexact', the
** true value is slightly above q * 2**e (a nonzero remainder was dropped), which
** breaks ties upward; q must then have more bits than the result keeps. Returns
** HUGE_VAL on overflow. */
static double scaled_to_double(mpz_srcptr q, long e, bool inexact) {
  long n = (long)mpz_sizeinbase(q, 2);
  long top = n + e; /* the value lies in [2**(top-1), 2**top) */
  long precision = 53;
  if (top - 1 < -1022) precision = top + 1074; /* subnormal: fewer bits survive */
  if (precision < 0) return 0.0;
  long shift = n - precision;
  if (shift <= 0) return ldexp(mpz_get_d(q), (int)e); /* exact */
  mpz_t m, rem;
  mpz_inits(m, rem, NULL);
  mpz_fdiv_q_2exp(m, q, (unsigned long)shift);
  mpz_fdiv_r_2exp(rem, q, (unsigned long)shift);
  /* Compare the dropped bits with one half of the last kept bit. */
  int cmp_half;
  if (mpz_sgn(rem) == 0) {
    cmp_half = -1;
  } else {
    long rem_bits = (long)mpz_sizeinbase(rem, 2);
    if (rem_bits < shift) {
      cmp_half = -1;
    } else {
      mpz_clrbit(rem, (unsigned long)(shift - 1));
      cmp_half = (mpz_sgn(rem) != 0 || inexact) ? 1 : 0;
    }
  }
  bool up = cmp_half > 0 || (cmp_half == 0 && mpz_odd_p(m));
  if (up) mpz_add_ui(m, m, 1);
  double d = ldexp((double)mpz_get_ui(m), (int)(e + shift));
  mpz_clears(m, rem, NULL);
  return d;
}

double kr_int_to_double(kr_value a, bool *error) {
  *error = false;
  if (kr_is_small(a)) return (double)kr_small_value(a); /* rounds to nearest even */
  mpz_srcptr z = ((const kr_bigint *)kr_as_object(a))->z;
  mpz_t mag;
  mpz_init(mag);
  mpz_abs(mag, z);
  double d = scaled_to_double(mag, 0, false);
  mpz_clear(mag);
  if (isinf(d)) {
    *error = true;
    kr_raise(KR_EXC_OVERFLOW, "int too large to convert to float");
    return -1.0;
  }
  return mpz_sgn(z) < 0 ? -d : d;
}

double kr_int_frexp(kr_value a, long *exponent) {
  mpz_t mag;
  mpz_init(mag);
  if (kr_is_small(a)) {
    mpz_set_si(mag, kr_small_value(a));
  } else {
    mpz_set(mag, ((const kr_bigint *)kr_as_object(a))->z);
  }
  bool negative = mpz_sgn(mag) < 0;
  mpz_abs(mag, mag);
  long n = (long)mpz_sizeinbase(mag, 2);
  double m = mpz_sgn(mag) == 0 ? 0.0 : scaled_to_double(mag, -n, false);
  mpz_clear(mag);
  if (m == 1.0) { /* rounded up to the next power of two */
    m = 0.5;
    n++;
  }
  *exponent = m == 0.0 ? 0 : n;
  return negative ? -m : m;
}

/* |v| <= 2**53: converts to double exactly. */
static bool exactly_double(kr_value v) {
  if (!kr_is_small(v)) return false;
  int64_t x = kr_small_value(v);
  return x >= -((int64_t)1 << 53) && x <= ((int64_t)1 << 53);
}

double kr_int_truediv(kr_value a, kr_value b, bool *error) {
  *error = false;
  if (kr_int_is_zero(b)) {
    *error = true;
    kr_raise(KR_EXC_ZERO_DIVISION, "division by zero");
    return -1.0;
  }
  if (exactly_double(a) && exactly_double(b)) {
    /* Both exact, so IEEE division rounds the exact quotient once. */
    return (double)kr_small_value(a) / (double)kr_small_value(b);
  }
  operand x, y;
  operand_init(&x, a);
  operand_init(&y, b);
  bool negative = (mpz_sgn(x.z) < 0) != (mpz_sgn(y.z) < 0);
  double d = 0.0;
  if (mpz_sgn(x.z) != 0) {
    mpz_t num, den, q, r;
    mpz_inits(num, den, q, r, NULL);
    mpz_abs(num, x.z);
    mpz_abs(den, y.z);
    /* Scale so that the quotient has at least 55 bits: 53 kept plus round and
    ** sticky information. */
    long e = (long)mpz_sizeinbase(num, 2) - (long)mpz_sizeinbase(den, 2) - 55;
    if (e > 0) {
      mpz_mul_2exp(den, den, (unsigned long)e);
    } else {
      mpz_mul_2exp(num, num, (unsigned long)(-e));
    }
    mpz_fdiv_qr(q, r, num, den);
    d = scaled_to_double(q, e, mpz_sgn(r) != 0);
    mpz_clears(num, den, q, r, NULL);
  }
  operand_clear(&x);
  operand_clear(&y);
  if (isinf(d)) {
    *error = true;
    kr_raise(KR_EXC_OVERFLOW, "integer division result too large for a float");
    return -1.0;
  }
  return negative ? -d : d;
}

/* }==================================================================== */

/* {====================================================================
** Comparison and hashing
** ===================================================================== */

int kr_int_sign(kr_value a) {
  if (kr_is_small(a)) {
    int64_t x = kr_small_value(a);
    return (x > 0) - (x < 0);
  }
  return mpz_sgn(((const kr_bigint *)kr_as_object(a))->z);
}

bool kr_int_is_zero(kr_value a) { return a == kr_small(0); }

int kr_int_compare(kr_value a, kr_value b) {
  if (kr_is_small(a) && kr_is_small(b)) {
    int64_t x = kr_small_value(a), y = kr_small_value(b);
    return (x > y) - (x < y);
  }
  operand x, y;
  operand_init(&x, a);
  operand_init(&y, b);
  int c = mpz_cmp(x.z, y.z);
  operand_clear(&x);
  operand_clear(&y);
  return (c > 0) - (c < 0);
}

bool kr_int_eq(kr_value a, kr_value b) {
  if (a == b) return true;
  if (kr_is_small(a) || kr_is_small(b)) return false; /* normalised: big != small */
  return kr_int_compare(a, b) == 0;
}

int kr_int_compare_double(kr_value a, double d) {
  if (isnan(d)) return 2;
  if (isinf(d)) return d > 0 ? -1 : 1;
  if (exactly_double(a)) {
    double x = (double)kr_small_value(a);
    return (x > d) - (x < d);
  }
  /* Compare with the integer part exactly, then let the fraction decide ties. */
  double whole = trunc(d);
  double fraction = d - whole;
  operand x;
  operand_init(&x, a);
  mpz_t w;
  mpz_init_set_d(w, whole);
  int c = mpz_cmp(x.z, w);
  mpz_clear(w);
  operand_clear(&x);
  if (c != 0) return (c > 0) - (c < 0);
  return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0);
}

int64_t kr_int_hash(kr_value a) {
  uint64_t h;
  int sign = kr_int_sign(a);
  if (kr_is_small(a)) {
    int64_t x = kr_small_value(a);
    uint64_t mag = x < 0 ? (uint64_t)(-x) : (uint64_t)x;
    h = mag % HASH_MODULUS;
  } else {
    mpz_t mag;
    mpz_init(mag);
    mpz_abs(mag, ((const kr_bigint *)kr_as_object(a))->z);
    h = mpz_fdiv_ui(mag, HASH_MODULUS);
    mpz_clear(mag);
  }
  int64_t r = sign < 0 ? -(int64_t)h : (int64_t)h;
  return r == -1 ? -2 : r;
}

/* }==================================================================== */

/* {====================================================================
** Conversion to and from text and float
** ===================================================================== */

static const char digit_limit_message[] =
    "Exceeds the limit (4300 digits) for integer string conversion; "
    "use sys.set_int_max_str_digits() to increase the limit";

const char *kr_int_to_str(kr_value a, int base, size_t *len) {
  const char *prefix = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "";
  operand x;
  operand_init(&x, a);
  size_t digits = mpz_sizeinbase(x.z, base); /* exact or one too many */
  if (base == 10 && digits > MAX_STR_DIGITS) {
    /* Python measures the exact digit count; sizeinbase may overcount by one. */
    char *tmp = mpz_get_str(NULL, 10, x.z);
    size_t exact = strlen(tmp) - (tmp[0] == '-');
    if (exact > MAX_STR_DIGITS) {
      operand_clear(&x);
      kr_raise(KR_EXC_VALUE, digit_limit_message);
      return NULL;
    }
  }
  size_t cap = digits + strlen(prefix) + 3;
  char *buf = kr_alloc_atomic(cap);
  char *p = buf;
  if (mpz_sgn(x.z) < 0) *p++ = '-';
  strcpy(p, prefix);
  p += strlen(prefix);
  mpz_t mag;
  mpz_init(mag);
  mpz_abs(mag, x.z);
  mpz_get_str(p, base, mag);
  mpz_clear(mag);
  operand_clear(&x);
  *len = strlen(buf);
  return buf;
}

kr_value kr_int_from_double(double d) {
  if (isinf(d)) return kr_raise(KR_EXC_OVERFLOW, "cannot convert float infinity to integer");
  if (isnan(d)) return kr_raise(KR_EXC_VALUE, "cannot convert float NaN to integer");
  double t = trunc(d);
  if (t >= -4611686018427387904.0 && t < 4611686018427387904.0) return kr_small((int64_t)t);
  mpz_t z;
  mpz_init_set_d(z, t); /* exact: a double's integer part is an integer */
  return from_mpz(z);
}

/* Python's Py_ISSPACE: ASCII whitespace only (not the \x1c-\x1f separators, which
** str.isspace() accepts but int() does not). */
static bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int digit_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

/* "invalid literal for int() with base B: 'TEXT'", TEXT as Python's repr. */
static kr_value invalid_literal(const char *text, size_t len, int base) {
  size_t cap = len * 4 + 64;
  char *msg = kr_alloc_atomic(cap);
  int n = snprintf(msg, cap, "invalid literal for int() with base %d: ", base);
  bool has_single = memchr(text, '\'', len) != NULL;
  bool has_double = memchr(text, '"', len) != NULL;
  char quote = (has_single && !has_double) ? '"' : '\'';
  char *p = msg + n;
  char *repr_start = p;
  *p++ = quote;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c == '\\' || c == (unsigned char)quote) {
      *p++ = '\\';
      *p++ = (char)c;
    } else if (c == '\n') {
      *p++ = '\\', *p++ = 'n';
    } else if (c == '\r') {
      *p++ = '\\', *p++ = 'r';
    } else if (c == '\t') {
      *p++ = '\\', *p++ = 't';
    } else if (c < 0x20 || c == 0x7f) {
      p += sprintf(p, "\\x%02x", c);
    } else {
      *p++ = (char)c;
    }
  }
  *p++ = quote;
  /* CPython formats the text with "%.200R": its repr cut to 200 characters. */
  if (p - repr_start > 200) p = repr_start + 200;
  *p = '\0';
  return kr_raise(KR_EXC_VALUE, msg);
}

kr_value kr_int_from_str(const char *text, size_t len, int base) {
  size_t i = 0, end = len;
  while (i < end && is_space((unsigned char)text[i])) i++;
  while (end > i && is_space((unsigned char)text[end - 1])) end--;
  bool negative = false;
  if (i < end && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  int b = base;
  bool prefixed = false;
  if (end - i >= 2 && text[i] == '0') {
    char c = (char)(text[i + 1] | 0x20);
    int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
    if (pb != 0 && (base == 0 || base == pb)) {
      b = pb;
      i += 2;
      prefixed = true;
    }
  }
  if (b == 0) b = 10;
  /* Digits with single underscores between them (and after a prefix). */
  char *digits = kr_alloc_atomic(end - i + 1);
  size_t nd = 0;
  bool last_underscore = !prefixed; /* a leading '_' is only allowed after a prefix */
  for (size_t k = i; k < end; k++) {
    unsigned char c = (unsigned char)text[k];
    if (c == '_') {
      if (last_underscore) return invalid_literal(text, len, base);
      last_underscore = true;
      continue;
    }
    if (digit_value(c) >= b) return invalid_literal(text, len, base);
    digits[nd++] = (char)c;
    last_underscore = false;
  }
  if (nd == 0 || last_underscore) return invalid_literal(text, len, base);
  digits[nd] = '\0';
  if (base == 0 && !prefixed && digits[0] == '0') {
    /* Base 0 forbids leading zeros in nonzero decimals, as the grammar does. */
    for (size_t k = 0; k < nd; k++) {
      if (digits[k] != '0') return invalid_literal(text, len, base);
    }
  }
  if ((b & (b - 1)) != 0 && nd > MAX_STR_DIGITS) {
    char *msg = kr_alloc_atomic(200);
    snprintf(msg, 200,
             "Exceeds the limit (4300 digits) for integer string conversion: "
             "value has %zu digits; use sys.set_int_max_str_digits() to increase the limit",
             nd);
    return kr_raise(KR_EXC_VALUE, msg);
  }
  mpz_t z;
  mpz_init(z);
  mpz_set_str(z, digits, b); /* cannot fail: every digit was checked */
  if (negative) mpz_neg(z, z);
  return from_mpz(z);
}

/* }==================================================================== */

/* {====================================================================
** int methods
** ===================================================================== */

/* n.bit_length(): the bits of |n| without sign and leading zeros (0 for 0). */
kr_value kr_int_bit_length(kr_value n) {
  if (kr_is_small(n)) {
    int64_t v = kr_small_value(n);
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    return kr_small(mag == 0 ? 0 : 64 - __builtin_clzll(mag));
  }
  mpz_srcptr z = ((const kr_bigint *)kr_as_object(n))->z;
  return kr_small((int64_t)mpz_sizeinbase(z, 2));
}

/* n.bit_count(): the one bits of |n|. */
kr_value kr_int_bit_count(kr_value n) {
  if (kr_is_small(n)) {
    int64_t v = kr_small_value(n);
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    return kr_small(__builtin_popcountll(mag));
  }
  mpz_srcptr z = ((const kr_bigint *)kr_as_object(n))->z;
  if (mpz_sgn(z) >= 0) return kr_small((int64_t)mpz_popcount(z));
  mpz_t mag;
  mpz_init(mag);
  mpz_neg(mag, z);
  int64_t count = (int64_t)mpz_popcount(mag);
  mpz_clear(mag);
  return kr_small(count);
}

/* }==================================================================== */
