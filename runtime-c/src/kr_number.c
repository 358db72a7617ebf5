/*
** kr_number.c: the number builtins that are not operators: round() of floats and
** ints, and math's integer functions (gcd, lcm, isqrt, factorial, comb, perm) and
** isclose, with CPython 3.11's results and messages.
**
** round(x, n) of a float rounds the exact binary value of x to n decimal places,
** half to even, and returns the double nearest to that decimal (CPython prints it
** with dtoa and reads it back): glibc's "%.*f" and strtod are both correctly
** rounded, so they give the same double. Negative n rounds the exact integer with
** GMP.
**
** Big ints cross into GMP through their hexadecimal text: kr_int.c keeps its GMP
** view of a kr_value private, and hex conversion is linear and exact.
*/
#include "krait.h"

#include <errno.h>
#include <gmp.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* {====================================================================
** kr_value <-> mpz
** ===================================================================== */

/* Sets 'out' (initialised) to the value of v. */
static void to_mpz(mpz_t out, kr_value v) {
  if (kr_is_small(v)) {
    mpz_set_si(out, kr_small_value(v));
    return;
  }
  size_t len;
  const char *text = kr_int_to_str(v, 16, &len); /* "0x1f" or "-0x1f" */
  bool negative = text[0] == '-';
  mpz_set_str(out, text + negative + 2, 16);
  if (negative) mpz_neg(out, out);
}

/* The value of z (which stays the caller's to clear). */
static kr_value from_mpz(const mpz_t z) {
  if (mpz_fits_slong_p(z)) return kr_int_from_i64(mpz_get_si(z));
  char *text = mpz_get_str(NULL, 16, z);
  return kr_int_from_str(text, strlen(text), 16);
}

/* }==================================================================== */

/* {====================================================================
** round()
** ===================================================================== */

kr_value kr_float_round_int(double x) {
  if (!isfinite(x)) return kr_int_from_double(x); /* OverflowError / ValueError */
  double r = round(x);                            /* halves away from zero... */
  if (fabs(x - r) == 0.5) r = 2.0 * round(x / 2.0); /* ...then to even */
  return kr_int_from_double(r);
}

static double fail_double(bool *error, kr_exc_kind kind, const char *message) {
  kr_raise(kind, message);
  *error = true;
  return -1.0;
}

/* x rounded to a multiple of 10**k (k >= 1), half to even on the exact value. */
static double round_to_tens(double x, int64_t k, bool *error) {
  double m = fabs(x);
  if (m < 1.0) return copysign(0.0, x); /* below 10**k / 2 */
  double whole = trunc(m);
  double fraction = m - whole;
  mpz_t t, p, q, r, half;
  mpz_inits(t, p, q, r, half, NULL);
  mpz_set_d(t, whole);
  mpz_ui_pow_ui(p, 10, (unsigned long)k);
  mpz_tdiv_qr(q, r, t, p);
  mpz_tdiv_q_2exp(half, p, 1);
  int c = mpz_cmp(r, half);
  if (c > 0 || (c == 0 && (fraction > 0.0 || mpz_odd_p(q)))) mpz_add_ui(q, q, 1);
  double result;
  if (mpz_sgn(q) == 0) {
    result = 0.0;
  } else {
    char *digits = mpz_get_str(NULL, 10, q);
    size_t n = strlen(digits);
    char *text = kr_alloc_atomic(n + 32);
    snprintf(text, n + 32, "%se%lld", digits, (long long)k);
    result = strtod(text, NULL);
  }
  mpz_clears(t, p, q, r, half, NULL);
  if (isinf(result)) return fail_double(error, KR_EXC_OVERFLOW, "rounded value too large to represent");
  return copysign(result, x);
}

double kr_float_round(double x, kr_value ndigits, bool *error) {
  *error = false;
  if (!isfinite(x)) return x;
  int64_t n;
  if (!kr_int_to_i64(ndigits, &n)) n = kr_int_sign(ndigits) < 0 ? INT64_MIN : INT64_MAX;
  /* Past these every double rounds to itself, or to zero (CPython's bounds, from
  ** the digits a double can have: (53 - (-1021)) * log10(2) and 1025 * log10(2)). */
  if (n > 323) return x;
  if (n < -308) return 0.0 * x;
  if (n < 0) return round_to_tens(x, -n, error);
  char text[700];
  snprintf(text, sizeof text, "%.*f", (int)n, x);
  return strtod(text, NULL);
}

kr_value kr_int_round(kr_value i, kr_value ndigits) {
  if (kr_int_sign(ndigits) >= 0) return i;
  mpz_t z, p, q, r;
  mpz_inits(z, p, q, r, NULL);
  to_mpz(z, i);
  int64_t k;
  bool huge = !kr_int_to_i64(ndigits, &k) || -k > (int64_t)mpz_sizeinbase(z, 10) + 1;
  kr_value result = kr_small(0);
  if (!huge) {
    /* |i| < 10**(k-1) here only when the result is 0 anyway; 10**k stays small. */
    mpz_ui_pow_ui(p, 10, (unsigned long)-k);
    mpz_fdiv_qr(q, r, z, p);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, p);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
    mpz_mul(q, q, p);
    result = from_mpz(q);
  }
  mpz_clears(z, p, q, r, NULL);
  return result;
}

