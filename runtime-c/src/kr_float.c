/*
** kr_float.c: float arithmetic that C does not give with Python's meaning (floor
** division, modulo and power, with Python's signs of zero, infinities and messages)
** and repr(), which must print the shortest digits that read back to the same double.
**
** Everything here is plain IEEE double arithmetic compiled without contraction
** (build.rs passes -ffp-contract=off), so results are bit-identical to CPython's.
*/
#include "krait.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* {====================================================================
** Division, modulo, power
** ===================================================================== */

static double fail(bool *error, kr_exc_kind kind, const char *message) {
  kr_raise(kind, message);
  *error = true;
  return -1.0;
}

double kr_float_div(double a, double b, bool *error) {
  if (b == 0.0) return fail(error, KR_EXC_ZERO_DIVISION, "float division by zero");
  return a / b;
}

/* a % b with the sign of b, as Python defines it. fmod is exact, so the only
** rounding is in the correction 'mod + b'. A zero result takes b's sign. */
static double python_mod(double a, double b) {
  double mod = fmod(a, b);
  if (mod != 0.0) {
    if ((b < 0.0) != (mod < 0.0)) mod += b;
  } else {
    mod = copysign(0.0, b);
  }
  return mod;
}

/* a // b computed from the exact remainder, so that a == b * (a // b) + a % b holds
** as nearly as doubles allow (Python's definition, not floor(a / b): for 1 // 0.1,
** floor(1 / 0.1) is 10.0 but Python gives 9.0). */
static double python_floordiv(double a, double b) {
  double mod = fmod(a, b);
  double div = (a - mod) / b; /* nearly an integer */
  if (mod != 0.0 && ((b < 0.0) != (mod < 0.0))) div -= 1.0;
  if (div == 0.0) return copysign(0.0, a / b);
  double floored = floor(div);
  /* div is an integer up to rounding; snap it to the nearest one. */
  if (div - floored > 0.5) floored += 1.0;
  return floored;
}

double kr_float_floordiv(double a, double b, bool *error) {
  if (b == 0.0) return fail(error, KR_EXC_ZERO_DIVISION, "float floor division by zero");
  return python_floordiv(a, b);
}

double kr_float_mod(double a, double b, bool *error) {
  if (b == 0.0) return fail(error, KR_EXC_ZERO_DIVISION, "float modulo");
  return python_mod(a, b);
}

double kr_float_divmod(double a, double b, double *mod, bool *error) {
  if (b == 0.0) return fail(error, KR_EXC_ZERO_DIVISION, "float divmod()");
  *mod = python_mod(a, b);
  return python_floordiv(a, b);
}

static bool is_odd_integer(double d) {
  /* An odd integer is below 2**53 in magnitude; fmod is exact. */
  return fabs(fmod(d, 2.0)) == 1.0;
}

/* Python's float ** float: libm's pow for the ordinary cases, and Python's own rules
** (which differ from C99 Annex F in places) for zeros, infinities, nans and errors. */
double kr_float_pow(double a, double b, bool *error) {
  if (b == 0.0) return 1.0; /* even nan ** 0 */
  if (isnan(a)) return a;
  if (isnan(b)) return a == 1.0 ? 1.0 : b;
  if (isinf(b)) {
    double m = fabs(a);
    if (m == 1.0) return 1.0;
    return (b > 0.0) == (m > 1.0) ? INFINITY : 0.0;
  }
  if (isinf(a)) {
    bool odd = is_odd_integer(b);
    if (b > 0.0) return odd ? a : fabs(a);
    return odd ? copysign(0.0, a) : 0.0;
  }
  if (a == 0.0) {
    if (b < 0.0)
      return fail(error, KR_EXC_ZERO_DIVISION, "0.0 cannot be raised to a negative power");
    return is_odd_integer(b) ? a : 0.0;
  }
  bool negate = false;
  if (a < 0.0) {
    if (b != floor(b))
      return fail(error, KR_EXC_VALUE,
                  "krait does not support complex numbers yet: a negative float raised "
                  "to a non-integer power has a complex result in Python");
    negate = is_odd_integer(b);
    a = -a;
  }
  if (a == 1.0) return negate ? -1.0 : 1.0;
  errno = 0;
  double r = pow(a, b);
  /* Finite operands with an infinite result overflowed; underflow to 0 is fine. */
  if (isinf(r))
    return fail(error, KR_EXC_OVERFLOW, "(34, 'Numerical result out of range')");
  return negate ? -r : r;
}

kr_value kr_float_to_int(double d) { return kr_int_from_double(d); }

double kr_float_abs(double d) { return fabs(d); }

bool kr_float_is_integer(double d) { return isfinite(d) && floor(d) == d; }

/* }==================================================================== */

/* {====================================================================
** repr
** ===================================================================== */

/* A decimal d.ddd x 10^exponent with 'count' significant digits (no dot). */
typedef struct decimal {
  char digits[32];
  int count;
  int exponent;
} decimal;

/* The correctly rounded 'count'-digit decimal of positive finite d. */
static void round_to_digits(double d, int count, decimal *out) {
  char text[40];
  snprintf(text, sizeof text, "%.*e", count - 1, d);
  /* text is "D.DDDDe[+-]XX" (or "De[+-]XX" when count is 1). */
  int n = 0;
  const char *p = text;
  for (; *p != 'e' && *p != '\0'; p++) {
    if (*p >= '0' && *p <= '9' && n < (int)sizeof out->digits - 1) out->digits[n++] = *p;
  }
  out->digits[n] = '\0';
  out->count = n;
  out->exponent = *p == 'e' ? atoi(p + 1) : 0;
}

