/*
** kr_math.c: the float functions of Python's 'math' module. Each calls the C
** library function CPython calls and then applies CPython's error rules: a nan
** from a non-nan argument is ValueError('math domain error'); an infinity from
** finite arguments is OverflowError('math range error') for the functions that can
** overflow, ValueError('math domain error') for the others (log(0), for instance).
*/
#include "krait.h"

#include <math.h>

static double domain_error(bool *error) {
  *error = true;
  kr_raise(KR_EXC_VALUE, "math domain error");
  return -1.0;
}

static double range_error(bool *error) {
  *error = true;
  kr_raise(KR_EXC_OVERFLOW, "math range error");
  return -1.0;
}

/* CPython's math_1 rules for a one-argument function. */
static double check1(double x, double r, bool can_overflow, bool *error) {
  *error = false;
  if (isnan(r) && !isnan(x)) return domain_error(error);
  if (isinf(r) && isfinite(x)) return can_overflow ? range_error(error) : domain_error(error);
  return r;
}

/* CPython's math_2 rules for a two-argument function. */
static double check2(double x, double y, double r, bool *error) {
  *error = false;
  if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error(error);
  if (isinf(r) && isfinite(x) && isfinite(y)) return range_error(error);
  return r;
}

#define KR_MATH_1(name, cfunc, can_overflow) \
  double kr_math_##name(double x, bool *error) { return check1(x, cfunc(x), can_overflow, error); }

KR_MATH_1(sqrt, sqrt, false)
KR_MATH_1(exp, exp, true)
KR_MATH_1(log2, log2, false)
KR_MATH_1(log10, log10, false)
KR_MATH_1(sin, sin, false)
KR_MATH_1(cos, cos, false)
KR_MATH_1(tan, tan, false)
KR_MATH_1(asin, asin, false)
KR_MATH_1(acos, acos, false)
KR_MATH_1(atan, atan, false)
KR_MATH_1(sinh, sinh, true)
KR_MATH_1(cosh, cosh, true)
KR_MATH_1(tanh, tanh, false)
KR_MATH_1(fabs, fabs, false)
KR_MATH_1(expm1, expm1, true)
KR_MATH_1(log1p, log1p, false)
KR_MATH_1(asinh, asinh, false)
KR_MATH_1(acosh, acosh, false)
KR_MATH_1(atanh, atanh, false)
KR_MATH_1(cbrt, cbrt, false)
KR_MATH_1(exp2, exp2, true)

/* radians() and degrees() multiply by CPython's constant factor and never fail. */
double kr_math_radians(double x, bool *error) {
  *error = false;
  return x * (3.141592653589793238462643383279502884 / 180.0);
}

double kr_math_degrees(double x, bool *error) {
  *error = false;
  return x * (180.0 / 3.141592653589793238462643383279502884);
}

double kr_math_log(double x, bool *error) {
  /* log(0) and log(-x) are domain errors in Python (C gives -inf or nan). */
  if (x <= 0.0) return domain_error(error);
  return check1(x, log(x), false, error);
}

double kr_math_log_quotient(double num, double den, bool *error) {
  *error = false;
  if (den == 0.0) {
    *error = true;
    kr_raise(KR_EXC_ZERO_DIVISION, "float division by zero");
    return -1.0;
  }
  return num / den;
}

double kr_math_log_base(double x, double base, bool *error) {
  double num = kr_math_log(x, error);
  if (*error) return -1.0;
  double den = kr_math_log(base, error);
  if (*error) return -1.0;
  return kr_math_log_quotient(num, den, error);
}

double kr_math_log_int(kr_value x, int which, bool *error) {
  *error = false;
  if (kr_int_compare(x, kr_small(0)) <= 0) return domain_error(error);
  bool overflow = false;
  double d = kr_int_to_double(x, &overflow);
  if (!overflow) {
    return which == 0 ? kr_math_log(d, error)
           : which == 1 ? kr_math_log2(d, error)
                        : kr_math_log10(d, error);
  }
  /* Beyond the double range: log(m * 2**e) = log(m) + log(2) * e. */
  kr_error_clear();
  long e;
  double m = kr_int_frexp(x, &e);
  double scale = which == 0 ? log(2.0) : which == 1 ? 1.0 : log10(2.0);
  double part = which == 0 ? log(m) : which == 1 ? log2(m) : log10(m);
  return part + scale * (double)e;
}

double kr_math_atan2(double y, double x, bool *error) { return check2(y, x, atan2(y, x), error); }
double kr_math_hypot(double x, double y, bool *error) { return check2(x, y, hypot(x, y), error); }
double kr_math_copysign(double x, double y, bool *error) {
  *error = false;
  return copysign(x, y);
}

double kr_math_fmod(double x, double y, bool *error) {
  /* fmod(x, inf) is x for finite x; C agrees, but CPython checks it first. */
  if (isinf(y) && isfinite(x)) {
    *error = false;
    return x;
  }
  return check2(x, y, fmod(x, y), error);
}

double kr_math_pow(double x, double y, bool *error) {
  /* 0 ** negative is a domain error here (the ** operator says ZeroDivisionError). */
  if (x == 0.0 && isfinite(y) && y < 0.0) return domain_error(error);
  return check2(x, y, pow(x, y), error);
}

kr_value kr_math_floor(double x) { return kr_int_from_double(floor(x)); }
kr_value kr_math_ceil(double x) { return kr_int_from_double(ceil(x)); }
kr_value kr_math_trunc(double x) { return kr_int_from_double(x); }