/* }==================================================================== */

/* {====================================================================
** math's integer functions
** ===================================================================== */

kr_value kr_math_gcd(kr_value a, kr_value b) {
  if (kr_is_small(a) && kr_is_small(b)) {
    int64_t x = kr_small_value(a), y = kr_small_value(b);
    uint64_t u = x < 0 ? -(uint64_t)x : (uint64_t)x;
    uint64_t v = y < 0 ? -(uint64_t)y : (uint64_t)y;
    while (v != 0) {
      uint64_t t = u % v;
      u = v;
      v = t;
    }
    return kr_int_from_i64((int64_t)u); /* at most 2**62 */
  }
  mpz_t x, y;
  mpz_inits(x, y, NULL);
  to_mpz(x, a);
  to_mpz(y, b);
  mpz_gcd(x, x, y);
  kr_value r = from_mpz(x);
  mpz_clears(x, y, NULL);
  return r;
}

kr_value kr_math_lcm(kr_value a, kr_value b) {
  mpz_t x, y;
  mpz_inits(x, y, NULL);
  to_mpz(x, a);
  to_mpz(y, b);
  mpz_lcm(x, x, y); /* non-negative; 0 when either is 0 */
  kr_value r = from_mpz(x);
  mpz_clears(x, y, NULL);
  return r;
}

kr_value kr_math_isqrt(kr_value n) {
  if (kr_int_sign(n) < 0) return kr_raise(KR_EXC_VALUE, "isqrt() argument must be nonnegative");
  mpz_t z;
  mpz_init(z);
  to_mpz(z, n);
  mpz_sqrt(z, z);
  kr_value r = from_mpz(z);
  mpz_clear(z);
  return r;
}

kr_value kr_math_factorial(kr_value n) {
  if (kr_int_sign(n) < 0) return kr_raise(KR_EXC_VALUE, "factorial() not defined for negative values");
  int64_t k;
  if (!kr_int_to_i64(n, &k))
    return kr_raise(KR_EXC_OVERFLOW, "factorial() argument should not exceed 9223372036854775807");
  mpz_t z;
  mpz_init(z);
  mpz_fac_ui(z, (unsigned long)k);
  kr_value r = from_mpz(z);
  mpz_clear(z);
  return r;
}

kr_value kr_math_comb(kr_value n, kr_value k) {
  if (kr_int_sign(n) < 0) return kr_raise(KR_EXC_VALUE, "n must be a non-negative integer");
  if (kr_int_sign(k) < 0) return kr_raise(KR_EXC_VALUE, "k must be a non-negative integer");
  if (kr_int_compare(k, n) > 0) return kr_small(0);
  /* comb(n, k) == comb(n, n - k): the smaller one is the number of factors. */
  kr_value rest = kr_int_sub(n, k);
  kr_value fewer = kr_int_compare(rest, k) < 0 ? rest : k;
  int64_t m;
  if (!kr_int_to_i64(fewer, &m))
    return kr_raise(KR_EXC_OVERFLOW, "min(n - k, k) must not exceed 9223372036854775807");
  mpz_t z;
  mpz_init(z);
  to_mpz(z, n);
  mpz_bin_ui(z, z, (unsigned long)m);
  kr_value r = from_mpz(z);
  mpz_clear(z);
  return r;
}

kr_value kr_math_perm(kr_value n, kr_value k) {
  if (k == KR_ABSENT) return kr_math_factorial(n); /* perm(n) is factorial(n), errors too */
  if (kr_int_sign(n) < 0) return kr_raise(KR_EXC_VALUE, "n must be a non-negative integer");
  if (kr_int_sign(k) < 0) return kr_raise(KR_EXC_VALUE, "k must be a non-negative integer");
  if (kr_int_compare(k, n) > 0) return kr_small(0);
  int64_t m;
  if (!kr_int_to_i64(k, &m)) return kr_raise(KR_EXC_OVERFLOW, "k must not exceed 9223372036854775807");
  /* n! / (n - k)! == comb(n, k) * k! */
  mpz_t z, f;
  mpz_inits(z, f, NULL);
  to_mpz(z, n);
  mpz_bin_ui(z, z, (unsigned long)m);
  mpz_fac_ui(f, (unsigned long)m);
  mpz_mul(z, z, f);
  kr_value r = from_mpz(z);
  mpz_clears(z, f, NULL);
  return r;
}

bool kr_math_isclose(double a, double b, double rel, double abs, bool *error) {
  *error = false;
  if (rel < 0.0 || abs < 0.0) {
    kr_raise(KR_EXC_VALUE, "tolerances must be non-negative");
    *error = true;
    return false;
  }
  if (a == b) return true; /* also equal infinities */
  if (isinf(a) || isinf(b)) return false;
  double diff = fabs(b - a);
  return diff <= fabs(rel * b) || diff <= fabs(rel * a) || diff <= abs;
}

/* }==================================================================== */