static double decimal_value(const decimal *x) {
  char text[48];
  snprintf(text, sizeof text, "%c.%se%d", x->digits[0], x->digits + 1, x->exponent);
  return strtod(text, NULL);
}

/* x plus or minus one unit in its last digit; false when that changes the number of
** digits (such a neighbour would have been found with fewer digits). */
static bool neighbour(const decimal *x, int step, decimal *out) {
  *out = *x;
  int i = out->count - 1;
  for (; i >= 0; i--) {
    char *c = &out->digits[i];
    if (step > 0 && *c == '9') {
      *c = '0';
    } else if (step < 0 && *c == '0') {
      *c = '9';
    } else {
      *c = (char)(*c + step);
      break;
    }
  }
  return i >= 0 && out->digits[0] != '0';
}

static void strip_zeros(decimal *x) {
  while (x->count > 1 && x->digits[x->count - 1] == '0') x->digits[--x->count] = '\0';
}

/* Replaces x by the neighbour of it that reads back as d, if one does. Only a power
** of two can have one: elsewhere the doubles around d are equally far on both sides,
** so if the nearest n-digit decimal does not read back as d, no n-digit one does. */
static bool read_back_neighbour(double d, decimal *x) {
  int exponent;
  if (frexp(d, &exponent) != 0.5) return false;
  decimal other;
  if (neighbour(x, 1, &other) && decimal_value(&other) == d) {
    *x = other;
    return true;
  }
  if (neighbour(x, -1, &other) && decimal_value(&other) == d) {
    *x = other;
    return true;
  }
  return false;
}

/* Significant digits printed once, from which shorter roundings are derived. */
#define WIDE_DIGITS 25

/* The correctly rounded 'count'-digit decimal of d from its WIDE_DIGITS-digit
** rounding 'wide'. Where the dropped digits are exactly 5000...0, 'wide' may itself
** have been rounded onto that halfway point, so d is printed again at 'count'. */
static void round_from_wide(double d, const decimal *wide, int count, decimal *out) {
  const char *tail = wide->digits + count;
  bool up = tail[0] > '5';
  if (tail[0] == '5') {
    for (const char *t = tail + 1; *t != '\0'; t++) up = up || *t != '0';
    if (!up) {
      round_to_digits(d, count, out);
      return;
    }
  }
  *out = *wide;
  out->count = count;
  out->digits[count] = '\0';
  if (up && !neighbour(out, 1, out)) {
    /* 99...9 rounded up: 10...0, one decade higher. */
    out->digits[0] = '1';
    out->exponent++;
  }
}

/* The shortest decimal that reads back as d, and of those the nearest to d, which is
** what CPython's repr prints (dtoa mode 0). The correctly rounded n-digit decimal is
** the nearest n-digit one; where the interval of decimals that read back as d is
** lopsided (at powers of two) a neighbour of it can read back when it does not. */
static void shortest_digits(double d, decimal *out) {
  if (d >= DBL_MIN) {
    /* One wide printing gives the 15-, 16- and 17-digit roundings (printing is the
    ** slow part). Two different 15-digit decimals never read back as the same normal
    ** double (DBL_DIG), so if the 15-digit rounding reads back, the shortest decimal
    ** is it without its trailing zeros: the search is only over 15 to 17 digits. */
    decimal wide;
    round_to_digits(d, WIDE_DIGITS, &wide);
    round_from_wide(d, &wide, DBL_DIG, out);
    if (decimal_value(out) == d) {
      strip_zeros(out);
      return;
    }
    round_from_wide(d, &wide, DBL_DIG + 1, out);
    if (decimal_value(out) == d || read_back_neighbour(d, out)) return;
    round_from_wide(d, &wide, 17, out); /* 17 digits always read back */
    strip_zeros(out);
    return;
  }
  /* Subnormals have fewer digits of precision: search from one digit. */
  for (int count = 1; count < 17; count++) {
    round_to_digits(d, count, out);
    if (decimal_value(out) == d || read_back_neighbour(d, out)) return;
  }
  round_to_digits(d, 17, out);
  strip_zeros(out);
}

size_t kr_float_repr(double d, char *buf) {
  if (isnan(d)) return (size_t)sprintf(buf, "nan");
  if (isinf(d)) return (size_t)sprintf(buf, d > 0 ? "inf" : "-inf");
  char *p = buf;
  if (signbit(d)) {
    *p++ = '-';
    d = -d;
  }
  if (d == 0.0) {
    strcpy(p, "0.0");
    return (size_t)(p + 3 - buf);
  }
  decimal x;
  shortest_digits(d, &x);
  int e = x.exponent;
  if (e < -4 || e >= 16) {
    /* d.ddde+XX: no ".0" for a single digit, at least two exponent digits. */
    *p++ = x.digits[0];
    if (x.count > 1) {
      *p++ = '.';
      memcpy(p, x.digits + 1, (size_t)x.count - 1);
      p += x.count - 1;
    }
    p += sprintf(p, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
  } else if (e < 0) {
    *p++ = '0';
    *p++ = '.';
    for (int i = -1; i > e; i--) *p++ = '0';
    memcpy(p, x.digits, (size_t)x.count);
    p += x.count;
  } else {
    /* e + 1 digits before the point, padded with zeros; at least one after it. */
    for (int i = 0; i <= e; i++) *p++ = i < x.count ? x.digits[i] : '0';
    *p++ = '.';
    if (x.count > e + 1) {
      memcpy(p, x.digits + e + 1, (size_t)(x.count - e - 1));
      p += x.count - e - 1;
    } else {
      *p++ = '0';
    }
  }
  *p = '\0';
  return (size_t)(p - buf);
}

/* }==================================================================== */
